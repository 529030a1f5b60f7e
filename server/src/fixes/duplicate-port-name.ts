/**
 * duplicate-port-name: give this container's port a name no other port of the pod has
 * (`http` → `http-2`), and rename the probes and lifecycle handlers of the same container that
 * use it, so they keep probing the same port. A Service's `targetPort` then reaches the other
 * container by that name, as the endpoints controller resolves it, and no longer depends on the
 * order of the containers. Services are left alone: which container they mean is the author's call.
 */
import { portNameErrors } from '../k8s/names';
import { containersAt, unique, writtenIn } from './find';
import type { FixProvider } from './types';
import { replaceScalar, type OffsetEdit } from './yaml-edit';

export const duplicatePortNameFixes: FixProvider = (ctx) => {
  const [hit] = containersAt(ctx, (c) => c.ports.find((p) => p.nameNode && ctx.chunk.start + (p.nameNode.range?.[0] ?? -1) === ctx.finding.start));
  if (!hit || !hit.part.name || !hit.part.nameNode || !writtenIn(hit.part.nameNode, hit.container.node)) return [];
  const { pod, container, part: port } = hit;
  const from = port.name as string;
  const taken = new Set(pod.containers.flatMap((c) => c.ports.flatMap((p) => (p.name ? [p.name] : []))));
  const to = unique(from, taken, 15);
  if (portNameErrors(to).length > 0) return [];
  const edits: OffsetEdit[] = [replaceScalar(ctx.chunk.start, port.nameNode as NonNullable<typeof port.nameNode>, to)];
  for (const ref of container.portReferences) {
    if (ref.value === from && writtenIn(ref.node, container.node)) edits.push(replaceScalar(ctx.chunk.start, ref.node, to));
  }
  return [{ title: ctx.t('fix.rename', { from, to }), edits, preferred: true }];
};
