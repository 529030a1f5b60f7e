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
import { checkOverlaySync } from './check-overlay';
import { kustomizeCommand } from './command';
import { kustomizationFileIn, readFromDisk, readTree } from './kustomization';
import { mergeOverlays, type SourceFinding } from './map-findings';
import { outermostOverlays, type Overlay } from './workspace-overlays';

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

/** The overlays to render for a path: its own kustomization (named), else the leaf overlays beneath it. */
export function overlaysFor(path: string): { overlays: Overlay[]; named: boolean } {
  if (isKustomizationDir(path)) {
    const tree = readTree(resolve(path));
    return { overlays: [{ dir: resolve(path), tree, files: new Set(tree.flatMap((k) => [k.file, ...k.files])) }], named: true };
  }
  if (!isDirectory(path)) return { overlays: [], named: false };
  return { overlays: outermostOverlays([path], readFromDisk), named: false };
}

/**
 * Renders the overlays of a path given on the command line; undefined when it has none, or when
 * no kustomize was found (the notice went to `warn`): then every file is checked one by one.
 */
export function renderPath(given: string, flags: RenderFlags, options: AnalysisOptions, locale: Locale, warn: (line: string) => void): RenderedPath | undefined {
  if (flags.noRender) return undefined;
  const { overlays, named } = overlaysFor(given);
  if (overlays.length === 0) return undefined;
  const command = kustomizeCommand(flags.command ?? process.env.PODSIGHT_KUSTOMIZE_COMMAND);
  if (!command) {
    warn(t(locale, 'kustomize.not-found-cli', { dir: given }));
    return undefined;
  }
  const lists: SourceFinding[][] = [];
  const covered = new Set<string>();
  for (const overlay of overlays) {
    const check = checkOverlaySync(overlay.dir, {
      command,
      analysis: options,
      labelBase: process.cwd(),
      discovered: !named,
      onRuleError: (rule, e) => warn(t(locale, 'cli.rule-failed', { rule, file: overlay.dir, error: String(e) })),
    });
    lists.push(check.findings);
    if (check.rendered) overlay.files.forEach((f) => covered.add(f));
  }
  // Files are named as the user named the folder: relative to the current folder, or absolute.
  const name = (file: string): string => (isAbsolute(given) ? file : relative(process.cwd(), file));
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
