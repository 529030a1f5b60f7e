import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DocumentHighlightKind, type DocumentHighlight, type Location } from 'vscode-languageserver-protocol';
import { positionOf } from '../helpers/caret';
import { examplesDir } from '../helpers/paths';
import { LspClient } from './harness';
import { tempFolder } from './temp-folder';

const folder = tempFolder();

let client: LspClient;
before(async () => {
  client = new LspClient();
  const init = await client.initialize();
  assert.equal(init.capabilities.definitionProvider, true);
  assert.equal(init.capabilities.referencesProvider, true);
  assert.equal(init.capabilities.documentHighlightProvider, true);
});
after(() => client.dispose());

const shared = readFileSync(join(examplesDir, 'seed-shared-disk.yaml'), 'utf8');
const lines = (locations: Location[] | null): number[] => (locations ?? []).map((l) => l.range.start.line).sort((a, b) => a - b);

test('F12 on a volumeMount name jumps to the volume (seed shared disk)', async () => {
  const uri = folder.uri('nav-shared.yaml');
  await client.open(uri, shared);
  const defs = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: positionOf(shared, 'mymount', 0, 2) });
  assert.deepEqual(defs, [{ uri, range: { start: { line: 24, character: 10 }, end: { line: 24, character: 17 } } }]);
});

test('references of a volume are its mounts; highlights mark the volume as written', async () => {
  const uri = folder.uri('nav-shared-refs.yaml');
  await client.open(uri, shared);
  const position = positionOf(shared, 'mymount', 2, 1);
  const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: false } });
  assert.deepEqual(lines(refs), [13, 21]);
  const all = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } });
  assert.deepEqual(lines(all), [13, 21, 24]);
  const highlights = await client.request<DocumentHighlight[]>('textDocument/documentHighlight', { textDocument: { uri }, position });
  assert.deepEqual(highlights.map((h) => [h.range.start.line, h.kind]).sort(), [[13, DocumentHighlightKind.Read], [21, DocumentHighlightKind.Read], [24, DocumentHighlightKind.Write]]);
});

const multi = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: web}',
  'spec:',
  '  template:',
  '    metadata: {labels: {app: web}}',
  '    spec:',
  '      containers:',
  '      - &app',
  '        name: web',
  '        image: nginx',
  '        ports:',
  '        - {containerPort: 80, name: http}',
  '        readinessProbe:',
  '          httpGet: {path: /, port: http}',
  '      - <<: *app',
  '        name: copy',
  '---',
  'apiVersion: v1',
  'kind: Service',
  'metadata: {name: web}',
  'spec:',
  '  selector: {app: web}',
  '  ports:',
  '  - port: 80',
  '    targetPort: http',
  '',
].join('\n');

test('a Service targetPort in another document jumps to the container port of the selected template', async () => {
  const uri = folder.uri('nav-multi.yaml');
  await client.open(uri, multi);
  const defs = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: positionOf(multi, 'targetPort: http', 0, 13) });
  assert.deepEqual(lines(defs), [12]);
  const fromProbe = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: positionOf(multi, 'port: http}', 0, 7) });
  assert.deepEqual(lines(fromProbe), [12]);
  const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: positionOf(multi, 'name: http', 0, 7), context: { includeDeclaration: false } });
  assert.deepEqual(lines(refs), [14, 25], 'the probe (shared by the merged container) and the Service');
});

test('no definition where no name is linked', async () => {
  const uri = folder.uri('nav-none.yaml');
  await client.open(uri, shared);
  const defs = await client.request<Location[] | null>('textDocument/definition', { textDocument: { uri }, position: { line: 1, character: 2 } });
  assert.equal(defs, null);
});
