/**
 * Per-document analysis state: one `Analyzer` (chunk cache) per open document, the latest
 * analysis keyed by document and version, the analysis options resolved from settings, and the
 * size limit. A document closed and opened again is a new document even at the same version:
 * `TextDocuments` makes a new object for it (and updates an open one in place), so the state
 * belongs to the object, and a late run for the closed one can never stand for the new one.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyzer, type FileAnalysis, type FileText, type PlacedChunk, type RuleErrorHandler } from '../core/analyze';
import { fileTooLargeAnalysis, oversizeBytes } from '../core/file-too-large';
import { rules } from '../rules';
import type { PodModel } from '../k8s/pod-model';
import { needsWorkspace } from '../k8s/neighbourhood';
import type { AnalysisOptions, PeerPods, Rule, WorkspaceFile } from '../rules/types';
import type { WorkspaceView } from '../navigation/workspace-view';
import { peerOfChunks } from './document-peer';
import { firstDocumentsEnd, PREFIX_LENGTH, PROGRESSIVE_LENGTH } from './first-documents';
import { OpenDocument } from './open-document';

// The diagnostics pipeline imports it from here.
export { firstFindings } from './first-documents';

/** Pods and objects of other documents a document's file-level rules may look at, and a key that changes with them. */
export interface Peers {
  readonly peers: readonly PeerPods[];
  readonly key: string;
  /** Where the document itself sits in the workspace. */
  readonly self?: WorkspaceFile;
}

/**
 * The document's text as the analysis reads it: an open document's version held in pieces, so
 * that an edit's analysis never joins the whole string (see piece-text.ts); otherwise the string.
 */
export function textOf(document: TextDocument): FileText {
  return document instanceof OpenDocument ? document.snapshot() : document.getText();
}

interface DocumentState {
  /** The open document this state belongs to. */
  readonly document: TextDocument;
  readonly analyzer: Analyzer;
  version?: number;
  peerKey?: string;
  analysis?: FileAnalysis;
  /** What this document gives the others, for this version and text. */
  peer?: { readonly version: number; readonly text: FileText; readonly options: AnalysisOptions; readonly peer: PeerPods };
  options: AnalysisOptions;
  /** Files over this many bytes are skipped (0: no limit). */
  maxBytes: number;
  /** The analysis in slices under way, if any. */
  running?: {
    readonly version: number;
    readonly peerKey: string;
    readonly options: AnalysisOptions;
    readonly promise: Promise<FileAnalysis | undefined>;
    /** Read before each slice: a request that comes to share a background run makes it urgent. */
    readonly slices: { readonly isStale: () => boolean; urgent: boolean };
  };
}

export class AnalysisStore {
  private readonly states = new Map<string, DocumentState>();
  /** Set by the server: the open documents beside this one (same folder) whose pods Services may select. */
  peersFor?: (uri: string) => Peers;
  /** Set by the server: the default namespace of a document's objects (its kustomization's). */
  namespaceOf?: (uri: string) => string;

  constructor(
    private readonly defaults: () => AnalysisOptions,
    private readonly onRuleError: RuleErrorHandler,
    private readonly defaultMaxBytes = 0,
    private readonly ruleList: readonly Rule[] = rules,
  ) {}

  private state(document: TextDocument): DocumentState {
    let s = this.states.get(document.uri);
    if (!s || s.document !== document) {
      s = { document, analyzer: new Analyzer(this.onRuleError, this.ruleList), options: this.defaults(), maxBytes: this.defaultMaxBytes };
      this.states.set(document.uri, s);
    }
    return s;
  }

  /** Sets the options for a document (from its settings); a change invalidates its analysis. */
  setOptions(document: TextDocument, options: AnalysisOptions, maxBytes?: number): void {
    const s = this.state(document);
    // The server passes the same object while settings are unchanged: no need to compare deeply.
    if (s.options !== options && JSON.stringify(s.options) !== JSON.stringify(options)) {
      s.options = options;
      s.version = undefined;
    }
    if (maxBytes !== undefined && maxBytes !== s.maxBytes) {
      s.maxBytes = maxBytes;
      s.version = undefined;
    }
  }

  /** The workspace a document sees, for navigation: its peers (open documents, files on disk) and place. */
  workspaceView(document: TextDocument): WorkspaceView {
    return { peers: this.peersFor?.(document.uri)?.peers ?? [], source: document.uri, namespace: this.namespaceOf?.(document.uri) };
  }

