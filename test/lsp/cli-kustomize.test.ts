/** `podsight check DIR` on a kustomization: renders with the real kubectl kustomize (the built bundle). */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../helpers/paths';
import { tempDir } from '../helpers/temp-dir';

function podsight(args: string[], cwd = repoRoot, env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'podsight.js'), ...args], { encoding: 'utf8', cwd, env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Out {
  file: string;
  rule: string;
  message: string;
  range: { start: { line: number; character: number } };
  related?: { file: string; range: { start: { line: number } }; message: string }[];
}

test('check overlays/prod reports port-conflict on the patch containerPort line, naming the overlay', () => {
  const r = podsight(['check', 'examples/kustomize/overlays/prod', '--format', 'json']);
  assert.equal(r.status, 1, r.stderr);
  const out = JSON.parse(r.stdout) as Out[];
  assert.deepEqual(
    out.map((f) => [f.file, f.rule, f.range.start.line, f.range.start.character]),
    [['examples/kustomize/overlays/prod/metrics-sidecar.yaml', 'port-conflict', 12, 29]],
  );
  assert.match(out[0]?.message ?? '', /\(in overlay examples\/kustomize\/overlays\/prod\)$/);
});

test('text output shows the patch line and the base as related location; SARIF has relatedLocations', () => {
  const text = podsight(['check', 'examples/kustomize/overlays/prod']);
  assert.match(text.stdout, /metrics-sidecar\.yaml:13:30: error .*\[port-conflict\]\n {2}13 \| {13}- containerPort: 8080\n/);
  assert.match(text.stdout, /related: examples\/kustomize\/base\/deployment\.yaml:19:30: Container "web" declares 8080\/TCP here\./);
  const sarif = JSON.parse(podsight(['check', 'examples/kustomize/overlays/prod', '--format', 'sarif']).stdout) as { runs: { results: { relatedLocations?: { physicalLocation?: { artifactLocation?: { uri?: string } } }[] }[] }[] };
  const related = sarif.runs[0]?.results[0]?.relatedLocations ?? [];
  assert.equal(related.length, 1);
  assert.match(related[0]?.physicalLocation?.artifactLocation?.uri ?? '', /base\/deployment\.yaml$/);
});

test('--no-render checks the files one by one: the patches alone report nothing', () => {
  for (const overlay of ['prod', 'dev']) {
    const r = podsight(['check', `examples/kustomize/overlays/${overlay}`, '--no-render', '--format', 'json']);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), []);
  }
});

test('a kustomization kustomize cannot build: kustomize-build on the entry it names, exit 1', () => {
  const dir = tempDir('podsight-cli-k-');
  writeFileSync(join(dir, 'kustomization.yaml'), 'resources:\n  - missing.yaml\n');
  const r = podsight(['check', dir, '--format', 'json']);
  assert.equal(r.status, 1, r.stderr);
  const [f] = JSON.parse(r.stdout) as Out[];
  assert.equal(f?.rule, 'kustomize-build');
  assert.equal(f?.file, join(dir, 'kustomization.yaml'));
  assert.deepEqual(f?.range.start, { line: 1, character: 4 });
  assert.match(f?.message ?? '', /missing\.yaml/);
});

test('without kustomize: one notice on stderr, then the files one by one', () => {
  const r = podsight(['check', 'examples/kustomize/overlays/prod', '--kustomize-command', 'podsight-no-such-kustomize build', '--format', 'json']);
  assert.equal(r.status, 0);
  assert.match(r.stderr, /no kustomize found/);
  assert.deepEqual(JSON.parse(r.stdout), []);
});

test('check on a folder without a kustomization renders each leaf overlay beneath it (the base is rendered through them)', () => {
  const r = podsight(['check', 'examples/kustomize', '--format', 'json']);
  assert.equal(r.status, 1, r.stderr);
  const out = JSON.parse(r.stdout) as Out[];
  assert.deepEqual(
    out.map((f) => [f.file, f.rule, f.range.start.line]).sort(),
    [
      ['examples/kustomize/base/deployment.yaml', 'undefined-volume', 20],
      ['examples/kustomize/overlays/dev/rename-volume.yaml', 'unused-volume', 2],
      ['examples/kustomize/overlays/prod/metrics-sidecar.yaml', 'port-conflict', 12],
    ],
  );
  assert.match(out.find((f) => f.rule === 'port-conflict')?.message ?? '', /\(in overlay examples\/kustomize\/overlays\/prod\)$/);
});

