/** Navigation across the files of the workspace in the real server: ConfigMaps on disk, Services and pods in other files. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { Location } from 'vscode-languageserver-protocol';
import type { PodGraphResult } from '../../server/src/protocol/requests';
import { positionOf } from '../helpers/caret';
import { LspClient } from './harness';

let client: LspClient;
let root: string;
const uriOf = (...parts: string[]): string => pathToFileURL(join(root, ...parts)).href;

const settings = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata:\n  log_level: debug\n  mode: fast\n';
const prodSettings = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: audit, namespace: prod}\ndata: {level: high}\n';
const deployment =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: app, image: myorg/app}]\n';
const pod =
  'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: app\n    image: myorg/app\n    env:\n    - {name: LEVEL, valueFrom: {configMapKeyRef: {name: settings, key: log-levl}}}\n    - {name: MODE, valueFrom: {configMapKeyRef: {name: settings, key: mode}}}\n    - {name: AUDIT, valueFrom: {configMapKeyRef: {name: audit, key: level}}}\n    - {name: TOKEN, valueFrom: {secretKeyRef: {name: absent, key: token}}}\n';

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'podsight-nav-'));
  mkdirSync(join(root, 'app', 'config'), { recursive: true });
  // Below the pod's folder: only the background index of the workspace finds them.
  writeFileSync(join(root, 'app', 'config', 'settings.yaml'), settings);
  writeFileSync(join(root, 'app', 'config', 'audit.yaml'), prodSettings);
  writeFileSync(join(root, 'app', 'deploy.yaml'), deployment);
  client = new LspClient({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'ws' }] });
  await client.initialize();
  // The misspelt key is reported once the index has the ConfigMap: the index is ready then.
  await client.open(uriOf('app', 'pod.yaml'), pod);
  await client.waitForLatest(uriOf('app', 'pod.yaml'), (d) => d.some((x) => x.code === 'missing-config-key'));
});
after(async () => {
  await client.dispose();
  rmSync(root, { recursive: true, force: true });
});

const at = (uri: string, text: string, needle: string, occurrence = 0) => ({ textDocument: { uri }, position: positionOf(text, needle, occurrence, 1) });
const brief = (locations: Location[] | null): string[] => (locations ?? []).map((l) => `${l.uri.slice(pathToFileURL(root).href.length + 1)}:${l.range.start.line}:${l.range.start.character}-${l.range.end.character}`);

test('definition of a configMapKeyRef name is the ConfigMap in a file on disk; of its key, the data entry', async () => {
  const uri = uriOf('app', 'pod.yaml');
  assert.deepEqual(brief(await client.request<Location[]>('textDocument/definition', at(uri, pod, 'settings'))), ['app/config/settings.yaml:2:17-25']);
  assert.deepEqual(brief(await client.request<Location[]>('textDocument/definition', at(uri, pod, 'mode}'))), ['app/config/settings.yaml:5:2-6']);
});

test('references of a ConfigMap key from the ConfigMap find the pod that reads it', async () => {
  const cm = uriOf('app', 'config', 'settings.yaml');
  await client.open(cm, settings);
  const refs = await client.request<Location[]>('textDocument/references', { ...at(cm, settings, 'mode'), context: { includeDeclaration: false } });
  assert.deepEqual(brief(refs), ['app/pod.yaml:9:70-74']);
  await client.close(cm);
});

test('silent: a ConfigMap in another namespace, a Secret not in the workspace', async () => {
  const uri = uriOf('app', 'pod.yaml');
  assert.deepEqual(brief(await client.request<Location[]>('textDocument/definition', at(uri, pod, 'audit'))), []);
  assert.deepEqual(brief(await client.request<Location[]>('textDocument/definition', at(uri, pod, 'absent'))), []);
});

test('a Service selector goes to the pod template labels in another file; the label finds the Service', async () => {
  const svcText = 'apiVersion: v1\nkind: Service\nmetadata: {name: front}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n';
  const svc = uriOf('app', 'svc.yaml');
  await client.open(svc, svcText);
  assert.deepEqual(brief(await client.request<Location[]>('textDocument/definition', at(svc, svcText, 'web'))), ['app/deploy.yaml:6:29-32']);
  const deploy = uriOf('app', 'deploy.yaml');
  await client.open(deploy, deployment);
  const refs = await client.request<Location[]>('textDocument/references', { ...at(deploy, deployment, 'app', 1), context: { includeDeclaration: false } });
  assert.deepEqual(brief(refs), ['app/deploy.yaml:4:27-30', 'app/svc.yaml:4:13-16']);
  // Highlights stay in the document.
  const highlights = await client.request<unknown[]>('textDocument/documentHighlight', at(deploy, deployment, 'app', 1));
  assert.equal(highlights.length, 2);
  await client.close(deploy);
  await client.close(svc);
});

test('podsight/podGraph: the Service of another open file stands in front; a ConfigMap volume names the file on disk', async () => {
  const svcText = 'apiVersion: v1\nkind: Service\nmetadata: {name: front}\nspec:\n  selector: {app: web}\n  ports: [{port: 80, targetPort: 8080}]\n';
  const podText = 'apiVersion: v1\nkind: Pod\nmetadata: {name: vol, labels: {app: web}}\nspec:\n  containers:\n  - {name: app, image: myorg/app, ports: [{containerPort: 9000}], volumeMounts: [{name: conf, mountPath: /conf}]}\n  volumes:\n  - {name: conf, configMap: {name: settings}}\n';
  const svc = uriOf('app', 'svc.yaml');
  const vol = uriOf('app', 'vol.yaml');
  await client.open(svc, svcText);
  await client.open(vol, podText);
  const result = await client.request<PodGraphResult>('podsight/podGraph', { textDocument: { uri: vol } });
  assert.deepEqual(result.graph?.services?.map((s) => [s.name, s.file, s.ports.map((p) => [p.port, p.target, p.broken])]), [['front', 'svc.yaml', [[80, '8080', true]]]]);
  assert.deepEqual(result.graph?.volumes[0]?.object, { kind: 'ConfigMap', name: 'settings', files: ['settings.yaml'] });
  await client.close(vol);
  await client.close(svc);
});

test('completion proposes the ConfigMaps of the namespace and, after the name, their keys', async () => {
  const uri = uriOf('app', 'typing.yaml');
  const base = 'apiVersion: v1\nkind: Pod\nmetadata: {name: t}\nspec:\n  containers:\n  - name: app\n    image: myorg/app\n    env:\n    - name: MODE\n      valueFrom:\n        configMapKeyRef:\n          name: ';
  await client.open(uri, base);
  const names = await client.request<{ items: { label: string; detail?: string }[] } | null>('textDocument/completion', { textDocument: { uri }, position: { line: 11, character: 16 } });
  const proposed = (names?.items ?? []).map((i) => `${i.label} | ${i.detail}`);
  assert.ok(proposed.includes('settings | ConfigMap in settings.yaml'), JSON.stringify(proposed));
  assert.ok(!proposed.some((p) => p.startsWith('audit')), 'the ConfigMap of namespace prod is not proposed');
  await client.change(uri, 2, [{ text: `${base}settings\n          key: ` }]);
  const keys = await client.request<{ items: { label: string }[] } | null>('textDocument/completion', { textDocument: { uri }, position: { line: 12, character: 15 } });
  assert.deepEqual((keys?.items ?? []).map((i) => i.label).filter((l) => l === 'log_level' || l === 'mode'), ['log_level', 'mode']);
  await client.close(uri);
});

test('rename of a ConfigMap key from its reference: a workspace edit for the pod and the ConfigMap on disk', async () => {
  const uri = uriOf('app', 'pod.yaml');
  const prepared = await client.request<{ range: { start: { character: number } }; placeholder: string } | null>('textDocument/prepareRename', at(uri, pod, 'mode}'));
  assert.equal(prepared?.placeholder, 'mode');
  const edit = await client.request<{ documentChanges: { textDocument: { uri: string; version: number | null }; edits: { newText: string }[] }[] }>('textDocument/rename', {
    ...at(uri, pod, 'mode}'),
    newName: 'speed',
  });
  const changes = edit.documentChanges.map((c) => `${c.textDocument.uri.slice(pathToFileURL(root).href.length + 1)}@${c.textDocument.version}: ${c.edits.map((e) => e.newText).join(',')}`).sort();
  assert.deepEqual(changes, ['app/config/settings.yaml@null: speed', 'app/pod.yaml@1: speed']);
  await assert.rejects(client.request('textDocument/rename', { ...at(uri, pod, 'mode}'), newName: 'no spaces' }), /not a valid ConfigMap or Secret key/);
});

test('rename is refused for a key of a ConfigMap that is not in the workspace', async () => {
  const uri = uriOf('app', 'pod.yaml');
  assert.equal(await client.request('textDocument/prepareRename', at(uri, pod, 'token')), null);
});

test('rename of a label value from a Service: the Deployment on disk follows; its immutable selector is marked for confirmation', async () => {
  const annotated = new LspClient({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'ws' }], changeAnnotations: true });
  try {
    await annotated.initialize();
    const svcText = 'apiVersion: v1\nkind: Service\nmetadata: {name: front}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n';
    const svc = uriOf('app', 'svc.yaml');
    await annotated.open(svc, svcText);
    type Edit = { documentChanges: { textDocument: { uri: string }; edits: { newText: string; annotationId?: string; range: { start: { line: number } } }[] }[]; changeAnnotations?: Record<string, { needsConfirmation?: boolean }> };
    // The Deployment is read from disk by the background index: poll until the rename reaches it.
    const deadline = Date.now() + 10_000;
    let edit: Edit | undefined;
    while (Date.now() < deadline) {
      edit = await annotated.request<Edit>('textDocument/rename', { ...at(svc, svcText, 'web'), newName: 'shop' });
      if (edit.documentChanges.length > 1) break;
    }
    const deploy = edit?.documentChanges.find((c) => c.textDocument.uri.endsWith('/app/deploy.yaml'));
    assert.deepEqual(deploy?.edits.map((e) => `${e.range.start.line}:${e.newText}:${e.annotationId ?? ''}`).sort(), ['4:shop:immutable-selector', '6:shop:']);
    assert.equal(edit?.changeAnnotations?.['immutable-selector']?.needsConfirmation, true);
  } finally {
    await annotated.dispose();
  }
});
