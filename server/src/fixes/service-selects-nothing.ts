/** service-selects-nothing: change the selector's label key or value to the near-miss template's. */
import { fact } from './find';
import { replaceWithSuggestion } from './replace-suggestion';
import type { FixProvider } from './types';

const replace = replaceWithSuggestion('actual', (ctx, to) =>
  ctx.t('fix.service-selects-nothing.selector', fact(ctx, 'how') === 'key' ? { key: String(to), value: String(fact(ctx, 'expected')) } : { key: String(fact(ctx, 'key')), value: String(to) }),
);

// A missing label has no one obvious fix (drop it from the selector, or add it to the template).
export const serviceSelectsNothingFixes: FixProvider = (ctx) => (fact(ctx, 'how') === 'missing' ? [] : replace(ctx));
