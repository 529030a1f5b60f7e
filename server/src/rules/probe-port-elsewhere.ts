/**
 * probe-port-elsewhere: a probe's numeric port is not a port its container declares or its image
 * implies, but a port a sibling running beside it does. The kubelet probes the pod IP, so the
 * probe tests the sibling: this container is "healthy" whenever the sibling answers.
 * Silent when the container declares that port too, or may listen on anything (no ports, an
 * image we do not know) and nobody else claims the port.
 */
import { impliedPorts } from '../k8s/listeners';
import { containerLabel, runTogether, type ContainerModel } from '../k8s/pod-model';
import type { Rule } from './types';

const PROBES = /^(livenessProbe|readinessProbe|startupProbe)\./;

export const probePortElsewhere: Rule = {
  id: 'probe-port-elsewhere',
  defaultSeverity: 'warning',
  check(ctx) {
    const images = ctx.options.images;
    const listens = (c: ContainerModel): Set<number> =>
      new Set([...c.ports.flatMap((p) => (p.containerPort !== undefined && p.protocol === 'TCP' ? [p.containerPort] : [])), ...impliedPorts(c, images).filter((p) => p.protocol === 'TCP').map((p) => p.port)]);
    for (const pod of ctx.pods) {
      if (pod.hostNetwork) continue; // the kubelet probes the node's address: every process of the node shares it
      const own = new Map(pod.containers.map((c) => [c, listens(c)]));
      for (const container of pod.containers) {
        if (container.role === 'init' || container.role === 'ephemeral') continue; // plain init containers are never probed
        for (const ref of container.portReferences) {
          if (!PROBES.test(ref.where)) continue;
          const port = typeof ref.value === 'number' ? ref.value : undefined;
          if (port === undefined || own.get(container)?.has(port)) continue;
          const sibling = pod.containers.find((c) => c !== container && runTogether(c, container) && own.get(c)?.has(port));
          if (!sibling) continue;
          const mine = [...(own.get(container) ?? [])];
          const args = { port, where: ref.where, container: containerLabel(container), other: containerLabel(sibling) };
          const declared = sibling.ports.find((p) => p.containerPort === port);
          ctx.report({
            node: ref.node,
            message: ctx.t('probe-port-elsewhere.message', args) + (mine.length === 1 ? ctx.t('probe-port-elsewhere.own', { own: mine[0] ?? '' }) : ''),
            related: declared ? [{ node: declared.containerPortNode ?? declared.node, message: ctx.t('probe-port-elsewhere.related', args) }] : [],
            data: { port, container: container.name, sibling: sibling.name, own: mine.length === 1 ? mine[0] : undefined },
          });
        }
      }
    }
  },
};
