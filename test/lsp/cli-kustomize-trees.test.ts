/**
 * `podsight check` over kustomize trees a sweep of GitOps repositories found misread: a patch
 * outside the overlay's folder, and two resources of one kind and name in different namespaces.
 * Spawns the built CLI with the real kubectl kustomize.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../helpers/paths';
import { tempDir } from '../helpers/temp-dir';

interface Out {
  file: string;
  rule: string;
  message: string;
  severity: string;
  range: { start: { line: number } };
}

function check(files: Record<string, string>, path = '.'): Out[] {
  const dir = tempDir('podsight-cli-trees-');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'podsight.js'), 'check', path, '--format', 'json'], { encoding: 'utf8', cwd: dir, env: { ...process.env, LANG: 'C', LC_ALL: '' } });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return JSON.parse(r.stdout) as Out[];
}

test('a patch an overlay lists from outside its folder (../patches/x.yaml) stays a fragment when the overlay cannot render', () => {
  const patch = `apiVersion: apps/v1
kind: Deployment
metadata: {name: app}
spec:
  template:
    spec:
      containers:
        - name: app
          readinessProbe: {tcpSocket: {port: http}}
        - name: sidecar
          image: busybox:1.36
          command: [sh, -c, "tail -F /data/log"]
          volumeMounts: [{name: data, mountPath: /data}]
`;
  const found = check({
    'app/kustomization.yaml': 'resources:\n  - https://github.com/example/app//deploy?ref=v1.0.0\npatches:\n  - path: ../patches/add-sidecar.yaml\n',
    'patches/add-sidecar.yaml': patch,
  });
  assert.deepEqual(found.map((f) => f.rule), ['kustomize-build'], 'only the notice that the remote base is not fetched');
  // The same file checked alone (no overlay lists it) is a patch by its shape (an apps/v1
  // Deployment with neither selector nor template labels); with them it is a whole Deployment.
  assert.deepEqual(check({ 'patches/add-sidecar.yaml': patch }).map((f) => f.rule), []);
  const whole = patch.replace('spec:\n  template:\n', 'spec:\n  selector: {matchLabels: {app: app}}\n  template:\n    metadata: {labels: {app: app}}\n');
  assert.ok(check({ 'patches/add-sidecar.yaml': whole }).some((f) => f.rule === 'undefined-volume'));
});

test('two resources of one kind and name in two namespaces: a finding lands on the one it is about', () => {
  const app = (namespace: string, env: string): string =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n  namespace: ${namespace}\nspec:\n  selector:\n    matchLabels: {app: app}\n  template:\n    metadata:\n      labels: {app: app}\n    spec:\n      containers:\n        - name: app\n          image: redis:7\n          env:\n${env}`;
  const base = {
    'base/kustomization.yaml': 'resources: [apps.yaml]\n',
    'base/apps.yaml': `${app('blue', '            - {name: MODE, value: a}\n')}---\n${app('green', '            - {name: MODE, value: a}\n            - {name: MODE, value: b}\n')}`,
  };
  const plain = check({ ...base, 'overlay/kustomization.yaml': 'resources: [../base]\nnamePrefix: x-\n' }, 'overlay').filter((f) => f.rule === 'duplicate-env');
  assert.deepEqual(plain.map((f) => [f.file, f.range.start.line]), [['base/apps.yaml', 34]], 'a MODE of the green Deployment (lines 34 and 35), not of the blue one (line 16)');
  const patched = check(
    {
      ...base,
      'overlay/kustomization.yaml':
        'resources: [../base]\nnamePrefix: x-\npatches:\n  - target: {kind: Deployment, namespace: blue}\n    patch: |-\n      - op: add\n        path: /spec/template/spec/containers/0/env/-\n        value: {name: OTHER, value: "1"}\n',
    },
    'overlay',
  ).filter((f) => f.rule === 'duplicate-env');
  assert.deepEqual(patched.map((f) => [f.file, f.range.start.line]), [['base/apps.yaml', 34]], 'not on the patch of the blue one');
});

test('a resource folder without a kustomization: kustomize says so, naming the user\'s folder', () => {
  const [f] = check({ 'base/x/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n', 'overlay/kustomization.yaml': 'resources:\n  - ../base/x\n' }, 'overlay');
  assert.equal(f?.rule, 'kustomize-build');
  assert.match(f?.message ?? '', /unable to find one of 'kustomization\.yaml'.* in directory '[^']*\/base\/x'/);
  assert.doesNotMatch(f?.message ?? '', /no such file or directory/);
});

test('an overlay with a remote resource or a Helm chart is built without them: its patches and generators still complete its local base', () => {
  const base = {
    'base/kustomization.yaml': 'resources: [deploy.yaml, svc.yaml]\n',
    'base/deploy.yaml':
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app}\nspec:\n  selector:\n    matchLabels: {app: app}\n  template:\n    metadata:\n      labels: {app: app}\n    spec:\n      containers:\n        - name: app\n          image: ghcr.io/example/app:1.0\n          ports: [{name: http, containerPort: 8080}]\n',
    'base/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: app}\nspec:\n  selector: {app: app}\n  ports:\n    - {name: http, port: 80, targetPort: http}\n    - {name: metrics, port: 9100, targetPort: metrics}\n',
    'overlay/exporter.yaml':
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app}\nspec:\n  template:\n    spec:\n      containers:\n        - name: exporter\n          image: quay.io/prometheus/node-exporter:v1.8.2\n          ports: [{name: metrics, containerPort: 9100}]\n',
  };
  const remote = check({ ...base, 'overlay/kustomization.yaml': 'resources:\n  - ../base\n  - https://raw.githubusercontent.com/example/monitoring/main/servicemonitor.yaml\npatches:\n  - path: exporter.yaml\n' });
  assert.deepEqual(remote.map((f) => f.rule), ['kustomize-build'], 'the patch adds the port the base Service targets');
  assert.match(remote[0]!.message, /the overlay is checked without them/);
  const helm = check({ ...base, 'overlay/kustomization.yaml': 'resources: [../base]\nhelmCharts:\n  - {name: redis, repo: https://charts.example.com, version: 1.0.0}\npatches:\n  - path: exporter.yaml\n' });
  assert.deepEqual(helm.filter((f) => f.rule !== 'kustomize-build'), []);
  // A Helm chart is not fetched, like a remote resource: a note on its entry, not kustomize's "must specify --enable-helm" error.
  const build = helm.filter((f) => f.rule === 'kustomize-build');
  assert.deepEqual(build.map((f) => [f.severity, f.range.start.line]), [['information', 2]]);
  assert.match(build[0]!.message, /remote resources \(Helm chart redis\)/);
  assert.doesNotMatch(build[0]!.message, /enable-helm/);
  // Without the patch the base's Service really has no backends for `metrics`.
  const unpatched = check({ ...base, 'overlay/kustomization.yaml': 'resources:\n  - ../base\n  - https://raw.githubusercontent.com/example/monitoring/main/servicemonitor.yaml\n' });
  assert.ok(unpatched.some((f) => f.rule === 'service-target-port' && f.file.endsWith('svc.yaml')));
});

test("a patch or resource outside the overlay's folder (Flux builds without kustomize's load restrictor): built so and checked, with a note", () => {
  const deployment = (mounts: string): string =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app}\nspec:\n  selector: {matchLabels: {app: app}}\n  template:\n    metadata: {labels: {app: app}}\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.27\n          volumeMounts: [${mounts}]\n`;
  const files = {
    '.git/HEAD': 'ref: refs/heads/main\n',
    'shared/deploy.yaml': deployment('{name: data, mountPath: /data}'),
    'clusters/prod/kustomization.yaml':
      'resources: [../../shared/deploy.yaml]\npatches:\n  - path: ../../patches/volume.yaml\n',
    'patches/volume.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app}\nspec:\n  template:\n    spec:\n      volumes: [{name: data, emptyDir: {}}]\n',
  };
  const all = check(files);
  assert.deepEqual(all.map((f) => `${f.file} ${f.rule} ${f.severity} ${f.range.start.line}`), ['clusters/prod/kustomization.yaml kustomize-build information 0']);
  assert.match(all[0]?.message ?? '', /only without its load restrictor, as Flux does/);
  // Each file alone is checked through that build: the volume the patch adds counts.
  assert.deepEqual(check(files, 'shared/deploy.yaml'), []);
  assert.deepEqual(check(files, 'patches/volume.yaml'), []);
  // A mount the patch does not add is still reported, on the resource, naming the overlay.
  const missing = check({ ...files, 'shared/deploy.yaml': deployment('{name: data, mountPath: /data}, {name: logs, mountPath: /logs}') }, 'shared/deploy.yaml');
  assert.deepEqual(missing.map((f) => `${f.rule} ${f.range.start.line}`), ['undefined-volume 11']);
  assert.match(missing[0]?.message ?? '', /\(in kustomization clusters\/prod\)$/);
  // Built without the restrictor and still failing (a patch file that is not there): that error is the note.
  const { ['patches/volume.yaml']: _gone, ...withoutPatch } = files;
  const broken = check(withoutPatch).filter((f) => f.rule === 'kustomize-build');
  assert.equal(broken.length, 1);
  assert.match(broken[0]?.message ?? '', /no such file or directory/);
});

const pods = (names: readonly string[]): string =>
  names.map((name) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec:\n  containers:\n  - name: web\n    image: nginx:1.25.3\n    ports: [{containerPort: 8080}]\n`).join('---\n');

test('JSON 6902: an operation\'s index is replayed through the later ones (a remove after adds), and a renamed resource keeps its source lines', () => {
  const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: busybox:1.36
        command: [sleep, "3600"]
        volumeMounts: [{name: a, mountPath: /a}, {name: b, mountPath: /b}, {name: c, mountPath: /c}]
      volumes: [{name: a, emptyDir: {}}, {name: b, emptyDir: {}}, {name: c, emptyDir: {}}]
`;
  const ops = `- op: add
  path: /spec/template/spec/containers/0/volumeMounts/-
  value: {mountPath: /x0, name: x0}
- op: add
  path: /spec/template/spec/containers/0/volumeMounts/3
  value: {mountPath: /x3, name: x3}
- op: remove
  path: /spec/template/spec/containers/0/volumeMounts/1
`;
  const found = check({
    'base/deploy.yaml': deployment,
    'base/kustomization.yaml': 'resources: [deploy.yaml]\n',
    'overlay/kustomization.yaml': 'resources: [../base]\npatches:\n  - target: {kind: Deployment, name: web}\n    path: patch.yaml\n',
    'overlay/patch.yaml': ops,
  }).filter((f) => f.rule === 'undefined-volume');
  // Each on the operation that added it (before: "x0" on x3's line, "x3" on the kustomization's first line).
  assert.deepEqual(found.map((f) => `${f.file}:${f.range.start.line}:${/volume "(x\d)"/.exec(f.message)?.[1]}`).sort(), ['overlay/patch.yaml:2:x0', 'overlay/patch.yaml:5:x3']);

  const renamed = check({
    'pods.yaml': pods(['new-app', 'add-app']),
    'kustomization.yaml':
      'resources: [pods.yaml]\npatches:\n- target: {kind: Pod, name: new-app}\n  patch: |-\n    - {op: replace, path: /metadata/name, value: kustomize-new}\n- target: {kind: Pod, name: add-app}\n  patch: |-\n    - {op: replace, path: /metadata/name, value: kustomize-add}\n',
  }).filter((f) => f.rule === 'port-not-served');
  // Both on their pod's port (before: one, on the kustomization's first line).
  assert.deepEqual(renamed.map((f) => `${f.file}:${f.range.start.line}`).sort(), ['pods.yaml:16', 'pods.yaml:7']);
});
