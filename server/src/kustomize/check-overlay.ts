/**
 * Checking an overlay: render it with kustomize, analyse the pods that will be applied, and place
 * the findings on the source files. Render errors become `kustomize-build` findings on the
 * kustomization file, with kustomize's own message.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Analyzer, type FileAnalysis, type RuleErrorHandler } from '../core/analyze';
import { LineIndex } from '../core/line-index';
import { normaliseLocale, t } from '../l10n';
import type { AnalysisOptions, Severity } from '../rules/types';
import { isGitIgnored } from './git-ignored';
import { kustomizationMapping } from './kustomization-parse';
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
  /** How messages name the overlay; else its path relative to `labelBase` (default: the current folder). */
  readonly label?: string;
  readonly labelBase?: string;
  readonly onRuleError?: RuleErrorHandler;
  /**
   * Found while walking a folder, not named by the user: a render that fails is a notice
   * (information), since its files are then checked one by one and the failure may come from
   * what this machine lacks (a plugin, helm, a file left out of a copy).
   */
  readonly discovered?: boolean;
  /** The overlay's local parts were built without what cannot be fetched (local-render.ts): the notice says so. */
  readonly builtLocally?: boolean;
}

export function overlayLabel(dir: string, base: string): string {
  const rel = relative(base, resolve(dir)).split('\\').join('/');
  return rel === '' ? '.' : rel.startsWith('..') ? resolve(dir) : rel;
}

