import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList } from 'vscode-languageserver-protocol';
import { caret } from '../helpers/caret';
import { examplesDir } from '../helpers/paths';
import { LspClient } from './harness';
import { tempFolder } from './temp-folder';

const folder = tempFolder();

let client: LspClient;
before(async () => {
  client = new LspClient();
  const init = await client.initialize();
  assert.ok(init.capabilities.completionProvider);
});
after(() => client.dispose());

const example = (name: string): string => readFileSync(join(examplesDir, name), 'utf8');
let n = 0;

async function completeAt(marked: string, on: LspClient = client): Promise<CompletionItem[]> {
  const { text, position } = caret(marked);
  const uri = folder.uri(`completion-${n++}.yaml`);
  await on.open(uri, text);
  const list = await on.request<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position });
  return [...(list?.items ?? [])].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
}

test('typing under `volumeMounts: - name: ` offers mymount (seed shared disk)', async () => {
  const text = example('seed-shared-disk.yaml').replace('    - name: mymount\n      mountPath: /pm2logs', '    - name: ¦\n      mountPath: /pm2logs');
  const items = await completeAt(text);
  assert.deepEqual(items.map((i) => i.label), ['mymount']);
  assert.equal(items[0]?.kind, CompletionItemKind.Reference);
  assert.match(items[0]?.detail ?? '', /emptyDir/);
});

test('a new containerPort in the seed port conflict is offered a free port first', async () => {
  const text = example('seed-port-conflict.yaml').replace('    - containerPort: 80\n  - name: mycon3', '    - containerPort: 80\n    - containerPort: ¦\n  - name: mycon3');
  const items = await completeAt(text);
  assert.equal(items[0]?.label, '8080');
  assert.match(String((items[0]?.documentation as { value: string } | undefined)?.value), /80\/TCP \(mycon1\)/);
});

test('an unfinished key gets the schema keys of its mapping, required first, with a textEdit over the typed word', async () => {
  const marked = example('seed-shared-disk.yaml').replace('      mountPath: /pm2logs', '      mountP¦');
  const items = await completeAt(marked);
  const first = items[0];
  assert.equal(first?.label, 'mountPath');
  assert.equal(first?.kind, CompletionItemKind.Property);
  assert.match(first?.detail ?? '', /string · required/);
  assert.equal(first?.insertTextFormat, InsertTextFormat.Snippet);
  const edit = first?.textEdit as { range: { start: { character: number }; end: { character: number } }; newText: string };
  assert.deepEqual([edit.range.start.character, edit.range.end.character], [6, 12]);
  assert.equal(edit.newText, 'mountPath: $0');
  assert.ok(!items.some((i) => i.label === 'name'));
});

test('multi-document files: the Service targetPort offers the selected pod template port names', async () => {
  const items = await completeAt(
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n      - name: a\n        image: nginx\n        ports: [{containerPort: 80, name: http}]\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports:\n  - port: 80\n    targetPort: ¦\n',
  );
  assert.deepEqual(items.map((i) => i.label), ['http', '80']);
});

test('merge-key containers: probe port names come from the merged ports', async () => {
  const items = await completeAt(
    'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - &base\n    name: a\n    image: example/app\n    ports: [{containerPort: 9090, name: metrics}]\n  - <<: *base\n    name: b\n    livenessProbe:\n      httpGet: {port: ¦}\n',
  );
  assert.deepEqual(items.map((i) => i.label), ['metrics', '9090']);
});

test('Chinese details when the client speaks Chinese; only knowledge with the Red Hat YAML extension', async () => {
  const zh = new LspClient({ locale: 'zh-cn', initializationOptions: { yamlExtensionActive: true } });
  try {
    await zh.initialize();
    const volumes = await completeAt('apiVersion: v1\nkind: Pod\nspec:\n  volumes:\n  - ¦\n', zh);
    assert.ok(volumes.some((i) => i.label === 'emptyDir' && i.kind === CompletionItemKind.Snippet && /临时空间/.test(i.detail ?? '')));
    assert.ok(!volumes.some((i) => i.kind === CompletionItemKind.Property), 'schema keys are left to the YAML extension');
  } finally {
    await zh.dispose();
  }
});
