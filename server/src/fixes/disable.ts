/**
 * "Disable <rule> for this line / for this file": comment directives the analysis honours
 * (`# podsight-disable-next-line RULE` above the line, same indentation; `# podsight-disable RULE`
 * at the top of the file, after a leading comment block). An existing directive gets the rule added.
 */
import type { Fix, FixContext } from './types';
import { eolOf, indentOf, lineStart, nextLineStart } from './yaml-edit';

const NEXT_LINE = /^([ \t]*)#[ \t]*podsight-disable-next-line(?=$|[ \t])([^\r\n]*)$/;
const FILE = /^#[ \t]*podsight-disable(?=$|[ \t])([^\r\n]*)$/;

/** Where a rule goes in an existing directive's list: before a ` -- reason`, else at the end. */
function addRule(lineStartAt: number, line: string, list: string, rule: string): { start: number; end: number; newText: string }[] {
  const reason = list.search(/(^|[ \t])--([ \t]|$)/);
  const names = (reason >= 0 ? list.slice(0, reason) : list).split(/[\s,]+/).filter(Boolean);
  if (names.length === 0 || names.includes(rule)) return []; // already covered (no list means every rule)
  const at = lineStartAt + line.length - list.length + (reason >= 0 ? list.slice(0, reason).trimEnd().length : list.trimEnd().length);
  return [{ start: at, end: at, newText: `, ${rule}` }];
}

function lineEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

export function disableForLine(ctx: FixContext): Fix {
  const { text } = ctx.analysis;
  const rule = ctx.finding.rule;
  const start = lineStart(text, ctx.finding.start);
  const title = ctx.t('fix.disable.line', { rule });
  if (start > 0) {
    const prevStart = lineStart(text, start - 1);
    const prev = text.slice(prevStart, lineEnd(text, prevStart));
    const m = NEXT_LINE.exec(prev);
    if (m && (m[1] ?? '') === indentOf(text, start)) return { title, edits: addRule(prevStart, prev, m[2] ?? '', rule) };
  }
  const line = `${indentOf(text, start)}# podsight-disable-next-line ${rule}${eolOf(text)}`;
  return { title, edits: [{ start, end: start, newText: line }] };
}

export function disableForFile(ctx: FixContext): Fix {
  const { text } = ctx.analysis;
  const rule = ctx.finding.rule;
  const title = ctx.t('fix.disable.file', { rule });
  // Skip the leading comment block (licence headers, descriptions): the directive goes after it.
  let at = 0;
  while (at < text.length && text[at] === '#') {
    const end = lineEnd(text, at);
    const line = text.slice(at, end);
    const m = FILE.exec(line);
    if (m) return { title, edits: addRule(at, line, m[1] ?? '', rule) };
    at = nextLineStart(text, at);
  }
  const eol = eolOf(text);
  const needsBreak = at === text.length && at > 0 && !/[\r\n]$/.test(text);
  return { title, edits: [{ start: at, end: at, newText: `${needsBreak ? eol : ''}# podsight-disable ${rule}${eol}` }] };
}
