/**
 * Part of invalid-value: a path inside a volume must stay inside it. The API server refuses a
 * volume mount's `subPath` or `subPathExpr` that is absolute or steps back ("must be a relative
 * path", "must not contain '..'"), and the same in the `items[].path` of a configMap, secret,
 * downwardAPI or projected volume and a projected service-account token's `path`, which may not
 * start with `..` either (`..data` and its kin are
 * the kubelet's own entries there). pkg/apis/core/validation: validateLocalDescendingPath,
 * validateLocalNonReservedPath.
 */
import { isMap, isScalar, isSeq, type Scalar } from 'yaml';
import { isUnknownValue } from '../core/unknown-values';
import { getMap, getNode } from '../core/yaml-access';
import type { PodModel } from '../k8s/pod-model';
import type { RuleContext } from './types';

/** What the API server says of a path that must stay inside a volume; `reserved`: an items path. */
export function volumePathErrors(value: string, reserved: boolean): string[] {
  const errs: string[] = [];
  if (value.startsWith('/')) errs.push('must be a relative path');
  if (value.split('/').includes('..')) errs.push("must not contain '..'");
  if (reserved && errs.length === 0 && value.length > 1 && value.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

function report(ctx: RuleContext, node: Scalar, field: string, path: string, reserved: boolean): void {
  if (typeof node.value !== 'string' || isUnknownValue(node)) return;
  const errs = volumePathErrors(node.value, reserved);
  if (errs.length === 0) return;
  const args = { field, value: node.value, path, reason: errs[0] ?? '' };
  // An absolute path with no backstep means the same folder of the volume without its leading `/`.
  const relative = errs.length === 1 && node.value.startsWith('/') ? node.value.replace(/^\/+/, '') : undefined;
  const key = errs[0] === "must not start with '..'" ? 'invalid-value.volume-path-reserved' : 'invalid-value.volume-path';
  ctx.report({ node, message: ctx.t(key, args), data: { volumePath: field, written: node.value, ...(relative ? { rewritten: relative } : {}) } });
}

/** The `items` lists of a volume: its configMap/secret/downwardAPI source's, or each projected source's. */
function itemLists(pod: PodModel, volume: PodModel['volumes'][number]): { items: unknown; path: string }[] {
  const doc = pod.doc;
  const lists = ['configMap', 'secret', 'downwardAPI'].map((source) => ({ items: getNode(getMap(volume.node, source, doc), 'items', doc), path: `${volume.path}.${source}.items` }));
  const sources = getNode(getMap(volume.node, 'projected', doc), 'sources', doc);
  if (isSeq(sources)) {
    sources.items.forEach((source, j) => {
      for (const kind of ['configMap', 'secret', 'downwardAPI']) {
        const items = isMap(source) ? getNode(getMap(source, kind, doc), 'items', doc) : undefined;
        if (items) lists.push({ items, path: `${volume.path}.projected.sources[${j}].${kind}.items` });
      }
    });
  }
  return lists;
}

/** An NFS export's `path` is absolute on the server ("must be an absolute path"); a pod's volume or a PersistentVolume's. */
function checkNfsPath(ctx: RuleContext, nfs: unknown, doc: PodModel['doc'], path: string): void {
  const node = isMap(nfs) ? getNode(nfs, 'path', doc) : undefined;
  if (!isScalar(node) || typeof node.value !== 'string' || node.value === '' || node.value.startsWith('/') || isUnknownValue(node)) return;
  ctx.report({ node, message: ctx.t('invalid-value.nfs-path', { value: node.value, path }), data: { volumePath: 'nfs', written: node.value, rewritten: `/${node.value}` } });
}

/** A hostPath may not step back ("must not contain '..'"); a pod's volume or a PersistentVolume's. */
function checkHostPath(ctx: RuleContext, hostPath: unknown, doc: PodModel['doc'], path: string): void {
  const node = isMap(hostPath) ? getNode(hostPath, 'path', doc) : undefined;
  if (isScalar(node) && typeof node.value === 'string' && node.value.split('/').includes('..') && !isUnknownValue(node)) {
    ctx.report({ node, message: ctx.t('invalid-value.host-path-backstep', { value: node.value, path }), data: { volumePath: 'hostPath', written: node.value } });
  }
}

export function checkVolumePaths(ctx: RuleContext): void {
  for (const { object, doc } of ctx.objects) {
    if (object.apiVersion !== 'v1' || object.kind !== 'PersistentVolume') continue;
    const spec = getMap(object.node, 'spec', doc);
    checkNfsPath(ctx, getNode(spec, 'nfs', doc), doc, `${object.pathPrefix}spec.nfs.path`);
    checkHostPath(ctx, getNode(spec, 'hostPath', doc), doc, `${object.pathPrefix}spec.hostPath.path`);
  }
  for (const pod of ctx.pods) {
    for (const volume of pod.volumes) {
      checkNfsPath(ctx, getNode(volume.node, 'nfs', pod.doc), pod.doc, `${volume.path}.nfs.path`);
      checkHostPath(ctx, getNode(volume.node, 'hostPath', pod.doc), pod.doc, `${volume.path}.hostPath.path`);
    }
    for (const container of pod.containers) {
      for (const mount of container.mounts) {
        for (const field of ['subPath', 'subPathExpr']) {
          const node = getNode(mount.node, field, pod.doc);
          if (isScalar(node)) report(ctx, node, field, `${container.path}.volumeMounts.${field}`, false); // the server names no mount index here
        }
      }
    }
    for (const volume of pod.volumes) {
      // A projected service-account token's file (the server names it `projected.path`, without its source).
      const sources = getNode(getMap(volume.node, 'projected', pod.doc), 'sources', pod.doc);
      for (const source of isSeq(sources) ? sources.items : []) {
        const token = isMap(source) ? getNode(getMap(source, 'serviceAccountToken', pod.doc), 'path', pod.doc) : undefined;
        if (isScalar(token)) report(ctx, token, 'path', `${volume.path}.projected.path`, true);
      }
      for (const { items, path } of itemLists(pod, volume)) {
        if (!isSeq(items)) continue;
        items.items.forEach((item, i) => {
          const node = isMap(item) ? getNode(item, 'path', pod.doc) : undefined;
          if (isScalar(node)) report(ctx, node, 'path', `${path}[${i}].path`, true);
        });
      }
    }
  }
}
