/**
 * implicit-port-conflict: move the process no declaration shows (or else the other one) to the
 * next port free in the pod. Declaring the implied port would only turn this finding into a
 * port-conflict, so that is not offered.
 */
import type { FixProvider } from './types';
import { conflictFixes } from './conflict-fixes';

export const implicitPortConflictFixes: FixProvider = (ctx) => conflictFixes(ctx);
