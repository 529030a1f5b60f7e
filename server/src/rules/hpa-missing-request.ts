/**
 * hpa-missing-request: a HorizontalPodAutoscaler (or a KEDA ScaledObject, which makes one) that
 * scales on CPU or memory *utilization* (v1's
 * `targetCPUUtilizationPercentage`, v2's `Resource`/`ContainerResource` metrics with `type:
 * Utilization`, or no metric at all: 80% CPU) of a workload whose containers do not all request
 * that resource. Utilization is usage ÷ request: without a request the controller cannot compute
 * it ("failed to get cpu utilization: missing request for cpu in container app of Pod …", condition
 * ScalingActive False, FailedGetResourceMetric) and never scales. Both are accepted on apply.
 *
 * A limit without a request counts (the API server copies it into the request). Silent when the
 * workload is not in the workspace, when its pod is incomplete (a patch, a template), when a
 * template writes the resources, when the pod sets pod-level `resources`, and when a LimitRange
 * that may hold a default request shares the namespace.
 */
import { isMap, isSeq, type Document, type Node, type YAMLMap } from 'yaml';
import { isUnknownValue } from '../core/unknown-values';
import { getMap, getNode, getScalar, getString } from '../core/yaml-access';
import { mayShareNamespace, namespaceOf, neighbourhoodOf, neighbourhoodSteps, sameNamespace, type IndexedObject } from '../k8s/neighbourhood';
import type { ContainerModel, PodModel } from '../k8s/pod-model';
import { isTarget, relatedInChunk, targetChunks } from './file-contexts';
import type { FileRule, FileRuleContext } from './types';

const HPA = 'HorizontalPodAutoscaler';
/** KEDA's ScaledObject: its `cpu` and `memory` triggers become the metrics of the HPA it makes. */
const SCALED_OBJECT = 'ScaledObject';
const SCALED_KINDS = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'Rollout']);

/** A resource whose utilization the HPA needs, for every container or for one (`ContainerResource`). */
interface Need {
  readonly resource: 'cpu' | 'memory';
  readonly container?: string;
  /** Where the finding goes: the metric, or the scale target when the HPA relies on the default. */
  readonly node: Node;
}

/** How many metrics the HPA scales on (the default counts as one). */
function metricCount(hpa: IndexedObject): number {
  if (hpa.object.kind === SCALED_OBJECT) return triggerCount(getMap(hpa.object.node, 'spec', hpa.doc), hpa.doc);
  const metrics = getNode(getMap(hpa.object.node, 'spec', hpa.doc), 'metrics', hpa.doc);
  return isSeq(metrics) && metrics.items.length > 0 ? metrics.items.length : 1;
}

/** The utilization metrics of an HPA (v1 or v2), or undefined when a template writes them; `target`: the scale target's name. */
function needsOf(hpa: IndexedObject, target: Node): Need[] | undefined {
  const { object, doc } = hpa;
  const spec = getMap(object.node, 'spec', doc);
  if (!spec) return undefined;
  if (object.kind === SCALED_OBJECT) return kedaNeeds(spec, doc);
  if (object.apiVersion === 'autoscaling/v1') {
    const percent = getScalar(spec, 'targetCPUUtilizationPercentage', doc);
    return [{ resource: 'cpu', node: percent ?? target }];
  }
  if (object.apiVersion !== 'autoscaling/v2') return undefined;
  const metrics = getNode(spec, 'metrics', doc);
  // No metrics (or `metrics: []`): the controller's default, 80% average CPU utilization.
  if (metrics === undefined || (isSeq(metrics) && metrics.items.length === 0 && !isUnknownValue(metrics))) return [{ resource: 'cpu', node: target }];
  if (!isSeq(metrics) || isUnknownValue(metrics)) return undefined;
  const needs: Need[] = [];
  for (const item of metrics.items) {
    if (!isMap(item)) return undefined;
    const type = getString(item, 'type', doc);
    const source = type === 'Resource' ? getMap(item, 'resource', doc) : type === 'ContainerResource' ? getMap(item, 'containerResource', doc) : undefined;
    if (!source) continue;
    const resource = getString(source, 'name', doc);
    const targetType = getScalar(getMap(source, 'target', doc), 'type', doc);
    if ((resource !== 'cpu' && resource !== 'memory') || targetType?.value !== 'Utilization') continue;
    const container = type === 'ContainerResource' ? getString(source, 'container', doc) : undefined;
    if (type === 'ContainerResource' && !container) continue;
    needs.push({ resource, node: targetType, ...(container ? { container } : {}) });
  }
  return needs;
}

