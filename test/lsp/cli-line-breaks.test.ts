/** The CLI on files with lone CR line breaks: the output of their LF twin, in every format. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { examplesDir, repoRoot } from '../helpers/paths';
import { tempDir } from '../helpers/temp-dir';

function podsight(args: string[], cwd = tmpdir()): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'podsight.js'), ...args], { encoding: 'utf8', cwd, env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' }, maxBuffer: 1 << 28 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('a file with lone CR line breaks gets the positions of its LF twin, in JSON, text, SARIF and GitHub annotations', () => {
  // The same name in three folders, checked from each folder: SARIF fingerprints include the path.
  const dir = tempDir('podsight-cr-');
  const lf = readFileSync(join(examplesDir, 'seed-port-conflict.yaml'), 'utf8');
  const variants: Record<string, string> = { lf, cr: lf.replace(/\n/g, '\r'), mixed: lf.replace(/\n/g, (_, i: number) => ['\n', '\r\n', '\r'][i % 3] as string) };
  for (const [name, text] of Object.entries(variants)) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, 'doc.yaml'), text);
  }
  for (const format of ['json', 'text', 'sarif', 'github']) {
    // SARIF names the folder it ran in (originalUriBaseIds): the one difference allowed.
    const outs = Object.keys(variants).map((name) => podsight(['check', 'doc.yaml', '--format', format, '--no-config'], join(dir, name)).stdout.split(join(dir, name)).join('DIR'));
    assert.ok(outs[0]?.includes('80'), `${format}: ${outs[0]}`);
    assert.equal(outs[1], outs[0], `${format}: lone CR`);
    assert.equal(outs[2], outs[0], `${format}: mixed`);
  }
  const [conflict] = (JSON.parse(podsight(['check', join(dir, 'cr', 'doc.yaml'), '--format', 'json']).stdout) as { rule: string; range: unknown }[]).filter((f) => f.rule === 'port-conflict');
  assert.deepEqual(conflict?.range, { start: { line: 15, character: 21 }, end: { line: 15, character: 23 } });
});
