/**
 * implicit-port-conflict: two containers running at the same time listen on one port (same
 * protocol, overlapping bind addresses) although the declarations do not show it on both sides:
 * the image's default port, or a port set by args, env or a mounted configuration. The seed
 * article's case: a second `nginx` without `containerPort` still crashes. Reported on the
 * listener without a declaration (the image, the argument or the variable that sets it).
 */
import { listenerConfigMaps } from '../k8s/config-maps';
import { listenerClashes } from '../k8s/listener-clashes';
import { containerListeners, type Listener } from '../k8s/listeners';
import { runsPublishedImage } from '../k8s/listen-programs';
import { containerLabel, type PodModel } from '../k8s/pod-model';
import { howText, listenText } from './listener-words';
import { listenerContext, targetChunks } from './file-contexts';
import type { FileRule } from './types';

/**
 * An undeclared image default counts only for the published image: `<account>.dkr.ecr…/wordpress`
 * is the team's own build (often php-fpm on 9000, sweep EO), not Docker Hub's Apache on 80.
 */
const published = (l: Listener, doc: PodModel['doc']): boolean => l.source !== 'image' || l.declaration !== undefined || runsPublishedImage(l.container, doc);

export const implicitPortConflict: FileRule = {
  id: 'implicit-port-conflict',
  defaultSeverity: 'warning',
  context: listenerContext,
  // Of a peer, only the ConfigMaps of its folder or a base (the listener model's configuration files).
  peerContext: listenerContext,
  checkFile(ctx) {
    const env = { images: ctx.options.images, configMaps: listenerConfigMaps(ctx) };
    for (const chunk of targetChunks(ctx)) {
      for (const pod of chunk.pods) {
        // One finding per container and port: a third nginx is reported once, not once per neighbour.
        const reported = new Set<string>();
        for (const clash of listenerClashes(pod, env)) {
          if (clash.earlier.declaration && clash.later.declaration) continue; // port-conflict
          if (!published(clash.earlier, pod.doc) || !published(clash.later, pod.doc)) continue;
          // Report on the side no declaration shows (the later one when neither has one).
          const [at, other]: [Listener, Listener] = clash.later.declaration ? [clash.earlier, clash.later] : [clash.later, clash.earlier];
          const key = `${at.container.path}/${at.port}/${at.protocol}`;
          if (reported.has(key)) continue;
          reported.add(key);
          const of = containerListeners(pod, at.container, env);
          const otherOf = containerListeners(pod, other.container, env);
          const args = {
            name: containerLabel(at.container),
            image: at.container.image ?? '',
            listen: listenText(at),
            how: howText(ctx.t, at, of),
            other: containerLabel(other.container),
            otherImage: other.container.image ?? '',
            otherListen: listenText(other),
            otherHow: howText(ctx.t, other, otherOf),
            port: at.port,
            protocol: at.protocol,
          };
          const node = at.node ?? at.container.imageNode ?? at.container.node;
          ctx.report(chunk.start, {
            node,
            message: ctx.t('implicit-port-conflict.message', args),
            related: [{ node: other.declaration?.containerPortNode ?? other.node ?? other.container.node, message: ctx.t('implicit-port-conflict.related', { name: args.other, listen: args.otherListen, how: args.otherHow }) }],
            data: { port: at.port, protocol: at.protocol, image: at.container.image, container: at.container.name, containerPath: at.container.path, otherContainer: other.container.name, otherPath: other.container.path },
          });
        }
      }
    }
  },
};
