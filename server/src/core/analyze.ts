/**
 * The analysis core: text in, findings out. No editor, no connection: the CLI, the language
 * server and the tests all call this. Chunks (`---` documents) are analysed independently and
 * cached by their text, so an edit re-checks only the documents it touched.
 */
import type { Document, Node } from 'yaml';
import { normaliseLocale, t as translate } from '../l10n';
import { podsOf, type PodModel } from '../k8s/pod-model';
import { objectsOf, type K8sObject } from '../k8s/workloads';
import { fileRules, ruleCatalogue, rules } from '../rules';
import type { AnalysisOptions, FileRule, Finding, PeerPods, Report, Rule, RuleContext, Severity, Span } from '../rules/types';
import { directiveFindings, UNUSED_DIRECTIVE_RULE, unusedDisableDirective } from '../rules/unused-disable-directive';
import { applyDirectives, scanComments, scanDirectives, type TextPiece } from './directives';
import { LineIndex, lineStartsOf } from './line-index';
import { parseChunk, type ParsedChunk } from './parse';
import { resplit, type Split } from './resplit';
import { span } from './yaml-access';

/** The analysis of one chunk; offsets are relative to the chunk. */
export interface ChunkAnalysis {
  readonly chunk: ParsedChunk;
  readonly objects: readonly { readonly object: K8sObject; readonly doc: Document }[];
  readonly pods: readonly PodModel[];
  readonly findings: readonly Finding[];
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
}

/** Called when a rule throws; the other rules still report. */
export type RuleErrorHandler = (ruleId: string, error: unknown) => void;

export const TEMPLATED_RULE = 'templated-file';

/** A span clamped into [0, length], so that no rule can point outside its text. */
function clampSpan(start: number, end: number, length: number): { start: number; end: number } {
  const clamp = (n: number): number => (Number.isFinite(n) ? Math.max(0, Math.min(Math.trunc(n), length)) : 0);
  const from = clamp(start);
  return { start: from, end: Math.max(from, clamp(end)) };
}

/** The chunk-relative span of a report (clamped into the chunk when its length is given). */
function spanOf(target: Report['node'], length?: number): [number, number] {
  const s = target as Partial<Span>;
  const [start, end] = typeof s.start === 'number' && typeof s.end === 'number' ? [s.start, s.end] : span(target as Node);
  if (length === undefined) return [start, end];
  const clamped = clampSpan(start, end, length);
  return [clamped.start, clamped.end];
}

function severityFor(rule: Rule | FileRule, report: Report, options: AnalysisOptions): Severity | undefined {
  const level = options.rules?.[rule.id];
  if (level === 'off') return undefined;
  return level ?? report.severity ?? rule.defaultSeverity;
}

/** `length` is the length of the chunk the report's offsets are relative to. */
function toFinding(rule: Rule | FileRule, report: Report, options: AnalysisOptions, length?: number): Finding | undefined {
  const severity = severityFor(rule, report, options);
  if (!severity) return undefined;
  const [start, end] = spanOf(report.node, length);
  return {
    rule: rule.id,
    severity,
    message: report.message,
    start,
    end,
    related: (report.related ?? []).map((r) => {
      const [s, e] = spanOf(r.node, length);
      return { start: s, end: e, message: r.message };
    }),
    data: report.data,
    tags: rule.tags,
  };
}

/** Runs the file-level rules over the combined chunk models (absolute offsets out). */
function fileFindings(chunks: readonly PlacedChunk[], peers: readonly PeerPods[], options: AnalysisOptions, onRuleError?: RuleErrorHandler): Finding[] {
  const out: Finding[] = [];
  const locale = normaliseLocale(options.locale);
  const models = chunks.filter((c) => !c.analysis.chunk.templated).map((c) => ({ start: c.start, objects: c.analysis.objects, pods: c.analysis.pods }));
  for (const rule of fileRules) {
    if (options.rules?.[rule.id] === 'off') continue;
    try {
      rule.checkFile({
        chunks: models,
        peers,
        options,
        t: (key, args) => translate(locale, key, args),
        report(chunkStart, report) {
          // Related spans may lie in other chunks: clamped to the file once shifted (in analyze).
          const f = toFinding(rule, report, options);
          if (f) out.push(shift(f, chunkStart));
        },
      });
    } catch (error) {
      onRuleError?.(rule.id, error);
    }
  }
  return out;
}

