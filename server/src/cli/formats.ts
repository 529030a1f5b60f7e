/**
 * Output formats of `podsight check`: text for people (text.ts), JSON for tools, SARIF 2.1.0 for
 * code scanning (sarif.ts), GitHub workflow commands for annotations (github.ts).
 */
import type { Range } from '../core/line-index';
import type { Locale } from '../l10n';
import type { Severity } from '../rules/types';
import { formatGithub } from './github';
import { formatSarif } from './sarif';
import { formatText } from './text';

export const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Another place a finding involves (the other side of a conflict). */
export interface CliRelated {
  readonly file: string;
  readonly range: Range;
  readonly message: string;
}

/** One finding; the JSON contract prints its first five fields. */
export interface CliFinding {
  readonly file: string;
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly related?: readonly CliRelated[];
}

/** What formats need besides the findings. */
export interface FormatContext {
  /** The text of each checked file (code frames, fingerprints). */
  readonly sources: ReadonlyMap<string, string>;
  readonly color: boolean;
  readonly locale: Locale;
  /** Paths are reported relative to this folder (the repository root in CI). */
  readonly cwd: string;
}

export function formatJson(findings: readonly CliFinding[]): string {
  return JSON.stringify(findings.map(({ file, rule, severity, message, range }) => ({ file, rule, severity, message, range })), null, 2) + '\n';
}

export function formatFindings(format: OutputFormat, findings: readonly CliFinding[], ctx: FormatContext): string {
  if (format === 'json') return formatJson(findings);
  if (format === 'sarif') return formatSarif(findings, ctx);
  if (format === 'github') return formatGithub(findings, ctx);
  return formatText(findings, ctx);
}

/** Whether the text output is coloured: a terminal, unless NO_COLOR is set; FORCE_COLOR forces it. */
export function useColor(isTTY: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (env.NO_COLOR) return false;
  return isTTY;
}
