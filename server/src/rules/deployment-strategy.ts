/**
 * Part of invalid-value: what ValidateDeploymentSpec refuses in a Deployment's rollout settings:
 *  - `strategy.type: Recreate` with a `rollingUpdate` block: "spec.strategy.rollingUpdate:
 *    Forbidden: may not be specified when strategy `type` is 'Recreate'" (sweep EW: a tutorial);
 *  - `maxSurge: 0` with `maxUnavailable: 0`: no pod may be added and none taken away, so the
 *    rollout could never move ("…maxUnavailable: … may not be 0 when `maxSurge` is 0");
 *  - `progressDeadlineSeconds` not greater than `minReadySeconds` (apps/v1 defaults the deadline
 *    to 600): "spec.progressDeadlineSeconds: Invalid value: 10: must be greater than minReadySeconds".
 * Only whole built-in Deployments with literal values (judged as container-image.ts does).
 */
import { isScalar, type Node, type Pair, type Scalar } from 'yaml';
import { isUnknownValue } from '../core/unknown-values';
import { getMap, getPair, getScalar } from '../core/yaml-access';
import type { PodModel } from '../k8s/pod-model';
import { judged } from './container-image';
import type { RuleContext } from './types';

/** A written value (not null, not a template's). */
function written(pair: Pair | undefined): boolean {
  const value = pair?.value;
  return !!pair && value !== null && !isUnknownValue(value) && !(isScalar(value) && value.value === null);
}

/** `0` or `"0%"` (a string `"0"` is no percentage: refused for that alone). */
function isZero(node: Scalar | undefined): boolean {
  return !!node && !isUnknownValue(node) && (node.value === 0 || node.value === '0%');
}

function literalInt(node: Scalar | undefined): number | undefined {
  return node && !isUnknownValue(node) && typeof node.value === 'number' && Number.isInteger(node.value) ? node.value : undefined;
}

function checkStrategy(ctx: RuleContext, pod: PodModel): void {
  const strategy = getMap(getMap(pod.object.node, 'spec', pod.doc), 'strategy', pod.doc);
  const type = getScalar(strategy, 'type', pod.doc)?.value;
  const rolling = getPair(strategy, 'rollingUpdate', pod.doc);
  if (type === 'Recreate' && written(rolling) && isScalar(rolling?.key)) {
    ctx.report({ node: rolling.key as Node, message: ctx.t('invalid-value.recreate-rolling-update', {}), data: { recreateRollingUpdate: true } });
    return;
  }
  const rollingMap = getMap(strategy, 'rollingUpdate', pod.doc);
  const surge = getScalar(rollingMap, 'maxSurge', pod.doc);
  const unavailable = getScalar(rollingMap, 'maxUnavailable', pod.doc);
  if ((type === undefined || type === 'RollingUpdate') && isZero(surge) && isZero(unavailable) && unavailable) {
    ctx.report({ node: unavailable, message: ctx.t('invalid-value.rolling-update-zero', {}), data: { zeroRollingUpdate: true } });
  }
}

function checkProgressDeadline(ctx: RuleContext, pod: PodModel): void {
  const spec = getMap(pod.object.node, 'spec', pod.doc);
  const minNode = getScalar(spec, 'minReadySeconds', pod.doc);
  const deadlineNode = getScalar(spec, 'progressDeadlineSeconds', pod.doc);
  const min = literalInt(minNode) ?? (minNode ? undefined : 0);
  if (min === undefined) return;
  if (deadlineNode) {
    const deadline = literalInt(deadlineNode);
    if (deadline !== undefined && deadline <= min) ctx.report({ node: deadlineNode, message: ctx.t('invalid-value.progress-deadline', { deadline, min }), data: { field: 'progressDeadlineSeconds' } });
  } else if (minNode && pod.object.apiVersion === 'apps/v1' && min >= 600) {
    ctx.report({ node: minNode, message: ctx.t('invalid-value.progress-deadline-default', { min }), data: { field: 'minReadySeconds' } });
  }
}

export function checkDeploymentStrategy(ctx: RuleContext): void {
  for (const pod of ctx.pods) {
    if (pod.object.kind !== 'Deployment' || !judged(pod, ctx)) continue;
    checkStrategy(ctx, pod);
    checkProgressDeadline(ctx, pod);
  }
}
