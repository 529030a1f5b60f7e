/**
 * removed-api-version on the init-containers annotation: its JSON becomes `spec.initContainers`
 * (appended to those already there) and the annotation goes, so the containers really run.
 */
import { isSeq } from 'yaml';
import { getNode } from '../core/yaml-access';
import { removeAnnotation } from './annotations';
import { initAnnotation } from '../k8s/init-annotation';
import { isAt } from './find';
import type { Fix, FixContext } from './types';
import { addPair, appendItem, type OffsetEdit, type YValue } from './yaml-edit';

/**
 * JSON as YAML values: null fields and empty string fields left out (the API server reads them as
 * unset); an empty string in a list stays (`--save ""`). Undefined for text with a line break,
 * which the edit helpers cannot write inside a flow list.
 */
function yamlValue(value: unknown): YValue | undefined | 'unwritable' {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return /[\r\n]/.test(value) ? 'unwritable' : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  const parts = Array.isArray(value) ? value.map(yamlValue) : Object.values(value as Record<string, unknown>).map(yamlValue);
  if (parts.includes('unwritable')) return 'unwritable';
  if (Array.isArray(value)) return parts.filter((v): v is YValue => v !== undefined);
  const out: Record<string, YValue> = {};
  Object.keys(value as Record<string, unknown>).forEach((k, i) => {
    const y = parts[i];
    if (y !== undefined && y !== '' && y !== 'unwritable') out[k] = y;
  });
  return out;
}

export function initAnnotationFixes(ctx: FixContext): Fix[] {
  for (const pod of ctx.chunk.analysis.pods) {
    const annotation = initAnnotation(pod);
    if (!annotation || !isAt(ctx, annotation.key) || !annotation.containers?.length) continue;
    const text = ctx.analysis.text;
    const base = ctx.chunk.start;
    const values = annotation.containers.map(yamlValue);
    if (values.includes('unwritable')) return [];
    const containers = values.filter((v): v is YValue => v !== undefined && v !== 'unwritable');
    const existing = getNode(pod.spec, 'initContainers', pod.doc);
    if (existing && (!isSeq(existing) || existing.flow)) return [];
    const add: OffsetEdit[] = isSeq(existing) ? containers.map((c) => appendItem(text, base, existing, c)) : [addPair(text, base, pod.spec, 'initContainers', containers)];
    const remove = removeAnnotation(text, base, pod, annotation.pair);
    if (!remove) return [];
    const edits = [...add, remove].sort((a, b) => a.start - b.start);
    if (edits.some((e, i) => i > 0 && e.start < edits[i - 1]!.end)) return [];
    return [{ title: ctx.t('fix.init-annotation', { names: annotation.names.join(', ') || '?' }), edits, preferred: true }];
  }
  return [];
}
