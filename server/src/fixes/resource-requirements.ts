/**
 * invalid-value on container resources (rules/resource-requirements.ts): a request above its limit
 * is lowered to the limit or the limit raised to the request (neither preferred: which one was
 * meant is not written); a non-overcommitable request gets the limit's amount (preferred) or the
 * limit the request's; a missing limit is added, equal to the request.
 */
import { isMap, isScalar, type Scalar, type YAMLMap } from 'yaml';
import { getNode, mapPairs } from '../core/yaml-access';
import { containerByPath, fact, writtenIn } from './find';
import type { Fix, FixProvider } from './types';
import { addPair, replaceScalar } from './yaml-edit';

function amountNode(resources: YAMLMap, part: string, name: string, doc: Parameters<typeof getNode>[2]): Scalar | undefined {
  const map = getNode(resources, part, doc);
  if (!isMap(map)) return undefined;
  const pair = mapPairs(map, doc).find((p) => isScalar(p.key) && String(p.key.value) === name);
  return isScalar(pair?.value) ? (pair.value as Scalar) : undefined;
}

export const resourceRequirementFixes: FixProvider = (ctx) => {
  const kind = fact(ctx, 'resourceFix');
  const name = String(fact(ctx, 'resource') ?? '');
  const hit = containerByPath(ctx, fact(ctx, 'containerPath'));
  const resources = hit ? getNode(hit.container.node, 'resources', hit.pod.doc) : undefined;
  if (!hit || !isMap(resources) || !writtenIn(resources, hit.container.node)) return [];
  const doc = hit.pod.doc;
  const request = amountNode(resources, 'requests', name, doc);
  const limit = amountNode(resources, 'limits', name, doc);
  const fixes: Fix[] = [];
  const base = ctx.chunk.start;
  if (kind === 'add-limit' && request) {
    const value = request.value as string | number;
    const limits = getNode(resources, 'limits', doc);
    const edit = isMap(limits) ? addPair(ctx.analysis.text, base, limits, name, value) : addPair(ctx.analysis.text, base, resources, 'limits', { [name]: value });
    fixes.push({ title: ctx.t('fix.resource-add-limit', { resource: name, value: String(value) }), edits: [edit], preferred: true });
  }
  if ((kind === 'lower' || kind === 'equal') && request && limit) {
    const preferred = kind === 'equal';
    fixes.push({ title: ctx.t('fix.resource-request-to-limit', { resource: name, value: String(limit.value) }), edits: [replaceScalar(base, request, limit.value as string | number)], preferred });
    fixes.push({ title: ctx.t('fix.resource-limit-to-request', { resource: name, value: String(request.value) }), edits: [replaceScalar(base, limit, request.value as string | number)], preferred: false });
  }
  return fixes;
};
