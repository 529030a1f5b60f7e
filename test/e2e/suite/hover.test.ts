/** Hovers on the seed article's shared-disk manifest, through the real vscode hover API. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { nthIndex, openFixture, waitFor } from './helpers';

/** The Markdown of every hover at one character into the `n`-th `needle` (plus `delta`). */
async function hoverText(doc: vscode.TextDocument, needle: string, n = 0, delta = 1): Promise<{ text: string; ranges: vscode.Range[] }> {
  const position = doc.positionAt(nthIndex(doc, needle, n) + delta);
  const hovers = await waitFor(async () => {
    const found = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
    return found && found.length > 0 && found;
  }, 15_000, `a hover on ${needle}`);
  const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n\n');
  return { text, ranges: hovers.flatMap((h) => (h.range ? [h.range] : [])) };
}

describe('Podsight hovers', function () {
  it('emptyDir: {} explains the volume and names both containers and their paths', async function () {
    const doc = await openFixture('seed-shared-disk.yaml');
    const { text, ranges } = await hoverText(doc, 'emptyDir: {}');
    assert.match(text, /survives container restarts|容器重启或崩溃后它依然保留/);
    assert.match(text, /`mycon1` \| `\/root\/\.pm2\/logs`/);
    assert.match(text, /`mycon2` \| `\/pm2logs`/);
    assert.ok(ranges.some((r) => doc.getText(r) === 'emptyDir'), 'the hover range is the key');
  });

  it('containerPort: 80 teaches the shared network namespace and names the sibling', async function () {
    const doc = await openFixture('seed-shared-disk.yaml');
    const { text } = await hoverText(doc, 'containerPort: 80');
    assert.match(text, /How pods share a network/);
    assert.match(text, /`mycon1`/);
    assert.match(text, /localhost:80/);
  });

  it('a container name names its sibling; another key shows its schema documentation', async function () {
    const doc = await openFixture('seed-shared-disk.yaml');
    const { text } = await hoverText(doc, 'mycon1');
    assert.match(text, /`mycon2`/);
    const labels = await hoverText(doc, 'labels');
    assert.match(labels.text, /`labels`/);
    assert.match(labels.text, /kubernetes\.io\/docs\/reference\/generated\/kubernetes-api\/v1\.36\/#objectmeta-v1-meta/);
  });
});
