/**
 * Part of invalid-value: a container's resources as the API server validates them
 * (ValidateResourceRequirements): a request above its limit ("must be less than or equal to memory
 * limit of 512Mi"); for the resources that cannot be overcommitted, extended ones (a domain other
 * than kubernetes.io: `nvidia.com/gpu`) and `hugepages-*`, a request without a limit ("Limit must be
 * set for non overcommitable resources") or unequal to it ("must be equal to nvidia.com/gpu limit
 * of 2"); an extended resource that is no whole number ("must be an integer"); hugepages without
 * cpu or memory ("HugePages require cpu or memory"). A pod an overlay or a template completes is
 * not judged.
 */
import { isMap, isScalar, type Node, type Scalar, type YAMLMap } from 'yaml';
import { isUnknownValue } from '../core/unknown-values';
import { getNode, mapPairs } from '../core/yaml-access';
import { quantityValue } from '../k8s/quantity';
import type { ContainerModel, PodModel } from '../k8s/pod-model';
import type { RuleContext } from './types';

interface Amount {
  readonly key: Scalar;
  readonly node: Scalar;
  readonly text: string;
}

/** The amount's number, read only for the pairs that are compared (most containers have none). */
const valueOf = (amount: Amount): number | undefined => quantityValue(amount.text);

/** Two amounts the API server's exact comparison finds equal (`570m` and `0.57` differ only in floating point here). */
const same = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

/** The known amounts of one part (`limits`, `requests`); undefined when the part is templated. */
function amounts(resources: YAMLMap, part: 'limits' | 'requests', pod: PodModel): Map<string, Amount> | undefined {
  const out = new Map<string, Amount>();
  const map = getNode(resources, part, pod.doc);
  if (map === undefined || map === null) return out;
  if (!isMap(map)) return undefined;
  for (const pair of mapPairs(map, pod.doc)) {
    if (!isScalar(pair.key) || isUnknownValue(pair.key as Node) || !isScalar(pair.value)) return undefined;
    const node = pair.value as Scalar;
    if (isUnknownValue(node)) return undefined;
    const text = typeof node.value === 'string' || typeof node.value === 'number' ? String(node.value) : '';
    out.set(String(pair.key.value), { key: pair.key as Scalar, node, text });
  }
  return out;
}

/** Extended resources: a domain-prefixed name outside kubernetes.io (`nvidia.com/gpu`, `example.com/foo`). */
const extended = (name: string): boolean => name.includes('/') && !name.includes('kubernetes.io/') && !name.startsWith('requests.');
const overcommitable = (name: string): boolean => !extended(name) && !name.startsWith('hugepages-');

function checkContainer(ctx: RuleContext, pod: PodModel, container: ContainerModel): void {
  const resources = getNode(container.node, 'resources', pod.doc);
  if (!isMap(resources)) return;
  const limits = amounts(resources, 'limits', pod);
  const requests = amounts(resources, 'requests', pod);
  if (!limits || !requests || (requests.size === 0 && [...limits.keys()].every(overcommitable))) return;
  const path = `${container.path}.resources`;
  for (const [name, request] of requests) {
    const limit = limits.get(name);
    // The quantity's own format is the type check's.
    const requested = valueOf(request);
    const limited = limit === undefined ? undefined : valueOf(limit);
    if (requested === undefined || (limit !== undefined && limited === undefined)) continue;
    const args = { resource: name, request: request.text, limit: limit?.text ?? '', path, container: container.name ?? '' };
    const data = { field: `requests[${name}]`, containerPath: container.path, resource: name, request: request.text, limit: limit?.text };
    if (!overcommitable(name)) {
      if (!limit) ctx.report({ node: request.key, message: ctx.t('invalid-value.resource-limit-missing', args), data: { ...data, resourceFix: 'add-limit' } });
      else if (!same(limited!, requested)) ctx.report({ node: request.node, message: ctx.t('invalid-value.resource-not-equal', args), data: { ...data, resourceFix: 'equal' } });
    } else if (limited !== undefined && requested > limited && !same(requested, limited)) {
      ctx.report({ node: request.node, message: ctx.t('invalid-value.resource-above-limit', args), data: { ...data, resourceFix: 'lower' } });
    }
  }
  for (const [part, amountsOf] of [['limits', limits], ['requests', requests]] as const) {
    for (const [name, amount] of amountsOf) {
      const value = extended(name) ? valueOf(amount) : undefined;
      if (value === undefined || Number.isInteger(value)) continue;
      ctx.report({ node: amount.node, message: ctx.t('invalid-value.resource-integer', { resource: name, value: amount.text, path: `${path}.${part}[${name}]` }), data: { field: `${part}[${name}]` } });
    }
  }
  const hugePages = [...limits.keys(), ...requests.keys()].some((n) => n.startsWith('hugepages-'));
  const cpuOrMemory = ['cpu', 'memory'].some((n) => limits.has(n) || requests.has(n));
  const first = [...limits.values(), ...requests.values()].find((a) => String(a.key.value).startsWith('hugepages-'));
  if (hugePages && !cpuOrMemory && first) ctx.report({ node: first.key, message: ctx.t('invalid-value.hugepages-alone', { path }), data: { field: 'resources' } });
}

export function checkResourceRequirements(ctx: RuleContext): void {
  if (ctx.options.kustomizeResource || ctx.options.fragment) return;
  for (const pod of ctx.pods) {
    if (pod.partial) continue;
    // Resources on an ephemeral container are refused outright ("cannot be set for an Ephemeral
    // Container"): comparing its requests and limits would only add a second, wrong reason.
    for (const container of pod.containers) if (container.role !== 'ephemeral') checkContainer(ctx, pod, container);
  }
}
