/**
 * Findings: one chunk analysed by every per-chunk rule (`analyzeChunk`), the file-level rules over
 * the combined chunk models, and comment directives applied to the result. Offsets are made
 * absolute and clamped into the text here, so no rule can point outside it.
 */
import { normaliseLocale, t as translate, tidyMessage } from '../l10n';
import { configMapsOf, type ConfigMapModel } from '../k8s/config-maps';
import { claimForCustomResource, claimForNestedObject, claimForStatefulSet, customResourcePodAt } from '../k8s/custom-resource-claims';
import { podsOf, type PodModel } from '../k8s/pod-model';
import { objectsOf } from '../k8s/workloads';
import { fileRules, ruleCatalogue, rules } from '../rules';
import type { AnalysisOptions, FileRule, FileRuleContext, Finding, PeerPods, Report, Rule, RuleContext, Severity, Span, WorkspaceFile } from '../rules/types';
import { directiveFindings, UNUSED_DIRECTIVE_RULE, unusedDisableDirective } from '../rules/unused-disable-directive';
import type { ChunkAnalysis, PlacedChunk, RuleErrorHandler } from './analyze';
import type { FileRuleMemo } from './file-rule-memo';
import { applyDirectives, DIRECTIVE_MARKER, scanDirectives, type TextPiece } from './directives';
import { lastAtOrBefore, lineStartsOf, outsideCrlf, type LineIndex } from './line-index';
import { mayInsert, parseChunk } from './parse';
import { within } from './template-mask';
import { span } from './yaml-access';
import type { Node } from 'yaml';

export const TEMPLATED_RULE = 'templated-file';

/** A span clamped into [0, length], so that no rule can point outside its text. */
export function clampSpan(start: number, end: number, length: number): { start: number; end: number } {
  const clamp = (n: number): number => (Number.isFinite(n) ? Math.max(0, Math.min(Math.trunc(n), length)) : 0);
  const from = clamp(start);
  return { start: from, end: Math.max(from, clamp(end)) };
}

/**
 * The chunk-relative span of a report; given the chunk's text, clamped into it and never between
 * the `\r` and `\n` of a CRLF (see outsideCrlf).
 */
function spanOf(target: Report['node'], text?: string): [number, number] {
  const s = target as Partial<Span>;
  const [start, end] = typeof s.start === 'number' && typeof s.end === 'number' ? [s.start, s.end] : span(target as Node);
  return text === undefined ? [start, end] : placeInChunk(start, end, text);
}

/** A chunk-relative span clamped into the chunk's text, out of the middle of any CRLF. */
function placeInChunk(start: number, end: number, text: string): [number, number] {
  const clamped = clampSpan(start, end, text.length);
  const from = outsideCrlf(text, clamped.start);
  return [from, Math.max(from, outsideCrlf(text, clamped.end))];
}

/** A file rule's span relative to `text`, its chunk: placed as a chunk rule's when it lies inside (related spans may lie in other chunks). */
function placeIfInside(start: number, end: number, text: string | undefined): [number, number] {
  return text !== undefined && start >= 0 && end <= text.length && start <= end ? placeInChunk(start, end, text) : [start, end];
}

function severityFor(rule: Rule | FileRule, report: Report, options: AnalysisOptions): Severity | undefined {
  const level = options.rules?.[rule.id];
  if (level === 'off') return undefined;
  return level ?? report.severity ?? rule.defaultSeverity;
}

/** `text` is the chunk the report's offsets are relative to (file rules: spans may lie outside it). */
function toFinding(rule: Rule | FileRule, report: Report, options: AnalysisOptions, text?: string): Finding | undefined {
  const severity = severityFor(rule, report, options);
  if (!severity) return undefined;
  const [start, end] = spanOf(report.node, text);
  return {
    rule: rule.id,
    severity,
    message: report.message,
    start,
    end,
    related: (report.related ?? []).map((r) => {
      const [s, e] = spanOf(r.node, text);
      return { start: s, end: e, message: r.message };
    }),
    data: report.data,
    tags: rule.tags,
  };
}

/** The index of the chunk that starts at `start`, or -1 (a search, not a map: nothing per chunk on every edit). */
function chunkIndexAt(chunks: readonly PlacedChunk[], start: number): number {
  const at = lastAtOrBefore(chunks, start, (c) => c.start);
  return chunks[at]?.start === start ? at : -1;
}

