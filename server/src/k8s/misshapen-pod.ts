/**
 * A pod whose lists are written as something else (`containers:` or a container's `ports:` as a
 * mapping, say): kubectl apply cannot decode the object (invalid-value says so), so none of it
 * runs, and what the rules would read from those lists (declared ports, mounts, variables) is not
 * there to read. Such a pod is taken as partial: nothing is judged missing from it, and Services
 * do not count it among their targets (sweep CR: a metrics-server whose `ports:` was a mapping).
 */
import { isScalar, isSeq, type Document, type YAMLMap } from 'yaml';
import { isUnknownValue } from '../core/unknown-values';
import { getNode } from '../core/yaml-access';
import type { ContainerModel } from './pod-model';

const POD_LISTS = ['containers', 'initContainers', 'ephemeralContainers', 'volumes'];
const CONTAINER_LISTS = ['ports', 'volumeMounts', 'volumeDevices', 'env', 'envFrom'];

/** A key written with a value that is no list: not null, not a value a template writes. */
function notAList(map: YAMLMap | undefined, key: string, doc: Document): boolean {
  const node = getNode(map, key, doc);
  return node !== undefined && node !== null && !isSeq(node) && !(isScalar(node) && (node.value === null || isUnknownValue(node)));
}

/** `standardSpec`: the pod's lists are the standard pod spec's (not a custom resource's own layout). */
export function misshapen(spec: YAMLMap, containers: readonly ContainerModel[], doc: Document, standardSpec: boolean): boolean {
  if (standardSpec && POD_LISTS.some((key) => notAList(spec, key, doc))) return true;
  return containers.some((c) => CONTAINER_LISTS.some((key) => notAList(c.node, key, doc)));
}
