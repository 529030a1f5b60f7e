/**
 * The init containers of Kubernetes 1.5 and 1.6, written as a JSON annotation on the pod template
 * (`pod.beta.kubernetes.io/init-containers`). Kubernetes 1.8 dropped the annotations: the API
 * server keeps them as plain annotations, and the kubelet runs only `spec.initContainers`.
 */
import { isMap, isPair, isScalar, type Pair, type Scalar } from 'yaml';
import { getMap, getSeqItems, keyText } from '../core/yaml-access';
import type { PodModel } from './pod-model';

const KEYS = new Set(['pod.beta.kubernetes.io/init-containers', 'pod.alpha.kubernetes.io/init-containers']);

export interface InitAnnotation {
  readonly pair: Pair;
  readonly key: Scalar;
  /** The containers it lists, when its JSON reads as a list of objects. */
  readonly containers?: readonly Record<string, unknown>[];
  /** Their names. */
  readonly names: readonly string[];
}

/** The pod's init-containers annotation, unless `spec.initContainers` already holds every container it lists. */
export function initAnnotation(pod: PodModel): InitAnnotation | undefined {
  const annotations = getMap(getMap(pod.owner, 'metadata', pod.doc), 'annotations', pod.doc);
  const pair = annotations?.items.find((p): p is Pair => isPair(p) && KEYS.has(keyText(p) ?? ''));
  if (!pair || !isScalar(pair.key) || !isScalar(pair.value) || typeof pair.value.value !== 'string') return undefined;
  const containers = parseContainers(pair.value.value);
  const names = (containers ?? []).map((c) => (typeof c.name === 'string' ? c.name : '')).filter(Boolean);
  const declared = new Set(getSeqItems(pod.spec, 'initContainers', pod.doc).flatMap(({ node }) => (isMap(node) && typeof node.get('name') === 'string' ? [node.get('name') as string] : [])));
  // Both forms, as manifests written for old and new clusters at once carry them: nothing is lost.
  if (declared.size > 0 && (names.length === 0 || names.every((n) => declared.has(n)))) return undefined;
  return { pair, key: pair.key, ...(containers ? { containers } : {}), names };
}

function parseContainers(json: string): Record<string, unknown>[] | undefined {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) && value.every((c) => typeof c === 'object' && c !== null && !Array.isArray(c)) ? (value as Record<string, unknown>[]) : undefined;
  } catch {
    return undefined;
  }
}