/** A file rule's finding with the spans that lie in its chunk placed as a chunk rule's are (see placeInChunk). */
function placedInChunk(f: Finding | undefined, text: string | undefined): Finding | undefined {
  if (!f || text === undefined) return f;
  const [start, end] = placeIfInside(f.start, f.end, text);
  const related = f.related.map((r) => {
    const [s, e] = placeIfInside(r.start, r.end, text);
    return s === r.start && e === r.end ? r : { ...r, start: s, end: e };
  });
  return start === f.start && end === f.end && related.every((r, i) => r === f.related[i]) ? f : { ...f, start, end, related };
}

/**
 * A finding says what apply really does where it lies (chunk-relative offsets): inside a custom
 * resource's pod or a StatefulSet's pod spec, in a List item or in an OpenShift Template's object.
 */
function asApplied(finding: Finding, model: { readonly objects: RuleContext['objects']; readonly pods: readonly PodModel[] } | undefined, locale: ReturnType<typeof normaliseLocale>): Finding {
  if (!model) return tidied(finding, locale);
  const pod = model.pods.length === 0 ? undefined : customResourcePodAt(model.pods, finding.start);
  const asInPod = pod ? claimForCustomResource(finding, pod, locale) : claimForStatefulSet(finding.message, model.pods, finding.start, locale);
  const message = claimForNestedObject(asInPod, model.objects, finding.start, locale);
  return tidied(message === finding.message ? finding : { ...finding, message }, locale);
}

function tidied(finding: Finding, locale: ReturnType<typeof normaliseLocale>): Finding {
  const message = tidyMessage(locale, finding.message);
  return message === finding.message ? finding : { ...finding, message };
}

/**
 * The rules' view of a chunk, kept on the chunk's analysis while the chunk stays where it is: at
 * thousands of documents a WeakMap lookup per chunk and edit costs milliseconds, a field does not.
 */
interface ModelSlot {
  model: FileRuleContext['chunks'][number] | undefined;
  placed: { start: number; findings: readonly Finding[] } | undefined;
}

function modelOf(analysis: ChunkAnalysis, start: number): FileRuleContext['chunks'][number] {
  const slot = analysis as ChunkAnalysis & Partial<ModelSlot>;
  let model = slot.model;
  if (model?.start !== start) {
    model = { start, objects: analysis.objects, pods: analysis.pods, configMaps: analysis.configMaps };
    // Analyses made elsewhere (tests) have no slot: their model is made again each time.
    if ('model' in slot) slot.model = model;
  }
  return model;
}

/**
 * Runs the file-level rules over the combined chunk models, adding their findings (absolute
 * offsets) to `out`, and yields before each rule so that a server can answer in between. With a
 * memo (one per document), each rule re-checks only the chunks an edit changed (file-rule-memo.ts).
 */
export function* fileFindingSteps(out: Finding[], chunks: readonly PlacedChunk[], peers: readonly PeerPods[], options: AnalysisOptions, onRuleError?: RuleErrorHandler, self: WorkspaceFile = {}, memo?: FileRuleMemo): Generator<void, void, void> {
  const locale = normaliseLocale(options.locale);
  const models: FileRuleContext['chunks'][number][] = [];
  // The same by chunk index (undefined for templated chunks): no map of every chunk per edit.
  const modelAt: (FileRuleContext['chunks'][number] | undefined)[] = new Array(chunks.length);
  const templated: string[] = [];
  // Template blocks may be rendered zero, one or many times: file rules report nothing there either.
  const conditionalAt = new Map<number, NonNullable<ChunkAnalysis['chunk']['conditional']>>();
  for (let i = 0; i < chunks.length; i++) {
    const { start, analysis } = chunks[i] as PlacedChunk;
    const chunk = analysis.chunk;
    if (chunk.conditional?.length) conditionalAt.set(start, chunk.conditional);
    if (chunk.templated) {
      templated.push(chunk.text);
      continue;
    }
    const model = modelOf(analysis, start);
    models.push(model);
    modelAt[i] = model;
  }
  const pass = memo?.begin(chunks, models, modelAt);
  for (const rule of fileRules) {
    yield;
    if (options.rules?.[rule.id] === 'off') continue;
    const ctx = { chunks: models, peers, namespace: self.namespace, source: self.source, bases: self.bases, templated, options, t: (key: string, args?: Readonly<Record<string, string | number>>) => translate(locale, key, args) };
    const toFinding_ = (chunkStart: number, report: Report): Finding | undefined => {
      // Related spans may lie in other chunks: clamped to the file once shifted (in analyze).
      const at = chunkIndexAt(chunks, chunkStart);
      const f = placedInChunk(toFinding(rule, report, options), chunks[at]?.analysis.chunk.text);
      const conditional = conditionalAt.get(chunkStart);
      if (!f || (conditional && (within(f.start, conditional) || f.related.some((r) => within(r.start, conditional))))) return undefined;
      return shift(asApplied(f, modelAt[at], locale), chunkStart);
    };
    try {
      if (pass) {
        yield* pass.run({ rule, ctx, toFinding: toFinding_ }, out);
        continue;
      }
      rule.checkFile({
        ...ctx,
        report(chunkStart, report) {
          const f = toFinding_(chunkStart, report);
          if (f) out.push(f);
        },
      });
    } catch (error) {
      onRuleError?.(rule.id, error);
    }
  }
  pass?.end();
}

