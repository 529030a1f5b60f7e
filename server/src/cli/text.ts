/**
 * The text output for people at a terminal, as compilers print it: findings grouped by file and
 * ordered by line, `file:line:col` (terminals and editors make it a link), the source line with a
 * caret under the range (code frame), the other side of a conflict, and a summary line.
 * A blank line between findings; colours only when `FormatContext.color` (a TTY without NO_COLOR).
 */
import { lineStartsOf } from '../core/line-index';
import { t } from '../l10n';
import type { Severity } from '../rules/types';
import type { CliFinding, FormatContext } from './formats';
import { summaryLine } from './summary';

const SEVERITY_COLOR: Record<Severity, string> = { error: '31', warning: '33', information: '36', hint: '90' };
/** Longer source lines are cut around the caret, so a minified line does not flood the terminal. */
const MAX_FRAME = 160;

export function formatText(findings: readonly CliFinding[], ctx: FormatContext): string {
  const paint = (code: string, s: string): string => (ctx.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const order = new Map<string, number>();
  for (const f of findings) if (!order.has(f.file)) order.set(f.file, order.size);
  const sorted = [...findings].sort(
    (a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
  const lines = new Map<string, (n: number) => string | undefined>();
  const lineOf = (name: string): ((n: number) => string | undefined) | undefined => {
    const text = ctx.sources.get(name);
    if (text === undefined) return undefined;
    let get = lines.get(name);
    if (!get) {
      const starts = lineStartsOf(text);
      get = (n) => (n < starts.length ? text.slice(starts[n], starts[n + 1] ?? text.length).replace(/[\r\n]+$/, '') : undefined);
      lines.set(name, get);
    }
    return get;
  };
  const out: string[] = [];
  for (const f of sorted) {
    if (out.length > 0) out.push('');
    const where = `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
    out.push(`${paint('1', where)}: ${paint(SEVERITY_COLOR[f.severity], f.severity)} ${f.message} ${paint('90', `[${f.rule}]`)}`);
    out.push(...codeFrame(lineOf(f.file), f, paint));
    for (const r of f.related ?? []) {
      out.push(`    ${paint('90', `${t(ctx.locale, 'cli.related')}:`)} ${r.file}:${r.range.start.line + 1}:${r.range.start.character + 1}: ${r.message}`);
    }
  }
  const { text: summary, errors, warnings } = summaryLine(ctx.locale, findings);
  if (out.length > 0) out.push('');
  out.push(errors > 0 ? paint('1;31', summary) : warnings > 0 ? paint('1;33', summary) : paint('1', summary));
  return out.join('\n') + '\n';
}

/** East Asian wide and fullwidth characters (CJK, Hangul, fullwidth forms, most emoji): two cells. */
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1F64F}\u{1F900}-\u{1F9FF}\u{20000}-\u{3FFFD}]/u;
/** Combining marks and zero-width characters: no cell of their own. */
const ZERO = /[\u0300-\u036F\u200B-\u200F\uFE00-\uFE0F]/u;

/** How many terminal cells the text takes. */
export function displayWidth(text: string): number {
  let cells = 0;
  for (const ch of text) cells += ZERO.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1;
  return cells;
}

/** The finding's first line with its number, and carets under the range (to the line's end when it spans lines). */
function codeFrame(lineOf: ((n: number) => string | undefined) | undefined, f: CliFinding, paint: (code: string, s: string) => string): string[] {
  const line = lineOf?.(f.range.start.line);
  if (line === undefined || line.trim() === '') return [];
  const start = Math.min(f.range.start.character, line.length);
  const end = f.range.end.line === f.range.start.line ? Math.min(Math.max(f.range.end.character, start + 1), Math.max(line.length, start + 1)) : Math.max(line.length, start + 1);
  // Cut long lines to a window that keeps the caret in view.
  const from = line.length > MAX_FRAME ? Math.max(0, Math.min(start - 20, line.length - MAX_FRAME)) : 0;
  const shown = (from > 0 ? '…' : '') + line.slice(from, from + MAX_FRAME) + (from + MAX_FRAME < line.length ? '…' : '');
  // Carets go by the terminal's cells, not by UTF-16 units: a Chinese character takes two cells.
  const caretStart = displayWidth((from > 0 ? '…' : '') + line.slice(from, start));
  const caretLength = Math.max(1, displayWidth(line.slice(start, Math.min(end, from + MAX_FRAME))));
  const number = String(f.range.start.line + 1);
  const gutter = ' '.repeat(number.length);
  return [
    `  ${paint('90', `${number} |`)} ${shown.replace(/\t/g, ' ')}`,
    `  ${paint('90', `${gutter} |`)} ${' '.repeat(caretStart)}${paint(SEVERITY_COLOR[f.severity], '^'.repeat(caretLength))}`,
  ];
}
