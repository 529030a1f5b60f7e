/**
 * The pod diagram panel: one webview beside the editor that follows the active YAML editor and its
 * cursor. The graph comes from the language server (`podsight/podGraph`); the panel only routes
 * messages, and it trusts nothing the webview says: reveals are limited to the shown document.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { renderPodSvg } from '../../../server/src/graph/svg/render';
import { elementAt, type GraphRange } from '../../../server/src/protocol/pod-graph';
import { PodGraphRequest, type PodGraphResult } from '../../../server/src/protocol/requests';
import { parseFromWebview, type DiagramViewState, type ToWebview } from '../../../server/src/protocol/webview-messages';
import { diagramHtml } from './html';

export const DIAGRAM_VIEW_TYPE = 'podsight.diagram';
/** Short: the server's analysis is cached per version, so a request costs one analysis at most. */
const UPDATE_DEBOUNCE_MS = 25;

export class DiagramPanel implements vscode.Disposable {
  static current: DiagramPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private uri: vscode.Uri | undefined;
  private podIndex: number | undefined;
  private last: PodGraphResult | undefined;
  private ready = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private requestSeq = 0;
  /** Set once the panel is closed: answers still in flight must not touch the disposed webview. */
  private disposed = false;
  /** A file opened from the diagram (a Service's): showing it must not make the diagram follow it. */
  private opened: string | undefined;

