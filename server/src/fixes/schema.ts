/**
 * unknown-field and invalid-value: replace the key with the schema's suggestion (`Path` → `path`,
 * the seed article's typo), or the value with the closest allowed one (`never` → `Never`).
 */
import { isScalar } from 'yaml';
import { locate } from '../core/locate';
import { closest, fact } from './find';
import type { Fix, FixContext, FixProvider } from './types';
import { replaceScalar } from './yaml-edit';

/** Replaces the scalar the finding points at, keeping its quotes. */
function replaceAtFinding(ctx: FixContext, value: string): Fix['edits'] {
  const at = locate(ctx.analysis, ctx.finding.start);
  const node = at?.node;
  if (node && isScalar(node) && node.range && ctx.chunk.start + node.range[0] === ctx.finding.start && ctx.chunk.start + node.range[1] === ctx.finding.end) {
    return [replaceScalar(ctx.chunk.start, node, value)];
  }
  return [];
}

export const unknownFieldFixes: FixProvider = (ctx) => {
  const key = fact(ctx, 'key');
  const suggestion = fact(ctx, 'suggestion');
  if (typeof key !== 'string' || typeof suggestion !== 'string') return [];
  const edits = replaceAtFinding(ctx, suggestion);
  // A case-only slip has one meaning; a spelling guess is still the obvious fix but worth a look.
  const caseOnly = key.toLowerCase() === suggestion.toLowerCase();
  return edits.length ? [{ title: ctx.t('fix.replace', { from: key, to: suggestion }), edits, preferred: true, safe: caseOnly }] : [];
};

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
