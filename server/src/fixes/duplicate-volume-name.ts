/**
 * duplicate-volume-name: rename this volume to a unique name. Its mounts are left alone: a mount
 * of the shared name may well mean the first volume, so the user decides where they go.
 */
import { renameAtFinding } from './rename';
import type { FixProvider } from './types';

export const duplicateVolumeNameFixes: FixProvider = (ctx) => renameAtFinding(ctx, false);
