/**
 * invalid-name: rename to a valid RFC 1123 label (`Report` → `report`), unique in the pod. A
 * renamed volume takes its mounts along, so nothing else breaks.
 */
import { fact } from './find';
import { renameAtFinding } from './rename';
import type { FixProvider } from './types';

export const invalidNameFixes: FixProvider = (ctx) => {
  // Labels, namespaces, data keys, env names: what was meant cannot be derived (Chinese, spaces).
  if (fact(ctx, 'metadata') === true) return [];
  const suggestion = fact(ctx, 'suggestion');
  return renameAtFinding(ctx, true, typeof suggestion === 'string' ? suggestion : undefined);
};
