import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagramHtml } from '../../../client/src/diagram/html';
import { parseFromWebview } from '../../../server/src/protocol/webview-messages';

test('messages from the webview are validated: anything else is dropped', () => {
  const range = { start: { line: 1, character: 2 }, end: { line: 3, character: 4 } };
  assert.deepEqual(parseFromWebview({ type: 'ready' }), { type: 'ready' });
  assert.deepEqual(parseFromWebview({ type: 'reveal', id: 'c:containers:0', range, uri: 'file:///etc/passwd' }), { type: 'reveal', id: 'c:containers:0', range });
  assert.deepEqual(parseFromWebview({ type: 'selectPod', index: 2 }), { type: 'selectPod', index: 2 });
  assert.deepEqual(parseFromWebview({ type: 'exportSvg', path: '/tmp/x' }), { type: 'exportSvg' });
  for (const bad of [
    null,
    'ready',
    { type: 'runCommand', command: 'workbench.action.terminal.new' },
    { type: 'open', uri: 'file:///etc/passwd' },
    { type: 'reveal', id: 'x', range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } } },
    { type: 'reveal', id: 'x', range: { start: { line: 5, character: 0 }, end: { line: 2, character: 0 } } },
    { type: 'reveal', id: 'x', range: { start: { line: 0.5, character: 0 }, end: { line: 2, character: 0 } } },
    { type: 'reveal', id: 7, range },
    { type: 'selectPod', index: '1' },
  ]) {
    assert.equal(parseFromWebview(bad), undefined, JSON.stringify(bad));
  }
});

test('the webview HTML has a strict CSP with the nonce, and no data', () => {
  const html = diagramHtml({ cspSource: 'https://x.vscode-cdn.net', nonce: 'abc123==', scriptUri: 'https://x/main.js', styleUri: 'https://x/main.css' });
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'nonce-abc123=='/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  assert.equal((html.match(/<script/g) ?? []).length, 1);
  assert.match(html, /<script nonce="abc123==" src="https:\/\/x\/main.js">/);
  assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline handlers');
});