/** The entry of the kustomization that kustomize's message names (a resource, a patch...), else the first line. */
function errorSpan(text: string, message: string): { start: number; end: number } {
  for (const m of text.matchAll(/^[ \t]*(?:-[ \t]+(?:\{[ \t]*)?|path:[ \t]*)(?:(?:path|name):[ \t]*)?["']?([^"'\s#,}]+)/gm)) {
    const value = m[1] ?? '';
    if (value.length < 2 || !(message.includes(`'${value}'`) || message.includes(`/${value.replace(/^(\.\.?\/)+/, '')}'`))) continue;
    const start = (m.index ?? 0) + m[0].length - value.length;
    return { start, end: start + value.length };
  }
  // Written some other way (`resources: [../x.yaml]`): a path the message quotes, where the text has it.
  for (const m of message.matchAll(/'([^'\s]{2,})'/g)) {
    const at = text.indexOf(m[1] ?? '');
    if (at >= 0 && !/[\w.-]/.test(text[at - 1] ?? '')) return { start: at, end: at + (m[1] ?? '').length };
  }
  const first = text.indexOf('\n');
  return { start: 0, end: first < 0 ? text.length : first };
}

function failureFinding(dir: string, result: Exclude<RenderResult, { ok: true }>, options: OverlayCheckOptions, read: ReadText): SourceFinding | undefined {
  if (result.reason === 'cancelled') return undefined;
  const locale = normaliseLocale(options.analysis.locale);
  const level = options.analysis.rules?.[BUILD_RULE];
  if (level === 'off' || ownKindRefused(dir, result.message, options, read) || ownPatchesRefused(dir, result.message, options, read)) return undefined;
  // A remote resource is reported where it is listed (maybe in a base), the rest on the overlay.
  const lister = result.reason === 'remote' ? result.tree.find((k) => k.remote.length > 0 || (k.helmCharts?.length ?? 0) > 0) : undefined;
  const file = (lister ?? (result.tree[0] as KustomizationInfo | undefined))?.file ?? kustomizationFileIn(dir) ?? join(dir, 'kustomization.yaml');
  const message =
    result.reason === 'timeout'
      ? t(locale, 'kustomize-build.timeout', { seconds: Math.round((options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000) })
      : result.reason === 'remote'
        ? t(locale, options.builtLocally ? 'kustomize-build.remote-local' : 'kustomize-build.remote', { resources: result.message })
        : t(locale, options.discovered ? 'kustomize-build.failed-alone' : 'kustomize-build.failed', { message: result.message });
  const named = lister ? [...lister.remote, ...(lister.helmCharts ?? [])].map((r) => `'${r}'`).join(' ') : result.message;
  // A missing input git ignores is made before apply (a local secret's .env): not the user's mistake here.
  const ignored = result.reason === 'remote' || result.reason === 'timeout' ? undefined : ignoredMissingFile(result.message);
  if (ignored) {
    const shown = relative(dirname(file), ignored).split(sep).join('/');
    return buildNote(dir, file, t(locale, 'kustomize-build.ignored-file', { file: shown }), `'${shown}'`, level ?? 'information', options, read);
  }
  const severity: Severity = level ?? (result.reason === 'remote' || options.discovered ? 'information' : 'error');
  return buildNote(dir, file, message, named, severity, options, read);
}

/**
 * kustomize refused the rendered kustomization's own `kind` or `apiVersion` and nothing else: the
 * file's own check (invalid-value, rules/kustomization-kind.ts) says so on the very field, so the
 * render's failure would only repeat it.
 */
function ownKindRefused(dir: string, message: string, options: OverlayCheckOptions, read: ReadText): boolean {
  const m = /^Failed to read kustomization file under ([^\n]+):\n((?:kind should be|apiVersion for) [^\n]*(?:\n|$))+$/.exec(message.trim());
  if (!m || resolve(m[1] ?? '') !== resolve(dir) || options.analysis.rules?.['invalid-value'] === 'off') return false;
  // The field check knows a kustomization by its apiVersion's group; `apiVersion: v1` is the render's to say.
  const file = kustomizationFileIn(dir);
  let apiVersion: unknown;
  try {
    apiVersion = file === undefined ? undefined : kustomizationMapping(file, read(file))?.apiVersion;
  } catch {
    return false;
  }
  return typeof apiVersion === 'string' && apiVersion.startsWith('kustomize.config.k8s.io/');
}

/**
 * kustomize refused a `patches` entry written as a file name, and the rendered kustomization has
 * one: the file's own check (invalid-value, rules/kustomization-patches.ts) says so on the entry.
 */
function ownPatchesRefused(dir: string, message: string, options: OverlayCheckOptions, read: ReadText): boolean {
  if (!/cannot unmarshal string into Go struct field Kustomization\.patches of type types\.Patch/.test(message) || options.analysis.rules?.['invalid-value'] === 'off') return false;
  const file = kustomizationFileIn(dir);
  try {
    const patches = file === undefined ? undefined : kustomizationMapping(file, read(file))?.patches;
    return Array.isArray(patches) && patches.some((p) => typeof p === 'string');
  } catch {
    return false;
  }
}

/** The file kustomize could not find, when git ignores it (kustomize: `evalsymlink failure on '…'`, `lstat …: no such file or directory`). */
function ignoredMissingFile(message: string): string | undefined {
  const path = /evalsymlink failure on '([^']+)'/.exec(message)?.[1] ?? /(?:lstat|open) (\/[^:\s]+): no such file or directory/.exec(message)?.[1];
  return path && isGitIgnored(path) ? path : undefined;
}

/** A kustomize-build finding on the kustomization entry that `named` (kustomize's message) names, else its first line. */
function buildNote(dir: string, file: string, message: string, named: string, severity: Severity, options: OverlayCheckOptions, read: ReadText): SourceFinding {
  let text = '';
  try {
    text = read(file);
  } catch {
    // the range stays at the start
  }
  const span = errorSpan(text, named);
  return { file, rule: BUILD_RULE, severity, message, bareMessage: message, range: new LineIndex(text).rangeOf(span.start, span.end), related: [], overlays: [options.label ?? overlayLabel(dir, options.labelBase ?? process.cwd())] };
}

/** The note on a kustomization that kustomize built only without its load restrictor (render.ts). */
function unrestrictedNote(dir: string, refusal: string, tree: readonly KustomizationInfo[], options: OverlayCheckOptions, read: ReadText): SourceFinding | undefined {
  const level = options.analysis.rules?.[BUILD_RULE];
  if (level === 'off') return undefined;
  const file = tree[0]?.file ?? kustomizationFileIn(dir) ?? join(dir, 'kustomization.yaml');
  const message = t(normaliseLocale(options.analysis.locale), 'kustomize-build.unrestricted', { message: refusal });
  return buildNote(dir, file, message, refusal, level ?? 'information', options, read);
}

function mapAnalysis(dir: string, result: RenderResult & { ok: true }, analysis: FileAnalysis, options: OverlayCheckOptions, read: ReadText): OverlayCheck {
  const locale = normaliseLocale(options.analysis.locale);
  const ctx = { dir: resolve(dir), label: options.label ?? overlayLabel(dir, options.labelBase ?? process.cwd()), tree: result.tree, sources: new Sources(read), locale };
  const mapper = new OverlayMapper(ctx, analysis);
  // The rendered text holds no comments: the source's directives are not applied here.
  const findings = mergeOverlays([analysis.findings.filter((f) => f.rule !== 'unused-disable-directive').map((f) => mapper.map(f))], locale);
  const note = result.restricted === undefined ? undefined : unrestrictedNote(dir, result.restricted, result.tree, options, read);
  return { findings: note ? [note, ...findings] : findings, rendered: { yaml: result.yaml, analysis }, result };
}

function failed(dir: string, result: Exclude<RenderResult, { ok: true }>, options: OverlayCheckOptions, read: ReadText): OverlayCheck {
  const failure = failureFinding(dir, result, options, read);
  return { findings: failure ? [failure] : [], result };
}

function reader(overrides: ReadonlyMap<string, string> | undefined): ReadText {
  return (file) => overrides?.get(file) ?? readFileSync(file, 'utf8');
}

/** Renders (blocking) and checks one overlay: the CLI. */
export function checkOverlaySync(dir: string, options: OverlayCheckOptions): OverlayCheck {
  const read = reader(options.overrides);
  const result = renderSync(dir, options);
  if (!result.ok) return failed(dir, result, options, read);
  return mapAnalysis(dir, result, new Analyzer(options.onRuleError).analyze(result.yaml, options.analysis), options, read);
}

/**
 * Renders in a child process and checks one overlay: the editor. The analysis of the rendered
 * text runs in slices, so the server keeps answering; undefined when `signal` aborted it.
 */
export async function checkOverlay(dir: string, options: OverlayCheckOptions): Promise<OverlayCheck | undefined> {
  const result = await render(dir, options);
  return checkRendered(dir, result, options);
}

/** Checks what a render of the overlay gave (its own render, or its part of a render of several). */
export async function checkRendered(dir: string, result: RenderResult, options: OverlayCheckOptions): Promise<OverlayCheck | undefined> {
  const read = reader(options.overrides);
  if (options.signal?.aborted) return undefined;
  if (!result.ok) return failed(dir, result, options, read);
  const analysis = await new Analyzer(options.onRuleError).analyzeInSlices(result.yaml, options.analysis, { isStale: () => options.signal?.aborted === true });
  return analysis ? mapAnalysis(dir, result, analysis, options, read) : undefined;
}
