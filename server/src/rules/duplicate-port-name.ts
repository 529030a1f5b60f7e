/**
 * duplicate-port-name: two containers of one pod give a port the same name. The API server
 * checks names within a container only; a Service's `targetPort: <name>` then resolves to the
 * first container that declares it for the Service port's protocol (the endpoints controller
 * walks `containers` in order and matches name and protocol), whatever the author meant. The
 * same name for different protocols (`dns` as UDP in one container, as TCP in another) is how a
 * pod serves both: each Service port finds its own container, so it is not reported. A warning when a Service of the workspace that selects the pod
 * uses the name; a note otherwise (probes resolve names in their own container, so nothing
 * breaks until something looks the name up across the pod).
 */
import { isUnknownValue } from '../core/unknown-values';
import { neighbourhoodOf, neighbourhoodSteps, sameNamespace } from '../k8s/neighbourhood';
import { containerLabel, type ContainerModel, type PodModel, type PortModel } from '../k8s/pod-model';
import { selects, serviceOf } from '../k8s/services';
import { anyTargetChunkSteps, isTarget, SERVICE, targetChunks, textIfKinds } from './file-contexts';
import type { FileRule, FileRuleContext } from './types';

/** Ports named like a port of an earlier container, in the order Services resolve names. */
type Duplicate = { container: ContainerModel; port: PortModel; earlier: { container: ContainerModel; port: PortModel } };
const byPod = new WeakMap<PodModel, Duplicate[]>();

export function duplicatePortNames(pod: PodModel): Duplicate[] {
  const hit = byPod.get(pod);
  if (hit) return hit;
  const out: Duplicate[] = [];
  byPod.set(pod, out);
  // By name and protocol: that is what a Service's named targetPort looks up (FindPort).
  const seen = new Map<string, { container: ContainerModel; port: PortModel }>();
  // Ports of plain init and ephemeral containers are never looked up by name from outside.
  for (const container of pod.containers.filter((c) => c.role === 'app' || c.role === 'sidecar').sort((a, b) => rank(a) - rank(b))) {
    const own = new Set<string>();
    for (const port of container.ports) {
      if (!port.name || !port.nameNode || own.has(port.name)) continue; // a duplicate in one container is invalid-port
      own.add(port.name);
      if (isUnknownValue(port.protocolNode)) continue; // which protocol is not known before rendering
      const key = `${port.name}/${port.protocol}`;
      const earlier = seen.get(key);
      if (earlier) out.push({ container, port, earlier });
      else seen.set(key, { container, port });
    }
  }
  return out;
}

/** App containers first: that is the order in which Services resolve a port name. */
function rank(c: ContainerModel): number {
  return c.list === 'containers' ? 0 : 1;
}

const chunkHasDuplicates = (c: FileRuleContext['chunks'][number]): boolean => c.pods.some((pod) => duplicatePortNames(pod).length > 0);
const hasDuplicates = (ctx: Pick<FileRuleContext, 'chunks' | 'targets'>): boolean => targetChunks(ctx).some(chunkHasDuplicates);

export const duplicatePortName: FileRule = {
  id: 'duplicate-port-name',
  defaultSeverity: 'warning',
  context: (chunk) => textIfKinds(chunk, SERVICE),
  // Of a peer, only its Services (which may select this file's pods).
  peerContext: (chunk) => textIfKinds(chunk, SERVICE),
  *prepareFile(ctx) {
    if (yield* anyTargetChunkSteps(ctx, chunkHasDuplicates)) yield* neighbourhoodSteps(ctx);
  },
  checkFile(ctx) {
    if (!hasDuplicates(ctx)) return;
    const hood = neighbourhoodOf(ctx);
    for (const { pod, labels, namespace, chunkStart } of hood.ownPods) {
      if (chunkStart === undefined || !isTarget(ctx, chunkStart)) continue;
      const duplicates = duplicatePortNames(pod);
      if (duplicates.length === 0) continue;
      const services = hood.objects('Service').filter((s) => sameNamespace(s.namespace, namespace)).flatMap((s) => {
        const model = serviceOf(s.object, s.doc);
        return model && selects(model.selector, labels) ? [model] : [];
      });
      for (const { container, port, earlier } of duplicates) {
        // A Service port of another protocol does not look this name up (an unknown one may).
        const user = services.find((s) => s.ports.some((p) => p.field === 'targetPort' && p.value === port.name && (p.protocol === undefined || p.protocol === port.protocol)));
        const args = { name: port.name ?? '', container: containerLabel(container), other: containerLabel(earlier.container), service: user?.name ?? '' };
        ctx.report(chunkStart, {
          node: port.nameNode ?? port.node,
          severity: user ? 'warning' : 'information',
          message: ctx.t('duplicate-port-name.message', args) + (user ? ctx.t('duplicate-port-name.used', args) : ''),
          related: [{ node: earlier.port.nameNode ?? earlier.port.node, message: ctx.t('duplicate-port-name.related', args) }],
          data: { name: port.name, container: container.name, service: user?.name },
        });
      }
    }
  },
};
