/**
 * host-port-conflict: the same hostPort, protocol and hostIP on two containers that run at the
 * same time, or on two workloads that can run on one node. The node can hand each
 * (protocol, IP, port) to one listener only.
 */
import { isMap, isScalar } from 'yaml';
import { isOpenCollection } from '../core/open-collections';
import { isUnknownValue } from '../core/unknown-values';
import { getMap, getNode } from '../core/yaml-access';
import { mayShareNamespace, neighbourhoodOf, neighbourhoodSteps } from '../k8s/neighbourhood';
import { containerLabel, type ContainerModel, type PodModel, type PortModel } from '../k8s/pod-model';
import { portClashes } from '../k8s/port-clashes';
import { anyTargetChunkSteps, isTarget, relatedInChunk, targetChunks } from './file-contexts';
import type { FileRule, FileRuleContext, Rule } from './types';

export const hostPortConflict: Rule = {
  id: 'host-port-conflict',
  defaultSeverity: 'error',
  check(ctx) {
    for (const pod of ctx.pods) {
      // Init containers' host ports (sidecars' too) are never published: the kubelet maps only
      // spec.containers' ports, so across containers only those can clash. The API server still
      // rejects a repeat inside one init container: their keys carry the container's path.
      const own = new Map(pod.containers.filter((c) => !publishesHostPorts(c)).flatMap((c) => c.ports.map((p) => [p, `#${c.path}`] as const)));
      // With hostNetwork the API server sets a port's hostPort to its containerPort when the pod
      // is created (a Pod on apply; a template's pods when the controller makes them).
      const defaulted = hostNetworkDefaults(pod);
      const hostPortOf = (p: PortModel): number | undefined => p.hostPort ?? (defaulted ? p.containerPort : undefined);
      const key = (p: PortModel): string | undefined => {
        const hostPort = hostPortOf(p);
        return hostPort !== undefined && (p.hostPortNode ?? p.containerPortNode) ? `${p.protocol}/${p.hostIP}/${hostPort}${own.get(p) ?? ''}` : undefined;
      };
      for (const { container, port, earlier } of portClashes(pod, key, true)) {
        const hostPort = hostPortOf(port);
        const node = port.hostPortNode ?? port.containerPortNode;
        if (hostPort === undefined || !node) continue;
        // The API server checks regular containers together and each init container alone.
        const apiChecks = container.list === 'containers' ? earlier.container.list === 'containers' : earlier.container === container;
        const implied = port.hostPort === undefined || earlier.port.hostPort === undefined;
        const args = {
          hostPort,
          protocol: port.protocol,
          hostIP: port.hostIP || '0.0.0.0',
          name: containerLabel(container),
          other: containerLabel(earlier.container),
          kind: pod.kind,
          // A template's pods are refused by the pod's own validation: paths from the pod.
          path: implied && pod.object.node !== pod.owner ? `spec${port.path.slice(pod.path.length)}.hostPort` : `${port.path}.hostPort`,
          tuple: `${port.protocol}/${port.hostIP}/${hostPort}`,
        };
        const key = !apiChecks ? 'host-port-conflict.runtime' : !implied ? 'host-port-conflict.rejected' : pod.object.node === pod.owner ? 'host-port-conflict.host-network' : 'host-port-conflict.host-network-template';
        ctx.report({
          node,
          message: ctx.t(key, args),
          related: [{ node: earlier.port.hostPortNode ?? earlier.port.containerPortNode ?? earlier.port.node, message: ctx.t('host-port-conflict.related', { ...args, name: args.other }) }],
          data: { hostPort, protocol: port.protocol, containerPort: port.containerPort, ...(implied ? { hostNetworkDefault: true } : {}) },
        });
      }
    }
  },
};

/** A pod whose `hostNetwork` is literally true: its ports' hostPorts default to their containerPorts. */
export function hostNetworkDefaults(pod: PodModel): boolean {
  return pod.hostNetwork && pod.hostNetworkNode?.value === true && !pod.partial;
}