/**
 * A ScaledObject's `cpu`/`memory` triggers with `metricType: Utilization` (or the older
 * `metadata.type`); `metadata.containerName` makes it a ContainerResource metric. A trigger that
 * says neither type is not judged.
 */
function kedaNeeds(spec: YAMLMap, doc: Document): Need[] | undefined {
  const triggers = getNode(spec, 'triggers', doc);
  if (!isSeq(triggers) || isUnknownValue(triggers)) return undefined;
  const needs: Need[] = [];
  for (const trigger of triggers.items) {
    if (!isMap(trigger)) return undefined;
    const resource = getString(trigger, 'type', doc);
    if (resource !== 'cpu' && resource !== 'memory') continue;
    const metadata = getMap(trigger, 'metadata', doc);
    const metricType = getScalar(trigger, 'metricType', doc) ?? getScalar(metadata, 'type', doc);
    if (metricType?.value !== 'Utilization') continue;
    const container = getString(metadata, 'containerName', doc);
    needs.push({ resource, node: metricType, ...(container ? { container } : {}) });
  }
  return needs;
}

/** How many metrics a ScaledObject's HPA gets (one per trigger). */
function triggerCount(spec: YAMLMap | undefined, doc: Document): number {
  const triggers = getNode(spec, 'triggers', doc);
  return isSeq(triggers) ? Math.max(1, triggers.items.length) : 1;
}

/** What a container requests of `resource`: yes, no, or unknown (a template or placeholder writes it). */
function requests(container: ContainerModel, resource: string, doc: Document): boolean | undefined {
  const resources = getNode(container.node, 'resources', doc);
  if (resources === undefined) return false;
  if (!isMap(resources) || isUnknownValue(resources)) return undefined;
  let known = true;
  for (const part of ['requests', 'limits']) {
    const map = getNode(resources, part, doc);
    if (map === undefined) continue;
    if (!isMap(map) || isUnknownValue(map)) {
      known = false;
      continue;
    }
    if (getNode(map, resource, doc) !== undefined) return true;
    if ((map as YAMLMap).items.some((pair) => isUnknownValue(pair.key as Node))) known = false;
  }
  return known ? false : undefined;
}

/** The first regular container without a request the HPA needs (native sidecars are not judged). */
function missing(pod: PodModel, need: Need): ContainerModel | undefined {
  if (pod.partial || getNode(pod.spec, 'resources', pod.doc) !== undefined) return undefined;
  const containers = pod.containers.filter((c) => c.list === 'containers' && (need.container === undefined || c.name === need.container));
  const answers = containers.map((c) => [c, requests(c, need.resource, pod.doc)] as const);
  if (answers.some(([, answer]) => answer === undefined)) return undefined;
  return answers.find(([, answer]) => answer === false)?.[0];
}

/** A LimitRange (which may give containers a default request) in the namespace, or possibly in it. */
function limitRangeNear(ctx: FileRuleContext, namespace: string): boolean {
  return neighbourhoodOf(ctx).objects('LimitRange').some((l) => mayShareNamespace(l.namespace, namespace));
}

const isScaler = (kind: string | undefined): boolean => kind === HPA || kind === SCALED_OBJECT;
const hasTargetHpa = (ctx: Pick<FileRuleContext, 'chunks' | 'targets'>): boolean => targetChunks(ctx).some((c) => c.objects.some((o) => isScaler(o.object.kind)));