const KNOWN_RULES = new Set(ruleCatalogue().map((r) => r.id));

/** Applies the file's comment directives and reports the ones that suppress nothing. */
function suppress(text: string, lines: LineIndex, findings: Finding[], options: AnalysisOptions, pieces: readonly TextPiece[], comments: (chunk: string) => readonly { start: number; text: string }[]): Finding[] {
  const directives = scanDirectives(text, lines, pieces, comments);
  if (directives.length === 0) return findings;
  const isOff = (id: string): boolean => options.rules?.[id] === 'off' || (id === 'yaml-syntax' && options.reportSyntax === false);
  // Pass 1: the findings of every rule. A directive naming unused-disable-directive is judged in pass 2.
  const first = applyDirectives(findings, directives, lines, { knownRules: KNOWN_RULES, isOff: (id) => isOff(id) || id === UNUSED_DIRECTIVE_RULE });
  const level = options.rules?.[UNUSED_DIRECTIVE_RULE];
  if (level === 'off') return first.kept;
  const locale = normaliseLocale(options.locale);
  const problems = directiveFindings(first.problems, level ?? unusedDisableDirective.defaultSeverity, (key, args) => translate(locale, key, args));
  // Pass 2: directives may silence the directive reports themselves.
  const second = applyDirectives(problems, directives, lines, { knownRules: KNOWN_RULES, isOff: () => true });
  return [...first.kept, ...second.kept];
}

/** The id `onRuleError` gets when building the pod model (not a rule) fails. */
export const MODEL_ERROR = 'pod-model';

function contained<T>(id: string, onError: RuleErrorHandler | undefined, build: () => T[]): T[] {
  try {
    return build();
  } catch (error) {
    onError?.(id, error);
    return [];
  }
}

/** Analyses one chunk with every enabled rule. */
export function analyzeChunk(text: string, options: AnalysisOptions, onRuleError?: RuleErrorHandler, ruleList: readonly Rule[] = rules): ChunkAnalysis {
  const chunk = parseChunk(text);
  // The model is built before any rule runs: a bug there must not lose the whole file either.
  const objects = contained(MODEL_ERROR, onRuleError, () => chunk.docs.flatMap((doc) => objectsOf(doc).map((object) => ({ object, doc }))));
  const pods = chunk.templated ? [] : contained(MODEL_ERROR, onRuleError, () => chunk.docs.flatMap((doc) => podsOf(doc)));
  const findings: Finding[] = [];
  const locale = normaliseLocale(options.locale);
  for (const rule of ruleList) {
    if (options.rules?.[rule.id] === 'off') continue;
    if (chunk.templated && rule.id !== 'yaml-syntax') continue;
    const ctx: RuleContext = {
      chunk,
      objects,
      pods,
      options,
      t: (key, args) => translate(locale, key, args),
      report(report) {
        const finding = toFinding(rule, report, options, text.length);
        if (finding) findings.push(finding);
      },
    };
    try {
      rule.check(ctx);
    } catch (error) {
      onRuleError?.(rule.id, error);
    }
  }
  return { chunk, objects, pods, findings };
}

function shift(finding: Finding, by: number): Finding {
  if (by === 0) return finding;
  return {
    ...finding,
    start: finding.start + by,
    end: finding.end + by,
    related: finding.related.map((r) => ({ ...r, start: r.start + by, end: r.end + by })),
  };
}

function templatedFinding(text: string, options: AnalysisOptions): Finding | undefined {
  if (options.rules?.[TEMPLATED_RULE] === 'off') return undefined;
  const at = text.indexOf('{{');
  if (at < 0) return undefined;
  const end = text.indexOf('}}', at);
  return {
    rule: TEMPLATED_RULE,
    severity: (options.rules?.[TEMPLATED_RULE] as Severity | undefined) ?? 'information',
    message: translate(normaliseLocale(options.locale), 'templated-file.message'),
    start: at,
    end: end > at ? end + 2 : at + 2,
    related: [],
  };
}

