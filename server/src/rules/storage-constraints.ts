/**
 * Part of invalid-value: what the API server requires of storage objects and PriorityClasses,
 * beyond the schema (pkg/apis/core/validation, pkg/apis/scheduling/validation):
 * - a PersistentVolumeClaim requests `storage` ("spec.resources[storage]: Required value");
 * - a PersistentVolume has a `storage` capacity ("spec.capacity: Required value"), and a `local`
 *   one a node affinity ("spec.nodeAffinity: Required value: Local volume requires node affinity");
 * - a StorageClass names its `provisioner` ("provisioner: Required value");
 * - a PriorityClass of one's own has a value of at most one billion ("value: Forbidden: maximum
 *   allowed value of a user defined priority is 1000000000").
 * A kustomize patch or a resource of a kustomization (an overlay may add the field) and templates
 * are left alone.
 */
import { isMap, isScalar, type Node } from 'yaml';
import { isUnknownValue } from '../core/unknown-values';
import { getMap, getNode, getPair, getScalar } from '../core/yaml-access';
import type { RuleContext } from './types';
import { mayInsert } from '../core/parse';

const HIGHEST_USER_PRIORITY = 1_000_000_000;

/** The key to put a "required" finding on: the map's own key, else the object's `kind`. */
function anchor(spec: Node | undefined, object: RuleContext['objects'][number]): Node | undefined {
  const pair = getPair(object.object.node, 'spec', object.doc);
  return (pair?.key as Node | undefined) ?? (spec ? undefined : (getPair(object.object.node, 'kind', object.doc)?.key as Node | undefined));
}

/** Whether a map (or what a template writes there) may hold `key`. */
function mayHold(map: Node | undefined, key: string, doc: RuleContext['objects'][number]['doc']): boolean {
  if (map === undefined) return false;
  if (!isMap(map) || isUnknownValue(map)) return true;
  return getNode(map, key, doc) !== undefined || map.items.some((p) => isUnknownValue(p.key as Node));
}

export function checkStorageConstraints(ctx: RuleContext): void {
  if (mayInsert(ctx.chunk) || ctx.options.fragment || ctx.options.kustomizeResource) return;
  for (const entry of ctx.objects) {
    const { object, doc } = entry;
    const path = object.pathPrefix;
    if (object.apiVersion === 'v1' && object.kind === 'PersistentVolumeClaim') {
      const spec = getMap(object.node, 'spec', doc);
      if (spec && getNode(spec, 'dataSourceRef', doc) === undefined && !mayHold(getNode(getMap(spec, 'resources', doc), 'requests', doc), 'storage', doc)) {
        const at = anchor(spec, entry);
        if (at) ctx.report({ node: at, message: ctx.t('invalid-value.pvc-storage', { path: `${path}spec.resources[storage]` }), data: { field: 'resources' } });
      }
    } else if (object.apiVersion === 'v1' && object.kind === 'PersistentVolume') {
      const spec = getMap(object.node, 'spec', doc);
      const at = anchor(spec, entry);
      if (!spec || !at) continue;
      if (!mayHold(getNode(spec, 'capacity', doc), 'storage', doc)) ctx.report({ node: at, message: ctx.t('invalid-value.pv-capacity', { path: `${path}spec.capacity` }), data: { field: 'capacity' } });
      if (getNode(spec, 'local', doc) !== undefined && getNode(spec, 'nodeAffinity', doc) === undefined) {
        ctx.report({ node: getPair(spec, 'local', doc)?.key as Node, message: ctx.t('invalid-value.pv-local-affinity', { path: `${path}spec.nodeAffinity` }), data: { field: 'nodeAffinity' } });
      }
    } else if (object.apiVersion === 'storage.k8s.io/v1' && object.kind === 'StorageClass') {
      // No spec: the key goes on `kind`.
      const kind = getPair(object.node, 'kind', doc)?.key as Node | undefined;
      const provisioner = getNode(object.node, 'provisioner', doc);
      const empty = provisioner === null || (isScalar(provisioner) && (provisioner.value === null || provisioner.value === ''));
      if (kind && (empty || !mayHold(object.node, 'provisioner', doc))) ctx.report({ node: kind, message: ctx.t('invalid-value.storageclass-provisioner', { path: `${path}provisioner` }), data: { field: 'provisioner' } });
    } else if (object.apiVersion === 'scheduling.k8s.io/v1' && object.kind === 'PriorityClass') {
      const value = getScalar(object.node, 'value', doc);
      const name = getScalar(getMap(object.node, 'metadata', doc), 'name', doc)?.value;
      if (value && typeof value.value === 'number' && value.value > HIGHEST_USER_PRIORITY && !(typeof name === 'string' && name.startsWith('system-'))) {
        ctx.report({ node: value, message: ctx.t('invalid-value.priority-too-high', { value: String(value.value), path: `${path}value` }), data: { field: 'value' } });
      }
    }
  }
}
