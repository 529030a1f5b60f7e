// Malformed and out-of-order LSP traffic, hostile documents and a throwing rule: the server
// answers with an error or nothing, logs a failing rule once, and keeps answering.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { hostileInputs } from '../unit/hostile-inputs';
import { LspClient } from './harness';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: a, image: nginx, ports: [{containerPort: 80}]}\n  - {name: b, image: nginx, ports: [{containerPort: 80}]}\n';

let client: LspClient;
before(async () => {
  client = new LspClient();
  await client.initialize();
});
after(() => client.dispose());

/** The server is alive: a fresh document still gets its diagnostics. */
async function assertAlive(c: LspClient, tag: string): Promise<void> {
  const uri = `file:///alive/${tag}.yaml`;
  await c.open(uri, POD);
  const diags = await c.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'port-conflict'));
  assert.ok(diags.length > 0);
  assert.equal(c.process.exitCode, null, 'server process exited');
}

/** Sends a request and returns 'error' or the result; never hangs (the server must answer). */
async function outcome(c: LspClient, method: string, params: unknown): Promise<unknown> {
  try {
    return await c.request(method, params);
  } catch {
    return 'error';
  }
}

test('malformed and out-of-order messages get an error or nothing, and the server stays up', async () => {
  const unknown = 'file:///never/opened.yaml';
  const pos = { line: 0, character: 0 };
  const far = { line: 1e9, character: 1e9 };
  // Notifications for documents that were never opened, and a didChange before didOpen.
  await client.change(unknown, 5, [{ range: { start: pos, end: far }, text: 'x' }]);
  await client.close(unknown);
  await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri: unknown } });
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: null });
  await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 42 }, contentChanges: 'nope' });
  await client.connection.sendNotification('workspace/didChangeConfiguration', null);
  await client.connection.sendNotification('podsight/unknownNotification', { x: 1 });
  // Requests about unknown documents, positions past the end, invalid params, unknown methods.
  const requests: [string, unknown][] = [
    ['textDocument/hover', { textDocument: { uri: unknown }, position: pos }],
    ['textDocument/hover', { textDocument: { uri: unknown }, position: far }],
    ['textDocument/hover', null],
    ['textDocument/codeAction', { textDocument: { uri: unknown }, range: { start: far, end: pos }, context: { diagnostics: [{ data: 'forged' }] } }],
    ['textDocument/completion', { textDocument: { uri: unknown }, position: { line: -1, character: -1 } }],
    ['textDocument/documentSymbol', {}],
    ['podsight/podGraph', { uri: unknown, version: -3 }],
    ['podsight/podGraph', 'not an object'],
    ['no/suchMethod', { a: 1 }],
  ];
  for (const [method, params] of requests) await outcome(client, method, params);
  // A stale version: open at 3, change claiming version 2, then real edits; the server settles.
  const uri = 'file:///stale.yaml';
  await client.open(uri, POD, 3);
  await client.change(uri, 2, [{ text: 'kind: Pod\n' }]);
  await client.change(uri, 4, [{ range: { start: far, end: far }, text: '\n# tail\n' }]);
  await client.waitForDiagnostics(uri, () => true, 4);
  // Requests about an open document at positions past its end.
  await outcome(client, 'textDocument/hover', { textDocument: { uri }, position: far });
  await assertAlive(client, 'after-malformed');
});

test('hostile documents over LSP: each is answered, the server stays up', async () => {
  const names = ['billion-laughs-seq', 'merge-key-bomb', 'cyclic-alias', 'deep-flow-seq-10000', 'deep-list-10000', 'list-100000-flow', 'long-line-5MB', 'nul-bytes', 'lone-surrogates', 'emoji', 'mixed-line-endings', 'huge-numbers', 'bom', 'empty'];
  for (const name of names) {
    const uri = `file:///hostile/${name}.yaml`;
    await client.open(uri, hostileInputs[name]?.() ?? '');
    await client.waitForDiagnostics(uri, () => true, undefined, 120_000);
    await client.close(uri);
  }
  await assertAlive(client, 'after-hostile');
});

test('a throwing rule is logged once with its id; the other rules still report', async () => {
  const faulty = new LspClient({ env: { PODSIGHT_TEST_FAULTS: 'throwing-rule' } });
  try {
    await faulty.initialize();
    for (let i = 0; i < 3; i++) {
      const uri = `file:///faulty/${i}.yaml`;
      await faulty.open(uri, POD);
      const diags = await faulty.waitForDiagnostics(uri, (d) => d.length > 0);
      assert.ok(diags.some((d) => d.code === 'port-conflict'), JSON.stringify(diags));
      assert.ok(!diags.some((d) => d.code === 'test-throwing-rule'));
    }
    const logged = faulty.logs.filter((m) => m.includes('test-throwing-rule'));
    assert.equal(logged.length, 1, faulty.logs.join('\n'));
    assert.match(logged[0] ?? '', /Podsight rule test-throwing-rule failed and was skipped: Error: injected failure/);
    await assertAlive(faulty, 'after-throwing-rule');
  } finally {
    await faulty.dispose();
  }
});
