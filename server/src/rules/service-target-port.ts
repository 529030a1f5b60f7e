/**
 * service-target-port: a Service selects pods (in this file, or for the CLI and the editor in
 * other files of the folder) whose containers neither declare nor imply the port its `targetPort`
 * (or `port`, when targetPort is absent) names. A named targetPort that no container declares
 * gives the Service no endpoints for that port; a number nobody listens on is refused.
 * File-level: it reads the chunk models, so per-chunk caching is unaffected.
 */
import { isScalar, type Document, type Scalar, type YAMLMap } from 'yaml';
import { asMap, getMap, getNode, getScalar, getSeqItems, getString, mapPairs, keyText } from '../core/yaml-access';
import { impliedPorts } from '../k8s/listeners';
import { containerLabel, type ContainerModel, type PodModel } from '../k8s/pod-model';
import { POD_SPEC_PATHS, type K8sObject } from '../k8s/workloads';
import { closest } from '../util/suggest';
import type { FileRule, Span } from './types';

/** The labels of a pod template (`metadata.labels` beside the pod spec). */
export function templateLabels(pod: PodModel): Record<string, string> {
  const steps = POD_SPEC_PATHS[pod.kind] ?? [];
  let map: YAMLMap | undefined = pod.object.node;
  for (const step of steps.slice(0, -1)) map = getMap(map, step, pod.doc);
  return stringMap(getMap(getMap(map, 'metadata', pod.doc), 'labels', pod.doc), pod.doc);
}

function stringMap(map: YAMLMap | undefined, doc: Document): Record<string, string> {
  const out: Record<string, string> = {};
  if (!map) return out;
  for (const pair of mapPairs(map, doc)) {
    const key = keyText(pair);
    const value = isScalar(pair.value) ? pair.value.value : undefined;
    if (key !== undefined && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) out[key] = String(value);
  }
  return out;
}

/** A Service's port entry that points at pods. */
export interface ServicePortRef {
  readonly node: Scalar;
  readonly value: string | number;
  readonly field: 'targetPort' | 'port';
  readonly index: number;
}

/** A Service with a selector, and the ports it forwards. */
export interface ServiceModel {
  readonly object: K8sObject;
  readonly doc: Document;
  readonly name?: string;
  readonly selector: Record<string, string>;
  readonly ports: readonly ServicePortRef[];
}

export function serviceOf(object: K8sObject, doc: Document): ServiceModel | undefined {
  if (object.kind !== 'Service') return undefined;
  const spec = getMap(object.node, 'spec', doc);
  const type = getString(spec, 'type', doc);
  if (type === 'ExternalName') return undefined;
  const selector = stringMap(getMap(spec, 'selector', doc), doc);
  if (Object.keys(selector).length === 0) return undefined; // endpoints are managed by hand
  const ports: ServicePortRef[] = [];
  for (const { node, index } of getSeqItems(spec, 'ports', doc)) {
    const map = asMap(node, doc);
    const target = getScalar(map, 'targetPort', doc) ?? (getNode(map, 'targetPort', doc) ? undefined : getScalar(map, 'port', doc));
    const value = target?.value;
    if (!target || (typeof value !== 'string' && typeof value !== 'number')) continue;
    ports.push({ node: target, value, field: getScalar(map, 'targetPort', doc) ? 'targetPort' : 'port', index });
  }
  return { object, doc, name: object.name, selector, ports };
}

export function selects(selector: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

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
