/**
 * `podsight check PATH` and kustomize: a folder holding a kustomization is rendered; a folder
 * without one (`podsight check .` over a repository) renders each leaf overlay beneath it (a
 * kustomization no other one in the tree uses). Findings go on the source files, de-duplicated
 * when several overlays report the same line. Files no successful render covers (a remote
 * resource, a render that failed, files outside any kustomization) are left to the caller's
 * file-by-file checks, where listed patches are fragments. Without a kustomize on the PATH the
 * CLI says so once and checks everything file by file.
 */
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { t, type Locale } from '../l10n';
import type { AnalysisOptions } from '../rules/types';
import type { CliFinding } from '../cli/formats';
import { checkRendered } from './check-overlay';
import { kustomizeCommand } from './command';
import { kustomizationFileIn, readFromDisk, readTree } from './kustomization';
import { mergeOverlays, type SourceFinding } from './map-findings';
import { render, type RenderResult } from './render';
import { localOverrides } from './local-render';
import { childOverlays, outermostOverlays, type Overlay } from './workspace-overlays';
import { outerOverlays, withinPaths } from './outer-overlays';
import { batchesOf, renderGroup } from './cli-batches';

export interface RenderFlags {
  readonly noRender: boolean;
  readonly command?: string;
}

/** What the renders of one path gave, and the files whose checks they stand for. */
export interface RenderedPath {
  readonly findings: CliFinding[];
  readonly sources: Map<string, string>;
  /** Absolute paths of the files a successful render read: not checked one by one again. */
  readonly covered: ReadonlySet<string>;
}

/** True when `path` is a folder holding a kustomization (rendered unless `--no-render`). */
export function isKustomizationDir(path: string): boolean {
  try {
    return statSync(path).isDirectory() && kustomizationFileIn(path) !== undefined;
  } catch {
    return false;
  }
}

const isDirectory = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/** The overlays a path names itself: its own kustomization (named), else the leaf overlays beneath it. */
function ownOverlays(path: string): { overlays: Overlay[]; named: boolean } {
  if (isKustomizationDir(path)) {
    const tree = readTree(resolve(path));
    // A Component is built by the kustomization that lists it (its patches and replacements act on
    // that one's resources), never alone: its files are checked one by one (sweep DJ).
    if (tree[0]?.component) return { overlays: [], named: false };
    return { overlays: [{ dir: resolve(path), tree, files: new Set(tree.flatMap((k) => [k.file, ...k.files])) }], named: true };
  }
  if (!isDirectory(path)) return { overlays: [], named: false };
  return { overlays: outermostOverlays([path], readFromDisk), named: false };
}

/**
 * The overlays to render for the paths given together (one folder, or the files given one by
 * one): their own, and the overlays of their repository that read them from outside
 * (outer-overlays.ts). An own kustomization that such an overlay uses is a base: it is rendered
 * through that overlay instead. `outer` lists the folders of the overlays found outside, whose
 * findings count only on the given paths.
 */
export function overlaysFor(paths: readonly string[]): { overlays: Overlay[]; named: boolean; outer: ReadonlySet<string> } {
  const own = paths.map(ownOverlays);
  const outside = outerOverlays(paths);
  const usedOutside = new Set(outside.flatMap((o) => o.tree.map((k) => k.dir)));
  const kept = own.flatMap((o) => o.overlays).filter((o) => !usedOutside.has(o.dir));
  const named = own.some((o) => o.named) && kept.length > 0 && outside.length === 0;
  return { overlays: [...kept, ...outside], named, outer: new Set(outside.map((o) => o.dir)) };
}

/** The renders of a path under way: the files they may cover are known at once, the rest when `done` resolves. */
export interface PendingRender {
  /** Absolute paths of every file an overlay reads: the files `covered` may hold. */
  readonly candidates: ReadonlySet<string>;
  /** Absolute paths of the patch files the overlays list: fragments, even where no kustomization above them lists them. */
  readonly patches: ReadonlySet<string>;
  /** `covered`, as soon as kustomize has rendered every overlay (before their analyses end). */
  readonly covered: Promise<ReadonlySet<string>>;
  /** Resolves when the rendered texts that have come are analysed: the CLI lets them go first. */
  readonly analysed: () => Promise<unknown>;
  readonly done: Promise<RenderedPath>;
}

