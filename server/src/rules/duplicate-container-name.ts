/**
 * duplicate-container-name: container names must be unique across containers, initContainers
 * and ephemeralContainers of one pod (the API server rejects duplicates). In a custom resource the
 * names compared are the pod's: Argo's main container is `main` whatever it is written, Tekton's
 * steps and sidecars are `step-<name>` and `sidecar-<name>` (a step and a sidecar may share a name).
 */
import type { ContainerModel } from '../k8s/pod-model';
import type { Rule } from './types';

export const duplicateContainerName: Rule = {
  id: 'duplicate-container-name',
  defaultSeverity: 'error',
  check(ctx) {
    for (const pod of ctx.pods) {
      const seen = new Map<string, ContainerModel>();
      // The API server reports app containers against each other first, then init, then ephemeral.
      const order = [...pod.containers].sort((a, b) => rank(a) - rank(b));
      for (const container of order) {
        // The name in the pod; '' when the controller makes one up (unnamed).
        const name = container.podName ?? container.name;
        if (!name) continue;
        const first = seen.get(name);
        if (!first) {
          seen.set(name, container);
          continue;
        }
        if (!container.nameNode || !container.name) continue;
        const args = { name: container.name, path: `${container.path}.name`, other: first.path };
        ctx.report({
          node: container.nameNode,
          message: ctx.t('duplicate-container-name.message', args),
          related: [{ node: first.nameNode ?? first.node, message: ctx.t('duplicate-container-name.related', args) }],
          data: { name: container.name },
        });
      }
    }
  },
};

function rank(c: ContainerModel): number {
  return c.list === 'containers' ? 0 : c.list === 'initContainers' ? 1 : 2;
}
