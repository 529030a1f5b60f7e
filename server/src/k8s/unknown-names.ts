/**
 * Names a template or a placeholder writes: a port named `${PORT_NAME}`, a volume named
 * `{{ .Values.volume }}`, a `ports` or `volumes` list a template inserts entries into. Such a name
 * may be any name, the one a reference asks for included, so the rules that look names up (a probe's
 * port, a mount's volume, a Service's targetPort) report nothing missing from these lists.
 */
import { isScalar, type Document, type Node, type YAMLMap } from 'yaml';
import { isOpenCollection } from '../core/open-collections';
import { isUnknownValue, writtenText } from '../core/unknown-values';
import { asMap, getNode, keyText, mapPairs } from '../core/yaml-access';
import type { ContainerModel, PodModel } from './pod-model';
import type { K8sObject } from './workloads';

/**
 * How the name at `key` of an entry reads in a message: its value, or, when a template or a
 * placeholder writes it, the text as written (`{{ .Release.Name }}-html`); `text` is the chunk's
 * own text (a masked template's offsets are the text's). Undefined when no name is written.
 */
export function nameAsWritten(entry: Node, key: string, doc: Document, text: string): string | undefined {
  const node = getNode(asMap(entry, doc), key, doc);
  if (!isScalar(node)) return undefined;
  if (!isUnknownValue(node)) return typeof node.value === 'string' || typeof node.value === 'number' ? String(node.value) : undefined;
  const written = writtenText(node) ?? (node.range ? text.slice(node.range[0], node.range[1]).trim().replace(/^(["'])(.*)\1$/s, '$2') : '');
  return written || undefined;
}

/** Whether an entry's name (`name`, or `metadata.name` of a claim template) is unknown. */
export function hasUnknownName(entry: Node, doc: Document): boolean {
  const map = asMap(entry, doc);
  return isUnknownValue(getNode(map, 'name', doc)) || isUnknownValue(getNode(asMap(getNode(map, 'metadata', doc), doc), 'name', doc));
}

/** The keys of a map whose values are unknown (`app: "web{{ .Values.suffix }}"`): each may hold any value. */
export function unknownValueKeys(map: YAMLMap | undefined, doc: Document): ReadonlySet<string> {
  const out = new Set<string>();
  for (const pair of map ? mapPairs(map, doc) : []) {
    const key = keyText(pair);
    if (key !== undefined && isUnknownValue(pair.value)) out.add(key);
  }
  return out;
}

/**
 * What a template may write into a pod template's labels: `open`, labels it adds (an include on a
 * line of its own, or the whole `labels:` or `metadata:` from one); `unknown`, the keys whose
 * values it writes.
 */
export function templateLabelsUnsure(pod: PodModel): { open: boolean; unknown: ReadonlySet<string> } {
  const metadata = getNode(pod.owner, 'metadata', pod.doc);
  const labels = getNode(asMap(metadata, pod.doc), 'labels', pod.doc);
  const open = isUnknownValue(metadata) || isOpenCollection(metadata) || isUnknownValue(labels) || isOpenCollection(labels);
  return { open, unknown: unknownValueKeys(asMap(labels, pod.doc), pod.doc) };
}

/** Whether an object's `metadata.name` is unknown (`name: ${SERVICE_NAME}`): it may be any name. */
export function objectNameUnknown(object: K8sObject, doc: Document): boolean {
  return isUnknownValue(getNode(asMap(getNode(object.node, 'metadata', doc), doc), 'name', doc));
}

/** Whether the list at `key` of `owner` may hold any name: a template inserts entries, or an entry's name is unknown. */
export function namesOpen(owner: Node | undefined, key: string, doc: Document): boolean {
  const list = getNode(asMap(owner, doc), key, doc);
  return isUnknownValue(list) || isOpenCollection(list);
}

/** Whether the container may declare a port of any name. */
export function portNamesOpen(container: ContainerModel, doc: Document): boolean {
  return namesOpen(container.node, 'ports', doc) || container.ports.some((p) => hasUnknownName(p.node, doc));
}

/** Whether the pod may define a volume (or a claim template) of any name (an unreadable Argo `podSpecPatch` too). */
export function volumeNamesOpen(pod: PodModel): boolean {
  return pod.specPatch?.volumesOpen === true || namesOpen(pod.spec, 'volumes', pod.doc) || [...pod.volumes, ...pod.claimTemplates].some((v) => hasUnknownName(v.node, pod.doc));
}

/** Whether some container of the pod may mount a volume of any name (an unreadable Argo `podSpecPatch` too). */
export function mountNamesOpen(pod: PodModel): boolean {
  return pod.specPatch?.mountsOpen === true || pod.containers.some((c) => namesOpen(c.node, 'volumeMounts', pod.doc) || namesOpen(c.node, 'volumeDevices', pod.doc) || c.mounts.some((m) => hasUnknownName(m.node, pod.doc)));
}
