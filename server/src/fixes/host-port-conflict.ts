/** host-port-conflict: move this hostPort to the next one no container of the pod uses. */
import { containerLabel } from '../k8s/pod-model';
import { containersAt, isAt, nextFree, writtenIn } from './find';
import type { FixProvider } from './types';
import { replaceScalar } from './yaml-edit';

export const hostPortConflictFixes: FixProvider = (ctx) => {
  const hit = containersAt(ctx, (c) => c.ports.find((p) => isAt(ctx, p.hostPortNode)))[0];
  if (!hit?.part.hostPortNode || hit.part.hostPort === undefined || !writtenIn(hit.part.node, hit.container.node)) return [];
  const used = new Set(hit.pod.containers.flatMap((c) => c.ports.flatMap((p) => (p.hostPort === undefined ? [] : [p.hostPort]))));
  // With hostNetwork the container binds the node's ports directly: its containerPorts are host ports too.
  if (hit.pod.hostNetwork) for (const c of hit.pod.containers) for (const p of c.ports) if (p.containerPort !== undefined) used.add(p.containerPort);
  const free = nextFree(hit.part.hostPort, used);
  if (free === undefined) return [];
  const edits = [replaceScalar(ctx.chunk.start, hit.part.hostPortNode, free)];
  // hostNetwork requires hostPort == containerPort: move both together.
  if (hit.pod.hostNetwork && hit.part.containerPortNode && hit.part.containerPort === hit.part.hostPort) edits.push(replaceScalar(ctx.chunk.start, hit.part.containerPortNode, free));
  return [{ title: ctx.t('fix.host-port-conflict.change', { port: free, old: hit.part.hostPort, container: containerLabel(hit.container) }), edits, preferred: true }];
};
