/**
 * Issue 14 through the real server: a custom resource's pod, a file with envsubst placeholders and
 * a kustomize patch (a fragment, found through the kustomization.yaml beside it on disk).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { repoRoot } from '../helpers/paths';
import type { PodGraphResult } from '../../server/src/protocol/requests';
import { LspClient } from './harness';
import { tempFolder } from './temp-folder';

const folder = tempFolder();

let client: LspClient;
let dir: string;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'podsight-i14-'));
  client = new LspClient();
  await client.initialize();
});
after(() => {
  client.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const rollout = `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: web}
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginxinc/nginx-unprivileged:1.27
          ports: [{containerPort: 8080}]
          volumeMounts: [{name: data, mountPath: /data}]
        - name: proxy
          image: nginxinc/nginx-unprivileged:1.27
          ports: [{containerPort: 8080}]
      volumes:
        - name: data
          hostPath: {Path: /srv}
`;

test('a Rollout: the port conflict and the mistyped volume field, as in a Deployment', async () => {
  const uri = folder.uri('rollout.yaml');
  await client.open(uri, rollout);
  const diags = await client.waitForDiagnostics(uri, (d) => d.length >= 2);
  assert.deepEqual(diags.filter((d) => d.severity === 1).map((d) => [d.code, d.range.start.line]), [['port-conflict', 13], ['unknown-field', 16]]);
});

test('a file with ${VAR} placeholders: unknown, not wrong; a default is checked', async () => {
  const uri = folder.uri('manager.yaml');
  const text = `apiVersion: apps/v1
kind: Deployment
metadata: {name: m}
spec:
  template:
    spec:
      containers:
        - name: manager
          image: \${IMAGE}
          imagePullPolicy: \${PULL_POLICY:-always}
          ports:
            - containerPort: \${METRICS_PORT:=8443}
              protocol: \${PROTOCOL}
          livenessProbe:
            httpGet: {port: "\${HEALTH_PORT}"}
`;
  await client.open(uri, text);
  const diags = await client.waitForDiagnostics(uri, (d) => d.length > 0);
  assert.deepEqual(diags.map((d) => [d.code, d.range.start.line]), [['invalid-value', 9]]);
});

test('a kustomize patch listed by its kustomization.yaml is a fragment: no finding that needs the base', async () => {
  writeFileSync(join(dir, 'kustomization.yaml'), 'resources: [deployment.yaml]\npatches:\n  - path: patch.yaml\n');
  const patch = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers:
        - name: app
          volumeMounts: [{name: config, mountPath: /etc/app}]
          readinessProbe: {httpGet: {port: http}}
        - name: sidecar
          image: example/side
          ports: [{containerPort: 9000}]
        - name: other
          image: example/other
          ports: [{containerPort: 9000}]
`;
  writeFileSync(join(dir, 'patch.yaml'), patch);
  const uri = pathToFileURL(join(dir, 'patch.yaml')).href;
  await client.open(uri, patch);
  const diags = await client.waitForDiagnostics(uri, (d) => d.length > 0);
  // The duplicate port is the fragment's own; the volume and the port name may be in the base.
  assert.deepEqual(diags.map((d) => d.code), ['port-conflict']);
  // The same pod as a whole object (a selector and template labels) in a file no kustomization
  // lists: what it lacks is its own. (Without them, an apps/v1 Deployment is a patch by its shape.)
  const other = pathToFileURL(join(dir, 'standalone.yaml')).href;
  await client.open(other, patch.replace('spec:\n  template:\n', 'spec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n'));
  const whole = await client.waitForDiagnostics(other, (d) => d.length > 1);
  assert.deepEqual(new Set(whole.map((d) => d.code)), new Set(['port-conflict', 'undefined-volume', 'unknown-port-name', 'invalid-value']));
});

const task = `apiVersion: tekton.dev/v1
kind: Task
metadata: {name: build}
spec:
  steps:
    - name: compile
      image: golang:1.22
      workingDir: /src
      volumeMounts: [{name: cache, mountPath: /cache}]
    - name: test
      image: golang:1.22
  sidecars:
    - name: docker
      image: docker:dind
  volumes:
    - name: cache
      emptyDir: {}
`;

const at = (text: string, needle: string, delta = 1): { line: number; character: number } => {
  const offset = text.indexOf(needle) + delta;
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 };
};

test('inside a Rollout: field documentation on hover, container keys completed, a code lens, the diagram', async () => {
  const uri = folder.uri('rollout-features.yaml');
  await client.open(uri, rollout);
  const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: at(rollout, 'volumeMounts') });
  assert.match(hover?.contents.value ?? '', /volumeMounts/);
  const edited = rollout.replace('          ports: [{containerPort: 8080}]\n      volumes:', '          ports: [{containerPort: 8080}]\n          \n      volumes:');
  await client.change(uri, 2, [{ text: edited }]);
  const list = await client.request<{ items: { label: string }[] } | { label: string }[]>('textDocument/completion', { textDocument: { uri }, position: at(edited, '8080}]\n          \n      volumes', '8080}]\n          '.length) });
  const labels = (Array.isArray(list) ? list : list.items).map((i) => i.label);
  assert.ok(labels.includes('livenessProbe') && labels.includes('env'), labels.join(', '));
  const lenses = await client.request<{ command?: { title: string } }[]>('textDocument/codeLens', { textDocument: { uri } });
  assert.equal(lenses.length, 1);
  assert.match(lenses[0]?.command?.title ?? '', /2/);
  const graph = await client.request<PodGraphResult>('podsight/podGraph', { textDocument: { uri } });
  assert.deepEqual(graph.graph?.containers.map((c) => c.name), ['app', 'proxy']);
});

test('inside a Tekton Task: step keys complete with container fields, a mount goes to its volume, the steps are drawn in order', async () => {
  const uri = folder.uri('task-features.yaml');
  await client.open(uri, task);
  const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: at(task, 'workingDir') });
  assert.match(hover?.contents.value ?? '', /workingDir/);
  const edited = task.replace('      image: golang:1.22\n  sidecars', '      image: golang:1.22\n      \n  sidecars');
  await client.change(uri, 2, [{ text: edited }]);
  const list = await client.request<{ items: { label: string }[] } | { label: string }[]>('textDocument/completion', { textDocument: { uri }, position: at(edited, 'golang:1.22\n      \n  sidecars', 'golang:1.22\n      '.length) });
  const labels = (Array.isArray(list) ? list : list.items).map((i) => i.label);
  for (const k of ['env', 'volumeMounts', 'securityContext']) assert.ok(labels.includes(k), `${k} in ${labels.join(', ')}`);
  const defs = await client.request<{ range: { start: { line: number } } }[]>('textDocument/definition', { textDocument: { uri }, position: at(edited, 'name: cache, mountPath', 7) });
  assert.deepEqual(defs.map((d) => d.range.start.line), [16]);
  const lenses = await client.request<{ command?: { title: string } }[]>('textDocument/codeLens', { textDocument: { uri } });
  assert.equal(lenses.length, 1);
  const graph = await client.request<PodGraphResult>('podsight/podGraph', { textDocument: { uri } });
  assert.deepEqual(graph.graph?.containers.map((c) => [c.name, c.role]), [['compile', 'step'], ['test', 'step'], ['docker', 'app']]);
});

test('podsight diagram draws the pod of a Rollout and of a Tekton Task (steps in order)', () => {
  const draw = (name: string, text: string): string => {
    writeFileSync(join(dir, name), text);
    const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'podsight.js'), 'diagram', join(dir, name), '--lang', 'en'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout;
  };
  const rolloutSvg = draw('rollout-diagram.yaml', rollout);
  assert.match(rolloutSvg, /Rollout web/);
  assert.match(rolloutSvg, />proxy</);
  const taskSvg = draw('task-diagram.yaml', task);
  assert.match(taskSvg, /Steps, one after another/);
  assert.ok(taskSvg.indexOf('>compile<') < taskSvg.indexOf('>test<') && taskSvg.includes('>docker<'));
});
