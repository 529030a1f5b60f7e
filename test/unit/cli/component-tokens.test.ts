/**
 * Kustomize Components and the templates they fill (sweep DJ): a Component folder named on the
 * command line is not built alone (its patches act on its parent's resources), and the capital
 * tokens its replacements fill in (`containerPort: CONTAINER_PORT`, `namespace: NAMESPACE`) are
 * placeholders, not errors.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { check } from '../../helpers/check';
import { repoRoot } from '../../helpers/paths';
import { tempDir } from '../../helpers/temp-dir';

function run(cwd: string, ...args: string[]): { rule: string; severity: string }[] {
  const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'podsight.js'), 'check', '--format', 'json', '--lang', 'en', ...args], { cwd, encoding: 'utf8' });
  return r.stdout ? JSON.parse(r.stdout) : [];
}

test('a Component folder named on the command line is not rendered alone', () => {
  const dir = tempDir('podsight-component-');
  mkdirSync(join(dir, 'components/external-db'), { recursive: true });
  writeFileSync(join(dir, 'components/external-db/kustomization.yaml'), 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches:\n  - path: patch.yaml\n');
  writeFileSync(join(dir, 'components/external-db/patch.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          env: [{name: DB_HOST, value: db.example.com}]\n');
  assert.deepEqual(run(dir, 'components/external-db'), []);
});

test('capital tokens where a number or a name goes are placeholders', () => {
  const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: APP_NAME\n  namespace: NAMESPACE\nspec:\n  replicas: REPLICA_COUNT\n  selector:\n    matchLabels: {app: APP_NAME}\n  template:\n    metadata:\n      labels: {app: APP_NAME}\n    spec:\n      containers:\n        - name: APP_NAME\n          image: IMAGE\n          ports:\n            - {name: http, containerPort: CONTAINER_PORT}\n';
  assert.deepEqual(check(text).filter((f) => f.severity !== 'information').map((f) => `${f.rule}: ${f.text}`), []);
  // A name in mixed case is still a mistake, and so is a word where a number goes.
  const mixed = check(text.replace('namespace: NAMESPACE', 'namespace: Production').replace('CONTAINER_PORT', 'http')).filter((f) => f.severity === 'error').map((f) => f.rule);
  assert.deepEqual(mixed.sort(), ['invalid-name', 'invalid-port']);
});

test("an operator's fill-in phrase and sed words in capitals are placeholders too (sweep DI)", () => {
  const text = 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: toolkit\n  namespace: "FILLED BY THE OPERATOR"\nspec:\n  selector: {matchLabels: {app: toolkit}}\n  template:\n    metadata: {labels: {app: toolkit}}\n    spec:\n      containers:\n        - name: toolkit\n          image: "FILLED BY THE OPERATOR"\n---\napiVersion: batch/v1\nkind: Job\nmetadata: {name: centos7-ACTION}\nspec:\n  parallelism: NODENUMBER\n  completions: NODENUMBER\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: run, image: busybox}]\n';
  assert.deepEqual(check(text).filter((f) => f.severity !== 'information').map((f) => `${f.rule}: ${f.text}`), []);
});
