/**
 * Per-document analysis state: one `Analyzer` (chunk cache) per open document, the latest
 * analysis keyed by version, and the analysis options resolved from settings.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyzer, type FileAnalysis, type RuleErrorHandler } from '../core/analyze';
import type { AnalysisOptions } from '../rules/types';

interface DocumentState {
  readonly analyzer: Analyzer;
  version?: number;
  analysis?: FileAnalysis;
  options: AnalysisOptions;
}

export class AnalysisStore {
  private readonly states = new Map<string, DocumentState>();

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
    if (s.analysis && s.version === document.version) return s.analysis;
    s.analysis = s.analyzer.analyze(document.getText(), s.options);
    s.version = document.version;
    return s.analysis;
  }

  forget(uri: string): void {
    this.states.delete(uri);
  }

  /** Drops every cached analysis (settings changed). */
  invalidateAll(): void {
    for (const s of this.states.values()) s.version = undefined;
  }
}
