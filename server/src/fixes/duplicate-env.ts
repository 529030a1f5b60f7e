/** duplicate-env: remove the overridden earlier entry (nothing changes for the process), or this one (the earlier value wins). */
import { envOf } from '../k8s/env';
import { containersAt, isAt, writtenIn } from './find';
import type { Fix, FixProvider } from './types';
import { removeItem } from './yaml-edit';

export const duplicateEnvFixes: FixProvider = (ctx) => {
  const hit = containersAt(ctx, (c) => c).find((h) => envOf(h.container, h.pod.doc).entries.some((e) => isAt(ctx, e.nameNode)));
  if (!hit) return [];
  const env = envOf(hit.container, hit.pod.doc);
  const entry = env.entries.find((e) => isAt(ctx, e.nameNode));
  const earlier = env.entries.find((e) => e.index === ctx.finding.data?.earlier);
  // An env list merged in from an anchor is shared with other containers: leave it alone.
  if (!env.seq || !entry || !earlier || !writtenIn(env.seq, hit.container.node)) return [];
  const name = entry.name ?? '';
  const fixes: Fix[] = [];
  const removeEarlier = removeItem(ctx.analysis.text, ctx.chunk.start, env.seq, earlier.index);
  if (removeEarlier) fixes.push({ title: ctx.t('fix.duplicate-env.remove-earlier', { name }), edits: [removeEarlier], preferred: true });
  const removeThis = removeItem(ctx.analysis.text, ctx.chunk.start, env.seq, entry.index);
  if (removeThis) fixes.push({ title: ctx.t('fix.duplicate-env.remove-this', { name }), edits: [removeThis] });
  return fixes;
};