const KNOWN_RULES = new Set(ruleCatalogue().map((r) => r.id));

/** Applies the file's comment directives and reports the ones that suppress nothing. */
export function suppress(text: string, lines: LineIndex, findings: Finding[], options: AnalysisOptions, pieces: readonly TextPiece[], comments: (chunk: string) => readonly { start: number; text: string }[]): Finding[] {
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

/** A `$patch:` directive as a key (a comment that mentions one is no patch; probe CX). */
const STRATEGIC_PATCH = /(?:^[ \t-]*|[{,][ \t]*)["']?\$patch["']?[ \t]*:/m;

/** Analyses one chunk with every enabled rule. */
export function analyzeChunk(text: string, options: AnalysisOptions, onRuleError?: RuleErrorHandler, ruleList: readonly Rule[] = rules): ChunkAnalysis {
  const chunk = parseChunk(text);
  // The model is built before any rule runs: a bug there must not lose the whole file either.
  const objects = contained(MODEL_ERROR, onRuleError, () => chunk.docs.flatMap((doc) => objectsOf(doc).map((object) => ({ object, doc }))));
  // A masked template (unless its placeholders only stand for values), a file the options call a
  // fragment, or a strategic-merge `$patch`: not whole pods.
  const partial = mayInsert(chunk) || options.fragment !== undefined || (text.includes('$patch') && STRATEGIC_PATCH.test(text));
  const pods = chunk.templated ? [] : contained(MODEL_ERROR, onRuleError, () => chunk.docs.flatMap((doc) => podsOf(doc, options.podTemplates, partial)));
  const findings: Finding[] = [];
  const locale = normaliseLocale(options.locale);
  // One context for every rule of the chunk (a context per rule and chunk was a tenth of what an
  // analysis allocates): `report` files the finding under the rule that is running.
  let running: Rule | undefined;
  const model = { objects, pods };
  const ctx: RuleContext = {
    chunk,
    objects,
    pods,
    options,
    t: (key, args) => translate(locale, key, args),
    report(report) {
      const finding = running && toFinding(running, report, options, text);
      if (finding) findings.push(asApplied(finding, model, locale));
    },
  };
  for (const rule of ruleList) {
    if (options.rules?.[rule.id] === 'off') continue;
    if (chunk.templated && rule.id !== 'yaml-syntax') continue;
    running = rule;
    try {
      rule.check(ctx);
    } catch (error) {
      onRuleError?.(rule.id, error);
    }
  }
  running = undefined;
  // What a template block holds may be rendered zero, one or many times: nothing there is certain.
  const conditional = chunk.conditional ?? [];
  const kept = conditional.length === 0 ? findings : findings.filter((f) => !within(f.start, conditional) && !f.related.some((r) => within(r.start, conditional)));
  let configMaps: readonly ConfigMapModel[] = [];
  try {
    configMaps = configMapsOf(objects);
  } catch (error) {
    onRuleError?.(MODEL_ERROR, error);
  }
  const analysis: ChunkAnalysis & ModelSlot = {
    chunk,
    objects,
    pods,
    findings: kept,
    configMaps,
    lineStarts: lineStartsOf(chunk.text),
    directives: text.includes(DIRECTIVE_MARKER),
    // Filled by the file-level pass and the analyzer (see modelOf and Analyzer.placedFindings).
    model: undefined,
    placed: undefined,
  };
  return analysis;
}

export function shift(finding: Finding, by: number): Finding {
  if (by === 0) return finding;
  return {
    ...finding,
    start: finding.start + by,
    end: finding.end + by,
    // Most findings point nowhere else: their empty list is shared, not copied.
    related: finding.related.length === 0 ? finding.related : finding.related.map((r) => ({ ...r, start: r.start + by, end: r.end + by })),
  };
}
