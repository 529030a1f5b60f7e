/**
 * implicit-port-conflict: a container declares no ports but its image listens on one by default,
 * and another container running at the same time declares or implies the same port.
 * The seed article's case: a second `nginx` without `containerPort` still crashes.
 */
import { impliedPorts } from '../k8s/listeners';
import { containerLabel, runTogether, type ContainerModel } from '../k8s/pod-model';
import type { Node } from 'yaml';
import type { Rule, RuleContext } from './types';

/** A port a container listens on, declared or implied by its image. */
interface Listener {
  container: ContainerModel;
  port: number;
  protocol: string;
  node: Node;
  implied: boolean;
  source?: string;
}

function listenersOf(container: ContainerModel, ctx: RuleContext): Listener[] {
  const declared: Listener[] = container.ports.flatMap((p) =>
    p.containerPort !== undefined && p.containerPortNode
      ? [{ container, port: p.containerPort, protocol: p.protocol, node: p.containerPortNode, implied: false }]
      : [],
  );
  if (declared.length > 0 || !container.imageNode) return declared;
  const imageNode = container.imageNode;
  return impliedPorts(container, ctx.options.images).map((p) => ({ container, ...p, node: imageNode, implied: true }));
}

export const implicitPortConflict: Rule = {
  id: 'implicit-port-conflict',
  defaultSeverity: 'warning',
  check(ctx) {
    for (const pod of ctx.pods) {
      const listeners = pod.containers.flatMap((c) => listenersOf(c, ctx));
      const reported = new Set<ContainerModel>();
      listeners.forEach((listener, i) => {
        for (const other of listeners.slice(0, i).concat(listeners.slice(i + 1))) {
          if (!listener.implied || reported.has(listener.container)) continue;
          if (other.port !== listener.port || other.protocol !== listener.protocol) continue;
          if (!runTogether(listener.container, other.container)) continue;
          // Two implied listeners: report once, on the later container.
          if (other.implied && pod.containers.indexOf(other.container) > pod.containers.indexOf(listener.container)) continue;
          reported.add(listener.container);
          const args = {
            name: containerLabel(listener.container),
            image: listener.container.image ?? '',
            port: listener.port,
            protocol: listener.protocol,
            other: containerLabel(other.container),
            source: listener.source ?? '',
          };
          ctx.report({
            node: listener.node,
            message: ctx.t(other.implied ? 'implicit-port-conflict.both' : 'implicit-port-conflict.message', args),
            related: [{ node: other.node, message: ctx.t(other.implied ? 'implicit-port-conflict.related-implied' : 'implicit-port-conflict.related', { ...args, name: args.other, image: other.container.image ?? '' }) }],
            data: { port: listener.port, protocol: listener.protocol, image: listener.container.image, container: listener.container.name, otherContainer: other.container.name },
          });
        }
      });
    }
  },
};
