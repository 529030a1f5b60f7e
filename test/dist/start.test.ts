/**
 * The first run: `npm start` on a fresh clone (no dist/, no code-server) builds the bundles and
 * prints Podsight's findings in examples/ before anything about the editor; then it says what the
 * editor step will install and how long that usually takes. `--no-editor` stops there, so the test
 * installs nothing. The time to the findings is reported, not asserted (speed belongs to benchmarks).
 */
import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { cloneOfRepo, run, tempDir } from './tools';

const work = tempDir('start');
after(() => rmSync(work, { recursive: true, force: true }));

test('npm start prints the findings in examples/ first, then the code-server plan', (t) => {
  const clone = cloneOfRepo(join(work, 'clone'));
  assert.equal(existsSync(join(clone, 'dist')), false, 'a fresh clone has no build');
  const t0 = Date.now();
  const r = run('npm', ['start', '--', '--web', '--no-editor'], {
    cwd: clone,
    env: { ...process.env, PODSIGHT_E2E_TOOLCHAIN: join(work, 'no-toolchain'), NO_COLOR: '1' },
    timeoutMs: 180_000,
  });
  t.diagnostic(`npm start printed its findings and plan in ${Date.now() - t0} ms`);
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  const findings = r.stdout.search(/examples\/seed-port-conflict\.yaml:16:22: error .*\[port-conflict\]/);
  const summary = r.stdout.search(/\d+ findings \(\d+ errors, \d+ warnings, \d+ notes\)/);
  const plan = r.stdout.search(/code-server.*first run only, usually 2 to 5 minutes/);
  assert.ok(findings >= 0 && summary > findings, r.stdout);
  assert.ok(plan > summary, 'the editor step comes after the findings');
  assert.match(r.stdout, /\n {2}16 \| {5}- containerPort: 80\n/, 'with the code frame');
});
