/**
 * Wires the pod diagram into VS Code: the commands, the webview serializer (the panel survives a
 * reload) and the `podsight.hasPod` context key that shows the command for YAML files with a pod.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PodGraphRequest } from '../../../server/src/protocol/requests';
import { DIAGRAM_VIEW_TYPE, DiagramPanel } from './diagram-panel';

const HAS_POD = 'podsight.hasPod';

async function updateHasPod(client: LanguageClient, editor: vscode.TextEditor | undefined): Promise<void> {
  let hasPod = false;
  if (editor && editor.document.languageId === 'yaml') {
    try {
      const result = await client.sendRequest(PodGraphRequest, { textDocument: { uri: client.code2ProtocolConverter.asUri(editor.document.uri) } });
      hasPod = (result?.pods.length ?? 0) > 0;
    } catch {
      hasPod = false;
    }
  }
  await vscode.commands.executeCommand('setContext', HAS_POD, hasPod);
}

/** `ready` resolves when the language server runs; nothing is asked of it before. */
export function registerDiagram(context: vscode.ExtensionContext, client: LanguageClient, ready: Promise<void>): vscode.Disposable[] {
  const started = ready.then(() => true, () => false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void started.then((ok) => (ok ? updateHasPod(client, vscode.window.activeTextEditor) : undefined)), 300);
  };
  void started.then((ok) => (ok ? updateHasPod(client, vscode.window.activeTextEditor) : undefined));
  return [
    vscode.commands.registerCommand('podsight.showDiagram', (uri?: unknown) => {
      const active = vscode.window.activeTextEditor;
      // From the explorer or title bar VS Code passes the file's URI; the cursor's editor otherwise.
      const editor = uri instanceof vscode.Uri ? vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString()) ?? active : active;
      return DiagramPanel.show(context, client, started, editor);
    }),
    vscode.commands.registerCommand('podsight.exportDiagramSvg', () => DiagramPanel.current?.exportSvg()),
    vscode.window.registerWebviewPanelSerializer(DIAGRAM_VIEW_TYPE, {
      async deserializeWebviewPanel(panel, state) {
        DiagramPanel.revive(panel, context, client, started, state);
      },
    }),
    vscode.window.onDidChangeActiveTextEditor(() => void started.then((ok) => (ok ? updateHasPod(client, vscode.window.activeTextEditor) : undefined))),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) later();
    }),
    { dispose: () => clearTimeout(timer) },
    { dispose: () => DiagramPanel.current?.dispose() },
  ];
}
