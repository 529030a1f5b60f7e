/**
 * The fix several rules share: replace the value the finding points at with the rule's
 * `suggestion` (a selector's near-miss label, a Service port, a ConfigMap key, a probe's own port).
 */
import { fact, replaceAtFinding } from './find';
import type { FixProvider } from './types';

/** A provider that offers the finding's `suggestion` fact (or `field`'s) as a preferred replacement. */
export function replaceWithSuggestion(field = 'suggestion', title?: (ctx: Parameters<FixProvider>[0], to: string | number) => string): FixProvider {
  return (ctx) => {
    const suggestion = fact(ctx, field);
    if (typeof suggestion !== 'string' && typeof suggestion !== 'number') return [];
    const edits = replaceAtFinding(ctx, suggestion);
    const from = ctx.analysis.text.slice(ctx.finding.start, ctx.finding.end);
    return edits.length ? [{ title: title?.(ctx, suggestion) ?? ctx.t('fix.replace', { from, to: String(suggestion) }), edits, preferred: true }] : [];
  };
}
