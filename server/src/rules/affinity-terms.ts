/**
 * Part of invalid-value: scheduling terms the API server refuses (ValidateAffinity):
 *  - a pod affinity or anti-affinity term without a `topologyKey` ("…topologyKey: Required value:
 *    can not be empty"): the term says which pods to stay near or away from, but not what "near"
 *    is (a node, a zone);
 *  - a preferred term's `weight` outside 1–100, or missing (then 0): "…weight: Invalid value: 0:
 *    must be in the range 1-100".
 * Judged as container-image.ts judges a missing image: built-in workloads, whole ones.
 */
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { isUnknownValue } from '../core/unknown-values';
import { getMap, getPair } from '../core/yaml-access';
import type { PodModel } from '../k8s/pod-model';
import { judged } from './container-image';
import type { RuleContext } from './types';

const REQUIRED = 'requiredDuringSchedulingIgnoredDuringExecution';
const PREFERRED = 'preferredDuringSchedulingIgnoredDuringExecution';

/** The maps of a list field, with their index; nothing when the list is templated or open. */
function termsOf(map: YAMLMap | undefined, key: string, pod: PodModel): { term: YAMLMap; index: number }[] {
  const list = getPair(map, key, pod.doc)?.value;
  if (!isSeq(list) || isUnknownValue(list)) return [];
  return list.items.flatMap((item, index) => (isMap(item) ? [{ term: item, index }] : []));
}

function checkTopologyKey(ctx: RuleContext, pod: PodModel, term: YAMLMap, path: string): void {
  const pair = getPair(term, 'topologyKey', pod.doc);
  const value = pair?.value;
  if (value !== undefined && !(isScalar(value) && (value.value === null || value.value === '') && !isUnknownValue(value))) return;
  const at = (isScalar(value) && value.value === '' ? value : pair?.key) ?? term.items[0]?.key;
  if (!isScalar(at) || isUnknownValue(at)) return;
  ctx.report({ node: at as Node, message: ctx.t('invalid-value.topology-key', { path: `${path}.topologyKey` }), data: { field: 'topologyKey' } });
}

function checkWeight(ctx: RuleContext, pod: PodModel, term: YAMLMap, path: string): void {
  const pair = getPair(term, 'weight', pod.doc);
  const value = pair?.value;
  if (value !== undefined && !isScalar(value)) return;
  if (isScalar(value) && (isUnknownValue(value) || typeof value.value !== 'number' || (value.value >= 1 && value.value <= 100))) return;
  const weight = isScalar(value) && typeof value.value === 'number' ? value.value : 0;
  const at = (isScalar(value) && value.value !== null ? value : pair?.key) ?? term.items[0]?.key;
  if (!isScalar(at) || isUnknownValue(at)) return;
  ctx.report({ node: at as Node, message: ctx.t(pair ? 'invalid-value.weight' : 'invalid-value.weight-missing', { weight, path: `${path}.weight` }), data: { field: 'weight' } });
}

export function checkAffinityTerms(ctx: RuleContext): void {
  for (const pod of ctx.pods) {
    const affinity = getMap(pod.spec, 'affinity', pod.doc);
    if (!affinity || !judged(pod, ctx)) continue;
    for (const kind of ['podAffinity', 'podAntiAffinity']) {
      const map = getMap(affinity, kind, pod.doc);
      const base = `${pod.path}.affinity.${kind}`;
      for (const { term, index } of termsOf(map, REQUIRED, pod)) checkTopologyKey(ctx, pod, term, `${base}.${REQUIRED}[${index}]`);
      for (const { term, index } of termsOf(map, PREFERRED, pod)) {
        const path = `${base}.${PREFERRED}[${index}]`;
        checkWeight(ctx, pod, term, path);
        const inner = getMap(term, 'podAffinityTerm', pod.doc);
        if (inner && !isUnknownValue(inner)) checkTopologyKey(ctx, pod, inner, `${path}.podAffinityTerm`);
      }
    }
    const node = getMap(affinity, 'nodeAffinity', pod.doc);
    for (const { term, index } of termsOf(node, PREFERRED, pod)) checkWeight(ctx, pod, term, `${pod.path}.affinity.nodeAffinity.${PREFERRED}[${index}]`);
  }
}
