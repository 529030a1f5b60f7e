// A document closed and opened again at the same version is a new document: diagnostics of the
// closed text must never be published for the new one, even when settings arrive late.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient } from './harness';

const conflict = 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n  - {name: a, image: x, ports: [{containerPort: 80}]}\n  - {name: b, image: y, ports: [{containerPort: 80}]}\n';
const clean = 'apiVersion: v1\nkind: Pod\nmetadata: {name: b}\nspec:\n  containers:\n  - {name: a, image: x}\n';
const shape = (d: readonly Diagnostic[]): string => JSON.stringify(d.map((x) => [x.code, x.range, x.message]));

let client: LspClient;
before(async () => {
  client = new LspClient();
  await client.initialize();
});
after(() => client.dispose());

/** What a fresh open of `text` publishes (under a URI of its own). */
async function fresh(text: string, name: string): Promise<string> {
  const uri = `file:///identity/fresh-${name}.yaml`;
  await client.open(uri, text);
  return shape(await client.waitForDiagnostics(uri));
}

test('close and reopen at the same version while configuration answers are pending: the new text wins', async () => {
  const expectedClean = await fresh(clean, 'clean');
  const expectedConflict = await fresh(conflict, 'conflict');
  assert.notEqual(expectedClean, expectedConflict);
  for (const [round, [first, second, expected]] of [
    [conflict, clean, expectedClean],
    [clean, conflict, expectedConflict],
  ].entries()) {
    const uri = `file:///identity/reopened-${round}.yaml`;
    const release = client.holdConfiguration();
    const requests = client.configurationRequests;
    await client.open(uri, first as string, 1);
    await client.waitForConfigurationRequests(requests + 1);
    await client.close(uri);
    await client.open(uri, second as string, 1);
    await client.waitForConfigurationRequests(requests + 2);
    const closedAt = client.published(uri).length; // the close publishes an empty list at once
    release();
    await client.waitForDiagnostics(uri, () => true, 1);
    // Let the server finish whatever it had queued: a request is answered after pending work.
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    const after = client.published(uri).slice(closedAt).filter((p) => p.version === 1);
    assert.ok(after.length > 0);
    for (const p of after) assert.equal(shape(p.diagnostics), expected, `round ${round}: a publish for the reopened document`);
  }
});

test('diagnostics are never published for a version older than one already published', async () => {
  const slow = new LspClient({ configurationDelayMs: 3 });
  await slow.initialize();
  try {
    const uri = 'file:///identity/typing.yaml';
    await slow.open(uri, conflict, 1);
    // Fast typing: `b` of `name: b` (line 6) grows one character per version, without waiting.
    for (let version = 2; version <= 30; version++) {
      await slow.change(uri, version, [{ range: { start: { line: 6, character: 12 }, end: { line: 6, character: 12 } }, text: 'x' }]);
    }
    await slow.waitForDiagnostics(uri, () => true, 30);
    const versions = slow.published(uri).map((p) => p.version ?? 0);
    for (let i = 1; i < versions.length; i++) assert.ok((versions[i] ?? 0) >= (versions[i - 1] ?? 0), `published versions ${versions.join(',')}`);
  } finally {
    await slow.dispose();
  }
});
