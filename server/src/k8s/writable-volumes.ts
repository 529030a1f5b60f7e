/**
 * Which of a container's mounts it can write to: shared by read-only-root-fs (nginx's start-up
 * writes) and its script-writes part, so both judge a volume the same way.
 */
import { isScalar } from 'yaml';
import { asMap, getNode } from '../core/yaml-access';
import { FILE_VOLUME_SOURCES, type ContainerModel, type MountModel, type PodModel } from './pod-model';

/** Volume sources that are never writable, and those written read-only (`persistentVolumeClaim.readOnly`, `csi.readOnly`). */
export function writableVolume(pod: PodModel, name: string | undefined): boolean {
  const volume = pod.volumes.find((v) => v.name === name);
  if (!volume?.source) return true; // not known: may be writable
  if (FILE_VOLUME_SOURCES.has(volume.source) || volume.source === 'image') return false;
  const readOnly = getNode(asMap(getNode(volume.node, volume.source, pod.doc), pod.doc), 'readOnly', pod.doc);
  return !(isScalar(readOnly) && readOnly.value === true);
}

/** The container's mounts it can write through: not `readOnly`, at a path, of a writable volume. */
export function writableMounts(container: ContainerModel, pod: PodModel): (MountModel & { readonly mountPath: string })[] {
  return container.mounts.filter((m): m is MountModel & { readonly mountPath: string } => !m.readOnly && m.mountPath !== undefined && writableVolume(pod, m.name));
}

/** An init container mounts the volume too: it may create the folders in it (`mkdir -p /var/cache/nginx/client_temp`). */
export function preparedByInit(pod: PodModel, volume: string | undefined): boolean {
  return pod.containers.some((c) => c.role === 'init' && c.mounts.some((m) => m.name === volume));
}