/** Whether the kubelet maps the container's host ports (generatePodSandboxConfig: spec.containers only). */
function publishesHostPorts(container: ContainerModel): boolean {
  return container.role !== 'init' && container.role !== 'sidecar' && container.role !== 'ephemeral';
}

/**
 * Which nodes the pod may run on, as a key two workloads can compare: '' for any node, the
 * literal labels of a plain `nodeSelector` (`edge-pool=a`) for the nodes carrying them, undefined
 * when it cannot be told (a node name, a node affinity, a selector a template or placeholder writes).
 */
function placement(pod: PodModel): string | undefined {
  const doc = pod.doc;
  if (getNode(pod.spec, 'nodeName', doc) !== undefined || getNode(getMap(pod.spec, 'affinity', doc), 'nodeAffinity', doc) !== undefined) return undefined;
  const selector = getNode(pod.spec, 'nodeSelector', doc);
  if (selector === undefined) return '';
  if (!isMap(selector) || isOpenCollection(selector)) return undefined;
  const labels: string[] = [];
  for (const pair of selector.items) {
    if (!isScalar(pair.key) || !isScalar(pair.value) || isUnknownValue(pair.key) || isUnknownValue(pair.value)) return undefined;
    labels.push(`${String(pair.key.value)}=${String(pair.value.value)}`);
  }
  return labels.length === 0 ? '' : labels.sort().join(',');
}

/** A folder of examples or samples: each one is an alternative, not deployed with what is around it. */
const EXAMPLES = /[/\\](examples?|samples?|demos?)[/\\]/i;

/** Two files, one of them among examples: each example is applied alone, never beside another (probes BX, BY). */
function alternatives(a: string, b: string): boolean {
  return a !== b && (EXAMPLES.test(a) || EXAMPLES.test(b));
}

function overlaps(a: PortModel, b: PortModel): boolean {
  const any = (ip: string): boolean => ip === '' || ip === '0.0.0.0' || ip === '::';
  return a.hostPort === b.hostPort && a.protocol === b.protocol && (a.hostIP === b.hostIP || any(a.hostIP) || any(b.hostIP));
}

const hostPortsByPod = new WeakMap<PodModel, PortModel[]>();

function hostPorts(pod: PodModel): PortModel[] {
  let found = hostPortsByPod.get(pod);
  if (!found) {
    // The scheduler's NodePorts plugin counts spec.containers and, since Kubernetes 1.34 (and
    // 1.33 patches), sidecars; never plain init containers, which have exited anyway.
    found = pod.containers.filter((c) => c.role !== 'ephemeral' && c.role !== 'init').flatMap((c) => c.ports.filter((p) => p.hostPort !== undefined && p.hostPortNode));
    hostPortsByPod.set(pod, found);
  }
  return found;
}

const nodePortsByPod = new WeakMap<PodModel, PortModel[]>();

/**
 * The host ports a pod takes on its node: its hostPorts and, with hostNetwork, every other
 * container port too (the API server sets hostPort to containerPort there, and the scheduler
 * counts it). A defaulted one points at its containerPort.
 */
function nodePorts(pod: PodModel): PortModel[] {
  let found = nodePortsByPod.get(pod);
  if (!found) {
    const defaulted = pod.hostNetwork
      ? pod.containers
          .filter((c) => c.role !== 'ephemeral' && c.role !== 'init')
          .flatMap((c) => c.ports.filter((p) => p.hostPort === undefined && p.containerPort !== undefined && p.containerPortNode).map((p) => ({ ...p, hostPort: p.containerPort, hostPortNode: p.containerPortNode, defaulted: true })))
      : [];
    found = [...hostPorts(pod), ...defaulted];
    nodePortsByPod.set(pod, found);
  }
  return found;
}

const chunkBindsHostPorts = (c: FileRuleContext['chunks'][number]): boolean => c.pods.some((pod) => nodePorts(pod).length > 0);
const bindsHostPorts = (ctx: Pick<FileRuleContext, 'chunks' | 'targets'>): boolean => targetChunks(ctx).some(chunkBindsHostPorts);

