import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-protocol';
import { examplesDir } from '../helpers/paths';
import { LspClient } from './harness';
import { tempFolder } from './temp-folder';

const folder = tempFolder();

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
  const uri = folder.uri(`${name}`);
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

test('an outline cut at 5,000 entries keeps every object, and the user is told once why', async () => {
  const notices: string[] = [];
  client.connection.onNotification('window/showMessage', (p: { message: string }) => {
    notices.push(p.message);
  });
  // 900 Deployments: each one's object, pod, container, port, mount and volume make ~5,400 entries.
  const deployment = (i: number): string =>
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      `  name: d${i}`,
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: c',
      '          image: nginx',
      '          ports:',
      '            - containerPort: 80',
      '          volumeMounts:',
      '            - name: v',
      '              mountPath: /data',
      '      volumes:',
      '        - name: v',
      '          emptyDir: {}',
      '',
    ].join('\n');
  const text = Array.from({ length: 900 }, (_, i) => deployment(i)).join('---\n');
  const count = (list: DocumentSymbol[]): number => list.reduce((n, s) => n + 1 + count(s.children ?? []), 0);
  const first = await symbols('sym-big.yaml', text);
  assert.equal(first.length, 900, 'every object');
  assert.ok(count(first) <= 5000, `${count(first)} entries`);
  // Asked again (as breadcrumbs do after every pause in typing): nothing more is said.
  await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: folder.uri('sym-big.yaml') } });
  const deadline = Date.now() + 5000;
  while (notices.length === 0 && Date.now() < deadline) await new Promise((r) => setImmediate(r));
  assert.equal(notices.length, 1, notices.join('\n'));
  assert.match(notices[0] ?? '', /sym-big\.yaml/);
  assert.match(notices[0] ?? '', /5,000/);
  // A small file's outline is whole: nothing more is said.
  await symbols('sym-small.yaml', deployment(1));
  assert.equal(notices.length, 1);
});

test('no notice when nothing is left out: exactly 5,000 objects without a pod (ConfigMaps, a List and its items)', async () => {
  const notices: string[] = [];
  client.connection.onNotification('window/showMessage', (p: { message: string }) => {
    notices.push(p.message);
  });
  const count = (list: DocumentSymbol[]): number => list.reduce((n, s) => n + 1 + count(s.children ?? []), 0);
  const configMaps = (n: number): string => Array.from({ length: n }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}}\n`).join('---\n');
  // Before the fix, reaching the cap with objects alone counted as cut, pods or not.
  const atCap = await symbols('sym-at-cap.yaml', configMaps(5000));
  assert.equal(atCap.length, 5000);
  const items = Array.from({ length: 4999 }, (_, i) => `  - {apiVersion: v1, kind: ConfigMap, metadata: {name: i${i}}}\n`).join('');
  const list = await symbols('sym-list.yaml', `apiVersion: v1\nkind: List\nitems:\n${items}`);
  assert.equal(count(list), 5000);
  // One object more is left out: that file, and only that one, is named (its notice also shows
  // that the notices of the files before would have arrived by now).
  const over = await symbols('sym-over-cap.yaml', configMaps(5001));
  assert.equal(over.length, 5000);
  const deadline = Date.now() + 5000;
  while (notices.length === 0 && Date.now() < deadline) await new Promise((r) => setImmediate(r));
  assert.equal(notices.length, 1, notices.join('\n'));
  assert.match(notices[0] ?? '', /sym-over-cap\.yaml/);
});
