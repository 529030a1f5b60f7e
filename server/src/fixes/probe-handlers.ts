/**
 * invalid-value, a probe or hook with several handlers: **Keep only httpGet** (one fix per
 * handler) removes the others. Which one is meant is the author's choice, unless all but one are
 * empty (`tcpSocket: {}` left by a form): keeping the one that says something is then preferred.
 */
import { isMap, type Node } from 'yaml';
import { locate } from '../core/locate';
import { getPair } from '../core/yaml-access';
import type { Fix, FixContext } from './types';
import { removeBlockPair, type OffsetEdit } from './yaml-edit';

export function probeHandlerFixes(ctx: FixContext, handlers: readonly string[]): Fix[] {
  const at = locate(ctx.analysis, ctx.finding.start);
  const probe = at?.ancestors.at(-2);
  if (!at || !isMap(probe) || probe.flow) return [];
  const pairs = handlers.map((h) => getPair(probe, h, at.doc));
  // A handler merged in from an anchor (`<<: *probe`) is shared: removing it would strip the other probes too.
  if (pairs.some((p) => !p || !probe.items.includes(p))) return [];
  const said = pairs.filter((p) => !(isMap(p?.value) && p.value.items.length === 0));
  return handlers.flatMap((keep, i) => {
    const edits = pairs.flatMap((p, j) => (j === i || !p ? [] : [removeBlockPair(ctx.analysis.text, ctx.chunk.start, p.key as Node, p.value as Node)]));
    if (edits.some((e) => e === undefined)) return [];
    return [{ title: ctx.t('fix.keep-handler', { handler: keep }), edits: edits as OffsetEdit[], preferred: said.length === 1 && said[0] === pairs[i] }];
  });
}
