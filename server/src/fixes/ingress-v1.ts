/**
 * A networking.k8s.io/v1 Ingress in the v1beta1 form: write a backend's `serviceName` and
 * `servicePort` as v1's `service: {name, port: {number | name}}` (the same Service and port, so
 * the traffic goes where it went), and give a path without `pathType` the one v1beta1 defaulted
 * to, `ImplementationSpecific` (preferred), or `Prefix` or `Exact`.
 */
import { isScalar, type Node, type YAMLMap } from 'yaml';
import { getPair } from '../core/yaml-access';
import { classConflicts, serviceOf, v1Ingresses } from '../rules/ingress-v1';
import { fact, isAt } from './find';
import type { Fix, FixContext } from './types';
import { addPair, blockPair, columnOf, eolOf, flowText, removeBlockPair, type YValue } from './yaml-edit';

function ingresses(ctx: FixContext) {
  return v1Ingresses(ctx.chunk.analysis.chunk, ctx.chunk.analysis.objects);
}

export function ingressServiceFixes(ctx: FixContext): Fix[] {
  if (!fact(ctx, 'ingressService')) return [];
  for (const ingress of ingresses(ctx)) {
    for (const { map } of ingress.backends) {
      const pair = getPair(map, 'serviceName', ingress.doc);
      if (!pair || !isAt(ctx, pair.key as Node)) continue;
      const service = serviceOf(map, ingress.doc);
      if (!service || !map.range) return [];
      const port: YValue = typeof service.port === 'number' || /^\d+$/.test(service.port) ? { number: Number(service.port) } : { name: service.port };
      const value: YValue = { name: service.name, port };
      const text = ctx.analysis.text;
      const start = ctx.chunk.start + map.range[0];
      const end = ctx.chunk.start + map.range[1];
      const eol = eolOf(text);
      const indent = ' '.repeat(columnOf(text, start));
      const newText = map.flow ? flowText({ service: value }) : blockPair('service', value).join(eol + indent);
      return [{ title: ctx.t('fix.ingress-service', { name: service.name, port: String(service.port) }), edits: [{ start, end: trimEnd(text, start, end), newText }], preferred: true, safe: true }];
    }
  }
  return [];
}

/** A block map's range may end after its line break: keep that break. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1] ?? '')) e--;
  return e;
}

export function ingressPathTypeFixes(ctx: FixContext): Fix[] {
  if (!fact(ctx, 'ingressPath')) return [];
  for (const ingress of ingresses(ctx)) {
    for (const { map } of ingress.paths) {
      const first = (map as YAMLMap).items[0];
      if (!first || !isScalar(first.key) || !isAt(ctx, first.key)) continue;
      return ['ImplementationSpecific', 'Prefix', 'Exact'].map((pathType, i) => ({
        title: ctx.t('fix.add-field', { field: 'pathType', value: pathType }),
        edits: [addPair(ctx.analysis.text, ctx.chunk.start, map, 'pathType', pathType)],
        preferred: i === 0,
      }));
    }
  }
  return [];
}

/**
 * The class annotation beside `ingressClassName`: remove the annotation. When both name the same
 * class nothing changes for the controller (preferred); when they differ, the annotation's class is
 * the one an older controller used, so the choice is the user's.
 */
export function ingressClassFixes(ctx: FixContext): Fix[] {
  if (!fact(ctx, 'ingressClassTwice')) return [];
  for (const { annotation } of classConflicts({ chunk: ctx.chunk.analysis.chunk, objects: ctx.chunk.analysis.objects })) {
    if (!isAt(ctx, annotation.key as Node) || !annotation.value) continue;
    const edit = removeBlockPair(ctx.analysis.text, ctx.chunk.start, annotation.key as Node, annotation.value as Node);
    if (!edit) return [];
    const same = fact(ctx, 'sameClass') === true;
    return [{ title: ctx.t('fix.remove-ingress-class-annotation'), edits: [edit], preferred: same, safe: same }];
  }
  return [];
}
