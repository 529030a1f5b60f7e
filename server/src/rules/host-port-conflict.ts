/**
 * host-port-conflict: the same hostPort, protocol and hostIP on two containers that run at the
 * same time. The node can hand each (protocol, IP, port) to one listener only.
 */
import { containerLabel } from '../k8s/pod-model';
import { portClashes } from '../k8s/port-clashes';
import type { Rule } from './types';

export const hostPortConflict: Rule = {
  id: 'host-port-conflict',
  defaultSeverity: 'error',
  check(ctx) {
    for (const pod of ctx.pods) {
      const clashes = portClashes(pod, (p) => (p.hostPort !== undefined && p.hostPortNode ? `${p.protocol}/${p.hostIP}/${p.hostPort}` : undefined), true);
      for (const { container, port, earlier } of clashes) {
        if (port.hostPort === undefined || !port.hostPortNode) continue;
        // The API server checks regular containers together and each init container alone.
        const apiChecks = container.list === 'containers' ? earlier.container.list === 'containers' : earlier.container === container;
        const args = {
          hostPort: port.hostPort,
          protocol: port.protocol,
          hostIP: port.hostIP || '0.0.0.0',
          name: containerLabel(container),
          other: containerLabel(earlier.container),
          path: `${port.path}.hostPort`,
          tuple: `${port.protocol}/${port.hostIP}/${port.hostPort}`,
        };
        ctx.report({
          node: port.hostPortNode,
          message: ctx.t(apiChecks ? 'host-port-conflict.rejected' : 'host-port-conflict.runtime', args),
          related: [{ node: earlier.port.hostPortNode ?? earlier.port.node, message: ctx.t('host-port-conflict.related', { ...args, name: args.other }) }],
          data: { hostPort: port.hostPort, protocol: port.protocol, containerPort: port.containerPort },
        });
      }
    }
  },
};