  optionsFor(uri: string): AnalysisOptions {
    return this.states.get(uri)?.options ?? this.defaults();
  }

  private peersOf(uri: string, text: FileText): Peers | undefined {
    // Only a file that may refer across files looks at its peers; the gate keeps the others peer-free.
    return needsWorkspace(text) ? this.peersFor?.(uri) : undefined;
  }

  /**
   * The analysis of this exact document version, computed now if needed (blocking: requests use
   * `analysisOf`). A current analysis is returned as it is: a change among the folder's peers
   * reaches it through the next diagnostics run, not through a request.
   */
  analyze(document: TextDocument): FileAnalysis {
    const s = this.state(document);
    if (s.analysis && s.version === document.version) return s.analysis;
    const text = textOf(document);
    const tooLarge = this.oversized(s, text);
    if (tooLarge) return this.keep(s, document.version, '', tooLarge);
    const peers = this.peersOf(document.uri, text);
    const peerKey = peers?.key ?? '';
    if (s.analysis && s.version === document.version && s.peerKey === peerKey) return s.analysis;
    return this.keep(s, document.version, peerKey, s.analyzer.analyze(text, s.options, peers?.peers, peers?.self));
  }

  /**
   * The same, computed in slices that yield to the event loop (see `Analyzer.analyzeInSlices`);
   * undefined when `isStale` turned true meanwhile (a newer version arrived).
   */
  async analyzeInSlices(document: TextDocument, isStale: () => boolean, urgent = false): Promise<FileAnalysis | undefined> {
    const s = this.state(document);
    const text = textOf(document);
    const version = document.version;
    const tooLarge = this.oversized(s, text);
    if (tooLarge) return this.keep(s, version, '', tooLarge);
    const peers = this.peersOf(document.uri, text);
    const peerKey = peers?.key ?? '';
    if (s.analysis && s.version === version && s.peerKey === peerKey) return s.analysis;
    // A run of this very version is under way (a request started it, or the diagnostics did): share
    // it, but only under the same options. A request may have started one before the diagnostics
    // set the document's options (a kustomize patch is a fragment only once they are set).
    if (s.running?.version === version && s.running.peerKey === peerKey && s.running.options === s.options) {
      // A request waits on it: its remaining slices no longer queue behind other runs.
      if (urgent) s.running.slices.urgent = true;
      const shared = await s.running.promise;
      if (shared) return shared;
    }
    const options = s.options;
    const slices = { isStale, urgent };
    const promise = s.analyzer.analyzeInSlices(text, options, slices, peers?.peers, peers?.self).then((analysis) => {
      if (s.running?.promise === promise) s.running = undefined;
      if (!analysis || this.states.get(document.uri) !== s) return undefined; // closed (and maybe reopened) meanwhile
      // Options changed while it ran: the caller gets what it asked for, the cache does not keep it.
      return s.options === options ? this.keep(s, version, peerKey, analysis) : analysis;
    });
    s.running = { version, peerKey, options, promise, slices };
    return promise;
  }

  /**
   * The analysis of the first documents of a big document that has none yet, in slices: what a
   * first publish can show while the rest is analysed (see `firstFindings`). Its chunks stay in
   * the analyzer's cache, so the whole analysis that follows does not redo them. Undefined when
   * the document is small, already analysed or under way, or when `isStale` turned true.
   */
  async firstDocuments(document: TextDocument, isStale: () => boolean): Promise<FileAnalysis | undefined> {
    const s = this.state(document);
    // Analysed before (any version): the whole run re-checks only what changed, it is quick.
    if (s.analysis) return undefined;
    const text = document.getText();
    if (text.length < PROGRESSIVE_LENGTH || this.oversized(s, text)) return undefined;
    const cut = firstDocumentsEnd(text, PREFIX_LENGTH);
    if (cut === undefined) return undefined;
    // A whole run under way (a request about the document started it, as editors do on open)
    // must not have its cache replaced by a run of the first documents that ends after it: those
    // are then analysed apart (at most PREFIX_LENGTH twice).
    const analyzer = s.running ? new Analyzer(this.onRuleError, this.ruleList) : s.analyzer;
    return analyzer.firstDocumentsInSlices(text.slice(0, cut), s.options, { isStale });
  }