/** What an overlay's render and check gave, with the rule failures to write. */
interface OverlayResult {
  readonly overlay: Overlay;
  /** The findings, and whether it rendered (not the rendered text and its trees: those are dropped at once). */
  readonly check: { readonly findings: SourceFinding[]; readonly rendered: boolean } | undefined;
  readonly warnings: readonly string[];
}

/** Runs `work` for every index, at most `limit` at a time; the results keep the order of the indexes. */
async function inParallel<T>(count: number, limit: number, work: (index: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(count);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < count) {
      const index = next++;
      out[index] = await work(index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, count)) }, lane));
  return out;
}

/**
 * Starts rendering the overlays of paths given on the command line (a folder, or the files given
 * one by one), up to `concurrency`
 * kustomize processes at a time (a render is mostly kustomize starting up, so the files that no
 * overlay reads can be checked meanwhile); undefined when it has none, or when no kustomize was
 * found (the notice went to `warn`): then every file is checked one by one. The findings are
 * those of rendering the overlays one after the other, in the same order.
 */
export function renderPath(givens: readonly string[], flags: RenderFlags, options: AnalysisOptions, locale: Locale, warn: (line: string) => void, concurrency = 1): PendingRender | undefined {
  if (flags.noRender) return undefined;
  const { overlays, named, outer } = overlaysFor(givens);
  if (overlays.length === 0) return undefined;
  const command = kustomizeCommand(flags.command ?? process.env.PODSIGHT_KUSTOMIZE_COMMAND);
  if (!command) {
    warn(t(locale, 'kustomize.not-found-cli', { dir: givens.join(', ') }));
    return undefined;
  }
  const candidates = new Set(overlays.flatMap((o) => [...o.files]));
  const patches = new Set(overlays.flatMap((o) => o.tree.flatMap((k) => k.patches.flatMap((p) => (p.file ? [p.file] : [])))));
  // Grouped and started on the next turn of the event loop: the caller hands out the files no
  // overlay reads first (reading every overlay's files to group them takes a while).
  const start = new Promise<void>((resolve) => setImmediate(resolve));
  // The rendered texts are analysed one after the other, as they come, while the lanes go on
  // with kustomize: a lane never waits for an analysis.
  let analysing: Promise<unknown> = Promise.resolve();
  const checks: Promise<OverlayResult>[] = new Array(overlays.length);
  const analyse = (overlay: Overlay, result: RenderResult, builtLocally = false): Promise<OverlayResult> => {
    // Held back and written in the order of the overlays, as one render after the other writes them.
    const warnings: string[] = [];
    const next = analysing.then(() =>
      checkRendered(overlay.dir, result, {
        command,
        analysis: options,
        labelBase: process.cwd(),
        discovered: !named,
        builtLocally,
        onRuleError: (rule, e) => warnings.push(t(locale, 'cli.rule-failed', { rule, file: overlay.dir, error: String(e) })),
      }),
    );
    analysing = next;
    return next.then((check) => ({ overlay, check: check && { findings: check.findings, rendered: check.rendered !== undefined }, warnings }));
  };
  // A successful render covers its overlay's files (its check then always has a result).
  const covered = new Set<string>();
  // Overlays that share no file are rendered by one kustomize process (cli-batches.ts).
  const renderAll = (list: readonly Overlay[], onResult: (index: number, result: RenderResult) => void): Promise<unknown> => {
    const groups = batchesOf(list, readFromDisk, concurrency);
    return inParallel(groups.length, concurrency, async (at) => {
      const group = groups[at] as readonly number[];
      const results = await renderGroup(group.map((index) => list[index] as Overlay), { command });
      group.forEach((index, k) => onResult(index, results[k] as RenderResult));
    });
  };
  // The bases of an overlay that failed, rendered on their own: only what renders counts (the
  // overlay's failure is reported already); the rest is checked one by one.
  const baseChecks: Promise<OverlayResult>[] = [];
  const scoped = new Set(outer);
  const rendered = start.then(async () => {
    const failures: { index: number; result: RenderResult }[] = [];
    await renderAll(overlays, (index, result) => {
      const overlay = overlays[index] as Overlay;
      if (!result.ok) return void failures.push({ index, result });
      overlay.files.forEach((f) => covered.add(f));
      checks[index] = analyse(overlay, result);
    });
    // An overlay that cannot be built offline is built without what cannot be fetched (its
    // patches still apply to its local bases); only when that fails too are its bases checked alone.
    const failed: Overlay[] = [];
    await inParallel(failures.length, concurrency, async (at) => {
      const { index, result } = failures[at] as { index: number; result: RenderResult };
      const overlay = overlays[index] as Overlay;
      const local = await renderLocally(overlay, command);
      checks[index] = analyse(overlay, result, local !== undefined);
      if (!local) return void failed.push(overlay);
      overlay.files.forEach((f) => covered.add(f));
      baseChecks.push(analyse(overlay, local));
    });
    const bases = childOverlays(
      overlays.filter((o) => failed.includes(o)),
      overlays,
      readFromDisk,
    );
    const baseResults: (RenderResult | undefined)[] = new Array(bases.length);
    await renderAll(bases, (index, result) => {
      baseResults[index] = result;
    });
    // The bases of an overlay found outside the given paths stand for it: scoped as it is.
    for (const overlay of failed) if (outer.has(overlay.dir)) overlay.tree[0]?.children.forEach((dir) => scoped.add(dir));
    bases.forEach((base, index) => {
      const result = baseResults[index];
      if (!result?.ok) return;
      base.files.forEach((f) => covered.add(f));
      baseChecks.push(analyse(base, result));
    });
  });
  const done = rendered.then(() => Promise.all([...checks, ...baseChecks])).then((all) => {
    const lists: SourceFinding[][] = [];
    for (const { overlay, check, warnings } of all) {
      warnings.forEach(warn);
      // Without an abort signal a check always ends with a result.
      if (check) lists.push(scoped.has(overlay.dir) ? check.findings.filter((f) => withinPaths(f.file, givens)) : check.findings);
    }
    return placed(givens, lists, covered, locale);
  });
  return { candidates, patches, covered: rendered.then(() => covered), analysed: () => analysing, done };
}

