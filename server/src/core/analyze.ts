/**
 * The analysis core: text in, findings out. No editor, no connection: the CLI, the language
 * server and the tests all call this. Chunks (`---` documents) are analysed independently and
 * cached by their text, so an edit re-checks only the documents it touched.
 */
import type { Document } from 'yaml';
import type { ConfigMapModel } from '../k8s/config-maps';
import type { PodModel } from '../k8s/pod-model';
import type { K8sObject } from '../k8s/workloads';
import { normaliseLocale } from '../l10n';
import { fileRules, rules } from '../rules';
import { capSyntaxErrors } from '../rules/yaml-syntax';
import type { AnalysisOptions, Finding, PeerPods, Rule, WorkspaceFile } from '../rules/types';
import { scanComments } from './directives';
import { FileRuleMemo } from './file-rule-memo';
import { analyzeChunk, clampSpan, fileFindingSteps, shift, suppress } from './findings';
import { templatedFinding } from './templated-note';
import { LineIndex, lineStartsOf } from './line-index';
import type { ParsedChunk } from './parse';
import { resplitChange, type FileText, type Piece, type Split } from './resplit';
import { runInSlices, runToEnd, type SliceOptions } from './slices';

export type { SliceOptions } from './slices';
export type { FileText } from './resplit';

/**
 * The peers of a file analysed without any: one list for every run, since the file rules' memos
 * (the ConfigMaps a pod sees with its folder's, see withFolderPeers) hold while the list is the
 * same. A new empty list per run rebuilt them on every keystroke (~1 ms at 5,000 documents).
 */
const NO_PEERS: readonly PeerPods[] = Object.freeze([]);

/** Cached chunks beyond the file's own that the cache may hold before it is built anew. */
const SPARE_CHUNKS = 64;

/** The analysis of one chunk; offsets are relative to the chunk. */
export interface ChunkAnalysis {
  readonly chunk: ParsedChunk;
  readonly objects: readonly { readonly object: K8sObject; readonly doc: Document }[];
  readonly pods: readonly PodModel[];
  readonly findings: readonly Finding[];
  /** The ConfigMaps among its objects: the file rules index them on every edit, so they are found once. */
  readonly configMaps?: readonly ConfigMapModel[];
  /** Line starts of the chunk's text, relative to it (the file's line index is made of them). */
  readonly lineStarts?: readonly number[];
  /** Whether its text holds a `podsight-disable` comment (false: no directive to apply). */
  readonly directives?: boolean;
}

/** A chunk's analysis placed in the file. */
export interface PlacedChunk {
  readonly start: number;
  readonly analysis: ChunkAnalysis;
}

/** The analysis of a whole file; finding offsets are absolute. */
export interface FileAnalysis {
  readonly text: string;
  readonly lines: LineIndex;
  readonly chunks: readonly PlacedChunk[];
  readonly findings: readonly Finding[];
  /** The workspace peers it was analysed with (hovers, fixes and the diagram read their ConfigMaps). */
  readonly peers?: readonly PeerPods[];
  readonly self?: WorkspaceFile;
}

/** Called when a rule throws; the other rules still report. */
export type RuleErrorHandler = (ruleId: string, error: unknown) => void;


/**
 * Analyses files and remembers each chunk's result by its text, so that re-analysing an edited
 * file redoes only the changed chunks. Keep one per document; the cache holds the latest version.
 * The previous split is reused around the edit (see resplit.ts), and line starts are kept per
 * chunk, so the cost of an edit does not grow with the size of the file.
 */
export class Analyzer {
  private cache = new Map<string, ChunkAnalysis>();
  /** Comments of the chunks holding directives, by chunk text (lexing is the costly part). */
  private comments = new Map<string, readonly { start: number; text: string }[]>();
  private options?: AnalysisOptions;
  private optionsKey = '';
  /** The last whole split, with its chunks and the cache they are in (reused around the next edit). */
  private last?: Split & { readonly chunks?: readonly PlacedChunk[]; readonly cache?: Map<string, ChunkAnalysis> };
  /** The file rules' findings per chunk, for re-checking only what an edit changed. */
  private readonly fileRuleMemo = new FileRuleMemo();
  private readonly lineStarts = new WeakMap<ChunkAnalysis, readonly number[]>();
  private readonly placed = new WeakMap<ChunkAnalysis, { start: number; findings: readonly Finding[] }>();

  constructor(
    private readonly onRuleError?: RuleErrorHandler,
    private readonly ruleList: readonly Rule[] = rules,
  ) {}

  /**
   * `peers`: the pods and objects of the other files of the workspace, for the cross-resource
   * rules; `self`: where this file is in the workspace.
   */
  analyze(text: FileText, options: AnalysisOptions = {}, peers: readonly PeerPods[] = NO_PEERS, self?: WorkspaceFile): FileAnalysis {
    return runToEnd(this.run(text, options, peers, self));
  }

