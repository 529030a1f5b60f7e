/** service-target-port: point the Service's targetPort at the closest port the selected containers declare or imply. */
import { fact, replaceAtFinding } from './find';
import type { FixProvider } from './types';

export const serviceTargetPortFixes: FixProvider = (ctx) => {
  const value = fact(ctx, 'value');
  // Two names it may have meant (one on the Service's port, one spelt alike): both, neither preferred.
  const either = fact(ctx, 'suggestions');
  if (Array.isArray(either)) {
    return either.flatMap((name) => {
      const edits = typeof name === 'string' ? replaceAtFinding(ctx, name) : [];
      return edits.length ? [{ title: ctx.t('fix.replace', { from: String(value ?? ''), to: name }), edits, preferred: false }] : [];
    });
  }
  const suggestion = fact(ctx, 'suggestion');
  if (typeof suggestion !== 'string' && typeof suggestion !== 'number') return [];
  // A number is written without quotes: in quotes it would be a (malformed) port name.
  const edits = replaceAtFinding(ctx, suggestion).map((edit) => (typeof suggestion === 'number' ? { ...edit, newText: String(suggestion) } : edit));
  return edits.length ? [{ title: ctx.t('fix.replace', { from: String(value ?? ''), to: String(suggestion) }), edits, preferred: true }] : [];
};
