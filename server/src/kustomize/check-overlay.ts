/**
 * Checking an overlay: render it with kustomize, analyse the pods that will be applied, and place
 * the findings on the source files. Render errors become `kustomize-build` findings on the
 * kustomization file, with kustomize's own message.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Analyzer, type FileAnalysis, type RuleErrorHandler } from '../core/analyze';
import { LineIndex } from '../core/line-index';
import { normaliseLocale, t } from '../l10n';
import type { AnalysisOptions, Severity } from '../rules/types';
import { kustomizationFileIn, type KustomizationInfo, type ReadText } from './kustomization';
import { mergeOverlays, OverlayMapper, type SourceFinding } from './map-findings';
import { DEFAULT_TIMEOUT_MS, render, renderSync, type RenderOptions, type RenderResult } from './render';
import { Sources } from './sources';

export const BUILD_RULE = 'kustomize-build';

/** What an overlay check gives: the findings, and the rendered text and its analysis when it rendered. */
export interface OverlayCheck {
  readonly findings: SourceFinding[];
  readonly rendered?: { readonly yaml: string; readonly analysis: FileAnalysis };
  readonly result: RenderResult;
}

export interface OverlayCheckOptions extends RenderOptions {
  readonly analysis: AnalysisOptions;
  /** Folder the overlay label is relative to (the current folder, or the workspace folder). */
  readonly labelBase: string;
  readonly onRuleError?: RuleErrorHandler;
}

export function overlayLabel(dir: string, base: string): string {
  const rel = relative(base, resolve(dir)).split('\\').join('/');
  return rel === '' ? '.' : rel.startsWith('..') ? resolve(dir) : rel;
}

/** The kustomization line that names something kustomize's message quotes, else the first line. */
function errorSpan(text: string, message: string): { start: number; end: number } {
  for (const m of message.matchAll(/'([^'\n]+)'|"([^"\n]+)"/g)) {
    const quoted = (m[1] ?? m[2] ?? '').split('/').pop() ?? '';
    const at = quoted.length > 2 ? text.indexOf(quoted) : -1;
    if (at >= 0) return { start: at, end: at + quoted.length };
  }
  const first = text.indexOf('\n');
  return { start: 0, end: first < 0 ? text.length : first };
}

function failureFinding(dir: string, result: Exclude<RenderResult, { ok: true }>, options: OverlayCheckOptions, read: ReadText): SourceFinding | undefined {
  if (result.reason === 'cancelled') return undefined;
  const locale = normaliseLocale(options.analysis.locale);
  const level = options.analysis.rules?.[BUILD_RULE];
  if (level === 'off') return undefined;
  const file = (result.tree[0] as KustomizationInfo | undefined)?.file ?? kustomizationFileIn(dir) ?? join(dir, 'kustomization.yaml');
  let text = '';
  try {
    text = read(file);
  } catch {
    // the range stays at the start
  }
  const message =
    result.reason === 'timeout'
      ? t(locale, 'kustomize-build.timeout', { seconds: Math.round((options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000) })
      : result.reason === 'remote'
        ? t(locale, 'kustomize-build.remote', { resources: result.message })
        : t(locale, 'kustomize-build.failed', { message: result.message });
  const span = errorSpan(text, result.message);
  const severity: Severity = level ?? (result.reason === 'remote' ? 'information' : 'error');
  return { file, rule: BUILD_RULE, severity, message, bareMessage: message, range: new LineIndex(text).rangeOf(span.start, span.end), related: [], overlays: [overlayLabel(dir, options.labelBase)] };
}

function mapRendered(dir: string, result: RenderResult, options: OverlayCheckOptions, read: ReadText): OverlayCheck {
  if (!result.ok) {
    const failure = failureFinding(dir, result, options, read);
    return { findings: failure ? [failure] : [], result };
  }
  const analysis = new Analyzer(options.onRuleError).analyze(result.yaml, options.analysis);
  const locale = normaliseLocale(options.analysis.locale);
  const ctx = { dir: resolve(dir), label: overlayLabel(dir, options.labelBase), tree: result.tree, sources: new Sources(read), locale };
  const mapper = new OverlayMapper(ctx, analysis);
  // The rendered text holds no comments: the source's directives are not applied here.
  const findings = mergeOverlays([analysis.findings.filter((f) => f.rule !== 'unused-disable-directive').map((f) => mapper.map(f))], locale);
  return { findings, rendered: { yaml: result.yaml, analysis }, result };
}

function reader(overrides: ReadonlyMap<string, string> | undefined): ReadText {
  return (file) => overrides?.get(file) ?? readFileSync(file, 'utf8');
}

/** Renders (blocking) and checks one overlay: the CLI. */
export function checkOverlaySync(dir: string, options: OverlayCheckOptions): OverlayCheck {
  return mapRendered(dir, renderSync(dir, options), options, reader(options.overrides));
}

/** Renders in a child process and checks one overlay: the editor. */
export async function checkOverlay(dir: string, options: OverlayCheckOptions): Promise<OverlayCheck> {
  const result = await render(dir, options);
  return mapRendered(dir, result, options, reader(options.overrides));
}
