/** The server reads `.podsight.yaml` from the workspace folder, under the settings, and follows its changes. */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { LspClient } from './harness';
import { tempDir } from '../helpers/temp-dir';

const dir = tempDir('podsight-ws-');
const folder = pathToFileURL(dir).href;
const configPath = join(dir, '.podsight.yaml');
const configUri = pathToFileURL(configPath).href;
let client: LspClient;

const pod = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - {name: a, image: app, ports: [{containerPort: 80}]}
  - {name: b, image: app2, ports: [{containerPort: 80}]}
  volumes:
  - {name: spare, emptyDir: {}}
`;

before(async () => {
  writeFileSync(configPath, 'rules:\n  port-conflict: warning\n  unused-volume: off\n');
  client = new LspClient({ workspaceFolders: [{ uri: folder, name: 'ws' }], settings: { rules: { 'port-conflict': 'hint' } } });
  await client.initialize();
});
after(() => client.dispose());

test('registers a watcher for .podsight.yaml', async () => {
  const deadline = Date.now() + 5000;
  while (!client.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles') && Date.now() < deadline) {
    await new Promise((r) => setImmediate(r));
  }
  const reg = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
  // .podsight.yaml first; the manifests (and kustomizations) for the workspace index after it.
  assert.deepEqual(reg?.registerOptions, { watchers: [{ globPattern: '**/.podsight.yaml' }, { globPattern: '**/*.{yaml,yml}' }, { globPattern: '**/Kustomization' }] });
});

test('config applies under settings; a change to the file re-validates', async () => {
  const uri = `${folder}/pod.yaml`;
  await client.open(uri, pod);
  const first = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'port-conflict'));
  assert.equal(first.find((d) => d.code === 'port-conflict')?.severity, DiagnosticSeverity.Hint, 'the setting wins over the config');
  assert.equal(first.filter((d) => d.code === 'unused-volume').length, 0, 'the config turns unused-volume off');

  writeFileSync(configPath, 'rules:\n  unused-volume: warning\n');
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
  const next = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'unused-volume'));
  assert.equal(next.find((d) => d.code === 'unused-volume')?.severity, DiagnosticSeverity.Warning);
});

test('config errors show on the config file while it is open', async () => {
  writeFileSync(configPath, 'rules:\n  no-such-rule: off\n');
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
  await client.open(configUri, 'rules:\n  no-such-rule: off\n');
  const diags = await client.waitForDiagnostics(configUri, (d) => d.length > 0);
  assert.match(String(diags[0]?.message), /unknown rule "no-such-rule"/);
  assert.equal(diags[0]?.source, 'podsight');
  // Unsaved edits are checked as they are typed.
  await client.change(configUri, 2, [{ text: 'rules:\n  unused-volume: loud\n' }]);
  const edited = await client.waitForDiagnostics(configUri, (d) => d.length > 0, 2);
  assert.match(String(edited[0]?.message), /rule "unused-volume": level must be/);
});

test('directives are honoured in the editor', async () => {
  const uri = `${folder}/directive.yaml`;
  await client.open(uri, pod.replace('  - {name: b', '  # podsight-disable-next-line port-conflict, nope\n  - {name: b'));
  const diags = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'unused-disable-directive'));
  assert.equal(diags.filter((d) => d.code === 'port-conflict').length, 0);
  const unknown = diags.find((d) => d.code === 'unused-disable-directive');
  assert.deepEqual(unknown?.tags, [1]);
  assert.match(String(unknown?.message), /Unknown rule "nope"/);
  // The finding's facts stay on the server: a big file publishes thousands of these on every edit.
  assert.equal(typeof unknown?.data, 'number');
});

test('a Service sees the pods of another open document in the same folder, and follows its edits', async () => {
  const serviceUri = `${folder}/svc.yaml`;
  const deployUri = `${folder}/deploy.yaml`;
  await client.open(serviceUri, 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80, targetPort: htp}]\n');
  await client.waitForDiagnostics(serviceUri, (d) => d.length === 0);
  const deploy = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: a, image: x, ports: [{name: http, containerPort: 8080}]}]\n';
  await client.open(deployUri, deploy);
  let diags = await client.waitForDiagnostics(serviceUri, (d) => d.some((x) => x.code === 'service-target-port'));
  assert.match(String(diags[0]?.message), /Did you mean "?http"?\?/);
  // Renaming the port in the peer to what the Service asks for clears it.
  await client.change(deployUri, 2, [{ range: { start: { line: 7, character: 54 }, end: { line: 7, character: 58 } }, text: 'htp' }]);
  diags = await client.waitForLatest(serviceUri, (d) => d.length === 0);
  assert.deepEqual(diags, []);
});

test('a Service sees the pods of files on disk in its folder that are not open', async () => {
  mkdirSync(join(dir, 'disk'));
  writeFileSync(
    join(dir, 'disk', 'deploy.yaml'),
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    metadata: {labels: {app: api}}\n    spec:\n      containers: [{name: a, image: x, ports: [{name: grpc, containerPort: 9000}]}]\n',
  );
  const serviceUri = pathToFileURL(join(dir, 'disk', 'svc.yaml')).href;
  await client.open(serviceUri, 'apiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec:\n  selector: {app: api}\n  ports: [{port: 80, targetPort: grcp}]\n');
  const diags = await client.waitForDiagnostics(serviceUri, (d) => d.some((x) => x.code === 'service-target-port'));
  assert.match(String(diags[0]?.message), /Did you mean "?grpc"?\?/);
});