  /**
   * The same analysis, yielding to the event loop whenever a slice of work took `sliceMs`, so a
   * huge file never blocks the server; resolves to undefined when `isStale` says to give up.
   * Chunks finished before giving up stay cached for the next run.
   */
  analyzeInSlices(text: FileText, options: AnalysisOptions = {}, slices: SliceOptions = {}, peers: readonly PeerPods[] = NO_PEERS, self?: WorkspaceFile): Promise<FileAnalysis | undefined> {
    return runInSlices(this.run(text, options, peers, self), slices);
  }

  /**
   * A big file's first documents, analysed to be shown while the rest is (lsp/first-documents.ts):
   * in slices, sharing the chunk cache, without the file-level pass, whose findings wait for the
   * whole file anyway. (Its pass over the first documents left the file rules' memo to compare
   * the whole file with them: more work than a fresh pass.)
   */
  firstDocumentsInSlices(text: string, options: AnalysisOptions = {}, slices: SliceOptions = {}): Promise<FileAnalysis | undefined> {
    return runInSlices(this.run(text, options, NO_PEERS, undefined, false), slices);
  }

  /**
   * The chunks of `text`, each analysed on its own, without the file-level pass: all that other
   * files' rules see of this one. Shares the chunk cache with `analyze`.
   */
  chunksOf(text: FileText, options: AnalysisOptions = {}): readonly PlacedChunk[] {
    return runToEnd(this.chunkSteps(text, options)).chunks;
  }

  /** `chunksOf` in slices (see `analyzeInSlices`); undefined when `isStale` says to give up. */
  async chunksInSlices(text: FileText, options: AnalysisOptions = {}, slices: SliceOptions = {}): Promise<readonly PlacedChunk[] | undefined> {
    return (await runInSlices(this.chunkSteps(text, options), slices))?.chunks;
  }

  /** Switches the chunk cache to these options; returns their key. */
  private useOptions(options: AnalysisOptions): string {
    if (options === this.options) return this.optionsKey;
    this.options = options;
    const key = JSON.stringify(options);
    if (key !== this.optionsKey) {
      this.cache = new Map();
      this.fileRuleMemo.clear();
      this.optionsKey = key;
    }
    return key;
  }

  /** Splits the text and analyses the chunks the cache lacks, yielding after each of those. */
  private *chunkSteps(text: FileText, options: AnalysisOptions): Generator<void, { pieces: readonly Piece[]; chunks: PlacedChunk[] }, void> {
    const key = this.useOptions(options);
    // Runs in slices may interleave: one under other options neither reads nor fills this cache.
    const cache = (): Map<string, ChunkAnalysis> | undefined => (this.optionsKey === key ? this.cache : undefined);
    const previous = this.last;
    const { pieces, head, tail } = resplitChange(previous, text);
    yield;
    const chunks: PlacedChunk[] = [];
    // Before and after the edit, the last run's chunks as they were (moved by the edit's length):
    // looking up 5,000 texts again cost a millisecond per keystroke. Only while the cache they are
    // in is the current one (same options).
    const kept = previous?.chunks && previous.cache === cache() && previous.chunks.length === previous.pieces.length ? previous.chunks : undefined;
    const tailFrom = pieces.length - tail;
    for (const [i, piece] of pieces.entries()) {
      const same = kept && (i < head ? kept[i] : i >= tailFrom ? kept[kept.length - (pieces.length - i)] : undefined);
      if (same) {
        chunks.push(same.start === piece.start ? same : { start: piece.start, analysis: same.analysis });
        continue;
      }
      let analysis = cache()?.get(piece.text);
      if (!analysis) {
        analysis = analyzeChunk(piece.text, options, this.onRuleError, this.ruleList);
        cache()?.set(piece.text, analysis);
        this.prepare(analysis, options);
        yield;
      }
      chunks.push({ start: piece.start, analysis });
    }
    const current = cache();
    if (current) {
      this.cache = previous && current.size <= pieces.length + SPARE_CHUNKS ? this.keepOnly(current, previous.pieces, pieces, head, tail) : this.cacheOf(chunks, pieces);
      this.last = { text, pieces, chunks, cache: this.cache };
    }
    return { pieces, chunks };
  }

  /** A cache of exactly these chunks, keyed by the piece's own text (the parsed chunk's reads lone CRs as LF). */
  private cacheOf(chunks: readonly PlacedChunk[], pieces: readonly Piece[]): Map<string, ChunkAnalysis> {
    const next = new Map<string, ChunkAnalysis>();
    chunks.forEach((c, i) => next.set((pieces[i] as Piece).text, c.analysis));
    return next;
  }

  /**
   * The cache less the pieces an edit replaced (the previous split's between its first `head` and
   * last `tail`), unless the new split has them too: at thousands of documents, building a new
   * map on every edit costs milliseconds. Chunks of runs that gave up may stay; `SPARE_CHUNKS`
   * bounds them (beyond, the cache is built anew).
   */
  private keepOnly(cache: Map<string, ChunkAnalysis>, before: readonly Piece[], now: readonly Piece[], head: number, tail: number): Map<string, ChunkAnalysis> {
    const added = new Set<string>();
    for (let i = head; i < now.length - tail; i++) added.add((now[i] as Piece).text);
    for (let i = head; i < before.length - tail; i++) {
      const text = (before[i] as Piece).text;
      if (!added.has(text)) cache.delete(text);
    }
    return cache;
  }

