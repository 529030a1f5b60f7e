/**
 * port-conflict: move this container's port to the next port free in the pod (and its probes and
 * lifecycle handlers that use the old number), or remove the duplicate declaration. A port merged
 * from an anchor is shared with other containers: changing it there would move them all, so no
 * fix is offered for it.
 */
import { asSeq, getNode } from '../core/yaml-access';
import { containerLabel } from '../k8s/pod-model';
import { containersAt, isAt, nextFree, portsInUse, writtenIn } from './find';
import type { Fix, FixProvider } from './types';
import { removeBlockPair, removeItem, replaceScalar, type OffsetEdit } from './yaml-edit';
import { getPair } from '../core/yaml-access';

export const portConflictFixes: FixProvider = (ctx) => {
  const hit = containersAt(ctx, (c) => c.ports.find((p) => isAt(ctx, p.containerPortNode)))[0];
  if (!hit) return [];
  const { pod, container, part: port } = hit;
  if (!writtenIn(port.node, container.node) || port.containerPort === undefined || !port.containerPortNode) return [];
  const base = ctx.chunk.start;
  const fixes: Fix[] = [];
  const free = nextFree(port.containerPort, portsInUse(pod, container, ctx));
  if (free !== undefined) {
    const edits: OffsetEdit[] = [replaceScalar(base, port.containerPortNode, free)];
    for (const ref of container.portReferences) {
      if (ref.value === port.containerPort && writtenIn(ref.node, container.node)) edits.push(replaceScalar(base, ref.node, free));
    }
    fixes.push({ title: ctx.t('fix.port-conflict.change', { port: free, old: port.containerPort, container: containerLabel(container) }), edits, preferred: true });
  }
  const seq = asSeq(getNode(container.node, 'ports', pod.doc), pod.doc);
  const pair = getPair(container.node, 'ports', pod.doc);
  if (seq && pair) {
    const edit = seq.items.length === 1 && !seq.flow ? removeBlockPair(ctx.analysis.text, base, pair.key as never, seq) : removeItem(ctx.analysis.text, base, seq, port.index);
    if (edit) fixes.push({ title: ctx.t('fix.port-conflict.remove', { port: port.containerPort, container: containerLabel(container) }), edits: [edit] });
  }
  return fixes;
};
