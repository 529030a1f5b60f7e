/**
 * The real-world corpora of issue 14: test/corpus/ (kept in this repository, see its SOURCES.md) and
 * ../shared/corpus/real-world-2/. Every file is checked by the core (no crash), and the folders are
 * checked by the CLI as a user would run it, so files see their folder context (kustomize trees,
 * Services beside their pods). Every error or warning must be a true finding listed in
 * test/corpus/EXPECTED.tsv, or a known false one listed in test/corpus/KNOWN-FALSE.tsv (reported,
 * not failed, until the issue item that fixes it lands; then its row must go).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { analyzeText } from '../../server/src/core/analyze';
import { describe, judge, readExpectations, type CorpusFinding } from '../helpers/corpus-expectations';
import { corpus2Dir, corpusDir, ownCorpusDir, repoRoot, yamlFiles } from '../helpers/paths';

const corpora: Record<string, string> = { own: ownCorpusDir, 'real-world-2': corpus2Dir };
const expected = readExpectations(join(ownCorpusDir, 'EXPECTED.tsv'));
const knownFalse = readExpectations(join(ownCorpusDir, 'KNOWN-FALSE.tsv'));

interface CliRow {
  file: string;
  rule: string;
  severity: string;
  message: string;
  range: { start: { line: number } };
}

/**
 * `podsight check FILE... --format json` over every YAML file of the corpus, as a user runs it on a
 * checkout. The files are named one by one because a folder argument skips dot folders (kyverno keeps
 * its chainsaw tests in `.chainsaw-test/`); the CLI still groups them by folder for Services.
 */
function checkFolder(corpus: string, dir: string): CorpusFinding[] {
  const files = yamlFiles(dir).sort();
  const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'podsight.js'), 'check', ...files, '--format', 'json', '--lang', 'en', '--no-config'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  assert.equal(r.stderr, '', `podsight check ${corpus} wrote to stderr (a rule failed?)`);
  assert.ok(r.status === 0 || r.status === 1, `podsight check ${corpus} exited ${r.status}`);
  return (JSON.parse(r.stdout) as CliRow[])
    .filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => ({ corpus, file: relative(dir, f.file), line: f.range.start.line + 1, rule: f.rule, severity: f.severity, message: f.message }));
}

for (const [corpus, dir] of Object.entries(corpora)) {
  test(`corpus ${corpus}: the core reads every file without a crash`, { skip: !existsSync(dir) && `${dir} is missing` }, () => {
    const files = yamlFiles(dir);
    assert.ok(files.length > (corpus === 'own' ? 50 : 700), `only ${files.length} files under ${dir}`);
    const crashes: string[] = [];
    for (const file of files) {
      const rel = relative(dir, file);
      try {
        analyzeText(readFileSync(file, 'utf8'), {}, (rule, error) => crashes.push(`${rel}: rule ${rule} threw ${String(error)}`));
      } catch (e) {
        crashes.push(`${rel}: analyzeText threw ${String(e)}`);
      }
    }
    assert.deepEqual(crashes, []);
  });
}

test('corpora: every error and warning is a listed true finding or a listed known false one', (t) => {
  const present = Object.entries(corpora).filter(([, dir]) => existsSync(dir));
  const findings = present.flatMap(([corpus, dir]) => checkFolder(corpus, dir));
  const names = new Set(present.map(([c]) => c));
  const verdict = judge(
    findings,
    expected.filter((e) => names.has(e.corpus)),
    knownFalse.filter((e) => names.has(e.corpus)),
  );
  if (verdict.knownFalse.length > 0) {
    t.diagnostic(`${verdict.knownFalse.length} known false findings skipped (test/corpus/KNOWN-FALSE.tsv, /work/notes/corpus-false-findings.md):`);
    for (const f of verdict.knownFalse) t.diagnostic(`  ${describe(f)}`);
  }
  const problems = [
    ...verdict.unexpected.map((f) => `not listed (false? or true and missing from EXPECTED.tsv): ${describe(f)}`),
    ...verdict.missing.map((e) => `EXPECTED.tsv row no longer reported: ${e.corpus}  ${e.file}:${e.line}  ${e.rule}`),
    ...verdict.stale.map((e) => `KNOWN-FALSE.tsv row is gone now (fixed: delete the row): ${e.corpus}  ${e.file}:${e.line}  ${e.rule}`),
  ];
  assert.deepEqual(problems, []);
});

test('own corpus: no file repeats one of ../shared/corpus (same bytes, or same repository and path)', { skip: !existsSync(corpus2Dir) && 'shared corpus missing' }, () => {
  const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');
  // real-world/ keeps some files under not-pods/ and templated/; their repository path starts after that.
  const repoPath = (rel: string): string => rel.replace(/^(not-pods|templated)\//, '');
  const shared = new Map<string, string>();
  const sharedPaths = new Set<string>();
  for (const dir of [corpusDir, corpus2Dir]) {
    for (const file of yamlFiles(dir)) {
      shared.set(sha(file), relative(dir, file));
      sharedPaths.add(repoPath(relative(dir, file)));
    }
  }
  const repeats = yamlFiles(ownCorpusDir).flatMap((file) => {
    const rel = relative(ownCorpusDir, file);
    const same = shared.get(sha(file));
    return [...(same ? [`${rel} has the bytes of shared ${same}`] : []), ...(sharedPaths.has(rel) ? [`${rel} is a shared repository path`] : [])];
  });
  assert.deepEqual(repeats, []);
});
