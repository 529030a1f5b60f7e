/**
 * yaml-syntax: a comment that cut a block scalar short is indented as the block's lines are
 * (rules/yaml-block-comment.ts). Only the comment moves, so the block reads as its author wrote it;
 * preferred.
 */
import { fact } from './find';
import type { Fix, FixProvider } from './types';

export const yamlSyntaxFixes: FixProvider = (ctx) => {
  const by = fact(ctx, 'indentBy');
  const offset = fact(ctx, 'lineOffset');
  if (typeof by !== 'number' || by <= 0 || typeof offset !== 'number') return [];
  const at = ctx.finding.start + offset;
  const fix: Fix = { title: ctx.t('fix.yaml-syntax.indent-comment', { count: by }), edits: [{ start: at, end: at, newText: ' '.repeat(by) }], preferred: true };
  return [fix];
};
