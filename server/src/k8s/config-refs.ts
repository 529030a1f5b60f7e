/**
 * References from a pod to ConfigMaps and Secrets, and the keys those objects hold. A reference
 * names the object (`configMapKeyRef.name`, `volumes[].secret.secretName`...) and sometimes one
 * key (`configMapKeyRef.key`, `items[].key`); `optional: true` lets the pod start without it.
 */
import type { Document, Node, Scalar, YAMLMap } from 'yaml';
import { isOpenCollection } from '../core/open-collections';
import { isUnknownValue } from '../core/unknown-values';
import { asMap, getBoolean, getMap, getNode, getScalar, getSeqItems, getString, keyText, mapPairs } from '../core/yaml-access';
import type { ContainerModel, MountModel, PodModel, VolumeModel } from './pod-model';
import type { K8sObject } from './workloads';

export type ConfigKind = 'ConfigMap' | 'Secret';

/** One reference to a ConfigMap or Secret, with the key it reads when it reads one. */
export interface ConfigRef {
  readonly kind: ConfigKind;
  readonly name: string;
  readonly nameNode: Scalar;
  readonly key?: string;
  readonly keyNode?: Scalar;
  readonly optional: boolean;
  readonly container?: ContainerModel;
  readonly volume?: VolumeModel;
  /** The mount whose `subPath` names the key (a file of a configMap or secret volume without items). */
  readonly mount?: MountModel;
}

const cache = new WeakMap<PodModel, readonly ConfigRef[]>();

function str(node: Scalar | undefined): string | undefined {
  return typeof node?.value === 'string' ? node.value : undefined;
}

/** Every ConfigMap and Secret reference of a pod (env, envFrom, volumes, projected volumes). */
export function configRefsOf(pod: PodModel): readonly ConfigRef[] {
  const hit = cache.get(pod);
  if (hit) return hit;
  const doc = pod.doc;
  const out: ConfigRef[] = [];
  const push = (kind: ConfigKind, source: YAMLMap | undefined, nameKey: string, extra: Partial<ConfigRef>): void => {
    const nameNode = getScalar(source, nameKey, doc);
    const name = str(nameNode);
    if (!source || !nameNode || name === undefined) return;
    out.push({ kind, name, nameNode, optional: getBoolean(source, 'optional', doc), ...extra });
  };
  for (const container of pod.containers) {
    for (const { node } of getSeqItems(container.node, 'env', doc)) {
      const from = getMap(asMap(node, doc), 'valueFrom', doc);
      for (const [field, kind] of [['configMapKeyRef', 'ConfigMap'], ['secretKeyRef', 'Secret']] as const) {
        const ref = getMap(from, field, doc);
        const keyNode = getScalar(ref, 'key', doc);
        push(kind, ref, 'name', { container, key: str(keyNode), keyNode: str(keyNode) !== undefined ? keyNode : undefined });
      }
    }
    for (const { node } of getSeqItems(container.node, 'envFrom', doc)) {
      const item = asMap(node, doc);
      push('ConfigMap', getMap(item, 'configMapRef', doc), 'name', { container });
      push('Secret', getMap(item, 'secretRef', doc), 'name', { container });
    }
  }
  const withItems = (kind: ConfigKind, source: YAMLMap | undefined, nameKey: string, volume: VolumeModel): void => {
    push(kind, source, nameKey, { volume });
    const name = getString(source, nameKey, doc);
    if (!source || name === undefined) return;
    const nameNode = getScalar(source, nameKey, doc) as Scalar;
    for (const { node } of getSeqItems(source, 'items', doc)) {
      const keyNode = getScalar(asMap(node, doc), 'key', doc);
      const key = str(keyNode);
      if (keyNode && key !== undefined) out.push({ kind, name, nameNode, key, keyNode, optional: getBoolean(source, 'optional', doc), volume });
    }
  };
  for (const volume of pod.volumes) {
    withItems('ConfigMap', getMap(volume.node, 'configMap', doc), 'name', volume);
    withItems('Secret', getMap(volume.node, 'secret', doc), 'secretName', volume);
    for (const { node } of getSeqItems(getMap(volume.node, 'projected', doc), 'sources', doc)) {
      const source = asMap(node, doc);
      withItems('ConfigMap', getMap(source, 'configMap', doc), 'name', volume);
      withItems('Secret', getMap(source, 'secret', doc), 'name', volume);
    }
  }
  // A mount's `subPath` into a configMap or secret volume without items names one of its keys (its
  // files are its keys, at the volume's top); `..data` and the timestamped folders are the kubelet's.
  for (const container of pod.containers) {
    for (const mount of container.mounts) {
      const keyNode = getScalar(mount.node, 'subPath', doc);
      // `./app.yaml` is `app.yaml`; a nested path is in no such volume (its files are its keys).
      const key = str(keyNode)?.replace(/^(\.\/)+/, '');
      if (!keyNode || key === undefined || mount.subPathUnknown || key === '' || key.startsWith('..')) continue;
      const volume = pod.volumes.find((v) => v.name === mount.name);
      for (const [kind, field, nameKey] of [['ConfigMap', 'configMap', 'name'], ['Secret', 'secret', 'secretName']] as const) {
        const source = getMap(volume?.node, field, doc);
        // `optional` lets the pod start without the object; one that exists still lacks the key.
        if (source && getSeqItems(source, 'items', doc).length === 0) push(kind, source, nameKey, { container, mount, volume, key, keyNode, optional: false });
      }
    }
  }
  cache.set(pod, out);
  return out;
}

