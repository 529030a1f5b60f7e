/** service-target-port: point the Service's targetPort at the closest port the selected containers declare or imply. */
import { fact, replaceAtFinding } from './find';
import type { FixProvider } from './types';

export const serviceTargetPortFixes: FixProvider = (ctx) => {
  const suggestion = fact(ctx, 'suggestion');
  const value = fact(ctx, 'value');
  if (typeof suggestion !== 'string' && typeof suggestion !== 'number') return [];
  // A number is written without quotes: in quotes it would be a (malformed) port name.
  const edits = replaceAtFinding(ctx, suggestion).map((edit) => (typeof suggestion === 'number' ? { ...edit, newText: String(suggestion) } : edit));
  return edits.length ? [{ title: ctx.t('fix.replace', { from: String(value ?? ''), to: String(suggestion) }), edits, preferred: true }] : [];
};
