/**
 * Per-document analysis state: one `Analyzer` (chunk cache) per open document, the latest
 * analysis keyed by version, and the analysis options resolved from settings.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyzer, type FileAnalysis, type RuleErrorHandler } from '../core/analyze';
import type { PodModel } from '../k8s/pod-model';
import type { AnalysisOptions, PeerPods } from '../rules/types';

/** Pods of other documents a document's file-level rules may look at, and a key that changes with them. */
export interface Peers {
  readonly peers: readonly PeerPods[];
  readonly key: string;
}

interface DocumentState {
  readonly analyzer: Analyzer;
  version?: number;
  peerKey?: string;
  analysis?: FileAnalysis;
  options: AnalysisOptions;
}

export class AnalysisStore {
  private readonly states = new Map<string, DocumentState>();
  /** Set by the server: the open documents beside this one (same folder) whose pods Services may select. */
  peersFor?: (uri: string, text: string) => Peers;

  constructor(
    private readonly defaults: () => AnalysisOptions,
    private readonly onRuleError: RuleErrorHandler,
  ) {}

  private state(uri: string): DocumentState {
    let s = this.states.get(uri);
    if (!s) {
      s = { analyzer: new Analyzer(this.onRuleError), options: this.defaults() };
      this.states.set(uri, s);
    }
    return s;
  }

  /** Sets the options for a document (from its settings); a change invalidates its analysis. */
  setOptions(uri: string, options: AnalysisOptions): void {
    const s = this.state(uri);
    if (JSON.stringify(s.options) !== JSON.stringify(options)) {
      s.options = options;
      s.version = undefined;
    }
  }

  optionsFor(uri: string): AnalysisOptions {
    return this.state(uri).options;
  }

  /** The analysis of this exact document version, computed now if needed. */
  analyze(document: TextDocument): FileAnalysis {
    const s = this.state(document.uri);
    const text = document.getText();
    // Only a file with a Service looks at its peers; the gate keeps every other file peer-free.
    const peers = text.includes('Service') ? this.peersFor?.(document.uri, text) : undefined;
    const peerKey = peers?.key ?? '';
    if (s.analysis && s.version === document.version && s.peerKey === peerKey) return s.analysis;
    s.analysis = s.analyzer.analyze(text, s.options, peers?.peers);
    s.version = document.version;
    s.peerKey = peerKey;
    return s.analysis;
  }

  /** The pods of a document, from its current analysis or a peer-free one (never recursing into peers). */
  podsOf(document: TextDocument): PodModel[] {
    const s = this.state(document.uri);
    if (!s.analysis || s.version !== document.version) {
      s.analysis = s.analyzer.analyze(document.getText(), s.options);
      s.version = document.version;
      s.peerKey = '';
    }
    return s.analysis.chunks.flatMap((c) => c.analysis.pods);
  }

  forget(uri: string): void {
    this.states.delete(uri);
  }

  /** Drops every cached analysis (settings changed). */
  invalidateAll(): void {
    for (const s of this.states.values()) s.version = undefined;
  }
}
