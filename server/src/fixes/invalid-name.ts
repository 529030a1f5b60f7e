/**
 * invalid-name: rename to a valid RFC 1123 label (`Report` → `report`), unique in the pod. A
 * renamed volume takes its mounts along, so nothing else breaks.
 */
import { fact } from './find';
import { renameAtFinding } from './rename';
import type { FixProvider } from './types';

export const invalidNameFixes: FixProvider = (ctx) => {
  const suggestion = fact(ctx, 'suggestion');
  return renameAtFinding(ctx, true, typeof suggestion === 'string' ? suggestion : undefined);
};
