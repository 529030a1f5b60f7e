/**
 * The seccomp annotations of Kubernetes before the `seccompProfile` field (1.19):
 * `seccomp.security.alpha.kubernetes.io/pod` and `container.seccomp.security.alpha.kubernetes.io/<name>`.
 * Since 1.27 nothing reads them (the API server warns "non-functional in v1.27+; use the
 * "seccompProfile" field instead", pkg/api/pod/warnings.go): a pod that relies on one runs without
 * the profile, unconfined unless the kubelet's seccompDefault applies RuntimeDefault. Only an
 * annotation whose containers get no `seccompProfile` from a field (their own, else the pod's)
 * counts; a Windows pod has no seccomp at all.
 */
import { isPair, isScalar, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { getMap, getNode, getScalar, keyText } from '../core/yaml-access';
import { isUnknownValue } from '../core/unknown-values';
import { isOpenCollection } from '../core/open-collections';
import type { ContainerModel, PodModel } from './pod-model';

const POD_KEY = 'seccomp.security.alpha.kubernetes.io/pod';
const CONTAINER_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

export interface SeccompProfile {
  readonly type: 'RuntimeDefault' | 'Unconfined' | 'Localhost';
  readonly localhostProfile?: string;
}

export interface SeccompAnnotation {
  readonly pair: Pair;
  readonly key: Scalar;
  readonly value: string;
  /** The container it names; none for the pod's annotation. */
  readonly container?: ContainerModel;
  /** The field that says the same, when the value is one the annotation took. */
  readonly profile?: SeccompProfile;
}

/** `runtime/default` (or the older `docker/default`), `unconfined`, `localhost/<profile>`. */
export function profileOf(value: string): SeccompProfile | undefined {
  if (value === 'runtime/default' || value === 'docker/default') return { type: 'RuntimeDefault' };
  if (value === 'unconfined') return { type: 'Unconfined' };
  const local = /^localhost\/(.+)$/.exec(value);
  return local ? { type: 'Localhost', localhostProfile: local[1]! } : undefined;
}

/** A `seccompProfile` written, or one a template may write (`securityContext: {{ toYaml … }}`, an include). */
function hasProfile(holder: YAMLMap | undefined, pod: PodModel): boolean {
  if (!holder || isOpenCollection(holder)) return true;
  const context = getNode(holder, 'securityContext', pod.doc);
  if (isUnknownValue(context) || isOpenCollection(context)) return true;
  return getNode(getMap(holder, 'securityContext', pod.doc), 'seccompProfile', pod.doc) !== undefined;
}

export function seccompAnnotations(pod: PodModel): SeccompAnnotation[] {
  // Windows has no seccomp: the field is forbidden there, the annotation means nothing.
  if (getScalar(getMap(pod.spec, 'os', pod.doc), 'name', pod.doc)?.value === 'windows') return [];
  const annotations = getMap(getMap(pod.owner, 'metadata', pod.doc), 'annotations', pod.doc);
  const podProfile = hasProfile(pod.spec, pod);
  const out: SeccompAnnotation[] = [];
  for (const pair of annotations?.items ?? []) {
    const key = isPair(pair) ? keyText(pair) : undefined;
    if (!key || !isScalar(pair.key) || !isScalar(pair.value) || typeof pair.value.value !== 'string' || isUnknownValue(pair.value)) continue;
    const value = pair.value.value;
    const profile = profileOf(value);
    // Only when no field gives the containers a profile: a container's own, else the pod's, is what the kubelet applies.
    if (key === POD_KEY && !podProfile && !pod.containers.every((c) => hasProfile(c.node, pod))) out.push({ pair, key: pair.key, value, ...(profile ? { profile } : {}) });
    if (!key.startsWith(CONTAINER_PREFIX)) continue;
    const container = pod.containers.find((c) => c.name === key.slice(CONTAINER_PREFIX.length));
    if (container && !podProfile && !hasProfile(container.node, pod)) out.push({ pair, key: pair.key, value, container, ...(profile ? { profile } : {}) });
  }
  return out;
}
