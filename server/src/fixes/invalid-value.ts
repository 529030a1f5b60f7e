/** invalid-value: replace the value with the closest allowed one (`never` → `Never`). */
import { closest, fact, replaceAtFinding } from './find';
import type { FixProvider } from './types';

export const invalidValueFixes: FixProvider = (ctx) => {
  const value = fact(ctx, 'value');
  const allowed = fact(ctx, 'allowed');
  if (typeof value !== 'string' || !Array.isArray(allowed)) return [];
  const values = allowed.filter((v): v is string => typeof v === 'string');
  const suggestion = (fact(ctx, 'suggestion') as string | undefined) ?? closest(value, values);
  if (!suggestion) return [];
  const edits = replaceAtFinding(ctx, suggestion);
  const caseOnly = value.toLowerCase() === suggestion.toLowerCase();
  return edits.length ? [{ title: ctx.t('fix.replace', { from: value, to: suggestion }), edits, preferred: true, safe: caseOnly }] : [];
};
