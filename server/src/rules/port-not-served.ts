/**
 * port-not-served: a container of an image whose ports Podsight fully knows declares a
 * containerPort its process does not listen on under its settings (nginx declaring 81 with no
 * configuration change), or one of its probes checks a port on which nothing in the pod listens
 * (nginx probed on 8080). A declaration moves nothing: Services and probes aimed at the declared
 * port get "connection refused". A probe sent to a loopback `host` reaches the node, not the pod
 * (probe-loopback-host.ts); one on a port bound to the pod's loopback only is refused
 * (probe-loopback-listener.ts). A Knative Service's container that declares no port gets requests
 * on 8080, where the image may not listen (knative-user-port.ts). Silent when another container of the pod serves that port,
 * whenever the image's settings cannot be read (see the effective-listener model), and in
 * kustomize patches, whose base holds the settings.
 */
import { listenerConfigMaps } from '../k8s/config-maps';
import { containerListeners, isLoopback, podListeners, type ContainerListeners } from '../k8s/listeners';
import { containerLabel, runTogether, type PodModel } from '../k8s/pod-model';
import { PROBE_PORT, probesOtherHost } from '../k8s/proxy-forwards';
import { howText, listenText } from './listener-words';
import { listenerContext, targetChunks } from './file-contexts';
import { reportLoopbackHosts } from './probe-loopback-host';
import { reportLoopbackListeners } from './probe-loopback-listener';
import { reportKnativeUserPort } from './knative-user-port';
import type { FileRule, FileRuleContext } from './types';

/**
 * Probes on a port nothing in the pod listens on: the probed container's listeners are fully
 * known (its image's, under settings Podsight reads), and so are those of every container beside
 * it (an unknown image may listen where it declares nothing). A probe on a sibling's port
 * is probe-port-elsewhere's; a named port is unknown-port-name's.
 */
function unservedProbes(ctx: FileRuleContext, chunkStart: number, pod: PodModel, all: readonly ContainerListeners[]): void {
  if (pod.hostNetwork) return; // the kubelet probes the node's address, where any process of the node may answer
  for (const of of all) {
    const container = of.container;
    if (!of.complete || of.basis !== 'image' || container.role === 'init' || container.role === 'ephemeral') continue;
    for (const ref of container.portReferences) {
      if (!PROBE_PORT.test(ref.where) || typeof ref.value !== 'number') continue;
      const port = ref.value;
      const listensThere = (o: ContainerListeners): boolean => o.listeners.some((l) => l.port === port && l.protocol === 'TCP');
      if (listensThere(of) || probesOtherHost(container, ref.where, pod.doc)) continue;
      // A sibling whose ports are not all known (an unknown image, declarations only) may serve it undeclared.
      if (all.some((o) => o !== of && runTogether(o.container, container) && (listensThere(o) || o.basis !== 'image' || !o.complete))) continue;
      const reachable = of.listeners.filter((l) => l.protocol === 'TCP' && !isLoopback(l.address));
      const served = of.listeners.map((l) => ctx.t('port-not-served.served', { listen: listenText(l), how: howText(ctx.t, l, of) })).join(ctx.t('hover.list-sep'));
      const args = { name: containerLabel(container), image: container.image ?? '', port, where: ref.where, served: served || ctx.t('port-not-served.nothing') };
      ctx.report(chunkStart, {
        node: ref.node,
        message: ctx.t('port-not-served.probe', args),
        data: { probe: ref.where, port, containerPath: container.path, listens: reachable.length === 1 ? reachable[0]?.port : undefined },
      });
    }
  }
}

export const portNotServed: FileRule = {
  id: 'port-not-served',
  defaultSeverity: 'warning',
  context: listenerContext,
  // Of a peer, only the ConfigMaps of its folder or a base (the listener model's configuration files).
  peerContext: listenerContext,
  checkFile(ctx) {
    const env = { images: ctx.options.images, configMaps: listenerConfigMaps(ctx) };
    // A kustomize patch shows a container without the args, env and mounts of its base, which
    // say what it listens on.
    if (ctx.options.fragment === 'kustomize-patch' || ctx.options.fragment === 'kustomize-patch-retyped') return;
    for (const chunk of targetChunks(ctx)) {
      for (const pod of chunk.pods) {
        const all = podListeners(pod, env);
        unservedProbes(ctx, chunk.start, pod, all);
        reportLoopbackHosts(ctx, chunk.start, pod);
        reportLoopbackListeners(ctx, chunk.start, pod, all);
        reportKnativeUserPort(ctx, chunk.start, pod, all);
        for (const of of all) {
          for (const port of of.unserved) {
            if (port.containerPort === undefined || !port.containerPortNode) continue;
            // Another container may serve it (the network namespace is shared), or may listen on
            // anything: an unknown image without declarations.
            const servedElsewhere = all.some(
              (o) => o !== of && runTogether(o.container, of.container) && (o.listeners.some((l) => l.port === port.containerPort && l.protocol === port.protocol) || (o.basis !== 'image' && o.listeners.length === 0)),
            );
            if (servedElsewhere) continue;
            const mine = containerListeners(pod, of.container, env).listeners;
            const served = mine.map((l) => ctx.t('port-not-served.served', { listen: listenText(l), how: howText(ctx.t, l, of) })).join(ctx.t('hover.list-sep'));
            const args = {
              name: containerLabel(of.container),
              image: of.container.image ?? '',
              port: port.containerPort,
              protocol: port.protocol,
              served: served || ctx.t('port-not-served.nothing'),
            };
            ctx.report(chunk.start, {
              node: port.containerPortNode,
              message: ctx.t('port-not-served.message', args),
              data: { port: port.containerPort, protocol: port.protocol, container: of.container.name, containerPath: of.container.path, served: mine.map((l) => l.port) },
            });
          }
        }
      }
    }
  },
};
