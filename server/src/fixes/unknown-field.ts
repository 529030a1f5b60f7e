/**
 * unknown-field: replace the key with the schema's suggestion (`Path` → `path`, the seed
 * article's typo); a v1 Ingress backend in the v1beta1 form is rewritten (ingress-v1.ts), and a v2 HPA's
 * v1 CPU target becomes a v2 metric (hpa-v2.ts).
 */
import { fact, replaceAtFinding } from './find';
import { hpaCpuFixes } from './hpa-v2';
import { ingressServiceFixes } from './ingress-v1';
import type { FixProvider } from './types';

export const unknownFieldFixes: FixProvider = (ctx) => {
  if (fact(ctx, 'ingressService')) return ingressServiceFixes(ctx);
  if (fact(ctx, 'hpaCpuPercent') !== undefined) return hpaCpuFixes(ctx);
  const lines = fact(ctx, 'indentLines');
  if (Array.isArray(lines)) {
    // The key slipped out of the list item above: indenting it (and its value, and the keys that
    // slipped before it) to the column of the item's keys puts it back in.
    const spaces = ' '.repeat(Number(fact(ctx, 'indentBy') ?? 2));
    const edits = lines.map((at) => ({ start: ctx.chunk.start + Number(at), end: ctx.chunk.start + Number(at), newText: spaces }));
    return [{ title: ctx.t('fix.unknown-field.indent', { key: String(fact(ctx, 'key')), list: String(fact(ctx, 'indentList')) }), edits, preferred: true }];
  }
  const key = fact(ctx, 'key');
  const suggestion = fact(ctx, 'suggestion');
  if (typeof key !== 'string' || typeof suggestion !== 'string') return [];
  const edits = replaceAtFinding(ctx, suggestion);
  // A case-only slip has one meaning; a spelling guess is still the obvious fix but worth a look.
  const caseOnly = key.toLowerCase() === suggestion.toLowerCase();
  return edits.length ? [{ title: ctx.t('fix.replace', { from: key, to: suggestion }), edits, preferred: true, safe: caseOnly }] : [];
};
