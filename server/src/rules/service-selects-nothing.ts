/**
 * service-selects-nothing: a Service's selector matches no pod template of its namespace, while
 * one template misses it narrowly: a typo in a label key or value, or a single label missing; or
 * when it selects nothing at all beside the workload of its file it is named for (service-named-for.ts).
 * Such a Service has no endpoints. Silent when nothing is close: operators and controllers make
 * pods that no file shows, and a Service for them is normal.
 */
import { isScalar, type Node, type Scalar } from 'yaml';
import { getMap, keyText, mapPairs } from '../core/yaml-access';
import { mayShareNamespace, namespaceLabel, neighbourhoodOf, neighbourhoodSteps, sameNamespace, type IndexedPod } from '../k8s/neighbourhood';
import { selects, serviceOf, templateLabelsMap } from '../k8s/services';
import { mayBeAddedByController } from '../k8s/controller-labels';
import { templateLabelsUnsure } from '../k8s/unknown-names';
import { editDistance } from '../util/suggest';
import { isTarget, membershipAndNames, membershipContext, relatedInChunk, targetChunks } from './file-contexts';
import { reportNamedFor } from './service-named-for';
import type { FileRule, FileRuleContext, RelatedReport } from './types';

/** How a pod template misses a selector by one label. */
export interface NearMiss {
  readonly pod: IndexedPod;
  readonly how: 'value' | 'key' | 'missing';
  readonly key: string;
  readonly expected: string;
  /** The template's value (`value`) or key (`key`). */
  readonly actual?: string;
}

/** Words that name the other of a pair, not a misspelling of it (`ingressgateway`, `egressgateway`). */
const ALTERNATIVES: readonly (readonly [string, string])[] = [
  ['ingress', 'egress'],
  ['internal', 'external'],
  ['inbound', 'outbound'],
  ['input', 'output'],
  ['public', 'private'],
  ['read', 'write'],
  ['primary', 'replica'],
  ['blue', 'green'],
  ['east', 'west'],
];

/**
 * Close enough to be a slip of the keyboard: one or two edits, fewer than a third of the word.
 * Names that differ only in their numbers (`web-1`, `web-2`; `v1`, `v2`) are variants, not typos.
 */
function isTypo(a: string, b: string): boolean {
  if (a === b || a.length > 256 || b.length > 256 || Math.abs(a.length - b.length) > 2) return false;
  if (a.replace(/\d+/g, '0') === b.replace(/\d+/g, '0')) return false;
  if (ALTERNATIVES.some(([x, y]) => a.replace(x, y) === b || a.replace(y, x) === b)) return false;
  const d = editDistance(a.toLowerCase(), b.toLowerCase());
  return d <= 2 && d <= Math.max(1, Math.floor(Math.max(a.length, 3) / 3));
}

export function nearMiss(selector: Readonly<Record<string, string>>, pod: IndexedPod): NearMiss | undefined {
  const failing = Object.entries(selector).filter(([k, v]) => pod.labels[k] !== v);
  if (failing.length !== 1) return undefined;
  const [key, expected] = failing[0] as [string, string];
  const actual = pod.labels[key];
  if (actual !== undefined) return isTypo(expected, actual) ? { pod, how: 'value', key, expected, actual } : undefined;
  // Labels a template action adds (`{{- include "labels" . | nindent 8 }}`) may hold the key.
  if (templateLabelsUnsure(pod.pod).open) return undefined;
  // The same value under another key: a typo of the key, or the workload's own name, which says
  // which pods the Service was written for (`app: nginx-pod` against `name: nginx-pod`, sweep DP).
  // Not a key a controller adds itself (`job-name: trainer` beside `app: trainer`, probe EJ).
  const otherKey = mayBeAddedByController(key, pod.pod, expected)
    ? undefined
    : Object.keys(pod.labels).find((k) => !(k in selector) && pod.labels[k] === expected && (isTypo(key, k) || expected === pod.pod.name));
  if (otherKey) return { pod, how: 'key', key, expected, actual: otherKey };
  return Object.keys(selector).length >= 2 && !mayBeAddedByController(key, pod.pod, expected) ? { pod, how: 'missing', key, expected } : undefined;
}

/**
 * Whether the pod may carry every label the selector asks for once rendered: each is written, or
 * its value comes from a template, or a template adds labels and the key is not written.
 */
function mayCarry(selector: Readonly<Record<string, string>>, pod: IndexedPod): boolean {
  const unsure = templateLabelsUnsure(pod.pod);
  return Object.entries(selector).every(([k, v]) => pod.labels[k] === v || unsure.unknown.has(k) || (unsure.open && pod.labels[k] === undefined));
}

