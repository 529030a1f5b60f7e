/**
 * invalid-value, what a container may not have (rules/container-constraints.ts). Both ways out
 * change what runs, so neither is preferred: the author knows which was meant.
 *  - a probe or hook on a plain init container: make it a sidecar (it then runs beside the app,
 *    and the probe acts on it), or remove the field (it runs to completion as before);
 *  - Bidirectional propagation without privilege: HostToContainer (the container's own mounts no
 *    longer reach the host), or run the container privileged (what CSI node plugins do);
 *  - restartPolicy on a regular container: remove it (preferred: nothing else is accepted there).
 */
import { isMap, isScalar, type Node } from 'yaml';
import { getNode, getPair } from '../core/yaml-access';
import { containerLabel } from '../k8s/pod-model';
import { containersAt, fact, isAt, replaceAtFinding } from './find';
import type { Fix, FixContext } from './types';
import { addPair, removeBlockPair, replaceScalar } from './yaml-edit';

export function initHandlerFixes(ctx: FixContext): Fix[] {
  const field = fact(ctx, 'initHandler') as string;
  const hit = containersAt(ctx, (c) => {
    const pair = c.node.items.find((p) => isScalar(p.key) && p.key.value === field);
    return pair && isAt(ctx, pair.key as Node) ? pair : undefined;
  })[0];
  if (!hit) return [];
  const { container, part: pair } = hit;
  const text = ctx.analysis.text;
  const fixes: Fix[] = [{ title: ctx.t('fix.make-sidecar', { container: containerLabel(container) }), edits: [addPair(text, ctx.chunk.start, container.node, 'restartPolicy', 'Always')] }];
  const removal = removeBlockPair(text, ctx.chunk.start, pair.key as Node, pair.value as Node);
  if (removal) fixes.push({ title: ctx.t('fix.remove-field', { field }), edits: [removal] });
  return fixes;
}

export function bidirectionalFixes(ctx: FixContext): Fix[] {
  const hit = containersAt(ctx, (c) => c.mounts.find((m) => m.node.items.some((p) => isScalar(p.key) && p.key.value === 'mountPropagation' && isAt(ctx, p.value as Node))))[0];
  if (!hit) return [];
  const { container, pod } = hit;
  const doc = pod.doc;
  const fixes: Fix[] = [];
  const edits = replaceAtFinding(ctx, 'HostToContainer');
  if (edits.length) fixes.push({ title: ctx.t('fix.replace', { from: 'Bidirectional', to: 'HostToContainer' }), edits });
  const security = getNode(container.node, 'securityContext', doc);
  const privileged = isMap(security) ? getPair(security, 'privileged', doc) : undefined;
  const text = ctx.analysis.text;
  const edit =
    privileged && isScalar(privileged.value)
      ? replaceScalar(ctx.chunk.start, privileged.value, true)
      : isMap(security)
        ? addPair(text, ctx.chunk.start, security, 'privileged', true)
        : addPair(text, ctx.chunk.start, container.node, 'securityContext', { privileged: true });
  fixes.push({ title: ctx.t('fix.make-privileged', { container: containerLabel(container) }), edits: [edit] });
  return fixes;
}
