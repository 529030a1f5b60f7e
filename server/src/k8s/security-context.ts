/**
 * A container's effective security settings, as the kubelet reads them: the container's own
 * `securityContext` field, else the pod's. Each setting is absent, unknown (a template or a
 * placeholder writes it, or the whole context) or set to a scalar.
 */
import { isMap, isScalar, type Document, type Node, type YAMLMap } from 'yaml';
import { isUnknownValue } from '../core/unknown-values';
import { getNode, getPair } from '../core/yaml-access';
import type { ContainerModel, PodModel } from './pod-model';

export type Setting = { readonly state: 'absent' } | { readonly state: 'unknown' } | { readonly state: 'set'; readonly node: Node; readonly value: unknown };

function setting(context: YAMLMap | undefined, contextUnknown: boolean, key: string, doc: Document): Setting {
  if (contextUnknown) return { state: 'unknown' };
  const pair = getPair(context, key, doc);
  if (!pair) return { state: 'absent' };
  const node = pair.value as Node | null;
  if (isUnknownValue(node)) return { state: 'unknown' };
  // `runAsUser:` with nothing after it is null: not set.
  if (!node || (isScalar(node) && node.value === null)) return { state: 'absent' };
  if (!isScalar(node)) return { state: 'unknown' };
  return { state: 'set', node, value: node.value };
}

function securityContextOf(owner: YAMLMap, doc: Document): { map?: YAMLMap; unknown: boolean } {
  const node = getNode(owner, 'securityContext', doc);
  if (node === undefined) return { unknown: isUnknownValue(owner) };
  if (node === null || isUnknownValue(node) || !isMap(node)) return { unknown: node !== null || isUnknownValue(owner) };
  return { map: node, unknown: false };
}

/** The container's setting, else the pod's (the kubelet's effective security context). */
export function effectiveSetting(container: ContainerModel, pod: PodModel, key: string): Setting {
  const own = securityContextOf(container.node, pod.doc);
  const mine = setting(own.map, own.unknown, key, pod.doc);
  if (mine.state !== 'absent') return mine;
  const podContext = securityContextOf(pod.spec, pod.doc);
  return setting(podContext.map, podContext.unknown, key, pod.doc);
}

/** A `runAsUser` other than root that the container surely runs as (its own, else the pod's). */
export function nonRootUser(container: ContainerModel, pod: PodModel): { readonly node: Node; readonly uid: number } | undefined {
  const user = effectiveSetting(container, pod, 'runAsUser');
  return user.state === 'set' && typeof user.value === 'number' && Number.isInteger(user.value) && user.value > 0 ? { node: user.node, uid: user.value } : undefined;
}
