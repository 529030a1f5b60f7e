/**
 * host-network-port-mismatch: with `hostNetwork: true` the container binds the node's ports
 * directly, so a hostPort different from its containerPort cannot be honoured. The API server
 * (validatePodHostNetworkDeps) checks only `spec.containers`: an init container's or sidecar's
 * hostPort is accepted whatever it is (and never published), so those are left alone.
 */
import type { Rule } from './types';

export const hostNetworkPortMismatch: Rule = {
  id: 'host-network-port-mismatch',
  defaultSeverity: 'error',
  check(ctx) {
    for (const pod of ctx.pods) {
      if (!pod.hostNetwork) continue;
      for (const container of pod.containers) {
        if (container.role === 'init' || container.role === 'sidecar') continue;
        for (const port of container.ports) {
          if (port.hostPort === undefined || port.containerPort === undefined || !port.hostPortNode) continue;
          if (port.hostPort === port.containerPort) continue;
          const args = { hostPort: port.hostPort, containerPort: port.containerPort, path: `${port.path}.hostPort` };
          ctx.report({
            node: port.hostPortNode,
            message: ctx.t('host-network-port-mismatch.message', args),
            related: pod.hostNetworkNode ? [{ node: pod.hostNetworkNode, message: ctx.t('host-network-port-mismatch.related') }] : [],
            data: { containerPort: port.containerPort, hostPort: port.hostPort },
          });
        }
      }
    }
  },
};
