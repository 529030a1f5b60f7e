/** The workspace rules in the real server: files on disk (background index), open documents, namespaces, code actions. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient } from './harness';

let client: LspClient;
let root: string;
const has = (rule: string) => (d: Diagnostic[]): boolean => d.some((x) => x.code === rule);
const lacks = (rule: string) => (d: Diagnostic[]): boolean => !d.some((x) => x.code === rule);

const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: app\n    image: myorg/app\n    env: [{name: LEVEL, valueFrom: {configMapKeyRef: {name: settings, key: log-level}}}]\n';

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'podsight-ws-'));
  mkdirSync(join(root, 'app', 'config'), { recursive: true });
  // Below the pod's folder, so only the background index of the workspace finds it.
  writeFileSync(join(root, 'app', 'config', 'settings.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {log_level: debug}\n');
  client = new LspClient({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'ws' }] });
  await client.initialize();
});
after(async () => {
  await client.dispose();
  rmSync(root, { recursive: true, force: true });
});

test('missing-config-key: the ConfigMap in a file on disk, with a quick fix', async () => {
  const uri = pathToFileURL(join(root, 'app', 'pod.yaml')).href;
  await client.open(uri, pod);
  const diags = await client.waitForLatest(uri, has('missing-config-key'));
  const finding = diags.find((d) => d.code === 'missing-config-key');
  assert.equal(finding?.severity, 1);
  assert.deepEqual(finding?.range.start, { line: 7, character: 75 });
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: finding?.range, context: { diagnostics: [finding] } });
  const fix = actions.find((a) => a.title === 'Replace "log-level" with "log_level"');
  assert.ok(fix?.isPreferred, JSON.stringify(actions.map((a) => a.title)));
});

const service = (namespace: string, selector = '{app: web}'): string => `apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: ${namespace}}\nspec:\n  selector: ${selector}\n  ports: [{port: 80, targetPort: htp}]\n`;
const deployment = (namespace: string, labels = '{app: web}'): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: ${namespace}}\nspec:\n  selector: {matchLabels: ${labels}}\n  template:\n    metadata: {labels: ${labels}}\n    spec:\n      containers: [{name: app, image: myorg/app, ports: [{name: http, containerPort: 8080}]}]\n`;

test('service-target-port is namespace-aware across open documents, and follows the other document', async () => {
  const svc = pathToFileURL(join(root, 'svc.yaml')).href;
  const deploy = pathToFileURL(join(root, 'deploy.yaml')).href;
  await client.open(deploy, deployment('staging'));
  await client.open(svc, service('prod'));
  await client.waitForLatest(svc, lacks('service-target-port'));
  await client.change(deploy, 2, [{ text: deployment('prod') }]);
  await client.waitForLatest(svc, has('service-target-port'));
});

test('service-selects-nothing: a near miss in another open document, gone when that document is fixed', async () => {
  const svc = pathToFileURL(join(root, 'near', 'svc.yaml')).href;
  const deploy = pathToFileURL(join(root, 'near', 'deploy.yaml')).href;
  await client.open(deploy, deployment('shop', '{app: wbe}'));
  await client.open(svc, service('shop'));
  const diags = await client.waitForLatest(svc, has('service-selects-nothing'));
  assert.match(String(diags.find((d) => d.code === 'service-selects-nothing')?.message), /Did you mean app: wbe\?/);
  await client.change(deploy, 2, [{ text: deployment('shop') }]);
  await client.waitForLatest(svc, lacks('service-selects-nothing'));
});
