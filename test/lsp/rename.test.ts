/** Rename over LSP: prepareRename ranges, workspace edits that keep references in step, and refusals. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Position, PrepareRenameResult, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LspClient } from './harness';
import { tempFolder } from './temp-folder';

const folder = tempFolder();

let client: LspClient;
before(async () => {
  client = new LspClient();
  const init = await client.initialize();
  assert.deepEqual(init.capabilities.renameProvider, { prepareProvider: true });
});
after(() => client.dispose());

const text = `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: http}]
---
apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec:
  containers:
  - name: app
    image: x
    ports: [{name: http, containerPort: 8080}]
    readinessProbe: {httpGet: {path: /, port: http}}
    volumeMounts: [{name: data, mountPath: /data}]
  volumes: [{name: data, emptyDir: {}}]
`;

function positionOf(needle: string, delta: number): Position {
  const offset = text.indexOf(needle) + delta;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: (before[before.length - 1] ?? '').length };
}

function applyEdits(source: string, edits: TextEdit[]): string {
  const lines = source.split('\n');
  const offset = (p: Position): number => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)).reduce((s, e) => s.slice(0, offset(e.range.start)) + e.newText + s.slice(offset(e.range.end)), source);
}

test('prepareRename on a probe port reference returns the name range', async () => {
  const uri = folder.uri('rename-prepare.yaml');
  await client.open(uri, text);
  const at = positionOf('port: http}}', 7);
  const result = await client.request<PrepareRenameResult | null>('textDocument/prepareRename', { textDocument: { uri }, position: at });
  assert.deepEqual(result, { range: { start: { line: 15, character: 46 }, end: { line: 15, character: 50 } }, placeholder: 'http' });
  const nothing = await client.request<PrepareRenameResult | null>('textDocument/prepareRename', { textDocument: { uri }, position: positionOf('image: x', 8) });
  assert.equal(nothing, null);
});

test('rename a port name: declaration, probe and Service targetPort; the result re-checks clean', async () => {
  const uri = folder.uri('rename-port.yaml');
  await client.open(uri, text);
  const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: positionOf('name: http', 7), newName: 'web' });
  const change = edit.documentChanges?.[0];
  assert.ok(change && 'edits' in change);
  assert.equal(change.textDocument.version, 1);
  const out = applyEdits(text, change.edits as TextEdit[]);
  assert.equal(out, text.replace('targetPort: http', 'targetPort: web').replace('name: http', 'name: web').replace('port: http}}', 'port: web}}'));
  await client.change(uri, 2, [{ text: out }]);
  const diags = await client.waitForDiagnostics(uri, () => true, 2);
  assert.deepEqual(diags.map((d) => d.code), []);
});

test('rename a volume from a mount', async () => {
  const uri = folder.uri('rename-volume.yaml');
  await client.open(uri, text);
  const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: positionOf('name: data', 7), newName: 'cache' });
  const change = edit.documentChanges?.[0];
  assert.ok(change && 'edits' in change);
  assert.equal(applyEdits(text, change.edits as TextEdit[]), text.split('name: data').join('name: cache'));
});

test('an invalid new name is refused with the API server rule', async () => {
  const uri = folder.uri('rename-invalid.yaml');
  await client.open(uri, text);
  await assert.rejects(
    client.request('textDocument/rename', { textDocument: { uri }, position: positionOf('name: http', 7), newName: 'Web_Port' }),
    /not a valid port name/,
  );
});