/** The keys a ConfigMap or Secret holds, each with the node of its key; undefined for other kinds. */
export function configKeysOf(object: K8sObject, doc: Document): Map<string, Node> | undefined {
  if (object.kind !== 'ConfigMap' && object.kind !== 'Secret') return undefined;
  const keys = new Map<string, Node>();
  const fields = object.kind === 'ConfigMap' ? ['data', 'binaryData'] : ['data', 'stringData'];
  for (const field of fields) {
    const map = asMap(getNode(object.node, field, doc), doc);
    for (const pair of map ? mapPairs(map, doc) : []) {
      const key = keyText(pair);
      // A key a template builds (`{{ $k }}: …`) is no key anyone can name.
      if (key !== undefined && !keys.has(key) && !isUnknownValue(pair.key)) keys.set(key, (pair.key as Node | null) ?? map!);
    }
  }
  return keys;
}

/**
 * Whether the object's keys are all written in the file. A Secret whose type makes a controller
 * fill it (a service-account token) is not; nor is an object with no data at all, which is a
 * placeholder a generator or an operator fills in; nor a template's, when its actions add keys.
 */
export function keysAreKnown(object: K8sObject, doc: Document, keys: ReadonlyMap<string, Node>): boolean {
  if (keys.size === 0) return false;
  // A template adds keys nobody sees before rendering (`{{- toYaml .Values.extra | nindent 2 }}`, a `range`).
  if (['data', 'binaryData', 'stringData'].some((field) => isOpenCollection(getNode(object.node, field, doc)))) return false;
  return !(object.kind === 'Secret' && getString(object.node, 'type', doc) === 'kubernetes.io/service-account-token');
}

/**
 * Keys a controller writes into an object at run time, so a reference to them is right although
 * the manifest lacks them: k3s's node controller keeps `NodeHosts` of kube-system/coredns up to
 * date (k3s pkg/node/controller.go), which the CoreDNS manifest k3s ships mounts.
 */
const CONTROLLER_KEYS: readonly { readonly kind: string; readonly namespace: string; readonly name: string; readonly key: string }[] = [
  { kind: 'ConfigMap', namespace: 'kube-system', name: 'coredns', key: 'NodeHosts' },
];

/** True when a controller writes `key` into the object at run time (see CONTROLLER_KEYS). */
export function keyFilledByController(kind: string, namespace: string | undefined, name: string, key: string): boolean {
  return CONTROLLER_KEYS.some((k) => k.kind === kind && k.namespace === namespace && k.name === name && k.key === key);
}
