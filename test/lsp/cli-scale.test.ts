/**
 * `check --jobs N`: worker threads give the single-threaded output byte for byte, in every
 * format, cross-file findings included; progress only on a terminal.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { Progress } from '../../server/src/cli/progress';
import { planUnits } from '../../server/src/cli/units';
import { examplesDir, ownCorpusDir, repoRoot } from '../helpers/paths';
import { tempDir } from '../helpers/temp-dir';

function podsight(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'podsight.js'), ...args], { encoding: 'utf8', cwd: repoRoot, env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' }, maxBuffer: 1 << 28 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const crossFile = join(repoRoot, 'test', 'fixtures', 'cross-file');
// Relative paths, as a user types them (SARIF and text print them).
const inputs = [examplesDir, ownCorpusDir, crossFile].map((dir) => relative(repoRoot, dir));

for (const format of ['json', 'text', 'sarif', 'github']) {
  test(`--jobs 1 and --jobs 2 print the same ${format} output and exit code (examples, test/corpus, cross-file folders)`, () => {
    const one = podsight(['check', ...inputs, '--format', format, '--no-config', '--jobs', '1']);
    const two = podsight(['check', ...inputs, '--format', format, '--no-config', '--jobs', '2']);
    assert.equal(one.status, 1, one.stderr);
    assert.equal(two.status, one.status);
    assert.ok(two.stdout.length > 1000, 'there are findings to compare');
    assert.equal(two.stdout, one.stdout);
    assert.equal(two.stderr, one.stderr);
    assert.equal(two.stderr, '', 'no progress when stderr is not a terminal');
  });
}

test('with --jobs 2, files see the objects of other files in their folder, above and below it', () => {
  const findings = JSON.parse(podsight(['check', relative(repoRoot, crossFile), '--format', 'json', '--jobs', '2']).stdout) as { file: string; rule: string }[];
  const seen = findings.map((f) => `${relative(relative(repoRoot, crossFile), f.file)} ${f.rule}`);
  assert.deepEqual(seen, [
    // The DaemonSet in the parent folder and the one below it share a node port.
    'top.yaml host-port-conflict',
    // The ConfigMap in config.yaml has `color`, not `colour`.
    'web/deploy.yaml missing-config-key',
    'web/node.yaml host-port-conflict',
    // The Service's pods are in deploy.yaml.
    'web/service.yaml service-target-port',
    // A subfolder's Service selects the pods of the folder above it.
    'web/sub/extra.yaml service-target-port',
  ]);
});

/**
 * A repository where kustomize renders run while the files they cannot cover are checked: an
 * overlay that renders (its base's port conflict is reported once, from the render), one that
 * kustomize cannot build (its own files are then checked one by one), and folders no overlay
 * reads (checked meanwhile), one of them with cross-file findings.
 */
function repoWithOverlays(): string {
  const root = tempDir('podsight-jobs-k-');
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const conflict = readFileSync(join(examplesDir, 'seed-port-conflict.yaml'), 'utf8');
  write('deploy/base/pod.yaml', conflict);
  write('deploy/base/kustomization.yaml', 'resources:\n  - pod.yaml\n');
  write('deploy/overlays/prod/kustomization.yaml', 'resources:\n  - ../../base\nnamePrefix: prod-\n');
  write('deploy/overlays/broken/kustomization.yaml', 'resources:\n  - pod.yaml\n  - ../../missing\n');
  write('deploy/overlays/broken/pod.yaml', conflict.replace('name: mypod', 'name: broken'));
  cpSync(crossFile, join(root, 'apps'), { recursive: true });
  return root;
}

for (const format of ['json', 'text']) {
  test(`kustomize renders run beside the file checks: --jobs 1 and --jobs 2 print the same ${format} output`, () => {
    const root = repoWithOverlays();
    const one = podsight(['check', root, '--format', format, '--no-config', '--jobs', '1']);
    const two = podsight(['check', root, '--format', format, '--no-config', '--jobs', '2']);
    assert.equal(one.status, 1, one.stderr);
    assert.equal(two.status, one.status);
    assert.equal(two.stdout, one.stdout);
    assert.equal(two.stderr, one.stderr);
    if (format !== 'json') return;
    const findings = JSON.parse(two.stdout) as { file: string; rule: string; message: string }[];
    const seen = findings.map((f) => `${relative(root, f.file)} ${f.rule}`);
    // The rendered base: once, naming the overlay (a covered file is not checked again alone).
    const base = findings.filter((f) => relative(root, f.file) === 'deploy/base/pod.yaml');
    assert.equal(base.length, 1, seen.join('\n'));
    assert.match(base[0]?.message ?? '', /overlay/);
    assert.ok(seen.includes('deploy/overlays/broken/kustomization.yaml kustomize-build'), seen.join('\n'));
    assert.ok(seen.includes('deploy/overlays/broken/pod.yaml port-conflict'), 'a file of a failed render is checked alone');
    assert.ok(seen.includes('apps/web/service.yaml service-target-port'), 'cross-file findings in folders no overlay reads');
  });
}

