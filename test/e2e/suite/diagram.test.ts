/** The pod diagram panel, through the real vscode API: the command opens it beside the editor with the pod's graph. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, openFixture, waitFor, waitForRule } from './helpers';

function diagramTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('podsight.diagram'));
}

describe('Podsight pod diagram', function () {
  it('Show Pod Diagram opens the panel beside the editor, titled with the seed pod', async function () {
    const doc = await openFixture('seed-shared-disk.yaml');
    const api = (await vscode.extensions.getExtension(EXTENSION_ID)?.activate()) as { ready?: Promise<void> } | undefined;
    await api?.ready;
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('podsight.showDiagram') && commands.includes('podsight.exportDiagramSvg'));
    // The server is up once the other seed file has its diagnostics.
    await waitForRule((await openFixture('seed-port-conflict.yaml')).uri, 'port-conflict');
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('podsight.showDiagram');
    // The panel's title comes from the graph the server answered, so this proves the round trip.
    const tab = await waitFor(() => diagramTabs().find((t) => t.label === 'Pod: mypod'), 15_000, 'a diagram tab titled "Pod: mypod"');
    assert.notEqual(tab.group.viewColumn, vscode.window.tabGroups.all.find((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === doc.uri.toString()))?.viewColumn, 'beside the editor');
    // Running it again reuses the panel.
    await vscode.commands.executeCommand('podsight.showDiagram');
    assert.equal(diagramTabs().length, 1);
    // It follows the active editor.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'yaml', content: 'apiVersion: v1\nkind: Pod\nmetadata: {name: other}\nspec:\n  containers: [{name: a, image: nginx}]\n' }), vscode.ViewColumn.One);
    await waitFor(() => diagramTabs().find((t) => t.label === 'Pod: other'), 15_000, 'the panel to follow the active editor');
    for (const t of diagramTabs()) await vscode.window.tabGroups.close(t);
  });
});
