/**
 * From a changed document to its published diagnostics: schedule a check, analyse in slices
 * (neighbours first, when the document's rules look across files), publish unless a newer version
 * went out meanwhile. A check under way gives up at its next slice when the document moved on,
 * so stale diagnostics are never sent.
 */
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileAnalysis } from '../core/analyze';
import { isNear, needsWorkspace } from '../k8s/neighbourhood';
import type { Finding } from '../rules/types';
import { toDiagnostic } from './diagnostics';
import { DiagnosticsCache } from './diagnostics-cache';
import { firstFindings, textOf, type AnalysisStore } from './documents';
import { preparedJsonEnabled, publishParams } from './raw-publish';

/** What the pipeline needs from the server. */
export interface PipelineHost {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly store: AnalysisStore;
  /** Gives the store the document's analysis options and size limit, from its settings. */
  applySettings(document: TextDocument): Promise<void>;
  /** Diagnostics of the project configuration (`.podsight.yaml`) shown in this document. */
  /** `text` is read only for a project config file: an edit of a big manifest never joins its text. */
  configDiagnostics(uri: string, text: () => string): Diagnostic[];
  /** Findings of kustomize overlay renders that belong in this document, given its own diagnostics. */
  overlayDiagnostics(uri: string, own: Diagnostic[] | (() => Diagnostic[])): Diagnostic[];
  /** The document's own findings to publish, less those its overlays' renders decide. */
  ownFindings(uri: string, findings: readonly Finding[]): readonly Finding[];
}

export class DiagnosticsPipeline {
  /** The pending check per URI: how to cancel it. */
  private readonly pending = new Map<string, () => void>();
  /** The document and version whose diagnostics were published last, per URI. */
  private readonly published = new Map<string, { readonly document: TextDocument; readonly version: number }>();
  /** Diagnostics kept per open document, so that a publish re-converts only what changed. */
  private readonly caches = new WeakMap<TextDocument, DiagnosticsCache>();

  constructor(private readonly host: PipelineHost) {}

  /**
   * Checks the document after `delay` ms (a later call for the same URI replaces this one). Without
   * a delay, on the event loop's next turn: a timer of 0 ms waits at least 1 ms, on every keystroke.
   */
  schedule(document: TextDocument, delay: number): void {
    this.pending.get(document.uri)?.();
    const run = (): void => {
      this.pending.delete(document.uri);
      this.validate(document).catch((e: unknown) => this.host.connection.console.error(`Podsight: ${String(e)}`));
    };
    if (delay > 0) {
      const timer = setTimeout(run, delay);
      this.pending.set(document.uri, () => clearTimeout(timer));
    } else {
      const immediate = setImmediate(run);
      this.pending.set(document.uri, () => clearImmediate(immediate));
    }
  }

  /** Schedules a document and the open documents near it that look across files (Services, config references...). */
  scheduleWithNeighbours(document: TextDocument, delay: number): void {
    this.schedule(document, delay);
    for (const other of this.host.documents.all()) {
      if (other.uri !== document.uri && isNear(other.uri, document.uri) && needsWorkspace(textOf(other))) this.schedule(other, delay);
    }
  }

  /** The document was closed: no check is pending for it, and nothing counts as published. */
  closed(uri: string): void {
    this.pending.get(uri)?.();
    this.pending.delete(uri);
    this.published.delete(uri);
  }

  /**
   * Analyses the document in slices (never blocking the server for long) and publishes its
   * diagnostics, unless a newer version arrived meanwhile: then this run gives up, keeping the
   * chunks it finished for the next one, and stale diagnostics are never sent.
   */
  private async validate(document: TextDocument): Promise<void> {
    const { documents, store } = this.host;
    const uri = document.uri;
    const version = document.version;
    // Stale when the document moved on, or was closed (and maybe opened again: a new object, same version).
    const stale = (): boolean => documents.get(uri) !== document || document.version !== version;
    await this.host.applySettings(document);
    if (stale()) return;
    // A big document opened: its first documents' diagnostics go out while the rest is analysed.
    // Only before anything was published for it, so they never follow the whole file's.
    if (this.published.get(uri)?.document !== document) {
      const first = await store.firstDocuments(document, stale);
      if (stale()) return;
      if (first && this.published.get(uri)?.document !== document) await this.publish(document, version, first, firstFindings(first), stale);
    }
    // The other open documents this one's workspace rules look at: brought up to date in slices
    // first, so that taking them as peers never analyses a big file in one go; under their own
    // settings, as their own runs will be, so that both share the chunks.
    if (needsWorkspace(textOf(document))) {
      for (const other of documents.all()) {
        if (other === document) continue;
        await this.host.applySettings(other);
        if (!stale()) await store.peerInSlices(other, stale);
        if (stale()) return;
      }
    }
    const analysis = await store.analyzeInSlices(document, stale);
    if (!analysis || stale()) return;
    const publishing = this.publish(document, version, analysis, undefined, stale);
    store.publishingUntil(uri, publishing);
    await publishing;
  }

  /** Publishes `findings` (by default all of the analysis's) for this version, unless a newer one went out. */
  private async publish(document: TextDocument, version: number, analysis: FileAnalysis, findings?: readonly Finding[], isStale: () => boolean = () => false): Promise<void> {
    const { connection } = this.host;
    const uri = document.uri;
    // Never go back to an older version (checked again after converting in slices).
    const newer = (): boolean => {
      const last = this.published.get(uri);
      return !!last && last.document === document && last.version > version;
    };
    if (newer()) return;
    const extra = this.host.configDiagnostics(uri, () => document.getText());
    const shown = this.host.ownFindings(uri, findings ?? analysis.findings);
    if (!preparedJsonEnabled()) {
      // Node IPC serialises the message itself: plain objects, nothing kept.
      const diagnostics = shown.map((f) => toDiagnostic(f, analysis, uri, version));
      diagnostics.push(...extra, ...this.host.overlayDiagnostics(uri, [...diagnostics, ...extra]));
      this.published.set(uri, { document, version });
      await connection.sendDiagnostics({ uri, version, diagnostics });
      return;
    }
    let cache = this.caches.get(document);
    if (!cache) this.caches.set(document, (cache = new DiagnosticsCache(uri)));
    const own = await cache.prepareInSlices(analysis, version, shown, isStale);
    // Prepared in slices: the document may have moved on (or closed and opened again) meanwhile.
    if (!own || newer() || isStale()) return;
    extra.push(...this.host.overlayDiagnostics(uri, () => [...own.objects(), ...extra]));
    this.published.set(uri, { document, version });
    await connection.sendDiagnostics(publishParams(uri, version, own, extra));
  }
}
