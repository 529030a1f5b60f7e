/**
 * Kustomize in VS Code: tells the server when a restricted workspace becomes trusted (rendering
 * runs an executable, so it waits for trust), and "Show Rendered Pod of an Overlay": pick one of
 * the overlays that use the current file, open what it renders to, and draw its pod.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

interface OverlayItem {
  readonly dir: string;
  readonly label: string;
}

async function showRenderedPod(client: LanguageClient, started: Promise<boolean>): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !(await started)) return;
  const uri = client.code2ProtocolConverter.asUri(editor.document.uri);
  const overlays = await client.sendRequest<OverlayItem[]>('podsight/overlays', { textDocument: { uri } });
  if (overlays.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No kustomize overlay uses this file.'));
    return;
  }
  const picked =
    overlays.length === 1
      ? overlays[0]
      : (await vscode.window.showQuickPick(overlays.map((o) => ({ label: o.label, overlay: o })), { placeHolder: vscode.l10n.t('Overlay to render') }))?.overlay;
  if (!picked) return;
  const rendered = await client.sendRequest<{ yaml?: string; error?: string }>('podsight/renderedOverlay', { dir: picked.dir });
  if (rendered.yaml === undefined) {
    void vscode.window.showWarningMessage(rendered.error ?? '');
    return;
  }
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: rendered.yaml });
  await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  await vscode.commands.executeCommand('podsight.showDiagram');
}

export function registerKustomize(client: LanguageClient, ready: Promise<void>): vscode.Disposable[] {
  const started = ready.then(() => true, () => false);
  return [
    vscode.workspace.onDidGrantWorkspaceTrust(() => void started.then((ok) => (ok ? client.sendNotification('podsight/workspaceTrusted') : undefined))),
    vscode.commands.registerCommand('podsight.showRenderedPod', () => showRenderedPod(client, started)),
  ];
}
