/**
 * Issue 14 through the real server: a custom resource's pod, a file with envsubst placeholders and
 * a kustomize patch (a fragment, found through the kustomization.yaml beside it on disk).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { LspClient } from './harness';

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
          image: example/app
          ports: [{containerPort: 8080}]
          volumeMounts: [{name: data, mountPath: /data}]
        - name: proxy
          image: example/proxy
          ports: [{containerPort: 8080}]
      volumes:
        - name: data
          hostPath: {Path: /srv}
`;

test('a Rollout: the port conflict and the mistyped volume field, as in a Deployment', async () => {
  const uri = 'file:///work/rollout.yaml';
  await client.open(uri, rollout);
  const diags = await client.waitForDiagnostics(uri, (d) => d.length >= 2);
  assert.deepEqual(diags.filter((d) => d.severity === 1).map((d) => [d.code, d.range.start.line]), [['port-conflict', 13], ['unknown-field', 16]]);
});

test('a file with ${VAR} placeholders: unknown, not wrong; a default is checked', async () => {
  const uri = 'file:///work/manager.yaml';
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
  // The same text in a file no kustomization lists is a whole object.
  const other = pathToFileURL(join(dir, 'standalone.yaml')).href;
  await client.open(other, patch);
  const whole = await client.waitForDiagnostics(other, (d) => d.length > 1);
  assert.deepEqual(new Set(whole.map((d) => d.code)), new Set(['port-conflict', 'undefined-volume', 'unknown-port-name']));
});
