/** unknown-field: replace the key with the schema's suggestion (`Path` → `path`, the seed article's typo). */
import { fact, replaceAtFinding } from './find';
import type { FixProvider } from './types';

export const unknownFieldFixes: FixProvider = (ctx) => {
  const key = fact(ctx, 'key');
  const suggestion = fact(ctx, 'suggestion');
  if (typeof key !== 'string' || typeof suggestion !== 'string') return [];
  const edits = replaceAtFinding(ctx, suggestion);
  // A case-only slip has one meaning; a spelling guess is still the obvious fix but worth a look.
  const caseOnly = key.toLowerCase() === suggestion.toLowerCase();
  return edits.length ? [{ title: ctx.t('fix.replace', { from: key, to: suggestion }), edits, preferred: true, safe: caseOnly }] : [];
};