  /** Opens the panel beside the editor (or brings it forward) for `document`. */
  static show(context: vscode.ExtensionContext, client: LanguageClient, started: Promise<boolean>, editor: vscode.TextEditor | undefined): DiagramPanel {
    const column = editor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    if (DiagramPanel.current) {
      DiagramPanel.current.panel.reveal(column, true);
      if (editor) DiagramPanel.current.follow(editor.document.uri, editor.selection.active);
      return DiagramPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(DIAGRAM_VIEW_TYPE, 'Pod diagram', { viewColumn: column, preserveFocus: true }, DiagramPanel.options(context));
    return new DiagramPanel(panel, context, client, started, editor?.document.uri, undefined);
  }

  /** Restores a panel after a window reload (webview serializer). */
  static revive(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, client: LanguageClient, started: Promise<boolean>, state: unknown): DiagramPanel {
    const s = (state ?? {}) as DiagramViewState;
    let uri: vscode.Uri | undefined;
    try {
      uri = typeof s.uri === 'string' ? vscode.Uri.parse(s.uri, true) : undefined;
    } catch {
      uri = undefined;
    }
    panel.webview.options = DiagramPanel.options(context);
    return new DiagramPanel(panel, context, client, started, uri ?? vscode.window.activeTextEditor?.document.uri, typeof s.podIndex === 'number' ? s.podIndex : undefined);
  }

  private static options(context: vscode.ExtensionContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, retainContextWhenHidden: false, localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview')] };
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
    private readonly started: Promise<boolean>,
    uri: vscode.Uri | undefined,
    podIndex: number | undefined,
  ) {
    DiagramPanel.current = this;
    this.uri = uri;
    this.podIndex = podIndex;
    const webview = panel.webview;
    const asset = (name: string): string => webview.asWebviewUri(vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview', name)).toString();
    webview.html = diagramHtml({ cspSource: webview.cspSource, nonce: randomBytes(16).toString('base64'), scriptUri: asset('main.js'), styleUri: asset('main.css') });
    void vscode.commands.executeCommand('setContext', 'podsight.diagramOpen', true);
    this.disposables.push(
      webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
      panel.onDidDispose(() => this.dispose()),
      vscode.window.onDidChangeActiveTextEditor((e) => {
        const opened = this.opened;
        this.opened = undefined;
        if (e && e.document.languageId === 'yaml' && e.document.uri.toString() !== opened) this.follow(e.document.uri, e.selection.active);
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (this.uri && e.textEditor.document.uri.toString() === this.uri.toString()) this.onCursor(e.selections[0]?.active);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.uri && e.document.uri.toString() === this.uri.toString() && e.contentChanges.length > 0) this.schedule();
      }),
    );
  }

  /** Shows another document, or the pod under the cursor. */
  follow(uri: vscode.Uri, position?: vscode.Position): void {
    if (this.uri?.toString() !== uri.toString()) {
      this.uri = uri;
      this.podIndex = undefined;
    }
    void this.refresh(position);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), UPDATE_DEBOUNCE_MS);
  }

  private editorFor(uri: vscode.Uri | undefined): vscode.TextEditor | undefined {
    return uri ? vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString()) : undefined;
  }

  /** Asks the server for the graph and sends it to the webview; older answers are dropped. */
  async refresh(position?: vscode.Position): Promise<void> {
    const uri = this.uri;
    if (!uri || !this.ready || this.disposed) return;
    const seq = ++this.requestSeq;
    let result: PodGraphResult | null = null;
    if (!(await this.started)) return;
    try {
      result = await this.client.sendRequest(PodGraphRequest, {
        textDocument: { uri: this.client.code2ProtocolConverter.asUri(uri) },
        position: position ? { line: position.line, character: position.character } : undefined,
        podIndex: this.podIndex,
      });
    } catch {
      return;
    }
    if (seq !== this.requestSeq || !result || this.disposed) return;
    this.last = result;
    this.podIndex = result.active;
    this.panel.title = result.graph ? `${result.strings['ui.pod'] ?? 'Pod'}: ${result.graph.name || result.graph.kind}` : 'Pod diagram';
    const name = uri.path.split('/').pop() ?? uri.toString();
    this.post({ type: 'update', graph: result.graph, pods: result.pods, active: result.active, strings: result.strings, uri: uri.toString(), fileName: name });
    // Highlight what is under the cursor; switch pods only when the cursor itself moved there.
    this.onCursor(position ?? this.editorFor(uri)?.selection.active, position !== undefined);
  }

  private onCursor(position: vscode.Position | undefined, mayFollowPod = true): void {
    const graph = this.last?.graph;
    if (!position || !graph) return;
    const here = { line: position.line, character: position.character };
    const pod = this.last?.pods.find((p) => p.index === this.last?.active);
    const element = elementAt(graph, here);
    // The cursor moved into another pod of the file: show that one.
    if (mayFollowPod && !element && pod && this.last?.pods.some((p) => p.index !== pod.index && within(p.range, here))) {
      this.podIndex = undefined;
      void this.refresh(position);
      return;
    }
    this.post({ type: 'highlight', id: element?.id });
  }

  private post(message: ToWebview): void {
    // postMessage rejects once the webview is gone; a late answer is simply dropped.
    if (this.ready && !this.disposed) this.panel.webview.postMessage(message).then(undefined, () => undefined);
  }

  private onMessage(raw: unknown): void {
    const message = parseFromWebview(raw);
    if (!message) return;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        void this.refresh(this.editorFor(this.uri)?.selection.active);
        break;
      case 'reveal':
        void this.reveal(message.range, message.id);
        break;
      case 'selectPod':
        this.podIndex = message.index;
        void this.refresh();
        break;
      case 'exportSvg':
        void this.exportSvg();
        break;
    }
  }

  /**
   * Selects `range` in the panel's own document; ranges outside it are refused. A Service (`svc:N`
   * or one of its rows) is looked up in the graph the server sent, never taken from the webview:
   * one of another file opens that file at the Service's name.
   */
  private async reveal(range: GraphRange, id: string): Promise<void> {
    const service = /^svc:\d+/.exec(id)?.[0];
    if (service) {
      const found = this.last?.graph?.services?.find((s) => s.id === service);
      if (found?.location) {
        const uri = this.client.protocol2CodeConverter.asUri(found.location.uri);
        this.opened = uri.toString();
        return this.revealIn(uri, found.location.range);
      }
      if (!found?.range) return;
      range = found.range;
    }
    if (this.uri) await this.revealIn(this.uri, range);
  }

  private async revealIn(uri: vscode.Uri, range: GraphRange): Promise<void> {
    let document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!document && uri.toString() !== this.uri?.toString()) document = await vscode.workspace.openTextDocument(uri).then(undefined, () => undefined);
    if (!document || range.end.line >= document.lineCount) return;
    const selection = new vscode.Selection(range.start.line, range.start.character, range.end.line, range.end.character);
    if (!document.validateRange(selection).isEqual(selection)) return;
    const column = this.editorFor(uri)?.viewColumn ?? vscode.ViewColumn.One;
    const editor = await vscode.window.showTextDocument(document, { viewColumn: column, selection, preserveFocus: false });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** Writes the current diagram as a standalone SVG where the user chooses. */
  async exportSvg(): Promise<void> {
    const result = this.last;
    if (!result?.graph) return;
    const svg = renderPodSvg(result.graph, result.strings, { standalone: true }) + '\n';
    const base = this.uri && this.uri.scheme === 'file' ? vscode.Uri.joinPath(this.uri, '..', `${result.graph.name || 'pod'}.svg`) : undefined;
    const target = await vscode.window.showSaveDialog({ defaultUri: base, filters: { SVG: ['svg'] }, saveLabel: result.strings['ui.export'] });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(svg));
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (DiagramPanel.current === this) DiagramPanel.current = undefined;
    void vscode.commands.executeCommand('setContext', 'podsight.diagramOpen', false);
    clearTimeout(this.timer);
    // Listeners first: nothing may reach the webview while (or after) it goes away.
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

function within(range: GraphRange, p: { line: number; character: number }): boolean {
  const afterStart = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const beforeEnd = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
  return afterStart && beforeEnd;
}
