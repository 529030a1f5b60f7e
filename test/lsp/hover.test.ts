import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Hover, MarkupContent, Position } from 'vscode-languageserver-protocol';
import { examplesDir } from '../helpers/paths';
import { LspClient } from './harness';
import { tempFolder } from './temp-folder';

const folder = tempFolder();

const seed = readFileSync(join(examplesDir, 'seed-shared-disk.yaml'), 'utf8');
const uri = folder.uri('seed-shared-disk.yaml');

/** The position one character into the nth occurrence of `needle`. */
function positionOf(text: string, needle: string, nth = 0, delta = 1): Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} not found`);
  const before = text.slice(0, at + delta).split('\n');
  return { line: before.length - 1, character: (before[before.length - 1] ?? '').length };
}

async function hover(client: LspClient, needle: string, nth = 0, delta = 1): Promise<{ value: string; hover: Hover }> {
  const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(seed, needle, nth, delta) });
  assert.ok(h, `no hover on ${needle}`);
  return { value: (h.contents as MarkupContent).value, hover: h };
}

let en: LspClient;
let zh: LspClient;
before(async () => {
  en = new LspClient();
  zh = new LspClient({ locale: 'zh-CN' });
  const [initEn, initZh] = await Promise.all([en.initialize(), zh.initialize()]);
  assert.equal(initEn.capabilities.hoverProvider, true);
  assert.equal(initZh.capabilities.hoverProvider, true);
  await Promise.all([en.open(uri, seed), zh.open(uri, seed)]);
});
after(async () => {
  await Promise.all([en.dispose(), zh.dispose()]);
});

test('hover on emptyDir: {} names both containers, Markdown, range on the key', async () => {
  const { value, hover: h } = await hover(en, 'emptyDir');
  assert.equal((h.contents as MarkupContent).kind, 'markdown');
  assert.deepEqual(h.range, { start: { line: 25, character: 4 }, end: { line: 25, character: 12 } });
  assert.match(value, /survives container restarts/);
  assert.match(value, /`mycon1` \| `\/root\/\.pm2\/logs`/);
  assert.match(value, /`mycon2` \| `\/pm2logs`/);
  const onValue = await hover(en, '{}', 0, 0);
  assert.deepEqual(onValue.hover.range, { start: { line: 25, character: 14 }, end: { line: 25, character: 16 } });
  const chinese = await hover(zh, 'emptyDir');
  assert.match(chinese.value, /容器重启或崩溃后它依然保留/);
  assert.match(chinese.value, /`mycon1`/);
});

test('hover on containerPort: 80 and on a container name, in both languages', async () => {
  const port = await hover(en, 'containerPort: 80');
  assert.match(port.value, /From `mycon1` this is `localhost:80`/);
  assert.match(port.value, /How pods share a network/);
  const portZh = await hover(zh, 'containerPort: 80');
  assert.match(portZh.value, /在 `mycon1` 中用 `localhost:80` 访问它/);
  const name = await hover(en, 'mycon1');
  assert.deepEqual(name.hover.range, { start: { line: 8, character: 10 }, end: { line: 8, character: 16 } });
  assert.match(name.value, /shares the pod's network with `mycon2`/);
  const nameZh = await hover(zh, 'mycon2');
  assert.match(nameZh.value, /与 `mycon1` 共用 Pod 的网络/);
});

test('hover on kind, a mount, an image and a plain field, in both languages', async () => {
  assert.match((await hover(en, 'kind')).value, /smallest unit Kubernetes schedules/);
  assert.match((await hover(zh, 'kind')).value, /调度的最小单位/);
  assert.match((await hover(en, 'mountPath: /pm2logs', 0, 12)).value, /\*\*Mount of `mymount` at `\/pm2logs`\*\* in `mycon2`/);
  assert.match((await hover(zh, 'mountPath: /pm2logs', 0, 12)).value, /\*\*卷 `mymount` 挂载到 `\/pm2logs`\*\*/);
  assert.match((await hover(en, 'image: nginx', 0, 8)).value, /\*\*Image `nginx`\*\*/);
  assert.match((await hover(zh, 'image: nginx', 0, 8)).value, /\*\*镜像 `nginx`\*\*/);
  const labels = await hover(en, 'labels');
  assert.match(labels.value, /\*\*`labels`\*\* · `map\[string\]string`/);
  assert.match((await hover(zh, 'labels')).value, /API 参考（ObjectMeta v1\.36）/);
});

test('no hover on blank space outside the document content; null for unknown documents', async () => {
  const none = await en.request<Hover | null>('textDocument/hover', { textDocument: { uri: 'file:///nope.yaml' }, position: { line: 0, character: 0 } });
  assert.equal(none, null);
});

test('the server follows the client locale for diagnostics too', async () => {
  const conflict = folder.uri('conflict.yaml');
  await zh.open(conflict, readFileSync(join(examplesDir, 'seed-port-conflict.yaml'), 'utf8'));
  const diags = await zh.waitForDiagnostics(conflict, (d) => d.some((x) => x.code === 'port-conflict'));
  const message = String(diags.find((d) => d.code === 'port-conflict')?.message);
  assert.match(message, /共享同一个网络命名空间/);
  assert.match(message, /duplicate port definition with/);
});