/** The overlay built without its remote parts and Helm charts (local-render.ts); undefined when there are none or that fails too. */
async function renderLocally(overlay: Overlay, command: NonNullable<ReturnType<typeof kustomizeCommand>>): Promise<RenderResult | undefined> {
  const overrides = localOverrides(overlay.tree, readFromDisk);
  if (!overrides) return undefined;
  const result = await render(overlay.dir, { command, overrides });
  return result.ok ? result : undefined;
}

/** The overlays' findings merged, named as the user named the folder, with the texts they quote. */
function placed(givens: readonly string[], lists: SourceFinding[][], covered: Set<string>, locale: Locale): RenderedPath {
  // Files are named as the user named them or their folder: relative to the current folder, or absolute.
  const asGiven = new Map(givens.map((g) => [resolve(g), g]));
  const name = (file: string): string => asGiven.get(file) ?? (givens.some(isAbsolute) ? file : relative(process.cwd(), file));
  const findings = mergeOverlays(lists, locale).map((f) => ({
    file: name(f.file),
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    range: f.range,
    ...(f.related.length > 0 ? { related: f.related.map((r) => ({ ...r, file: name(r.file) })) } : {}),
  }));
  // The source texts, for the formats' code frames and fingerprints.
  const sources = new Map<string, string>();
  for (const f of findings) {
    try {
      sources.set(f.file, readFileSync(f.file, 'utf8'));
    } catch {
      // a file kustomize read but we cannot: no code frame
    }
  }
  return { findings, sources, covered };
}
