import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { PodGraphResult } from '../../server/src/protocol/requests';
import { examplesDir } from '../helpers/paths';
import { LspClient } from './harness';
import { tempFolder } from './temp-folder';

const folder = tempFolder();

let client: LspClient;
before(async () => {
  client = new LspClient({ locale: 'zh-cn' });
  await client.initialize();
});
after(() => client.dispose());

const example = (name: string): string => readFileSync(join(examplesDir, name), 'utf8');

test('podsight/podGraph answers the graph of the pod under the cursor, with the pod list and texts', async () => {
  const uri = folder.uri('two-pods.yaml');
  const text = example('seed-shared-disk.yaml') + '---\n' + example('seed-port-conflict.yaml');
  await client.open(uri, text);
  const first = await client.request<PodGraphResult>('podsight/podGraph', { textDocument: { uri } });
  assert.equal(first.pods.length, 2);
  assert.equal(first.active, 0);
  assert.deepEqual(first.graph?.volumes.map((v) => v.name), ['mymount']);
  assert.equal(first.strings['lane.volumes'], '卷（共享空间）');
  const line = text.split('\n').findIndex((l) => l.includes('mycon3'));
  const second = await client.request<PodGraphResult>('podsight/podGraph', { textDocument: { uri }, position: { line, character: 12 } });
  assert.equal(second.active, 1);
  const mycon2 = second.graph?.containers[1];
  assert.equal(mycon2?.ports[0]?.findings[0]?.rule, 'port-conflict');
  assert.equal(second.version, 1);
});

test('podsight/podGraph follows edits and returns null for unknown documents', async () => {
  const uri = folder.uri('edit-graph.yaml');
  await client.open(uri, example('seed-port-conflict.yaml'));
  // Rename mycon3 (0-based line 16, "  - name: mycon3").
  await client.change(uri, 2, [{ range: { start: { line: 16, character: 10 }, end: { line: 16, character: 16 } }, text: 'renamed' }]);
  const result = await client.request<PodGraphResult>('podsight/podGraph', { textDocument: { uri }, podIndex: 0 });
  assert.equal(result.version, 2);
  assert.deepEqual(result.graph?.containers.map((c) => c.name), ['mycon1', 'mycon2', 'renamed']);
  assert.equal(await client.request('podsight/podGraph', { textDocument: { uri: folder.uri('not-open.yaml') } }), null);
  const none = await client.request<PodGraphResult>('podsight/podGraph', { textDocument: { uri: folder.uri('compose.yaml') } }).catch(() => null);
  assert.equal(none, null);
});
