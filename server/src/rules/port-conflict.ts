/**
 * port-conflict: two containers that run at the same time declare the same containerPort and
 * protocol. They share the pod's network namespace, so the second bind fails.
 */
import { containerLabel } from '../k8s/pod-model';
import { portClashes } from '../k8s/port-clashes';
import type { Rule } from './types';

export const portConflict: Rule = {
  id: 'port-conflict',
  defaultSeverity: 'error',
  check(ctx) {
    for (const pod of ctx.pods) {
      const clashes = portClashes(pod, (p) => (p.containerPort !== undefined && p.containerPortNode ? `${p.containerPort}/${p.protocol}` : undefined));
      for (const { container, port, earlier } of clashes) {
        if (port.containerPort === undefined || !port.containerPortNode) continue;
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
  },
};
