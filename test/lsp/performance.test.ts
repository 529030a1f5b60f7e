import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { LspClient } from './harness';
import { tempFolder } from './temp-folder';

const folder = tempFolder();

const doc = (i: number): string =>
  `---\napiVersion: v1\nkind: Pod\nmetadata: {name: p${i}}\nspec:\n  containers:\n  - {name: a, image: x, ports: [{containerPort: 80}]}\n  - {name: b, image: y, ports: [{containerPort: 80}]}\n`;
const big = Array.from({ length: 400 }, (_, i) => doc(i)).join('');

let client: LspClient;
before(async () => {
  client = new LspClient({ settings: { maxFileSize: 0.05 } }); // 50 kB
  await client.initialize();
});
after(() => client.dispose());

test('a file over podsight.maxFileSize gets one information diagnostic and nothing else', async () => {
  const uri = folder.uri('huge.yaml');
  assert.ok(big.length > 0.05 * 1024 * 1024);
  await client.open(uri, big);
  const diags = await client.waitForDiagnostics(uri);
  assert.equal(diags.length, 1, JSON.stringify(diags));
  assert.equal(diags[0]?.code, 'file-too-large');
  assert.equal(diags[0]?.severity, 3);
  assert.match(diags[0]?.codeDescription?.href ?? '', /docs\/rules\/file-too-large\.md$/);
  assert.equal(diags[0]?.range.start.line, 0);
  // Below the limit again: checked as usual.
  await client.change(uri, 2, [{ text: doc(0) }]);
  const small = await client.waitForDiagnostics(uri, () => true, 2);
  assert.ok(small.some((d) => d.code === 'port-conflict'));
  assert.ok(!small.some((d) => d.code === 'file-too-large'));
});

test('rapid edits: diagnostics of a stale version are never published after a newer version', async () => {
  const uri = folder.uri('rapid.yaml');
  const text = Array.from({ length: 120 }, (_, i) => doc(i)).join('');
  await client.open(uri, text);
  await client.waitForDiagnostics(uri, () => true, 1);
  // Many edits in a row, each one breaking or fixing a different document's conflict, without
  // waiting: the server must give up on every version that is superseded.
  const last = 30;
  for (let v = 2; v <= last; v++) {
    const line = 8 * ((v * 7) % 120) + 7; // the second container's line of some document
    await client.change(uri, v, [{ range: { start: { line, character: 48 }, end: { line, character: 50 } }, text: v % 2 ? '81' : '80' }]);
  }
  await client.waitForDiagnostics(uri, () => true, last);
  const versions = client.published(uri).map((p) => p.version ?? -1);
  for (let i = 1; i < versions.length; i++) assert.ok((versions[i] ?? 0) > (versions[i - 1] ?? 0), `published in order: ${versions.join(',')}`);
  assert.equal(versions[versions.length - 1], last);
});

test('an opened file is checked at once, not after the edit debounce', async () => {
  // With a 60 s debounce, diagnostics within 20 s can only come from the immediate check on open
  // (TextDocuments follows each open with a content change, which must not re-debounce it).
  const slow = new LspClient({ initializationOptions: { debounceMs: 60_000 } });
  try {
    await slow.initialize();
    const uri = folder.uri('opened.yaml');
    await slow.open(uri, doc(1));
    const diags = await slow.waitForDiagnostics(uri, () => true, 1, 20_000);
    assert.ok(diags.some((d) => d.code === 'port-conflict'));
  } finally {
    slow.dispose();
  }
});

test('requests about a file still being analysed wait for it without blocking the server', async () => {
  // A request for the outline of a big file that was just opened awaits the sliced analysis
  // (it used to analyse the whole file on the spot); a hover in a small file asked right after
  // it is answered in between, long before the outline.
  const server = new LspClient();
  try {
    await server.initialize();
    const small = folder.uri('small.yaml');
    await server.open(small, doc(1));
    await server.waitForDiagnostics(small, () => true, 1);
    const bigUri = folder.uri('big-outline.yaml');
    const order: string[] = [];
    await server.open(bigUri, Array.from({ length: 3000 }, (_, i) => doc(i)).join(''));
    const outline = server.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: bigUri } }).then((r) => {
      order.push('outline');
      return r;
    });
    const hover = server.request('textDocument/hover', { textDocument: { uri: small }, position: { line: 6, character: 6 } }).then(() => order.push('hover'));
    const [symbols] = await Promise.all([outline, hover]);
    assert.deepEqual(order, ['hover', 'outline']);
    assert.equal(symbols.length, 3000, 'the outline is complete');
  } finally {
    await server.dispose();
  }
});
