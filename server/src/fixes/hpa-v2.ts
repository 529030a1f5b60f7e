/**
 * An autoscaling/v2 HPA with v1's `targetCPUUtilizationPercentage: N`: write the same target as
 * v2's CPU utilization metric, so the autoscaler scales on the percentage that was written.
 */
import { isScalar, type Node } from 'yaml';
import { v1CpuTargets } from '../rules/hpa-v2';
import { fact, isAt } from './find';
import type { Fix, FixContext } from './types';
import { blockPair, columnOf, eolOf, flowText } from './yaml-edit';

export function hpaCpuFixes(ctx: FixContext): Fix[] {
  if (typeof fact(ctx, 'hpaCpuPercent') !== 'number') return [];
  for (const target of v1CpuTargets({ chunk: ctx.chunk.analysis.chunk, objects: ctx.chunk.analysis.objects })) {
    const { key, value } = target.pair;
    if (target.percent === undefined || !isAt(ctx, key as Node) || !isScalar(key) || !isScalar(value) || !key.range || !value.range) continue;
    const text = ctx.analysis.text;
    const start = ctx.chunk.start + key.range[0];
    const end = ctx.chunk.start + value.range[1];
    const metric = { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: target.percent } } };
    // In a flow mapping (`spec: {…, targetCPUUtilizationPercentage: 70}`) the metric stays flow.
    const newText = target.spec.flow ? `metrics: ${flowText([metric])}` : blockPair('metrics', [metric]).join(eolOf(text) + ' '.repeat(columnOf(text, start)));
    return [{ title: ctx.t('fix.hpa-cpu', { percent: String(target.percent) }), edits: [{ start, end, newText }], preferred: true, safe: true }];
  }
  return [];
}
