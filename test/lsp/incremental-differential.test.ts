// Incremental = fresh, proven on random edit sequences over real manifests (see differential/).
// CI runs a bounded number; `npm run fuzz:incremental` runs the same for long with fresh seeds.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { corpusDir, repoRoot, yamlFiles } from '../helpers/paths';
import { LspClient } from './harness';
import { makeSequence, type Sequence } from './differential/edits';
import { cliProblems, minimise, runSequence, saveFailure, type Result } from './differential/run';

const SEQUENCES = Number(process.env.PODSIGHT_DIFF_SEQUENCES ?? 300);
const SEED = Number(process.env.PODSIGHT_DIFF_SEED ?? 19);
const FIXTURES = join(repoRoot, 'test', 'fixtures', 'incremental');

// Real manifests, small enough that 300 sequences stay within CI's budget.
const texts = yamlFiles(corpusDir)
  .filter((f) => statSync(f).size < 6000)
  .sort()
  .map((f) => ({ name: relative(corpusDir, f), text: readFileSync(f, 'utf8') }));

let client: LspClient;
before(async () => {
  // Settings arrive a little late, as from editors: the window where stale work used to slip through.
  client = new LspClient({ configurationDelayMs: 2 });
  await client.initialize();
});
after(() => client.dispose());

async function check(sequences: readonly Sequence[]): Promise<void> {
  const results: Result[] = [];
  for (const sequence of sequences) results.push(await runSequence(client, sequence));
  const cli = cliProblems(results);
  const failures: string[] = [];
  for (const r of results) {
    const problems = [...r.problems, ...(cli.has(r) ? [cli.get(r) as string] : [])];
    if (problems.length === 0) continue;
    const small = r.problems.length > 0 ? await minimise(client, r.sequence) : r.sequence;
    failures.push(`${r.sequence.name} (saved, minimised, to ${saveFailure(small)}; copy it to test/fixtures/incremental/ as a regression):\n${problems.slice(0, 5).join('\n')}`);
  }
  assert.deepEqual(failures, [], `${failures.length} of ${results.length} sequences diverged`);
}

test(`${SEQUENCES} random edit sequences: incremental = fresh = CLI, ranges inside the text, versions never go back`, { timeout: 15 * 60_000 }, async () => {
  assert.ok(texts.length > 100, `only ${texts.length} corpus files`);
  await check(Array.from({ length: SEQUENCES }, (_, i) => makeSequence(SEED, i, texts)));
});

test('random edit sequences over big files (their text kept in several blocks by the server): incremental = fresh = CLI', { timeout: 10 * 60_000 }, async () => {
  // Corpus files joined into ~100-200 KB documents: an open document holds its text in blocks of
  // 32 KiB (piece-text.ts), and edits here land in any block and across their edges.
  const big = Array.from({ length: 6 }, (_, k) => {
    const parts: string[] = [];
    let size = 0;
    for (let i = k; size < 100_000 + k * 20_000; i += 7) {
      const text = (texts[i % texts.length] as { text: string }).text;
      parts.push(text.endsWith('\n') ? text : `${text}\n`);
      size += text.length;
    }
    return { name: `joined-${k}`, text: parts.join('---\n') };
  });
  await check(Array.from({ length: 12 }, (_, i) => makeSequence(SEED + 1, i, big)));
});

test('saved regression sequences stay fixed', async () => {
  const files = existsSync(FIXTURES) ? readdirSync(FIXTURES).filter((f) => f.endsWith('.json')) : [];
  await check(files.map((f) => JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as Sequence));
});
