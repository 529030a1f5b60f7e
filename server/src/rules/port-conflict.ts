/**
 * port-conflict: two containers that run at the same time declare the same containerPort and
 * protocol, and both processes really listen there (the effective listeners of k8s/listeners.ts:
 * a known image's port as moved by its settings, or the declaration of an unknown image). They
 * share the pod's network namespace, so the second bind fails. A clash that no declaration
 * shows on both sides is `implicit-port-conflict`.
 * When one side is a known image whose settings Podsight cannot read (a configuration file it
 * cannot follow), its declaration only may be what it listens on: the finding is then a note
 * that says so, since the declaration may as well be a copy of the other's. When neither side
 * is a program Podsight knows, both binds rest on declarations alone: a warning (kubectl warns
 * too), since the later declaration is often a copy of the other's and its program listens elsewhere.
 * File-level: a container may read its ports from a ConfigMap in another document of the file.
 */
import { listenerConfigMaps } from '../k8s/config-maps';
import { reasonText } from '../k8s/listen-reasons';
import { listenerClashes } from '../k8s/listener-clashes';
import { containerListeners, type Listener, type ListenerEnv } from '../k8s/listeners';
import { containerLabel, type PodModel } from '../k8s/pod-model';
import { listenerContext, targetChunks } from './file-contexts';
import { hostNetworkDefaults } from './host-port-conflict';
import type { FileRule } from './types';

export const portConflict: FileRule = {
  id: 'port-conflict',
  defaultSeverity: 'error',
  context: listenerContext,
  // Of a peer, only the ConfigMaps of its folder or a base (the listener model's configuration files).
  peerContext: listenerContext,
  checkFile(ctx) {
    const env = { images: ctx.options.images, configMaps: listenerConfigMaps(ctx) };
    for (const chunk of targetChunks(ctx)) {
      for (const pod of chunk.pods) {
        // One finding per declaration: a port shared by three containers is reported on the later two.
        const reported = new Set<unknown>();
        for (const { earlier, later } of listenerClashes(pod, env)) {
          const port = later.declaration;
          const other = earlier.declaration;
          if (!port?.containerPortNode || !other || port.containerPort === undefined || reported.has(port)) continue;
          // Under hostNetwork both declarations take the port on the node: host-port-conflict's error.
          if (hostNetworkDefaults(pod)) continue;
          reported.add(port);
          const args = {
            port: port.containerPort,
            protocol: port.protocol,
            name: containerLabel(later.container),
            other: containerLabel(earlier.container),
            path: port.path,
            otherPath: other.path,
          };
          const init = later.container.role === 'init' || earlier.container.role === 'init';
          const unsure = unsureSide(pod, env, later) ?? unsureSide(pod, env, earlier);
          // Two programs Podsight does not know (or whose command is replaced): only their
          // declarations say they listen, and one of them is often a copy of the other.
          const declaredOnly = !unsure && !init && onlyDeclared(pod, env, later) && onlyDeclared(pod, env, earlier);
          const message = unsure
            ? ctx.t('port-conflict.unsure', { ...args, unsure: containerLabel(unsure.listener.container), image: unsure.listener.container.image ?? '', why: reasonText(ctx.t, unsure.why) })
            : declaredOnly
              ? ctx.t('port-conflict.declared', args)
              : ctx.t(init ? 'port-conflict.init' : 'port-conflict.message', args);
          ctx.report(chunk.start, {
            ...(unsure ? { severity: 'information' as const } : declaredOnly ? { severity: 'warning' as const } : {}),
            node: port.containerPortNode,
            message,
            related: [{ node: other.containerPortNode ?? other.node, message: ctx.t('port-conflict.related', { ...args, name: args.other }) }],
            data: { port: port.containerPort, protocol: port.protocol, container: later.container.name, containerPath: later.container.path, otherContainer: earlier.container.name, otherPath: earlier.container.path },
          });
        }
      }
    }
  },
};

/** Whether only the container's declarations say what it listens on (an image Podsight does not know, or a replaced command). */
function onlyDeclared(pod: PodModel, env: ListenerEnv, listener: Listener): boolean {
  if (listener.source !== 'declared') return false;
  const basis = containerListeners(pod, listener.container, env).basis;
  return basis === 'declared' || basis === 'command';
}

/**
 * The side whose declaration stands in for a known image Podsight cannot read: whether that
 * process binds the port is not known, so neither is the crash.
 */
function unsureSide(pod: PodModel, env: ListenerEnv, listener: Listener) {
  if (listener.source !== 'declared') return undefined;
  const of = containerListeners(pod, listener.container, env);
  return of.basis === 'unsure' && of.unsure ? { listener, why: of.unsure } : undefined;
}
