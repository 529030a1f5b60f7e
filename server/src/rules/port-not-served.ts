/**
 * port-not-served: a container of an image whose ports Podsight fully knows declares a
 * containerPort its process does not listen on under its settings (nginx declaring 81 with no
 * configuration change). A declaration moves nothing: Services and probes aimed at the declared
 * port get "connection refused". Silent when another container of the pod serves that port,
 * whenever the image's settings cannot be read (see the effective-listener model), and in
 * kustomize patches, whose base holds the settings.
 */
import { listenerConfigMaps } from '../k8s/config-maps';
import { containerListeners, podListeners } from '../k8s/listeners';
import { containerLabel, runTogether } from '../k8s/pod-model';
import { howText, listenText } from './listener-words';
import { listenerContext, targetChunks } from './file-contexts';
import type { FileRule } from './types';

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