/** How `analyzeInSlices` shares the thread. */
export interface SliceOptions {
  /** Work at most this long before yielding to the event loop (default 25 ms). */
  readonly sliceMs?: number;
  /** Checked after every yield: true abandons the run (a newer version arrived). */
  readonly isStale?: () => boolean;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

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
  private last?: Split;
  private readonly lineStarts = new WeakMap<ChunkAnalysis, number[]>();

  constructor(
    private readonly onRuleError?: RuleErrorHandler,
    private readonly ruleList: readonly Rule[] = rules,
  ) {}

  /** `peers`: pod templates of other files in the same folder, for the cross-resource rules. */
  analyze(text: string, options: AnalysisOptions = {}, peers: readonly PeerPods[] = []): FileAnalysis {
    const run = this.run(text, options, peers);
    for (;;) {
      const step = run.next();
      if (step.done) return step.value;
    }
  }

  /**
   * The same analysis, yielding to the event loop whenever a slice of work took `sliceMs`, so a
   * huge file never blocks the server; resolves to undefined when `isStale` says to give up.
   * Chunks finished before giving up stay cached for the next run.
   */
  async analyzeInSlices(text: string, options: AnalysisOptions = {}, slices: SliceOptions = {}, peers: readonly PeerPods[] = []): Promise<FileAnalysis | undefined> {
    const sliceMs = slices.sliceMs ?? 25;
    const run = this.run(text, options, peers);
    let sliceStart = performance.now();
    for (;;) {
      const step = run.next();
      if (step.done) return step.value;
      if (performance.now() - sliceStart < sliceMs) continue;
      await yieldToEventLoop();
      if (slices.isStale?.()) {
        run.return(undefined as never);
        return undefined;
      }
      sliceStart = performance.now();
    }
  }

  private useOptions(options: AnalysisOptions): void {
    if (options === this.options) return;
    this.options = options;
    const key = JSON.stringify(options);
    if (key !== this.optionsKey) {
      this.cache.clear();
      this.optionsKey = key;
    }
  }

  /** Yields after each chunk it had to analyse (cached chunks cost nothing). */
  private *run(text: string, options: AnalysisOptions, peers: readonly PeerPods[]): Generator<void, FileAnalysis, void> {
    this.useOptions(options);
    const pieces = resplit(this.last, text);
    yield;
    const chunks: PlacedChunk[] = [];
    const findings: Finding[] = [];
    for (const piece of pieces) {
      let analysis = this.cache.get(piece.text);
      if (!analysis) {
        analysis = analyzeChunk(piece.text, options, this.onRuleError, this.ruleList);
        this.cache.set(piece.text, analysis);
        yield;
      }
      chunks.push({ start: piece.start, analysis });
      for (const f of analysis.findings) findings.push(shift(f, piece.start));
    }
    const next = new Map<string, ChunkAnalysis>();
    for (const c of chunks) next.set(c.analysis.chunk.text, c.analysis);
    this.cache = next;
    this.last = { text, pieces };
    const templated = chunks.some((c) => c.analysis.chunk.templated) ? templatedFinding(text, options) : undefined;
    if (templated) findings.push(templated);
    for (const f of fileFindings(chunks, peers, options, this.onRuleError)) {
      findings.push({ ...f, ...clampSpan(f.start, f.end, text.length), related: f.related.map((r) => ({ ...r, ...clampSpan(r.start, r.end, text.length) })) });
    }
    const lines = new LineIndex(text, chunks.map((c) => ({ start: c.start, starts: this.linesOf(c.analysis) })));
    const nextComments = new Map<string, readonly { start: number; text: string }[]>();
    const comments = (chunk: string): readonly { start: number; text: string }[] => {
      const found = this.comments.get(chunk) ?? nextComments.get(chunk) ?? scanComments(chunk);
      nextComments.set(chunk, found);
      return found;
    };
    const kept = suppress(text, lines, findings, options, pieces, comments);
    this.comments = nextComments;
    kept.sort((a, b) => a.start - b.start);
    return { text, lines, chunks, findings: kept };
  }

  private linesOf(analysis: ChunkAnalysis): number[] {
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