/**
 * Over 2 MB, one thread goes unit by unit as the workers do (it drops each folder's trees): its
 * output must still be the reference's, the small runs' file-then-workspace order. Three sibling
 * folders see nothing of each other, so each checked alone (under 2 MB: the reference) gives its
 * share of the whole run.
 */
test('a big run on one thread prints what the small runs of its folders print, in order', async () => {
  const { generate } = (await import(pathToFileURL(join(repoRoot, 'bench/gen-manifest.mjs')).href)) as { generate: (o: { docs: number; seed: number }) => { text: string } };
  const root = tempDir('podsight-jobs-big-');
  const folders = ['a', 'b', 'c'];
  folders.forEach((folder, k) => {
    cpSync(crossFile, join(root, folder, 'cross'), { recursive: true });
    const docs = generate({ docs: 1300, seed: 40 + k }).text.split(/^(?=---$)/m);
    for (let at = 0; at < docs.length; at += 100) writeFileSync(join(root, folder, `part-${at / 100}.yaml`), docs.slice(at, at + 100).join(''));
  });
  // Each folder under the 2 MB of a small run, the three over it.
  const bytes = folders.map((f) => readdirSync(join(root, f)).reduce((sum, name) => sum + (name.endsWith('.yaml') ? statSync(join(root, f, name)).size : 0), 0));
  assert.ok(Math.max(...bytes) < 1_900_000 && bytes.reduce((a, b) => a + b) > 2_100_000, String(bytes));
  const sizes = folders.map((f) => podsight(['check', join(root, f), '--format', 'json', '--no-config', '--jobs', '1']));
  const whole = podsight(['check', root, '--format', 'json', '--no-config', '--jobs', '1']);
  assert.equal(whole.status, 1, whole.stderr);
  const parts = sizes.flatMap((r) => JSON.parse(r.stdout) as unknown[]);
  assert.ok(parts.length > 1000, 'there are findings to compare');
  assert.deepEqual(JSON.parse(whole.stdout), parts);
});

test('units: one per folder, with the files of the folders above and below it, in run order; sibling folders apart', () => {
  const files = ['r/a.yaml', 'r/x/b.yaml', 'r/x/y/c.yaml', 'r/z/d.yaml', 'r/x/e.yaml'];
  const units = planUnits(files);
  const byFolder = new Map(units.map((u) => [u.files.map((f) => f.path).join(','), u.near.map((f) => f.path)]));
  assert.deepEqual(byFolder.get('r/a.yaml'), ['r/x/b.yaml', 'r/x/y/c.yaml', 'r/z/d.yaml', 'r/x/e.yaml']);
  assert.deepEqual(byFolder.get('r/x/b.yaml,r/x/e.yaml'), ['r/a.yaml', 'r/x/y/c.yaml']);
  assert.deepEqual(byFolder.get('r/z/d.yaml'), ['r/a.yaml']);
  assert.deepEqual(byFolder.get('r/x/y/c.yaml'), ['r/a.yaml', 'r/x/b.yaml', 'r/x/e.yaml']);
  assert.equal(units.length, 4);
});

test('bad --jobs values are usage errors', () => {
  for (const bad of ['0', '-1', 'x', '1.5', '']) {
    const r = podsight(['check', join(examplesDir, 'ports.yaml'), '--jobs', bad]);
    assert.equal(r.status, 2, bad);
    assert.match(r.stderr, /--jobs takes a whole number/);
  }
  assert.equal(podsight(['check', join(examplesDir, 'ports.yaml'), '--jobs=3', '--format', 'json']).status, 1, 'ports.yaml has an error');
});

test('on a terminal, progress shows files, files per second and the time left, then clears its line', () => {
  let out = '';
  const progress = Progress.start(10, 'en', { isTTY: true, write: (s: string) => (out += s) }, { showAfterMs: 0, everyMs: 0 });
  assert.ok(progress);
  progress.advance(4);
  assert.match(out, /4\/10 files, \d+ files\/s, about \d+ s left/);
  progress.end();
  assert.ok(out.endsWith('\r\u001b[K'));
  assert.equal(Progress.start(10, 'en', { isTTY: false, write: () => assert.fail('no progress when piped') }), undefined);
  let zh = '';
  Progress.start(10, 'zh-cn', { isTTY: true, write: (s: string) => (zh += s) }, { showAfterMs: 0, everyMs: 0 })?.advance(4);
  assert.match(zh, /已检查 4\/10 个文件/);
});

test('the help text documents --jobs in English and Chinese', () => {
  assert.match(podsight(['check', '--help']).stdout, /--jobs N +threads to check on/);
  assert.match(podsight(['check', '--help', '--lang', 'zh-cn']).stdout, /--jobs N +检查所用的线程数/);
});
