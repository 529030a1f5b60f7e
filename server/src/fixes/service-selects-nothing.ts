/**
 * service-selects-nothing: change the selector's label key or value to the near-miss template's;
 * for a Service named for a workload of its file, select that workload's pods.
 */
import { fact } from './find';
import { replaceWithSuggestion } from './replace-suggestion';
import type { FixProvider } from './types';

const replace = replaceWithSuggestion('actual', (ctx, to) =>
  ctx.t('fix.service-selects-nothing.selector', fact(ctx, 'how') === 'key' ? { key: String(to), value: String(fact(ctx, 'expected')) } : { key: String(fact(ctx, 'key')), value: String(to) }),
);

const selectWorkload: FixProvider = (ctx) => {
  const replacement = fact(ctx, 'replacement');
  const labels = fact(ctx, 'labels');
  if (typeof replacement !== 'string' || typeof labels !== 'string') return [];
  const edits = [{ start: ctx.finding.start, end: ctx.finding.end, newText: replacement }];
  return [{ title: ctx.t('fix.service-selects-nothing.select', { workload: String(fact(ctx, 'workload') ?? ''), labels }), edits, preferred: true }];
};

// A missing label has no one obvious fix (drop it from the selector, or add it to the template).
export const serviceSelectsNothingFixes: FixProvider = (ctx) => {
  const how = fact(ctx, 'how');
  return how === 'missing' ? [] : how === 'named' ? selectWorkload(ctx) : replace(ctx);
};
