/** Completion, go to definition and the outline on the seed article's manifests, through the real vscode API. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { nthIndex, openFixture, waitFor } from './helpers';

async function untitled(content: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content });
  await vscode.window.showTextDocument(doc);
  return doc;
}

function completionsAt(doc: vscode.TextDocument, position: vscode.Position, want: (items: vscode.CompletionItem[]) => boolean, what: string): Promise<vscode.CompletionItem[]> {
  return waitFor(async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position);
    return want(list.items) && list.items;
  }, 20_000, what);
}

const label = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);

describe('Podsight completion and navigation', function () {
  it('typing under `volumeMounts: - name: ` offers mymount (seed shared disk)', async function () {
    const seed = (await openFixture('seed-shared-disk.yaml')).getText();
    const doc = await untitled(seed.replace('    - name: mymount\n      mountPath: /pm2logs', '    - name: \n      mountPath: /pm2logs'));
    const at = doc.positionAt(nthIndex(doc, '- name: \n', 0) + 8);
    const items = await completionsAt(doc, at, (i) => i.some((x) => label(x) === 'mymount'), 'mymount in the completion list');
    const mymount = items.find((x) => label(x) === 'mymount');
    assert.equal(mymount?.kind, vscode.CompletionItemKind.Reference);
  });

  it('a new containerPort in the seed port conflict is offered a free port first', async function () {
    const seed = (await openFixture('seed-port-conflict.yaml')).getText();
    const doc = await untitled(seed.replace('    - containerPort: 80\n  - name: mycon3', '    - containerPort: 80\n    - containerPort: \n  - name: mycon3'));
    const at = doc.positionAt(nthIndex(doc, 'containerPort: \n', 0) + 15);
    const items = await completionsAt(doc, at, (i) => i.some((x) => label(x) === '8080'), 'a free port');
    const ours = items.filter((x) => x.kind === vscode.CompletionItemKind.Value).sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.equal(label(ours[0]!), '8080');
  });

  it('F12 on a volumeMount name jumps to the volume', async function () {
    const doc = await openFixture('seed-shared-disk.yaml');
    const at = doc.positionAt(nthIndex(doc, 'mymount', 0) + 2);
    const defs = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, at);
      return found.length > 0 && found;
    }, 20_000, 'a definition');
    const target = defs[0]!;
    const range = 'targetRange' in target ? target.targetRange : target.range;
    assert.equal(range.start.line, doc.positionAt(doc.getText().lastIndexOf('mymount')).line);
  });

  it('the Outline shows mypod with mycon1, mycon2 and mymount', async function () {
    const doc = await openFixture('seed-shared-disk.yaml');
    const symbols = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
      return (found ?? []).some((s) => s.name === 'mypod') && found;
    }, 20_000, 'the outline');
    const mypod = symbols.find((s) => s.name === 'mypod');
    const names = mypod?.children[0]?.children.map((c) => c.name);
    assert.deepEqual(names, ['mycon1', 'mycon2', 'mymount']);
  });
});