const MAX_CANDIDATES = 400;

const hasTargetService = (ctx: Pick<FileRuleContext, 'chunks' | 'targets'>): boolean => targetChunks(ctx).some((c) => c.objects.some((o) => o.object.kind === 'Service'));

export const serviceSelectsNothing: FileRule = {
  id: 'service-selects-nothing',
  defaultSeverity: 'warning',
  context: membershipContext,
  // Of a peer's document, also the names of its pods (a near miss names its workload; within the
  // file, `uses` ties the Service to that pod's chunk instead).
  peerContext: membershipAndNames,
  *prepareFile(ctx) {
    if (hasTargetService(ctx)) yield* neighbourhoodSteps(ctx, true);
  },
  checkFile(ctx) {
    if (!hasTargetService(ctx)) return;
    const hood = neighbourhoodOf(ctx);
    const services = hood.ownObjects('Service').filter((s) => isTarget(ctx, s.chunkStart));
    if (services.length === 0) return;
    for (const entry of services) {
      const service = serviceOf(entry.object, entry.doc);
      if (!service || entry.chunkStart === undefined) continue;
      // The pods that carry the selector's rarest label: a Service looks at those, not at all pods.
      const entries = Object.entries(service.selector);
      const buckets = entries.map(([k, v]) => hood.podsWith('pair', k, v));
      const smallest = buckets.reduce((a, b) => (b.length < a.length ? b : a), buckets[0] ?? []);
      if (smallest.some((p) => mayShareNamespace(p.namespace, entry.namespace) && selects(service.selector, p.labels))) continue;
      // A custom resource (a CloneSet, a Rollout...) may make the selected pods: its labels count.
      if (hood.labelSetsWith(entries[0]?.[0] ?? '', entries[0]?.[1] ?? '').some((l) => mayShareNamespace(l.namespace, entry.namespace) && selects(service.selector, l.labels))) continue;
      // So may a template not rendered yet, when it mentions every value the selector asks for.
      const values = Object.values(service.selector);
      if (hood.templated.some((text) => values.every((v) => text.includes(v)))) continue;
      // Near misses share a key or a value with the selector. Where a key such as `app` is on
      // hundreds of templates the search is left out: it would cost every edit too much.
      const buckets2 = entries.flatMap(([k, v]) => [hood.podsWith('key', k), hood.podsWith('value', '', v)]);
      if (buckets2.reduce((n, b) => n + b.length, 0) > MAX_CANDIDATES) continue;
      const candidates = new Set(buckets2.flat());
      // A template may give a pod the labels it lacks: then the Service may select it (near miss or not).
      const unsure = [...candidates, ...hood.podsWith('open', '')];
      if (unsure.some((p) => mayShareNamespace(p.namespace, entry.namespace) && mayCarry(service.selector, p))) continue;
      const miss = [...candidates].filter((p) => sameNamespace(p.namespace, entry.namespace)).map((p) => nearMiss(service.selector, p)).find((m) => m !== undefined);
      if (!miss) {
        reportNamedFor(ctx, { ...entry, chunkStart: entry.chunkStart }, service, hood);
        continue;
      }
      if (miss.pod.chunkStart !== undefined) ctx.uses?.(entry.chunkStart, miss.pod.chunkStart);
      const selectorMap = getMap(getMap(entry.object.node, 'spec', entry.doc), 'selector', entry.doc);
      const pair = selectorMap ? mapPairs(selectorMap, entry.doc).find((p) => keyText(p) === miss.key) : undefined;
      const node = (miss.how === 'key' ? pair?.key : pair?.value) as Node | undefined;
      if (!node || !isScalar(node)) continue;
      const workload = `${miss.pod.pod.kind}/${miss.pod.pod.name ?? '?'}`;
      const args = { service: service.name ?? '?', namespace: namespaceLabel(entry.namespace), workload, key: miss.key, expected: miss.expected, actual: miss.actual ?? '', actualKey: miss.actual ?? '' };
      ctx.report(entry.chunkStart, {
        node: node as Scalar,
        message: ctx.t(`service-selects-nothing.${miss.how}`, args),
        related: relatedLabels(miss.pod, entry.chunkStart, ctx.t('service-selects-nothing.related', args)),
        data: { how: miss.how, key: miss.key, expected: miss.expected, actual: miss.actual },
      });
    }
  },
};

function relatedLabels(pod: IndexedPod, chunkStart: number, message: string): RelatedReport[] {
  return relatedInChunk(templateLabelsMap(pod.pod)?.range, pod.chunkStart, chunkStart, message);
}