  private *run(text: FileText, options: AnalysisOptions, peers: readonly PeerPods[], self?: WorkspaceFile, fileLevel = true): Generator<void, FileAnalysis, void> {
    const key = this.useOptions(options);
    const { pieces, chunks } = yield* this.chunkSteps(text, options);
    let findings: Finding[] = [];
    const notes: Finding[] = [];
    // The line index's parts too: one pass over the chunks (at 5,000 documents each pass is a
    // fraction of a millisecond per keystroke, mostly in reaching each chunk's analysis).
    const offsets: number[] = [];
    const lineStarts: (readonly number[])[] = [];
    for (const c of chunks) {
      for (const f of this.placedFindings(c.analysis, c.start)) findings.push(f);
      const note = templatedFinding(c.analysis.chunk, options);
      if (note) notes.push(shift(note, c.start));
      offsets.push(c.start);
      lineStarts.push(c.analysis.lineStarts ?? this.linesOf(c.analysis));
    }
    // At most MAX_SYNTAX_ERRORS syntax errors per file, then one finding with the count.
    findings = capSyntaxErrors(findings, normaliseLocale(options.locale));
    for (const note of notes) findings.push(note);
    // The file-level pass, in a few steps too: at thousands of documents each takes milliseconds.
    yield;
    const fromFileRules: Finding[] = [];
    // The memo follows the latest options only (an interleaved run under others would mix them).
    if (fileLevel) yield* fileFindingSteps(fromFileRules, chunks, peers, options, this.onRuleError, self, this.optionsKey === key ? this.fileRuleMemo : undefined);
    const inside = (x: { start: number; end: number }): boolean => x.start >= 0 && x.end >= x.start && x.end <= text.length;
    for (const f of fromFileRules) {
      if (inside(f) && f.related.every(inside)) findings.push(f);
      else findings.push({ ...f, ...clampSpan(f.start, f.end, text.length), related: f.related.map((r) => ({ ...r, ...clampSpan(r.start, r.end, text.length) })) });
    }
    yield;
    const lines = new LineIndex(text, undefined, offsets, lineStarts);
    const nextComments = new Map<string, readonly { start: number; text: string }[]>();
    const comments = (chunk: string): readonly { start: number; text: string }[] => {
      const found = this.comments.get(chunk) ?? nextComments.get(chunk) ?? scanComments(chunk);
      nextComments.set(chunk, found);
      return found;
    };
    // Most files hold no directive: looking at each chunk's flag spares a search of the whole text.
    const kept = chunks.some((c) => c.analysis.directives !== false) ? suppress(String(text), lines, findings, options, pieces, comments) : findings;
    this.comments = nextComments;
    yield;
    kept.sort((a, b) => a.start - b.start);
    // The whole string only for what reads it (quick fixes, rename): an edit's diagnostics never do.
    return {
      get text() {
        return String(text);
      },
      lines,
      chunks,
      findings: kept,
      ...(peers.length > 0 ? { peers, self } : {}),
    };
  }

  /** The per-chunk share of the file-level work, done while the chunk is fresh (see FileRule.prepareChunk). */
  private prepare(analysis: ChunkAnalysis, options: AnalysisOptions): void {
    if (analysis.chunk.templated) return;
    const model = { start: 0, objects: analysis.objects, pods: analysis.pods };
    for (const rule of fileRules) {
      if (!rule.prepareChunk || options.rules?.[rule.id] === 'off') continue;
      try {
        rule.prepareChunk(model, options);
      } catch (error) {
        this.onRuleError?.(rule.id, error);
      }
    }
  }

  /** A chunk's findings at its place in the file, kept (on the analysis when it has room) while the chunk stays where it is. */
  private placedFindings(analysis: ChunkAnalysis, start: number): readonly Finding[] {
    if (start === 0 || analysis.findings.length === 0) return analysis.findings;
    const slot = analysis as ChunkAnalysis & { placed?: { start: number; findings: readonly Finding[] } };
    const kept = 'placed' in slot ? slot.placed : this.placed.get(analysis);
    if (kept?.start === start) return kept.findings;
    const findings = analysis.findings.map((f) => shift(f, start));
    if ('placed' in slot) slot.placed = { start, findings };
    else this.placed.set(analysis, { start, findings });
    return findings;
  }

  /** For analyses made without line starts (tests build some by hand). */
  private linesOf(analysis: ChunkAnalysis): readonly number[] {
    let starts = this.lineStarts.get(analysis);
    if (!starts) {
      starts = lineStartsOf(analysis.chunk.text);
      this.lineStarts.set(analysis, starts);
    }
    return starts;
  }
}

/** One-shot analysis of a text (no cache). */
export function analyzeText(text: string, options: AnalysisOptions = {}, onRuleError?: RuleErrorHandler): FileAnalysis {
  return new Analyzer(onRuleError).analyze(text, options);
}
