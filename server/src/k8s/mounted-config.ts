/**
 * The files a configMap volume shows in a container, read from the ConfigMap the workspace holds
 * (the nginx readers of read-only-root-fs and mount-shadows-image look into /etc/nginx through it).
 */
import { asMap, getNode, getSeqItems, getString } from '../core/yaml-access';
import { configMapFor, type ConfigMapIndex } from './config-maps';
import { readableText } from './config-text';
import type { PodModel } from './pod-model';

export interface MountedConfigMap {
  readonly name: string;
  /** Each file by its path in the volume: the ConfigMap's keys, or where its `items` put them; '' when a template writes its text. */
  readonly files: ReadonlyMap<string, string>;
}

/**
 * The ConfigMap behind the pod's volume of that name and the files it shows; undefined when the
 * volume is no configMap, the ConfigMap is not known, or an item names a key it lacks.
 */
export function mountedConfigMapFiles(pod: PodModel, volumeName: string, index: ConfigMapIndex): MountedConfigMap | undefined {
  const volume = pod.volumes.find((v) => v.name === volumeName && v.source === 'configMap');
  const source = volume ? asMap(getNode(volume.node, 'configMap', pod.doc), pod.doc) : undefined;
  const name = getString(source, 'name', pod.doc);
  const cm = name ? configMapFor(index, name, pod) : undefined;
  if (!source || !name || !cm) return undefined;
  const textOf = (value: Parameters<typeof readableText>[0], file: string): string => {
    const read = readableText(value, file);
    return 'text' in read ? read.text : '';
  };
  const items = getSeqItems(source, 'items', pod.doc);
  const files = new Map<string, string>();
  if (items.length === 0) {
    for (const [key, value] of cm.files) files.set(key, textOf(value, key));
    return { name, files };
  }
  for (const { node } of items) {
    const item = asMap(node, pod.doc);
    const key = getString(item, 'key', pod.doc);
    const path = getString(item, 'path', pod.doc);
    const value = key === undefined ? undefined : cm.files.get(key);
    if (!path || !value) return undefined;
    files.set(path, textOf(value, key ?? path));
  }
  return { name, files };
}
