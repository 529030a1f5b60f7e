/**
 * The init containers of Kubernetes 1.5 and 1.6, written as a JSON annotation on the pod template
 * (`pod.beta.kubernetes.io/init-containers`). Kubernetes 1.8 dropped the annotations: the API
 * server deletes them when it reads a pod or pod template (`dropInitContainerAnnotations` in
 * pkg/apis/core/v1/conversion.go, PR #51816), and the kubelet runs only `spec.initContainers`.
 */
import { isMap, isPair, isScalar, type Pair, type Scalar } from 'yaml';
import { getMap, getSeqItems, keyText } from '../core/yaml-access';
import type { PodModel } from './pod-model';

/** Beta first: in 1.5–1.7 it overrode alpha. */
const KEYS = ['pod.beta.kubernetes.io/init-containers', 'pod.alpha.kubernetes.io/init-containers'];

export interface InitAnnotation {
  readonly pair: Pair;
  readonly key: Scalar;
  /** The containers it lists that spec.initContainers lacks, when its JSON reads as a list of objects. */
  readonly containers?: readonly Record<string, unknown>[];
  /** Their names. */
  readonly names: readonly string[];
}

/**
 * The pod's init-containers annotation and the containers of it that `spec.initContainers` lacks;
 * undefined when it lists none (an empty list, or manifests written for old and new clusters at
 * once, which carry both forms: nothing is lost).
 */
export function initAnnotation(pod: PodModel): InitAnnotation | undefined {
  const annotations = getMap(getMap(pod.owner, 'metadata', pod.doc), 'annotations', pod.doc);
  const pairs = annotations?.items.filter((p): p is Pair => isPair(p)) ?? [];
  const pair = KEYS.map((k) => pairs.find((p) => keyText(p) === k)).find((p) => p !== undefined);
  if (!pair || !isScalar(pair.key) || !isScalar(pair.value) || typeof pair.value.value !== 'string') return undefined;
  const listed = parseContainers(pair.value.value);
  const declared = new Set(getSeqItems(pod.spec, 'initContainers', pod.doc).flatMap(({ node }) => (isMap(node) && typeof node.get('name') === 'string' ? [node.get('name') as string] : [])));
  const containers = listed?.filter((c) => typeof c.name !== 'string' || !declared.has(c.name));
  if (containers?.length === 0) return undefined;
  const names = (containers ?? []).map((c) => (typeof c.name === 'string' ? c.name : '')).filter(Boolean);
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
