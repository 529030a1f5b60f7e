/**
 * Effective listeners in the real server read nginx configuration from a ConfigMap in a sibling
 * file of the pod's folder (on disk, through the workspace index, or open in the editor), and leave
 * a container unsure (no finding) when that ConfigMap is nowhere in the folder.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { LspClient } from './harness';
import { adminConf, portCodes, twoNginxPod } from './listener-fixtures';

let client: LspClient;
let root: string;
const pod = twoNginxPod;
const configMap = adminConf;

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'podsight-listeners-'));
  mkdirSync(join(root, 'app'));
  mkdirSync(join(root, 'lonely'));
  // On disk only: the background index of the workspace brings it in.
  writeFileSync(join(root, 'app', 'admin-conf.yaml'), configMap(80));
  client = new LspClient({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'ws' }] });
  await client.initialize();
});
after(async () => {
  await client.dispose();
  rmSync(root, { recursive: true, force: true });
});

test('nginx conf from a ConfigMap in a sibling file: read from disk, then from the open document as it changes', async () => {
  const uri = pathToFileURL(join(root, 'app', 'pod.yaml')).href;
  await client.open(uri, pod);
  // listen 80 on disk: admin's nginx clashes with main's, and nothing serves its 8081.
  await client.waitForLatest(uri, (d) => portCodes(d).join() === 'implicit-port-conflict,port-not-served', 20_000);
  const cm = pathToFileURL(join(root, 'app', 'admin-conf.yaml')).href;
  await client.open(cm, configMap(80));
  await client.change(cm, 2, [{ text: configMap(8081) }]);
  await client.waitForLatest(uri, (d) => portCodes(d).length === 0, 20_000);
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 10, character: 26 } });
  const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
  assert.match(value, /nginx in `admin` binds 8081 \(set by `listen 8081`\)/);
});

test('without the ConfigMap in its folder the container is unsure: no port finding', async () => {
  const uri = pathToFileURL(join(root, 'lonely', 'pod.yaml')).href;
  await client.open(uri, pod);
  const diags = await client.waitForDiagnostics(uri);
  assert.deepEqual(portCodes(diags), []);
});
