import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-protocol';
import { examplesDir } from '../helpers/paths';
import { LspClient } from './harness';

let client: LspClient;
before(async () => {
  client = new LspClient();
  await client.initialize();
});
after(() => client.dispose());

const within = (inner: Range, outer: Range): boolean =>
  (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character)) &&
  (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));

function checkRanges(symbols: DocumentSymbol[], parent?: DocumentSymbol): void {
  for (const s of symbols) {
    assert.ok(within(s.selectionRange, s.range), `${s.name}: selectionRange inside range`);
    if (parent) assert.ok(within(s.range, parent.range), `${s.name} inside ${parent.name}`);
    checkRanges(s.children ?? [], s);
  }
}

async function symbols(name: string, text: string): Promise<DocumentSymbol[]> {
  const uri = `file:///work/${name}`;
  await client.open(uri, text);
  return client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
}

test('the Outline shows mypod with mycon1, mycon2 and mymount (seed shared disk)', async () => {
  const result = await symbols('sym-shared.yaml', readFileSync(join(examplesDir, 'seed-shared-disk.yaml'), 'utf8'));
  assert.equal(result.length, 1);
  const mypod = result[0];
  assert.equal(mypod?.name, 'mypod');
  assert.equal(mypod?.detail, 'Pod');
  assert.deepEqual(mypod?.selectionRange, { start: { line: 3, character: 8 }, end: { line: 3, character: 13 } });
  const pod = mypod?.children?.[0];
  assert.equal(pod?.kind, SymbolKind.Namespace);
  assert.deepEqual(pod?.children?.map((c) => [c.name, c.kind]), [
    ['mycon1', SymbolKind.Object],
    ['mycon2', SymbolKind.Object],
    ['mymount', SymbolKind.Package],
  ]);
  assert.match(pod?.children?.[0]?.detail ?? '', /app container · sunwu51\/node/);
  checkRanges(result);
});

test('multi-document files: one entry per object, sidecars marked, merge-key containers in range', async () => {
  const text = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: web}',
    'spec:',
    '  template:',
    '    spec:',
    '      initContainers:',
    '      - {name: proxy, image: envoy, restartPolicy: Always}',
    '      containers:',
    '      - &app',
    '        name: web',
    '        image: nginx',
    '      - <<: *app',
    '        name: copy',
    '---',
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata: {name: settings}',
    '',
  ].join('\n');
  const result = await symbols('sym-multi.yaml', text);
  assert.deepEqual(result.map((s) => [s.name, s.detail]), [['web', 'Deployment'], ['settings', 'ConfigMap']]);
  const containers = result[0]?.children?.[0]?.children ?? [];
  assert.deepEqual(containers.map((c) => c.name), ['proxy', 'web', 'copy']);
  assert.match(containers[0]?.detail ?? '', /^sidecar/);
  checkRanges(result);
});

test('non-Kubernetes YAML has no symbols from Podsight', async () => {
  assert.deepEqual(await symbols('sym-compose.yaml', 'services:\n  web:\n    image: nginx\n'), []);
});
