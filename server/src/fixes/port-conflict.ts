/**
 * port-conflict: move one of the two processes to the next port free in the pod (its setting,
 * or a ConfigMap for nginx), with its declaration, probes, lifecycle handlers and Services.
 * Renumbering a declaration alone would leave both processes on the port, so it is not offered.
 */
import type { FixProvider } from './types';
import { conflictFixes } from './conflict-fixes';

export const portConflictFixes: FixProvider = (ctx) => conflictFixes(ctx);
