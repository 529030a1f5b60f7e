/**
 * unused-disable-directive (reported by the directive scanner): remove the rule a directive names
 * in vain, or the whole directive when nothing of it is left. The finding's span is the rule id
 * (`unused`, `unknown-rule`) or the whole comment (`unused-all`); the text around it is all a fix needs.
 */
import { fact } from './find';
import type { FixProvider } from './types';
import { lineStart, nextLineStart, type OffsetEdit } from './yaml-edit';

/** Removes the comment starting at `start`: its whole line when nothing else is on it. */
function removeComment(text: string, start: number): OffsetEdit {
  const from = lineStart(text, start);
  const next = nextLineStart(text, start);
  let end = next;
  while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  if (text.slice(from, start).trim() === '') return { start: from, end: next, newText: '' };
  let at = start;
  while (at > from && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
  return { start: at, end, newText: '' };
}

export const unusedDisableDirectiveFixes: FixProvider = (ctx) => {
  const text = ctx.analysis.text;
  const { start, end } = ctx.finding;
  const reason = fact(ctx, 'reason');
  const comment = text.lastIndexOf('#', start);
  if (comment < 0 || comment < lineStart(text, start)) return [];
  const title = ctx.t('fix.unused-disable-directive.remove');
  if (reason === 'unused-all') return [{ title, edits: [removeComment(text, comment)], preferred: true, safe: true }];
  const rule = text.slice(start, end);
  const lineEnd = nextLineStart(text, start);
  const line = text.slice(comment, lineEnd).replace(/[\r\n]+$/, '');
  const reasonAt = line.search(/(^|[ \t])--([ \t]|$)/);
  const list = (reasonAt >= 0 ? line.slice(0, reasonAt) : line).replace(/^#[ \t]*podsight-disable(-next-line)?/, '');
  const rules = list.split(/[\s,]+/).filter(Boolean);
  // The last rule of the list: the directive would then disable everything, so it goes entirely.
  if (rules.length <= 1) return [{ title, edits: [removeComment(text, comment)], preferred: true, safe: true }];
  // Otherwise cut the id with the separator before it (or after it, for the first one).
  let s = start;
  let e = end;
  const before = /[ \t]*,[ \t]*$/.exec(text.slice(comment, start));
  if (before) s = start - before[0].length;
  else {
    const after = /^[ \t]*,[ \t]*/.exec(text.slice(end, lineEnd));
    if (after) e = end + after[0].length;
  }
  return [{ title: ctx.t('fix.unused-disable-directive.remove-rule', { rule }), edits: [{ start: s, end: e, newText: '' }], preferred: true, safe: true }];
};
