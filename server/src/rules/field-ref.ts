/**
 * Part of invalid-value: a downward-API `fieldRef.fieldPath` the API server does not take
 * (validateObjectFieldSelector). The path is first converted for apiVersion v1, which knows a
 * fixed set of pod fields and the subscripted `metadata.labels['key']` / `metadata.annotations['key']`
 * (single quotes only): anything else fails with "error converting fieldPath: field label not
 * supported" (KubeRay's sample wrote `metadata.labels["ray.io/cluster"]`, sweep ET). A converted
 * path that the place does not offer fails with "Unsupported value" (an env variable takes no
 * `status.phase`, a volume file no `spec.nodeName`). The fix writes the path meant when it is
 * clear: the same key in single quotes, or a path spelt nearly alike.
 */
import { isMap, isScalar, isSeq, type Scalar, type YAMLMap } from 'yaml';
import { isUnknownValue } from '../core/unknown-values';
import { getMap, getScalar, getSeqItems } from '../core/yaml-access';
import { closest, editDistance } from '../util/suggest';
import type { PodModel } from '../k8s/pod-model';
import type { RuleContext } from './types';

/** What ConvertDownwardAPIFieldLabel accepts for v1, besides the subscripted forms. */
const CONVERTIBLE = ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.restartPolicy', 'spec.serviceAccountName', 'spec.schedulerName', 'status.phase', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs'];
/** validEnvDownwardAPIFieldPathExpressions. */
const FOR_ENV = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs'];
/** validVolumeDownwardAPIFieldPathExpressions. */
const FOR_VOLUME = ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid'];
/** Old names the conversion still maps (`spec.host` is `spec.nodeName`). */
const ALIASES: Readonly<Record<string, string>> = { 'spec.host': 'spec.nodeName' };

const SUBSCRIPTED = /^(metadata\.(?:labels|annotations))\['(.+)'\]$/;
/** `metadata.labels["key"]`, `metadata.labels[key]`, `metadata.labels.key`: the key meant, written another way. */
const SUBSCRIPT_SLIPS = /^(metadata\.(?:labels|annotations))(?:\[["`]?(.+?)["`]?\]|\.(.+))$/;

/** The path meant, when clear. */
function meant(path: string, offered: readonly string[]): string | undefined {
  const slip = SUBSCRIPT_SLIPS.exec(path);
  if (slip && !SUBSCRIPTED.test(path)) return `${slip[1]}['${slip[2] ?? slip[3]}']`;
  const near = closest(path, offered);
  return near && editDistance(path.toLowerCase(), near.toLowerCase()) <= 2 ? near : undefined;
}

function checkPath(ctx: RuleContext, node: Scalar, where: string, offered: readonly string[]): void {
  const path = node.value;
  if (typeof path !== 'string' || path === '' || isUnknownValue(node) || path.includes('$')) return;
  const subscripted = SUBSCRIPTED.exec(path);
  if (subscripted) return; // the key's own syntax is left to the API server
  const suggestion = meant(path, offered);
  const converted = ALIASES[path] ?? path;
  const args = { where, path: converted, offered: offered.map((p) => `"${p}"`).join(', ') };
  // `metadata.name['x']`: a subscript only labels and annotations take.
  const badSubscript = /^[A-Za-z.]+\['.+'\]$/.test(path);
  const key = CONVERTIBLE.includes(converted) ? (offered.includes(converted) ? undefined : 'invalid-value.field-ref-unsupported') : badSubscript ? 'invalid-value.field-ref-subscript-unsupported' : 'invalid-value.field-ref-unknown';
  if (!key) return;
  const hint = SUBSCRIPT_SLIPS.test(path) ? ctx.t('invalid-value.field-ref-subscript', {}) : '';
  ctx.report({ node, message: ctx.t(key, args) + hint + (suggestion ? ctx.t('common.did-you-mean', { suggestion }) : ''), data: { field: 'fieldPath', value: path, allowed: suggestion ? [suggestion] : [], ...(suggestion ? { suggestion } : {}) } });
}

/** The `fieldRef` of a map (an env var's `valueFrom`, a volume item): its path, for apiVersion v1 only. */
function fieldRefPath(holder: YAMLMap | undefined, pod: PodModel): Scalar | undefined {
  const ref = getMap(holder, 'fieldRef', pod.doc);
  const version = getScalar(ref, 'apiVersion', pod.doc)?.value;
  if (!ref || (version !== undefined && version !== null && version !== 'v1')) return undefined;
  const path = getScalar(ref, 'fieldPath', pod.doc);
  return path && isScalar(path) ? path : undefined;
}

function volumeItems(volume: YAMLMap, pod: PodModel): { item: YAMLMap; path: string }[] {
  const out: { item: YAMLMap; path: string }[] = [];
  const add = (api: YAMLMap | undefined, base: string): void => {
    for (const { node, index } of getSeqItems(api, 'items', pod.doc)) if (isMap(node)) out.push({ item: node, path: `${base}.items[${index}]` });
  };
  add(getMap(volume, 'downwardAPI', pod.doc), 'downwardAPI');
  const sources = getMap(volume, 'projected', pod.doc)?.get('sources');
  if (isSeq(sources)) sources.items.forEach((s, i) => isMap(s) && add(getMap(s, 'downwardAPI', pod.doc), `projected.sources[${i}].downwardAPI`));
  return out;
}

export function checkFieldRefs(ctx: RuleContext): void {
  for (const pod of ctx.pods) {
    for (const container of pod.containers) {
      for (const { node, index } of getSeqItems(container.node, 'env', pod.doc)) {
        const path = isMap(node) ? fieldRefPath(getMap(node, 'valueFrom', pod.doc), pod) : undefined;
        if (path) checkPath(ctx, path, `${container.path}.env[${index}].valueFrom.fieldRef.fieldPath`, FOR_ENV);
      }
    }
    for (const volume of pod.volumes) {
      for (const { item, path: itemPath } of volumeItems(volume.node, pod)) {
        const path = fieldRefPath(item, pod);
        if (path) checkPath(ctx, path, `${volume.path}.${itemPath}.fieldRef.fieldPath`, FOR_VOLUME);
      }
    }
  }
}
