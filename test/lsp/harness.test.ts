/**
 * The test client itself: a server that dies in the middle of a message must not keep the test
 * process alive (vscode-jsonrpc re-arms its partial-message timer for ever otherwise).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LspClient } from './harness';

const timers = (): number => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

test('a server that stops halfway through a message leaves no timer behind once the client is disposed', async () => {
  const before = timers();
  // Half a message: the header promises 500 bytes, 17 come, and the process ends.
  const halfMessage = `process.stdout.write('Content-Length: 500\\r\\n\\r\\n{"jsonrpc":"2.0",')`;
  const client = new LspClient({ command: [process.execPath, '-e', halfMessage] });
  const stdout = client.process.stdout;
  assert.ok(stdout);
  await new Promise<void>((resolve, reject) => {
    if (stdout.readableEnded) return resolve();
    stdout.once('end', resolve);
    stdout.once('error', reject);
  });
  // The reader has taken the partial message in (its 'data' came before 'end'); now the client goes.
  await client.dispose();
  assert.equal(timers(), before, JSON.stringify(process.getActiveResourcesInfo()));
});
