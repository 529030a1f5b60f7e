/** The CLI contract: JSON shape, exit codes, SARIF, languages. Runs the built bundle. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { examplesDir, repoRoot } from '../helpers/paths';
import { tempDir } from '../helpers/temp-dir';

function podsight(args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'podsight.js'), ...args], {
    encoding: 'utf8',
    cwd: tmpdir(),
    env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('check --format json prints {file, rule, severity, message, range} and exits 1 on errors', () => {
  const file = join(examplesDir, 'seed-port-conflict.yaml');
  const r = podsight(['check', file, '--format', 'json']);
  assert.equal(r.status, 1, r.stderr);
  const findings = JSON.parse(r.stdout) as { file: string; rule: string; severity: string; message: string; range: unknown }[];
  const conflict = findings.find((f) => f.rule === 'port-conflict');
  assert.ok(conflict);
  assert.deepEqual(Object.keys(conflict).sort(), ['file', 'message', 'range', 'rule', 'severity']);
  assert.equal(conflict.file, file);
  assert.equal(conflict.severity, 'error');
  assert.deepEqual(conflict.range, { start: { line: 15, character: 21 }, end: { line: 15, character: 23 } });
});

test('exit 0 without errors (warnings only), 2 on bad usage or unreadable input', () => {
  assert.equal(podsight(['check', join(examplesDir, 'seed-shared-disk.yaml'), '--format', 'json']).status, 0);
  assert.equal(podsight(['check', join(examplesDir, 'implicit-port-conflict.yaml')]).status, 0);
  assert.equal(podsight(['check']).status, 2);
  assert.equal(podsight(['check', 'x.yaml', '--format', 'xml']).status, 2);
  assert.equal(podsight(['frobnicate']).status, 2);
  const missing = podsight(['check', join(tmpdir(), 'does-not-exist.yaml'), '--format', 'json']);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cannot read/);
});

test('directories are expanded; --rule overrides; text output has file:line:col', () => {
  const r = podsight(['check', examplesDir, '--rule', 'port-conflict=off', '--no-config']);
  assert.equal(r.status, 1);
  assert.doesNotMatch(r.stdout, /\[port-conflict\]/);
  assert.match(r.stdout, /seed-hostpath-typo\.yaml:29:7: error .*\[unknown-field\]/);
});

test('a folder leaves out hidden folders and node_modules; a hidden folder named on the command line is checked', () => {
  const dir = tempDir('podsight-cli-hidden-');
  const broken = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: Web, image: nginx:1.27}]\n';
  for (const sub of ['.k8s', 'node_modules/pkg', 'apps']) {
    mkdirSync(join(dir, sub), { recursive: true });
    writeFileSync(join(dir, sub, 'pod.yaml'), broken);
  }
  const files = (args: string[]): string[] => (JSON.parse(podsight(['check', ...args, '--format', 'json', '--no-config']).stdout) as { file: string }[]).map((f) => f.file.slice(dir.length + 1));
  assert.deepEqual(files([dir]), ['apps/pod.yaml']);
  assert.deepEqual(files([join(dir, '.k8s')]), ['.k8s/pod.yaml']);
});

test('a folder includes .json files that open as Kubernetes objects (kubectl get -o json, OpenShift templates), not other JSON', () => {
  const dir = tempDir('podsight-cli-json-');
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'Web', image: 'nginx:1.27' }] } };
  writeFileSync(join(dir, 'pod.json'), JSON.stringify(pod, null, 2));
  // Not a manifest: no apiVersion and kind at its start.
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', dependencies: { kind: '1', apiVersion: '2' } }, null, 2));
  writeFileSync(join(dir, 'values.schema.json'), JSON.stringify({ $schema: 'x', properties: { kind: {}, apiVersion: {} } }));
  const found = JSON.parse(podsight(['check', dir, '--format', 'json', '--no-config']).stdout) as { file: string; rule: string; range: { start: { line: number } } }[];
  assert.deepEqual(found.map((f) => [f.file.slice(dir.length + 1), f.rule, f.range.start.line]), [['pod.json', 'invalid-name', 9]]);
});

test('SARIF 2.1.0 output', () => {
  const r = podsight(['check', join(examplesDir, 'seed-hostpath-typo.yaml'), '--format', 'sarif']);
  const sarif = JSON.parse(r.stdout) as { version: string; runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[] }[] }[] };
  assert.equal(sarif.version, '2.1.0');
  const result = sarif.runs[0]?.results.find((x) => x.ruleId === 'unknown-field');
  assert.equal(result?.level, 'error');
  assert.deepEqual(result?.locations[0]?.physicalLocation.region.startLine, 29);
  assert.deepEqual(result?.locations[0]?.physicalLocation.region.startColumn, 7);
});

test('the config file extends the image table and sets rule levels', () => {
  const dir = tempDir('podsight-cli-');
  writeFileSync(join(dir, '.podsight.yaml'), 'rules:\n  unused-volume: off\nimages:\n  myorg/api:\n    ports: [8080]\n');
  const manifest = join(dir, 'pod.yaml');
  writeFileSync(manifest, 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: api, image: myorg/api:1}\n  - {name: dev, image: node, ports: [{containerPort: 8080}]}\n  volumes: [{name: spare, emptyDir: {}}]\n');
  const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'podsight.js'), 'check', 'pod.yaml', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
  const rules = (JSON.parse(r.stdout) as { rule: string }[]).map((f) => f.rule);
  assert.deepEqual(rules, ['implicit-port-conflict']);
});

test('usage and argument errors follow --lang and LANG', () => {
  const zh = podsight(['check', '--format', 'xml', '--lang', 'zh-cn', 'x.yaml']);
  assert.equal(zh.status, 2);
  assert.match(zh.stderr, /--format 只能是 text、json、sarif 或 github/);
  assert.match(zh.stderr, /用法：/);
  const env = podsight(['frobnicate'], { LANG: 'zh_CN.UTF-8' });
  assert.match(env.stderr, /未知命令 "frobnicate"/);
  assert.match(podsight(['--help']).stdout, /^Usage:/);
});

test('--version prints the package version; --help lists every check option; check --help exits 0', () => {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  assert.equal(podsight(['--version']).stdout, `podsight ${pkg.version}\n`);
  const help = podsight(['check', '--help']);
  assert.equal(help.status, 0);
  for (const option of ['--format', '--fail-on', '--max-warnings', '--lang', '--config', '--rule', '--no-config', '--version', 'NO_COLOR']) {
    assert.ok(help.stdout.includes(option), `help mentions ${option}`);
  }
});

test('--fail-on and --max-warnings decide the exit code', () => {
  const warnings = join(examplesDir, 'implicit-port-conflict.yaml');
  assert.equal(podsight(['check', warnings]).status, 0);
  assert.equal(podsight(['check', warnings, '--fail-on', 'warning']).status, 1);
  assert.equal(podsight(['check', warnings, '--max-warnings', '0']).status, 1);
  assert.equal(podsight(['check', warnings, '--max-warnings=5']).status, 0);
  assert.equal(podsight(['check', join(examplesDir, 'seed-port-conflict.yaml'), '--fail-on', 'never']).status, 0);
  assert.equal(podsight(['check', warnings, '--fail-on', 'sometimes']).status, 2);
  assert.equal(podsight(['check', warnings, '--max-warnings', 'many']).status, 2);
});

test('--format github prints workflow commands with file, line and column; text output has a code frame', () => {
  const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'podsight.js'), 'check', 'examples/seed-port-conflict.yaml', '--format', 'github'], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C', LC_ALL: '' },
  });
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^::error file=examples\/seed-port-conflict\.yaml,line=16,endLine=16,col=22,endColumn=24,title=podsight port-conflict::Port 80/m);
  const text = podsight(['check', join(examplesDir, 'seed-port-conflict.yaml')], { NO_COLOR: '1' });
  assert.match(text.stdout, /\n {2}16 \| {5}- containerPort: 80\n {5}\| {22}\^\^\n/);
  assert.doesNotMatch(text.stdout, /\u001b\[/);
  assert.match(podsight(['check', join(examplesDir, 'seed-port-conflict.yaml')], { FORCE_COLOR: '1' }).stdout, /\u001b\[31merror/);
});

test('files named relative to the current folder (`check .`, `check *.yaml`) still see each other', () => {
  const dir = tempDir('podsight-cli-');
  writeFileSync(join(dir, 'deployment.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n      - {name: app, image: myorg/web:1}\n');
  writeFileSync(join(dir, 'hpa.yaml'), 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  maxReplicas: 5\n');
  for (const args of [['.'], ['hpa.yaml', 'deployment.yaml'], [dir]]) {
    const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'podsight.js'), 'check', ...args, '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    const found = (JSON.parse(r.stdout) as { file: string; rule: string }[]).map((f) => `${f.file.replace(/^.*[\\/]/, '')} ${f.rule}`);
    assert.deepEqual(found, ['hpa.yaml hpa-missing-request'], args.join(' '));
  }
});
