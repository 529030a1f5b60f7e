/** duplicate-container-name: rename this container to a valid name unique in the pod (`uploader` → `uploader-2`). */
import { renameAtFinding } from './rename';
import type { FixProvider } from './types';

export const duplicateContainerNameFixes: FixProvider = (ctx) => renameAtFinding(ctx, false);
