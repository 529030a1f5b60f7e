/**
 * Kustomize overlays in the language server: files that overlays use are rendered through
 * `OverlayService`, and the rendered findings are published on the source lines, beside the
 * file's own diagnostics (the same finding is never shown twice). Rendering runs an executable,
 * so it happens only in trusted workspaces (the client says whether the workspace is trusted).
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity, RequestType, type Connection, type Diagnostic, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { t, type Locale } from '../l10n';
import { docsUrl, type AnalysisOptions, type Severity } from '../rules/types';
import type { SourceFinding } from '../kustomize/map-findings';
import { OverlayService } from '../kustomize/overlay-service';
import { overlaysDecide } from '../kustomize/completed-by-overlays';

const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: 1, warning: 2, information: 3, hint: 4 };

/** `podsight/overlays`: the overlays that use a document, with the generation of their latest render. */
export const OverlaysRequest = new RequestType<{ textDocument: { uri: string } }, { dir: string; label: string; generation: number; rendered: boolean }[], void>('podsight/overlays');

/** `podsight/renderedOverlay`: the YAML an overlay renders to (origin annotations included), for the diagram. */
export const RenderedOverlayRequest = new RequestType<{ dir: string }, { yaml?: string; label: string; error?: string }, void>('podsight/renderedOverlay');

/** What the server hands over (its own wiring stays in server.ts). */
export interface KustomizeWiring {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  locale(): Locale;
  roots(): readonly string[];
  /** Trusted unless the client said otherwise (`initializationOptions.workspaceTrusted: false`). */
  trusted(): boolean;
  settings(uri: string): Promise<{ kustomize?: { command?: string; enable?: boolean } }>;
  options(uri: string): Promise<AnalysisOptions>;
  /** Re-runs the diagnostics of an open document (which asks `diagnosticsFor`). */
  revalidate(document: TextDocument): void;
}

const pathOf = (uri: string): string | undefined => (uri.startsWith('file:') ? fileURLToPath(uri) : undefined);

function toDiagnostic(f: SourceFinding): Diagnostic {
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.rule,
    codeDescription: { href: docsUrl(f.rule) },
    source: 'podsight',
    message: f.message,
    relatedInformation: f.related.length > 0 ? f.related.map((r) => ({ location: { uri: pathToFileURL(r.file).href, range: r.range }, message: r.message })) : undefined,
    // No `rule` in data: quick fixes work on a file's own findings, not on a render's.
    data: { rendered: true, overlays: f.overlays },
  };
}

const sameSpot = (a: Diagnostic, b: Diagnostic): boolean =>
  a.code === b.code && a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character && a.range.end.line === b.range.end.line && a.range.end.character === b.range.end.character;

export class KustomizeDiagnostics {
  readonly service: OverlayService;
  /** Files that are not open but got rendered diagnostics (cleared when those go away). */
  private readonly published = new Set<string>();

  constructor(private readonly wiring: KustomizeWiring) {
    const { connection, documents } = wiring;
    this.service = new OverlayService({
      roots: () => wiring.roots(),
      openTexts: () => new Map(documents.all().flatMap((d) => { const p = pathOf(d.uri); return p ? [[p, d.getText()] as const] : []; })),
      settings: async (dir) => {
        const uri = pathToFileURL(dir).href;
        const [s, analysis] = await Promise.all([wiring.settings(uri), wiring.options(uri)]);
        return { command: s.kustomize?.command, enable: s.kustomize?.enable, analysis };
      },
      trusted: () => wiring.trusted(),
      changed: (files) => this.republish(files),
      // A notification, not a request: nothing waits for the user to dismiss it.
      missing: () => void connection.sendNotification('window/showMessage', { type: 3, message: t(wiring.locale(), 'kustomize.not-found') }),
      log: (message) => connection.console.log(message),
      locale: () => wiring.locale(),
    });
    connection.onRequest(RenderedOverlayRequest, (params) => this.renderedOverlay(params.dir));
    connection.onRequest(OverlaysRequest, (params) => {
      const path = pathOf(params.textDocument.uri);
      if (!path) return [];
      return this.service.overlaysUsing(path).map((o) => ({ dir: o.dir, label: this.service.labelOf(o.dir), generation: this.service.generationOf(o.dir), rendered: !!this.service.rendered(o.dir)?.rendered }));
    });
  }

  private async renderedOverlay(dir: string): Promise<{ yaml?: string; label: string; error?: string }> {
    const check = await this.service.renderedNow(dir);
    const label = this.service.labelOf(dir);
    if (check?.rendered) return { yaml: `${t(this.wiring.locale(), 'kustomize.rendered-header', { overlay: label })}\n${check.rendered.yaml}`, label };
    return { label, error: check?.findings[0]?.message ?? t(this.wiring.locale(), this.wiring.trusted() ? 'kustomize.not-found' : 'kustomize.untrusted') };
  }

  /** A document was opened or edited: render the overlays that use it. */
  touched(document: TextDocument, edited: boolean): void {
    const path = pathOf(document.uri);
    if (path) this.service.touched(path, edited);
  }

  /** Rendered diagnostics for a document, leaving out those its own analysis already shows. */
  diagnosticsFor(uri: string, own: readonly Diagnostic[] | (() => readonly Diagnostic[])): Diagnostic[] {
    const path = pathOf(uri);
    if (!path) return [];
    const rendered = this.service.findingsFor(path);
    if (rendered.length === 0) return [];
    // The file's own diagnostics are made into objects only when there is something to compare.
    const mine = typeof own === 'function' ? own() : own;
    return rendered.map(toDiagnostic).filter((d) => !mine.some((o) => sameSpot(o, d)));
  }

  /**
   * The file's own findings to publish: once a render of its overlays succeeded, the render
   * decides what an overlay can complete (completed-by-overlays.ts), as the CLI's does.
   */
  ownFindings<F extends { readonly rule: string }>(uri: string, findings: readonly F[]): readonly F[] {
    const path = pathOf(uri);
    if (!path || !this.service.covers(path)) return findings;
    return findings.filter((f) => !overlaysDecide(f.rule));
  }

  /** A document was closed: its rendered findings stay visible, as for any other unopened file. */
  closed(uri: string): void {
    const path = pathOf(uri);
    if (path) this.republish(new Set([path]));
  }

  private republish(files: ReadonlySet<string>): void {
    for (const file of files) {
      const open = this.wiring.documents.all().find((d) => pathOf(d.uri) === file);
      const uri = open?.uri ?? pathToFileURL(file).href;
      if (open) {
        this.wiring.revalidate(open);
        continue;
      }
      const diagnostics = this.diagnosticsFor(uri, []);
      if (diagnostics.length === 0 && !this.published.has(file)) continue;
      if (diagnostics.length > 0) this.published.add(file);
      else this.published.delete(file);
      void this.wiring.connection.sendDiagnostics({ uri, diagnostics });
    }
  }
}
