/**
 * service-target-port: a Service selects pods (in this file, or for the CLI and the editor in
 * other files of the folder) whose containers neither declare nor imply the port its `targetPort`
 * (or `port`, when targetPort is absent) names. A named targetPort that no container declares
 * gives the Service no endpoints for that port; a number nobody listens on is refused.
 * File-level: it reads the chunk models, so per-chunk caching is unaffected.
 */
import { impliedPorts } from '../k8s/listeners';
import { containerLabel, type ContainerModel, type PodModel } from '../k8s/pod-model';
import { selects, serviceOf, templateLabels } from '../k8s/services';
import { closest } from '../util/suggest';
import type { FileRule, Span } from './types';

/** Containers that serve traffic for the pod's lifetime (app containers and sidecars). */
function servingContainers(pod: PodModel): ContainerModel[] {
  return pod.containers.filter((c) => c.role === 'app' || c.role === 'sidecar');
}

export const serviceTargetPort: FileRule = {
  id: 'service-target-port',
  defaultSeverity: 'warning',
  checkFile(ctx) {
    const local = ctx.chunks.flatMap((c) => c.pods.map((pod) => ({ pod, chunkStart: c.start as number | undefined })));
    const all = [...local, ...ctx.peers.flatMap((p) => p.pods.map((pod) => ({ pod, chunkStart: undefined as number | undefined })))];
    if (all.length === 0) return;
    const labels = new Map(all.map(({ pod }) => [pod, templateLabels(pod)]));
    for (const chunk of ctx.chunks) {
      for (const { object, doc } of chunk.objects) {
        const service = serviceOf(object, doc);
        if (!service || service.ports.length === 0) continue;
        const matched = all.filter(({ pod }) => selects(service.selector, labels.get(pod) ?? {}));
        if (matched.length === 0) continue;
        const containers = matched.flatMap(({ pod }) => servingContainers(pod));
        const names = [...new Set(containers.flatMap((c) => c.ports.flatMap((p) => (p.name ? [p.name] : []))))];
        const implied = containers.flatMap((c) => impliedPorts(c, ctx.options.images).map((p) => p.port));
        const numbers = [...new Set([...containers.flatMap((c) => c.ports.flatMap((p) => (p.containerPort ? [p.containerPort] : []))), ...implied])];
        // A container with no declared ports and an image we do not know may listen on anything.
        const unknownListener = containers.some((c) => c.ports.length === 0 && impliedPorts(c, ctx.options.images).length === 0);
        for (const ref of service.ports) {
          const asNumber = typeof ref.value === 'number' ? ref.value : /^\d+$/.test(ref.value) ? Number(ref.value) : undefined;
          if (asNumber !== undefined ? numbers.includes(asNumber) || unknownListener : names.includes(ref.value as string)) continue;
          const suggestion =
            asNumber !== undefined
              ? [...numbers].sort((a, b) => Math.abs(a - asNumber) - Math.abs(b - asNumber) || a - b)[0]
              : closest(String(ref.value), names) ?? names[0] ?? numbers[0];
          const workloads = [...new Set(matched.map(({ pod }) => `${pod.kind}/${pod.name ?? '?'}`))].join(', ');
          const declared = [...names, ...numbers.map(String)].join(', ') || '-';
          const args = { service: service.name ?? '?', field: ref.field, value: String(ref.value), workloads, declared };
          const message =
            asNumber !== undefined ? ctx.t('service-target-port.number', args) : ctx.t('service-target-port.name', args);
          const suggest = suggestion !== undefined ? ctx.t('service-target-port.suggest', { suggestion: String(suggestion) }) : '';
          const related = matched.flatMap(({ pod, chunkStart }) =>
            chunkStart === undefined
              ? []
              : servingContainers(pod).flatMap((c) => {
                  const r = c.nameNode?.range;
                  if (!r) return [];
                  // Related spans are relative to the Service's chunk; the pod may sit in another one.
                  const at: Span = { start: r[0] + chunkStart - chunk.start, end: r[1] + chunkStart - chunk.start };
                  return [{ node: at, message: ctx.t('service-target-port.related', { container: containerLabel(c) }) }];
                }),
          );
          // Declaring a containerPort is informational: a process may listen on a number it does
          // not declare (often set by args or a config file), so an undeclared number is only a
          // note unless what the containers listen on comes from the image table alone.
          const severity = asNumber !== undefined && containers.some((c) => c.ports.length > 0) ? 'information' : undefined;
          ctx.report(chunk.start, {
            severity,
            node: ref.node,
            message: message + suggest,
            related,
            data: { service: service.name, field: ref.field, value: ref.value, portIndex: ref.index, suggestion, declaredNames: names, declaredPorts: numbers },
          });
        }
      }
    }
  },
};