/** The text of a chunk whose pods bind host ports. */
function hostPortContext(chunk: { readonly pods: readonly PodModel[]; readonly text: string }): string {
  return chunk.pods.some((pod) => nodePorts(pod).length > 0) ? chunk.text : '';
}

/**
 * host-port-conflict across workloads: a DaemonSet runs a pod on every node, so its hostPort
 * meets the same hostPort of another DaemonSet, or of any pod that may land on one of those nodes.
 * Only workloads kept to the same nodes are compared (no node selection at all, or the same plain
 * `nodeSelector`); two definitions of one workload
 * (same kind and name: an overlay, a copy per environment) are not.
 */
export const hostPortConflictAcross: FileRule = {
  id: 'host-port-conflict',
  defaultSeverity: 'error',
  // Which workloads meet on a node, in which order they are reported: every host port counts.
  context: hostPortContext,
  // Of a peer, likewise its workloads with host ports.
  peerContext: hostPortContext,
  *prepareFile(ctx) {
    if (yield* anyTargetChunkSteps(ctx, chunkBindsHostPorts)) yield* neighbourhoodSteps(ctx);
  },
  checkFile(ctx) {
    if (!bindsHostPorts(ctx)) return;
    const hood = neighbourhoodOf(ctx);
    const own = hood.ownPods.filter((p) => isTarget(ctx, p.chunkStart) && placement(p.pod) !== undefined && nodePorts(p.pod).length > 0);
    if (own.length === 0) return;
    const others = hood.pods.filter((p) => placement(p.pod) !== undefined && nodePorts(p.pod).length > 0);
    for (const mine of own) {
      for (const other of others) {
        // Two definitions of one workload (an overlay, a copy per environment, a DaemonSet or a Deployment of one name to pick from).
        if (other === mine || (other.pod.name !== undefined && other.pod.name === mine.pod.name)) continue;
        // Kept to the same nodes (no selector, or the same one): they meet on each of them.
        if (placement(other.pod) !== placement(mine.pod)) continue;
        if (alternatives(other.source ?? ctx.source ?? '', ctx.source ?? '')) continue;
        if (mine.pod.kind !== 'DaemonSet' && other.pod.kind !== 'DaemonSet') continue;
        if (!mayShareNamespace(mine.namespace, other.namespace)) continue;
        // Both in this file: report once, on the later one.
        if (other.chunkStart !== undefined && mine.chunkStart !== undefined && other.chunkStart + (other.pod.object.node.range?.[0] ?? 0) > mine.chunkStart + (mine.pod.object.node.range?.[0] ?? 0)) continue;
        for (const port of nodePorts(mine.pod)) {
          const theirs = nodePorts(other.pod).find((p) => overlaps(port, p));
          if (!theirs || !port.hostPortNode || mine.chunkStart === undefined) continue;
          const otherName = `${other.pod.kind} "${other.pod.name ?? '?'}"`;
          const both = mine.pod.kind === 'DaemonSet' && other.pod.kind === 'DaemonSet';
          const nodes = placement(mine.pod) ?? '';
          const why = nodes === '' ? ctx.t(both ? 'host-port-conflict.why-daemonsets' : 'host-port-conflict.why-daemonset') : ctx.t(both ? 'host-port-conflict.why-daemonsets-selected' : 'host-port-conflict.why-daemonset-selected', { labels: nodes });
          const args = { hostPort: port.hostPort ?? 0, protocol: port.protocol, hostIP: port.hostIP || '0.0.0.0', other: otherName, why };
          const related = relatedInChunk(theirs.hostPortNode?.range, other.chunkStart, mine.chunkStart, ctx.t('host-port-conflict.across-related', args));
          const key = 'defaulted' in port ? 'host-port-conflict.across-host-network' : 'host-port-conflict.across';
          ctx.report(mine.chunkStart, { node: port.hostPortNode, severity: 'warning', message: ctx.t(key, args), related, data: { hostPort: port.hostPort, protocol: port.protocol, containerPort: port.containerPort, across: true } });
        }
      }
    }
  },
};
