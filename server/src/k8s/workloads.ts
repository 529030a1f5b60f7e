/**
 * Where pod specs live: the kinds that carry one and the path from the object to it.
 * `kind: List` items are searched recursively.
 */
import { isMap, type Document, type YAMLMap } from 'yaml';
import { asMap, getNode, getPair, getSeqItems, getString } from '../core/yaml-access';

/** The path from a workload object to its pod spec, per kind. */
export const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** A Kubernetes object found in a document (top level or a `List` item). */
export interface K8sObject {
  readonly node: YAMLMap;
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly name?: string;
  /** Field-path prefix of this object inside its document: '' or `items[3].` (`objects[3].` in an OpenShift Template). */
  readonly pathPrefix: string;
  /** An object of an OpenShift Template: validated on its own (a List's items are validated through the List). */
  readonly inTemplate?: boolean;
}

/** A document is a Kubernetes object when its root mapping has `apiVersion` or `kind`. */
export function isK8sObject(node: unknown, doc: Document): node is YAMLMap {
  return isMap(node) && (getPair(node, 'kind', doc) !== undefined || getPair(node, 'apiVersion', doc) !== undefined);
}

/** `oc process` templates: `template.openshift.io/v1` (or the legacy `v1`) `Template`. */
export const isOpenShiftTemplate = (object: Pick<K8sObject, 'apiVersion' | 'kind'>): boolean =>
  object.kind === 'Template' && (object.apiVersion === 'template.openshift.io/v1' || object.apiVersion === 'v1');

/** The objects of a document: the root object, for `kind: List` its items (recursively), for an OpenShift Template its objects. */
export function objectsOf(doc: Document): K8sObject[] {
  const out: K8sObject[] = [];
  const visit = (node: unknown, prefix: string, depth: number, inTemplate = false): void => {
    const map = asMap(node, doc);
    if (!map || !isK8sObject(map, doc) || depth > 8) return;
    const kind = getString(map, 'kind', doc);
    const object: K8sObject = {
      node: map,
      apiVersion: getString(map, 'apiVersion', doc),
      kind,
      name: getString(asMap(getNode(map, 'metadata', doc), doc), 'name', doc),
      pathPrefix: prefix,
      ...(inTemplate ? { inTemplate } : {}),
    };
    out.push(object);
    if (kind === 'List' || kind?.endsWith('List')) {
      for (const { node: item, index } of getSeqItems(map, 'items', doc)) visit(item, `${prefix}items[${index}].`, depth + 1);
    }
    // An OpenShift Template's objects are created as they stand, once its `${PARAMETERS}` are filled in.
    if (isOpenShiftTemplate(object)) {
      for (const { node: item, index } of getSeqItems(map, 'objects', doc)) visit(item, `${prefix}objects[${index}].`, depth + 1, true);
    }
  };
  visit(doc.contents, '', 0);
  return out;
}

/** The built-in kinds that hold pods, by API group ('' is the core group). */
const BUILT_IN_POD_KINDS: Readonly<Record<string, readonly string[]>> = {
  '': ['Pod', 'PodTemplate', 'ReplicationController'],
  apps: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'],
  batch: ['Job', 'CronJob'],
};

/** The API group of an apiVersion (`apps/v1` → `apps`, `v1` → ''). */
export const groupOf = (apiVersion: string | undefined): string => (apiVersion?.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '');

/**
 * Whether the object is a built-in workload, whose pods get what the template says and only the
 * labels and variables Kubernetes adds. A custom resource's operator builds its pods and may add
 * images, labels, variables and volumes of its own.
 */
export function isBuiltInWorkload(object: Pick<K8sObject, 'apiVersion' | 'kind'>): boolean {
  return (BUILT_IN_POD_KINDS[groupOf(object.apiVersion)] ?? []).includes(object.kind ?? '');
}

/**
 * An `apps/v1` workload without `spec.selector` that shows it is a patch: no labels on its
 * template, a container without an image, or Argo CD's `ServerSideApply=true` sync option. The API
 * server refuses a whole one, so such a document is merged into another (by a kustomization not in
 * sight, or into the live object by server-side apply): what it leaves out (an image, the volumes
 * its mounts name) the object it patches has. One that looks whole is missing its selector
 * (selector-mismatch says so).
 */
export function isSelectorlessAppsWorkload(object: K8sObject, doc: Document): boolean {
  if (object.apiVersion !== 'apps/v1' || !isBuiltInWorkload(object)) return false;
  const spec = asMap(getNode(object.node, 'spec', doc), doc);
  if (!spec || getPair(spec, 'selector', doc) !== undefined) return false;
  const template = asMap(getNode(spec, 'template', doc), doc);
  const metadata = asMap(getNode(template, 'metadata', doc), doc);
  if (getPair(metadata, 'labels', doc) === undefined) return true;
  const syncOptions = getString(asMap(getNode(asMap(getNode(object.node, 'metadata', doc), doc), 'annotations', doc), doc), 'argocd.argoproj.io/sync-options', doc);
  if (syncOptions?.includes('ServerSideApply=true')) return true;
  const containers = getSeqItems(asMap(getNode(template, 'spec', doc), doc), 'containers', doc);
  return containers.some(({ node }) => getPair(asMap(node, doc), 'image', doc) === undefined);
}
