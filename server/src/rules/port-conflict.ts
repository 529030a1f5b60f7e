/**
 * port-conflict: two containers that run at the same time declare the same containerPort and
 * protocol. They share the pod's network namespace, so the second bind fails.
 */
import { containerLabel, runTogether, type ContainerModel, type PortModel } from '../k8s/pod-model';
import type { Rule } from './types';

export const portConflict: Rule = {
  id: 'port-conflict',
  defaultSeverity: 'error',
  check(ctx) {
    for (const pod of ctx.pods) {
      const seen: { container: ContainerModel; port: PortModel }[] = [];
      for (const container of pod.containers) {
        for (const port of container.ports) {
          if (port.containerPort === undefined || !port.containerPortNode) continue;
          const earlier = seen.find(
            (s) => runTogether(s.container, container) && s.port.containerPort === port.containerPort && s.port.protocol === port.protocol,
          );
          seen.push({ container, port });
          if (!earlier) continue;
          const args = {
            port: port.containerPort,
            protocol: port.protocol,
            name: containerLabel(container),
            other: containerLabel(earlier.container),
            path: port.path,
            otherPath: earlier.port.path,
          };
          const key = container.role === 'init' || earlier.container.role === 'init' ? 'port-conflict.init' : 'port-conflict.message';
          ctx.report({
            node: port.containerPortNode,
            message: ctx.t(key, args),
            related: [{ node: earlier.port.containerPortNode ?? earlier.port.node, message: ctx.t('port-conflict.related', { ...args, name: args.other }) }],
            data: { port: port.containerPort, protocol: port.protocol, container: container.name, otherContainer: earlier.container.name },
          });
        }
      }
    }
  },
};