  /**
   * The analysis a request needs, without blocking the server: the current one, the run under
   * way for this version, or a new run in slices. Undefined when the document changed meanwhile
   * (the request is out of date). No disk I/O when the analysis is current.
   */
  async analysisOf(document: TextDocument): Promise<FileAnalysis | undefined> {
    const s = this.state(document);
    const version = document.version;
    // The diagnostics being published go out first: they are what the user waits for. (Only
    // then a pause: a request starts its run at once, under the options it was asked with.)
    if (this.publishing.has(document.uri)) await this.afterPublish(document.uri);
    if (s.analysis && s.version === version) return s.analysis;
    // TextDocuments updates the document object in place: its version tells whether it moved on.
    // A request: its run does not queue behind the background checks of other documents.
    const analysis = await this.analyzeInSlices(document, () => document.version !== version, true);
    if (this.publishing.has(document.uri)) await this.afterPublish(document.uri);
    return document.version === version ? analysis : undefined;
  }

  private async afterPublish(uri: string): Promise<void> {
    await this.publishing.get(uri)?.catch(() => undefined);
  }

  /** Publishes under way, by URI (see `publishingUntil`). */
  private readonly publishing = new Map<string, Promise<unknown>>();

  /**
   * Requests about the document (`analysisOf`) wait until `done`: the server's publish of its
   * diagnostics, converted in slices, would otherwise wait for an outline or code lenses of
   * thousands of documents computed in between.
   */
  publishingUntil(uri: string, done: Promise<unknown>): void {
    this.publishing.set(uri, done);
    const clear = (): void => {
      if (this.publishing.get(uri) === done) this.publishing.delete(uri);
    };
    done.then(clear, clear);
  }

  /** The pods of a document, from its current analysis or a peer-free one (never recursing into peers). */
  podsOf(document: TextDocument): PodModel[] {
    return this.peerOf(document)?.pods.slice() ?? [];
  }

  /**
   * What a document contributes to the others' workspace rules: its pods, objects and templated
   * chunks, from its current analysis or from its chunks alone (no file-level pass: that would
   * need this document's own peers); the same object while the version is current.
   */
  peerOf(document: TextDocument): PeerPods | undefined {
    const s = this.state(document);
    const text = textOf(document);
    if (this.peerIsCurrent(s, document.version, text)) return s.peer!.peer;
    if (s.analysis && s.version === document.version) return this.keepPeer(s, document, s.analysis.chunks, text);
    if (this.oversized(s, text)) return undefined;
    return this.keepPeer(s, document, s.analyzer.chunksOf(text, s.options), text);
  }

  /**
   * Makes `peerOf(document)` current without blocking the server: its chunks are analysed in
   * slices. Gives up when `isStale` (the caller's document moved on).
   */
  async peerInSlices(document: TextDocument, isStale: () => boolean): Promise<void> {
    const s = this.state(document);
    // An edit of that document meanwhile starts over on its new text (only its changed chunks).
    while (!isStale() && this.states.get(document.uri) === s) {
      const text = textOf(document);
      const version = document.version;
      if (this.peerIsCurrent(s, version, text) || (s.analysis && s.version === version) || this.oversized(s, text)) return;
      const chunks = await s.analyzer.chunksInSlices(text, s.options, { isStale: () => isStale() || document.version !== version });
      if (chunks && this.states.get(document.uri) === s && document.version === version) this.keepPeer(s, document, chunks, text);
    }
  }

  private keepPeer(s: DocumentState, document: TextDocument, chunks: readonly PlacedChunk[], text: FileText): PeerPods {
    const peer = peerOfChunks(document.uri, chunks, text, this.namespaceOf?.(document.uri));
    s.peer = { version: document.version, text, options: s.options, peer };
    return peer;
  }

  private peerIsCurrent(s: DocumentState, version: number, text: FileText): boolean {
    return s.peer?.version === version && s.peer.text === text && s.peer.options === s.options;
  }

  private oversized(s: DocumentState, text: FileText): FileAnalysis | undefined {
    const bytes = oversizeBytes(text, s.maxBytes);
    return bytes === undefined ? undefined : fileTooLargeAnalysis(String(text), bytes, s.maxBytes, s.options);
  }

  private keep(s: DocumentState, version: number, peerKey: string, analysis: FileAnalysis): FileAnalysis {
    s.analysis = analysis;
    s.version = version;
    s.peerKey = peerKey;
    return analysis;
  }

  forget(uri: string): void {
    this.states.delete(uri);
  }

  /** Drops every cached analysis (settings changed). */
  invalidateAll(): void {
    for (const s of this.states.values()) s.version = undefined;
  }
}
