/**
 * `podsight check DIR` where DIR holds a kustomization: render it and report the findings on the
 * source files. Without a kustomize on the PATH the CLI says so once and checks the files one by
 * one (the caller's usual path).
 */
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { t, type Locale } from '../l10n';
import type { AnalysisOptions } from '../rules/types';
import type { CliFinding } from '../cli/formats';
import { checkOverlaySync } from './check-overlay';
import { kustomizeCommand } from './command';
import { kustomizationFileIn } from './kustomization';

export interface RenderFlags {
  readonly noRender: boolean;
  readonly command?: string;
}

/** True when `path` is a folder holding a kustomization (rendered unless `--no-render`). */
export function isKustomizationDir(path: string): boolean {
  try {
    return statSync(path).isDirectory() && kustomizationFileIn(path) !== undefined;
  } catch {
    return false;
  }
}

/**
 * The findings of the rendered overlay at `dir`, or undefined when it is to be checked file by
 * file (no kustomize found; the notice went to stderr).
 */
export function checkKustomizationDir(
  dir: string,
  flags: RenderFlags,
  options: AnalysisOptions,
  locale: Locale,
  warn: (line: string) => void,
): { findings: CliFinding[]; sources: Map<string, string> } | undefined {
  const command = kustomizeCommand(flags.command ?? process.env.PODSIGHT_KUSTOMIZE_COMMAND);
  if (!command) {
    warn(t(locale, 'kustomize.not-found-cli', { dir }));
    return undefined;
  }
  const check = checkOverlaySync(dir, { command, analysis: options, labelBase: process.cwd(), onRuleError: (rule, e) => warn(t(locale, 'cli.rule-failed', { rule, file: dir, error: String(e) })) });
  // Files are named as the user named the folder: relative to the current folder, or absolute.
  const name = (file: string): string => (isAbsolute(dir) ? file : relative(process.cwd(), file));
  const findings = check.findings.map((f) => ({
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
  return { findings, sources };
}
