/** The CLI honours comment directives, `.podsight.yaml` and Services across the files of a folder. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseConfig } from '../../../server/src/cli/config';
import { repoRoot } from '../../helpers/paths';
import { tempDir } from '../../helpers/temp-dir';

interface Out { status: number | null; stdout: string; stderr: string; findings: { file: string; rule: string; severity: string }[] }

function run(cwd: string, ...args: string[]): Out {
  const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'podsight.js'), 'check', '--format', 'json', '--lang', 'en', ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, findings: r.stdout ? JSON.parse(r.stdout) : [] };
}

const conflict = (directive = ''): string => `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - {name: a, image: nginx, ports: [{containerPort: 80}]}
  ${directive}
  - {name: b, image: nginx, ports: [{containerPort: 80}]}
  volumes:
  - {name: spare, emptyDir: {}}
`;

function project(files: Record<string, string>): string {
  const dir = tempDir('podsight-cli-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

test('CLI: directives suppress findings and unused ones are reported', () => {
  const dir = project({ 'a.yaml': conflict('# podsight-disable-next-line port-conflict'), 'b.yaml': '# podsight-disable host-port-conflict\n' + conflict() });
  const out = run(dir, 'a.yaml', 'b.yaml');
  const rules = (file: string): string[] => out.findings.filter((f) => f.file === file).map((f) => f.rule);
  assert.deepEqual(rules('a.yaml'), ['unused-volume']);
  assert.deepEqual(rules('b.yaml'), ['unused-disable-directive', 'port-conflict', 'unused-volume']);
  assert.equal(out.status, 1);
});

test('CLI: .podsight.yaml from the current folder up sets levels; --rule overrides it; errors go to stderr once', () => {
  const dir = project({
    '.podsight.yaml': 'rules:\n  port-conflict: warning\n  unused-volume: off\n  no-such-rule: error\n  invalid-port: loud\n',
    'k8s/a.yaml': conflict(),
  });
  const out = run(join(dir, 'k8s'), 'a.yaml');
  assert.deepEqual(out.findings.map((f) => [f.rule, f.severity]), [['port-conflict', 'warning']]);
  assert.equal(out.status, 0);
  assert.match(out.stderr, /unknown rule "no-such-rule"/);
  assert.match(out.stderr, /rule "invalid-port": level must be/);
  assert.equal(out.stderr.split('no-such-rule').length - 1, 1, 'reported once');
  const overridden = run(join(dir, 'k8s'), 'a.yaml', '--rule', 'port-conflict=error');
  assert.equal(overridden.findings[0]?.severity, 'error');
  const ignored = run(join(dir, 'k8s'), 'a.yaml', '--no-config');
  assert.equal(ignored.findings.length, 2);
});

test('CLI: a Service is checked against pods of other files in the folder it is given', () => {
  const dir = project({
    'app/service.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80, targetPort: htp}]\n',
    'app/deploy.yaml':
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: a, image: x, ports: [{name: http, containerPort: 8080}]}]\n',
    'other/service.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80, targetPort: htp}]\n',
  });
  const out = run(dir, '.');
  assert.deepEqual(out.findings.map((f) => [f.file, f.rule]), [[join('app', 'service.yaml'), 'service-target-port']]);
});

test('parseConfig reports problems in Chinese too, never throws', () => {
  const c = parseConfig('rules:\n  nope: off\n', '.podsight.yaml', 'zh-cn');
  assert.match(c.errors[0] ?? '', /未知规则 "nope"/);
  assert.equal(parseConfig('rules: [', 'x').errors.length, 1);
  assert.deepEqual(parseConfig('rules: {unused-volume: hint}').rules, { 'unused-volume': 'hint' });
});
