/**
 * Part of service-selects-nothing: a Service that selects no pod at all, in the file of the one
 * workload it is named for (Service `web-app` beside Deployment `web-app`; `inception-service`
 * beside `inception-deployment`). Its selector was written for that workload's pods but asks for
 * other labels: a copy of the Service's own labels, or `run:` from `kubectl run` (sweeps EC, ED).
 * Only when the workload's labels are all known and the selector shares nothing with them (see
 * unrelatedSelector); the fix selects them (the workload's own
 * `matchLabels`, else its template's labels).
 */
import { isMap, type Node, type YAMLMap } from 'yaml';
import { getMap } from '../core/yaml-access';
import { namespaceLabel, sameNamespace, type IndexedObject, type IndexedPod, type Neighbourhood } from '../k8s/neighbourhood';
import { selects, stringMap, templateLabelsMap, type ServiceModel } from '../k8s/services';
import { templateLabelsUnsure } from '../k8s/unknown-names';
import { mayBeAddedByController } from '../k8s/controller-labels';
import { isBuiltInWorkload } from '../k8s/workloads';
import { relatedInChunk } from './file-contexts';
import type { FileRuleContext, Span } from './types';

const KIND_SUFFIX = /[-_.](?:service|svc|srv|deployment|deploy|dep|statefulset|sts|daemonset|ds|pod|lb)$/;

/** A name without the kind word people append to it (`inception-service` → `inception`). */
export function nameStem(name: string): string {
  return name.toLowerCase().replace(KIND_SUFFIX, '').replace(KIND_SUFFIX, '');
}

/** The one workload of this file in the Service's namespace whose name has the Service's stem. */
function workloadNamedFor(serviceName: string, namespace: string, ownPods: readonly IndexedPod[]): IndexedPod | undefined {
  const stem = nameStem(serviceName);
  if (stem.length < 3) return undefined;
  const named = ownPods.filter((p) => sameNamespace(p.namespace, namespace) && p.pod.name !== undefined && nameStem(p.pod.name) === stem);
  const pod = named.length === 1 ? named[0] : undefined;
  if (!pod || Object.keys(pod.labels).length === 0) return undefined;
  const unsure = templateLabelsUnsure(pod.pod);
  return unsure.open || unsure.unknown.size > 0 ? undefined : pod;
}

/**
 * Whether the selector shares nothing with the workload's labels, and asks for nothing a controller
 * or the process itself may add (probe EJ): `{app: mysql, statefulset.kubernetes.io/pod-name:
 * mysql-0}` pins one replica, `{app: redis, role: master}` the leader, `job-name` a Job's pods.
 * A value the workload has under another key may be another label's on purpose, and another value
 * of one of its keys another version's (`app: shop-green` beside a Deployment of `app: shop-blue`).
 */
function unrelatedSelector(selector: Readonly<Record<string, string>>, pod: IndexedPod): boolean {
  const values = new Set(Object.values(pod.labels));
  return isBuiltInWorkload(pod.pod.object) && Object.entries(selector).every(([k, v]) => !(k in pod.labels) && !values.has(v) && !controllerKey(k, v, pod));
}

/**
 * A key a controller or the process may add, or one under a tool's domain (`vm.kubevirt.io/name`):
 * the pods it selects may be made by something else.
 */
function controllerKey(key: string, value: string, pod: IndexedPod): boolean {
  const prefix = key.includes('/') ? key.slice(0, key.indexOf('/')) : '';
  return mayBeAddedByController(key, pod.pod, value) || (prefix.includes('.') && prefix !== 'app.kubernetes.io');
}

/** Flagger's `Canary` makes `<name>-primary` pods and points the Service at them. */
const flaggerCanaryIn = (ctx: FileRuleContext): boolean => ctx.chunks.some((c) => c.objects.some((o) => o.object.kind === 'Canary'));

/** The labels that select the workload's pods: its `matchLabels` when they do, else its template's labels. */
function podSelector(pod: IndexedPod): Record<string, string> {
  const doc = pod.pod.doc;
  const match = stringMap(getMap(getMap(getMap(pod.pod.object.node, 'spec', doc), 'selector', doc), 'matchLabels', doc), doc);
  return Object.keys(match).length > 0 && selects(match, pod.labels) ? match : { ...pod.labels };
}

const pairsText = (labels: Readonly<Record<string, string>>): string => Object.entries(labels).map(([k, v]) => `${k}: ${v}`).join(', ');

/** The selector's text with other labels, where one line can hold them (a flow map, or one pair). */
function replacementFor(selector: YAMLMap, labels: Readonly<Record<string, string>>): string | undefined {
  const text = pairsText(labels);
  if (selector.flow) return `{${text}}`;
  return Object.keys(labels).length === 1 ? text : undefined;
}

/** The selector as written: a flow map with its braces, a block map from its first key to its last value (no line break). */
function selectorSpan(map: YAMLMap | undefined): Span | undefined {
  if (!map?.range) return undefined;
  if (map.flow) return { start: map.range[0], end: map.range[1] };
  const last = map.items[map.items.length - 1];
  const end = (last?.value as Node | null)?.range?.[1] ?? (last?.key as Node | null)?.range?.[1];
  return end === undefined ? undefined : { start: map.range[0], end };
}

/** Reports the Service in `entry` when it is named for a workload of its file (see the header); true when reported. */
export function reportNamedFor(ctx: FileRuleContext, entry: IndexedObject & { readonly chunkStart: number }, service: ServiceModel, hood: Neighbourhood): boolean {
  if (ctx.options.kustomizeResource || !service.name) return false;
  const pod = workloadNamedFor(service.name, entry.namespace, hood.ownPods);
  if (!pod || pod.chunkStart === undefined || !unrelatedSelector(service.selector, pod) || flaggerCanaryIn(ctx)) return false;
  const selectorMap = getMap(getMap(entry.object.node, 'spec', entry.doc), 'selector', entry.doc);
  const span = selectorSpan(selectorMap);
  if (!isMap(selectorMap) || !span) return false;
  const labels = podSelector(pod);
  const workload = `${pod.pod.kind}/${pod.pod.name ?? '?'}`;
  const args = { service: service.name, namespace: namespaceLabel(entry.namespace), workload, selector: pairsText(service.selector), labels: pairsText(labels) };
  ctx.uses?.(entry.chunkStart, pod.chunkStart);
  ctx.report(entry.chunkStart, {
    node: span,
    message: ctx.t('service-selects-nothing.named-for', args),
    related: relatedInChunk(templateLabelsMap(pod.pod)?.range, pod.chunkStart, entry.chunkStart, ctx.t('service-selects-nothing.related', args)),
    data: { how: 'named', workload, labels: args.labels, replacement: replacementFor(selectorMap, labels) },
  });
  return true;
}
