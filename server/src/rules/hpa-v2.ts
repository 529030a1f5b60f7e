/**
 * An `autoscaling/v2` HorizontalPodAutoscaler written in the v1 form: `spec.targetCPUUtilizationPercentage`
 * is v1's only field for a target, and v2 has none by that name (it writes targets as `metrics`).
 * Strict decoding rejects it (unknown-field); with `--validate=false` it is dropped and the HPA
 * falls back to its default target (80% CPU), not the one written. Templated documents are left
 * to the general check (their `if` branches may hold both forms).
 */
import { isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import { getMap, getPair } from '../core/yaml-access';
import type { RuleContext } from './types';
import { mayInsert } from '../core/parse';

export const V1_CPU_TARGET = 'targetCPUUtilizationPercentage';

export interface V1CpuTarget {
  readonly spec: YAMLMap;
  readonly pair: Pair;
  /** The percentage, when a quick fix can write it as a v2 metric (an integer, and no `metrics` yet). */
  readonly percent?: number;
  readonly path: string;
  /** The percentage as written, for the message (`…` when it is not one). */
  readonly written: string;
  /** The HPA has `metrics` too: without validation the field would be dropped, not defaulted. */
  readonly hasMetrics: boolean;
}

/** The v2 HPAs of a chunk that carry v1's CPU target. */
export function v1CpuTargets(ctx: Pick<RuleContext, 'chunk' | 'objects'>): V1CpuTarget[] {
  if (mayInsert(ctx.chunk)) return [];
  const out: V1CpuTarget[] = [];
  for (const { object, doc } of ctx.objects) {
    if (object.kind !== 'HorizontalPodAutoscaler' || object.apiVersion !== 'autoscaling/v2') continue;
    const spec = getMap(object.node, 'spec', doc);
    const pair = getPair(spec, V1_CPU_TARGET, doc);
    if (!spec || !pair || !isScalar(pair.key)) continue;
    const value = isScalar(pair.value) ? pair.value.value : undefined;
    const fixable = typeof value === 'number' && Number.isInteger(value) && value > 0 && !getPair(spec, 'metrics', doc);
    // `80%` (a v1 value that was never valid either) still reads as the integer v2 wants.
    const raw = isScalar(pair.value) && pair.value.value !== null ? String(pair.value.value) : '';
    const written = /^\d+%?$/.test(raw) ? raw.replace('%', '') : '…';
    const hasMetrics = !!getPair(spec, 'metrics', doc);
    out.push({ spec, pair, written, hasMetrics, path: `${object.pathPrefix}spec.${V1_CPU_TARGET}`, ...(fixable ? { percent: value } : {}) });
  }
  return out;
}

/** unknown-field with the v2 form in the message; adds the keys it reported to `reported`. */
export function checkHpaV2Fields(ctx: RuleContext, reported: Set<unknown>): void {
  for (const target of v1CpuTargets(ctx)) {
    reported.add(target.pair.key);
    ctx.report({
      node: target.pair.key as Node,
      message: ctx.t('unknown-field.hpa-cpu', { path: target.path, percent: target.written }) + ctx.t(target.hasMetrics ? 'unknown-field.hpa-cpu.dropped' : 'unknown-field.hpa-cpu.default'),
      data: { key: V1_CPU_TARGET, allowed: [], ...(target.percent === undefined ? {} : { hpaCpuPercent: target.percent }) },
    });
  }
}
