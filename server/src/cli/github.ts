/**
 * `--format github`: GitHub Actions workflow commands, which the runner turns into annotations
 * on the pull request's changed lines (no code-scanning upload needed, so private repositories
 * without GitHub Advanced Security get them too).
 *   ::error file=k8s/pod.yaml,line=16,endLine=16,col=22,endColumn=24,title=podsight port-conflict::message
 */
import { relative, sep } from 'node:path';
import type { Severity } from '../rules/types';
import type { CliFinding, FormatContext } from './formats';
import { summaryLine } from './summary';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** Escaping of the runner's command parser (actions/toolkit `escapeData` / `escapeProperty`). */
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** The path as the repository knows it: relative to the working directory, with `/`. */
export function repoPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  const path = rel === '' || rel.startsWith('..') ? file : rel;
  return path.split(sep).join('/');
}

export function formatGithub(findings: readonly CliFinding[], ctx: FormatContext): string {
  const lines = findings.map((f) => {
    const props = [
      `file=${escapeProperty(repoPath(f.file, ctx.cwd))}`,
      `line=${f.range.start.line + 1}`,
      `endLine=${f.range.end.line + 1}`,
      `col=${f.range.start.character + 1}`,
      `endColumn=${f.range.end.character + 1}`,
      `title=${escapeProperty(`podsight ${f.rule}`)}`,
    ];
    return `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message)}`;
  });
  return [...lines, summaryLine(ctx.locale, findings).text].join('\n') + '\n';
}
