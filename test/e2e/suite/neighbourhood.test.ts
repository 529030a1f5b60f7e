/**
 * The pod's neighbourhood in a real VS Code: the diagram of a Deployment holds the Service of
 * another file (with the place a click on it opens), and F12 goes from an Ingress backend to it.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PodGraphResult } from '../../../server/src/protocol/requests';
import { EXTENSION_ID, nthIndex, openFixture, waitFor } from './helpers';

interface Api {
  readonly ready?: Promise<void>;
  readonly client?: { sendRequest<R>(method: string, params: unknown): Promise<R> };
}

function diagramTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('podsight.diagram'));
}

describe('Podsight pod neighbourhood', function () {
  it('the diagram panel shows the Service of another file in front of the pod, with the place a click opens', async function () {
    const doc = await openFixture('services/web.yaml');
    const api = (await vscode.extensions.getExtension(EXTENSION_ID)?.activate()) as Api | undefined;
    await api?.ready;
    assert.ok(api?.client, 'the extension exports its language client');
    await vscode.commands.executeCommand('podsight.showDiagram');
    await waitFor(() => diagramTabs().find((t) => t.label === 'Pod: web'), 30_000, 'a diagram tab titled "Pod: web"');
    // The panel shows what the server answers to podsight/podGraph; svc.yaml is found by the workspace index.
    const graph = await waitFor(async () => {
      const result = await api.client!.sendRequest<PodGraphResult>('podsight/podGraph', { textDocument: { uri: doc.uri.toString() } });
      return (result.graph?.services?.length ?? 0) > 0 && result.graph;
    }, 30_000, 'the Service of svc.yaml in the pod graph');
    const service = graph.services![0]!;
    assert.equal(service.name, 'web');
    assert.equal(service.file, 'svc.yaml');
    assert.deepEqual(service.ports.map((p) => [p.port, p.target, p.resolved, p.broken]), [[8080, 'http', 80, false]]);
    assert.ok(service.location?.uri.endsWith('/services/svc.yaml'), service.location?.uri);
    assert.deepEqual(service.location?.range.start, { line: 4, character: 8 });
    for (const t of diagramTabs()) await vscode.window.tabGroups.close(t);
  });

  it('F12 on an Ingress backend goes to the Service in another file, and on its port to the Service port', async function () {
    const doc = await openFixture('services/ingress.yaml');
    const definition = (offset: number, what: string) =>
      waitFor(async () => {
        const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, doc.positionAt(offset));
        const first = found[0];
        return first && ('targetUri' in first ? { uri: first.targetUri, range: first.targetRange } : { uri: first.uri, range: first.range });
      }, 30_000, what);
    const byName = await definition(nthIndex(doc, 'name: web', 1) + 7, 'a definition of the backend Service');
    assert.ok(byName.uri.path.endsWith('/services/svc.yaml'), byName.uri.toString());
    assert.deepEqual([byName.range.start.line, byName.range.start.character, byName.range.end.character], [4, 8, 11]);
    const byPort = await definition(nthIndex(doc, '8080', 0) + 1, 'a definition of the backend port');
    assert.deepEqual([byPort.range.start.line, byPort.range.start.character, byPort.range.end.character], [8, 23, 27]);
  });
});