/** What another chunk's reports may depend on: its HPAs and LimitRanges whole, its pods' requests. */
function requestContext(chunk: FileRuleContext['chunks'][number] & { readonly text: string }): string {
  if (chunk.objects.some((o) => isScaler(o.object.kind) || o.object.kind === 'LimitRange')) return chunk.text;
  const pods = chunk.pods.filter((p) => SCALED_KINDS.has(p.kind));
  if (pods.length === 0) return '';
  return JSON.stringify(
    pods.map((p) => [
      p.kind,
      p.name,
      namespaceOf(p.object, p.doc),
      p.partial,
      getNode(p.spec, 'resources', p.doc) !== undefined,
      p.containers.map((c) => [c.list, c.name, requests(c, 'cpu', p.doc), requests(c, 'memory', p.doc)]),
    ]),
  );
}

export const hpaMissingRequest: FileRule = {
  id: 'hpa-missing-request',
  defaultSeverity: 'warning',
  context: requestContext,
  peerContext: requestContext,
  *prepareFile(ctx) {
    if (hasTargetHpa(ctx)) yield* neighbourhoodSteps(ctx);
  },
  checkFile(ctx) {
    if (!hasTargetHpa(ctx)) return;
    const hood = neighbourhoodOf(ctx);
    for (const hpa of [...hood.ownObjects(HPA), ...hood.ownObjects(SCALED_OBJECT)]) {
      if (hpa.chunkStart === undefined || !isTarget(ctx, hpa.chunkStart)) continue;
      if (hpa.object.kind === SCALED_OBJECT && !hpa.object.apiVersion?.startsWith('keda.sh/')) continue;
      const ref = getMap(getMap(hpa.object.node, 'spec', hpa.doc), 'scaleTargetRef', hpa.doc);
      // A ScaledObject's target is a Deployment unless it says otherwise.
      const kind = getString(ref, 'kind', hpa.doc) ?? (hpa.object.kind === SCALED_OBJECT ? 'Deployment' : undefined);
      const nameNode = getScalar(ref, 'name', hpa.doc);
      const name = typeof nameNode?.value === 'string' && !isUnknownValue(nameNode) ? nameNode.value : undefined;
      const needs = nameNode && needsOf(hpa, nameNode);
      if (!kind || !SCALED_KINDS.has(kind) || !name || !needs?.length) continue;
      const candidates = hood.pods.filter((p) => p.pod.kind === kind && p.pod.name === name && mayShareNamespace(p.namespace, hpa.namespace));
      const scaled = candidates.filter((p) => sameNamespace(p.namespace, hpa.namespace));
      // One workload, surely in the HPA's namespace: another definition may be the deployed one.
      if (scaled.length !== 1 || candidates.length !== 1 || limitRangeNear(ctx, hpa.namespace)) continue;
      const [target] = scaled;
      if (!target) continue;
      if (target.chunkStart !== undefined) ctx.uses?.(hpa.chunkStart, target.chunkStart);
      const failing = needs.flatMap((need) => {
        const container = missing(target.pod, need);
        return container ? [{ need, container }] : [];
      });
      // With another metric that works, the autoscaler scales out on it but never scales in.
      const message = failing.length < metricCount(hpa) ? 'hpa-missing-request.partial' : 'hpa-missing-request.message';
      const reported = new Set<string>();
      for (const { need, container } of failing) {
        if (reported.has(`${need.resource}/${container.name}`)) continue;
        reported.add(`${need.resource}/${container.name}`);
        const scaler = ctx.t(hpa.object.kind === SCALED_OBJECT ? 'hpa-missing-request.scaled-object' : 'hpa-missing-request.hpa', { name: hpa.object.name ?? '?' });
        const args = { scaler, workload: `${kind}/${name}`, resource: need.resource, container: container.name ?? '?' };
        const related = relatedInChunk(container.nameNode?.range, target.chunkStart, hpa.chunkStart, ctx.t('hpa-missing-request.related', args));
        ctx.report(hpa.chunkStart, { node: need.node, message: ctx.t(message, args), related, data: { resource: need.resource, container: container.name } });
      }
    }
  },
};
