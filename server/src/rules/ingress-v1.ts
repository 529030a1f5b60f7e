/**
 * A `networking.k8s.io/v1` Ingress written in the v1beta1 form, the classic slip of a migration
 * that changed only the apiVersion. v1 has no `serviceName`/`servicePort` in a backend (it has
 * `service: {name, port: {number | name}}`) and no `spec.backend` (it is `defaultBackend`):
 * strict decoding rejects them (unknown-field). Every path needs a `pathType`, which v1beta1
 * defaulted (invalid-value: "Required value"). Templated documents are left alone: their `if`
 * branches often hold both forms.
 */
import { isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { asMap, getMap, getNode, getPair, getSeqItems } from '../core/yaml-access';
import type { K8sObject } from '../k8s/workloads';
import type { RuleContext } from './types';
import { mayInsert } from '../core/parse';

const OLD_BACKEND_KEYS = ['serviceName', 'servicePort'];

export interface V1Ingress {
  /** The Ingress object itself (its metadata holds the class annotation). */
  readonly node: YAMLMap;
  readonly spec: YAMLMap;
  readonly doc: Document;
  /** `spec.backend` and each `spec.rules[].http.paths[].backend`, with their field paths. */
  readonly backends: readonly { readonly map: YAMLMap; readonly path: string }[];
  /** Each `spec.rules[].http.paths[]` item, with its field path. */
  readonly paths: readonly { readonly map: YAMLMap; readonly path: string }[];
}

/** The v1 Ingresses of a chunk's objects (none in a templated chunk). */
export function v1Ingresses(chunk: { readonly masked?: unknown; readonly inline?: boolean }, objects: readonly { readonly object: K8sObject; readonly doc: Document }[]): V1Ingress[] {
  if (mayInsert(chunk)) return [];
  const out: V1Ingress[] = [];
  for (const { object, doc } of objects) {
    if (object.kind !== 'Ingress' || object.apiVersion !== 'networking.k8s.io/v1') continue;
    const spec = getMap(object.node, 'spec', doc);
    if (!spec) continue;
    const backends: { map: YAMLMap; path: string }[] = [];
    const paths: { map: YAMLMap; path: string }[] = [];
    for (const key of ['defaultBackend', 'backend']) {
      const map = getMap(spec, key, doc);
      if (map) backends.push({ map, path: `spec.${key}` });
    }
    for (const { node: rule, index: r } of getSeqItems(spec, 'rules', doc)) {
      for (const { node, index: p } of getSeqItems(getMap(asMap(rule, doc), 'http', doc), 'paths', doc)) {
        const map = asMap(node, doc);
        if (!map) continue;
        const path = `spec.rules[${r}].http.paths[${p}]`;
        paths.push({ map, path });
        const backend = getMap(map, 'backend', doc);
        if (backend) backends.push({ map: backend, path: `${path}.backend` });
      }
    }
    out.push({ node: object.node, spec, doc, backends, paths });
  }
  return out;
}

/** unknown-field: `serviceName`/`servicePort` in a v1 backend, `spec.backend`; returns the keys it reported. */
export function checkIngressV1Fields(ctx: RuleContext): ReadonlySet<unknown> {
  const reported = new Set<unknown>();
  for (const ingress of v1Ingresses(ctx.chunk, ctx.objects)) {
    const { doc } = ingress;
    const old = getPair(ingress.spec, 'backend', doc);
    if (old && isScalar(old.key)) {
      reported.add(old.key);
      ctx.report({ node: old.key, message: ctx.t('unknown-field.ingress-backend', { path: 'spec.backend' }), data: { key: 'backend', suggestion: 'defaultBackend', allowed: [] } });
    }
    for (const { map, path } of ingress.backends) {
      for (const key of OLD_BACKEND_KEYS) {
        const pair = getPair(map, key, doc);
        if (!pair || !isScalar(pair.key)) continue;
        const fix = key === 'serviceName' ? serviceOf(map, doc) : undefined;
        reported.add(pair.key);
        ctx.report({
          node: pair.key,
          message: ctx.t('unknown-field.ingress-service', { key, path: `${path}.${key}` }),
          data: { key, allowed: [], ...(fix ? { ingressService: fix } : {}) },
        });
      }
    }
  }
  return reported;
}

/** invalid-value: a v1 path without `pathType`. */
export function checkIngressPathType(ctx: RuleContext): void {
  for (const ingress of v1Ingresses(ctx.chunk, ctx.objects)) {
    for (const { map, path } of ingress.paths) {
      if (getPair(map, 'pathType', ingress.doc)) continue;
      const first = map.items[0] as Pair | undefined;
      if (!first || !isScalar(first.key)) continue;
      ctx.report({
        node: first.key as Node,
        message: ctx.t('invalid-value.ingress-path-type', { path: `${path}.pathType` }),
        data: { field: 'pathType', missing: true, allowed: ['ImplementationSpecific', 'Prefix', 'Exact'], ingressPath: true },
      });
    }
  }
}

/**
 * An Ingress routes nothing without `rules` or a `defaultBackend` (v1beta1: `backend`), and the
 * API server refuses it: "spec: Invalid value: …: either `defaultBackend` or `rules` must be
 * specified". A kustomize patch or base (an overlay may add the rules) and templates are left alone.
 */
export function checkIngressRoutes(ctx: RuleContext): void {
  if (mayInsert(ctx.chunk) || ctx.options.fragment || ctx.options.kustomizeResource) return;
  for (const { object, doc } of ctx.objects) {
    if (object.kind !== 'Ingress' || !/^(networking\.k8s\.io|extensions)\/v1/.test(object.apiVersion ?? '')) continue;
    const specPair = getPair(object.node, 'spec', doc);
    const spec = asMap(specPair?.value, doc);
    if (specPair && !spec) continue; // a spec that is not a mapping: the type check's
    const rules = getNode(spec, 'rules', doc);
    const routed = (isSeq(rules) && rules.items.length > 0) || (rules !== undefined && !isSeq(rules)) || getPair(spec, 'defaultBackend', doc) || getPair(spec, 'backend', doc);
    if (routed) continue;
    const at = specPair?.key ?? getPair(object.node, 'kind', doc)?.key;
    if (!isScalar(at)) continue;
    ctx.report({ node: at as Node, message: ctx.t('invalid-value.ingress-no-route', { path: `${object.pathPrefix}spec` }), data: { field: 'rules' } });
  }
}

export const CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

/** The class annotation beside `spec.ingressClassName` of a v1 Ingress (both written, not templated). */
export function classConflicts(ctx: Pick<RuleContext, 'chunk' | 'objects'>): { annotation: Pair; className: Pair }[] {
  const out: { annotation: Pair; className: Pair }[] = [];
  for (const ingress of v1Ingresses(ctx.chunk, ctx.objects)) {
    const { doc } = ingress;
    const className = getPair(ingress.spec, 'ingressClassName', doc);
    const annotation = getPair(getMap(getMap(ingress.node, 'metadata', doc), 'annotations', doc), CLASS_ANNOTATION, doc);
    if (className && annotation && isScalar(annotation.key)) out.push({ annotation, className });
  }
  return out;
}

/**
 * invalid-value: the `kubernetes.io/ingress.class` annotation and `spec.ingressClassName` both set.
 * The API server refuses to create such an Ingress: "annotations.kubernetes.io/ingress.class:
 * Invalid value: "nginx": can not be set when the class field is also set". A patch or a
 * kustomize resource (an overlay may remove one of them) is left to the render.
 */
export function checkIngressClassConflict(ctx: RuleContext): void {
  if (ctx.options.fragment || ctx.options.kustomizeResource) return;
  for (const { annotation, className } of classConflicts(ctx)) {
    const value = isScalar(annotation.value) ? String(annotation.value.value ?? '') : '';
    const spec = isScalar(className.value) ? String(className.value.value ?? '') : '';
    ctx.report({
      node: annotation.key as Node,
      message: ctx.t('invalid-value.ingress-class-twice', { value, spec }),
      data: { field: CLASS_ANNOTATION, ingressClassTwice: true, sameClass: value === spec },
    });
  }
}

/**
 * What the v1 form of a v1beta1 backend holds (`service: {name, port: {number | name}}`), when the
 * backend is exactly `serviceName` and `servicePort` with plain values: the quick fix writes it.
 */
export function serviceOf(map: YAMLMap, doc: Document): { name: string; port: number | string } | undefined {
  if (map.items.length !== 2) return undefined;
  const name = getPair(map, 'serviceName', doc)?.value;
  const port = getPair(map, 'servicePort', doc)?.value;
  if (!isScalar(name) || !isScalar(port) || typeof name.value !== 'string') return undefined;
  if (typeof port.value !== 'number' && typeof port.value !== 'string') return undefined;
  return { name: name.value, port: port.value };
}