/** A tree like examples/kustomize whose base itself has a port conflict, both overlays using it. */
function treeWithBadBase(): string {
  const dir = tempDir('podsight-cli-tree-');
  for (const sub of ['base', 'overlays/dev', 'overlays/prod', 'plain']) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, 'base/kustomization.yaml'), 'resources:\n  - deployment.yaml\n');
  writeFileSync(
    join(dir, 'base/deployment.yaml'),
    `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: nginxinc/nginx-unprivileged:1.27
          ports: [{containerPort: 8080}]
        - name: proxy
          image: nginxinc/nginx-unprivileged:1.27
          ports: [{containerPort: 8080}]
`,
  );
  for (const overlay of ['dev', 'prod']) {
    writeFileSync(join(dir, `overlays/${overlay}/kustomization.yaml`), `resources:\n  - ../../base\npatches:\n  - path: replicas.yaml\n`);
    writeFileSync(join(dir, `overlays/${overlay}/replicas.yaml`), 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 2\n');
  }
  // Outside every kustomization: checked on its own.
  writeFileSync(join(dir, 'plain/pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - {name: a, image: nginx, ports: [{containerPort: 80}]}\n    - {name: b, image: nginx, ports: [{containerPort: 80}]}\n');
  return dir;
}

test('check . over several overlays: a base line two overlays report is reported once, naming both overlays', () => {
  const dir = treeWithBadBase();
  const r = podsight(['check', '.', '--format', 'json'], dir);
  assert.equal(r.status, 1, r.stderr);
  const out = JSON.parse(r.stdout) as Out[];
  assert.deepEqual(
    out.map((f) => [f.file, f.rule, f.range.start.line]).sort(),
    [
      ['base/deployment.yaml', 'port-conflict', 14],
      ['plain/pod.yaml', 'port-conflict', 6],
    ],
  );
  assert.match(out.find((f) => f.file === 'base/deployment.yaml')?.message ?? '', /\(in overlays overlays\/dev, overlays\/prod\)$/);
  // --no-render: the same files one by one (the base alone shows the same conflict, without overlays).
  const plain = JSON.parse(podsight(['check', '.', '--no-render', '--format', 'json'], dir).stdout) as Out[];
  assert.deepEqual(plain.map((f) => f.file).sort(), ['base/deployment.yaml', 'plain/pod.yaml']);
  assert.doesNotMatch(plain[0]?.message ?? '', /in overlay/);
});

test('a remote resource: one notice on the line that lists it, and the local files checked one by one (the patch as a fragment)', () => {
  const dir = tempDir('podsight-cli-remote-');
  writeFileSync(join(dir, 'kustomization.yaml'), 'resources:\n  - github.com/org/repo//base?ref=v1\n  - pod.yaml\npatches:\n  - path: patch.yaml\n');
  writeFileSync(join(dir, 'patch.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          volumeMounts: [{name: config, mountPath: /etc/app}]\n          readinessProbe: {httpGet: {port: http}}\n');
  writeFileSync(join(dir, 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - {name: a, image: nginx, ports: [{containerPort: 80}]}\n    - {name: b, image: nginx, ports: [{containerPort: 80}]}\n');
  for (const target of ['.', dir]) {
    const r = podsight(['check', target, '--format', 'json'], dir);
    assert.equal(r.status, 1, r.stderr);
    const out = JSON.parse(r.stdout) as (Out & { severity: string })[];
    assert.deepEqual(
      out.map((f) => [f.file.replace(`${dir}/`, ''), f.rule, f.severity, f.range.start.line]),
      [
        ['kustomization.yaml', 'kustomize-build', 'information', 1],
        ['pod.yaml', 'port-conflict', 'error', 6],
      ],
    );
  }
});

test('an overlay that cannot be rendered: its local base is rendered on its own, so the base\'s labels still reach its selectors', () => {
  const dir = tempDir('podsight-cli-base-alone-');
  mkdirSync(join(dir, 'base'));
  mkdirSync(join(dir, 'prod'));
  writeFileSync(join(dir, 'base', 'kustomization.yaml'), 'resources: [app.yaml]\nlabels:\n- includeSelectors: true\n  pairs: {app: web}\n');
  // The Service asks for app: web, which only the base's labels give the pods.
  writeFileSync(
    join(dir, 'base', 'app.yaml'),
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {tier: fe}}\n  template:\n    metadata: {labels: {tier: fe}}\n    spec:\n      containers: [{name: web, image: "nginx:1.27", ports: [{containerPort: 80}]}]\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web, tier: fe}\n  ports: [{port: 80}]\n',
  );
  writeFileSync(join(dir, 'prod', 'kustomization.yaml'), 'resources:\n- ../base\n- https://github.com/example/remote//deploy?ref=v1\n');
  const rules = (args: string[]): string[] => (JSON.parse(podsight(['check', ...args, '--format', 'json'], dir).stdout) as Out[]).map((f) => `${f.file}:${f.rule}`);
  assert.deepEqual(rules(['.']), ['prod/kustomization.yaml:kustomize-build']);
  // Checked one by one (--no-render), the base's Service selects nothing: the case the base render avoids.
  assert.deepEqual(rules(['.', '--no-render']), ['base/app.yaml:service-selects-nothing']);
});
