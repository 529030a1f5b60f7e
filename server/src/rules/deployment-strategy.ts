/**
 * Part of invalid-value: what ValidateDeploymentSpec refuses in a Deployment's rollout settings:
 *  - `strategy.type: Recreate` with a `rollingUpdate` block: "spec.strategy.rollingUpdate:
 *    Forbidden: may not be specified when strategy `type` is 'Recreate'" (sweep EW: a tutorial);
 *  - `maxSurge: 0` with `maxUnavailable: 0`: no pod may be added and none taken away, so the
 *    rollout could never move ("…maxUnavailable: … may not be 0 when `maxSurge` is 0");
 *  - `progressDeadlineSeconds` not greater than `minReadySeconds` (apps/v1 defaults the deadline
 *    to 600): "spec.progressDeadlineSeconds: Invalid value: 10: must be greater than minReadySeconds".
 * And a DaemonSet's rolling update, which surges or takes pods down, exactly one of the two; a
 * StatefulSet updated OnDelete with rollingUpdate settings.
 * Only whole built-in apps/v1 workloads with literal values (judged as container-image.ts does).
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

/** A written limit as a number (`2`, `"25%"` → 25); undefined when not literal. */
function limit(node: Scalar | undefined): number | undefined {
  if (!node || isUnknownValue(node)) return undefined;
  if (typeof node.value === 'number' && Number.isInteger(node.value)) return node.value;
  const percent = typeof node.value === 'string' ? /^(\d+)%$/.exec(node.value) : null;
  return percent ? Number(percent[1]) : undefined;
}

/**
 * A DaemonSet rolls out by surging or by taking pods down, exactly one of the two
 * (ValidateRollingUpdateDaemonSet); apps/v1 defaults maxUnavailable to 1 and maxSurge to 0, so
 * `maxSurge: 1` alone is refused too.
 */
function checkDaemonSet(ctx: RuleContext, pod: PodModel): void {
  const strategy = getMap(getMap(pod.object.node, 'spec', pod.doc), 'updateStrategy', pod.doc);
  const type = getScalar(strategy, 'type', pod.doc)?.value;
  const rolling = getMap(strategy, 'rollingUpdate', pod.doc);
  if (!rolling || (type !== undefined && type !== 'RollingUpdate')) return;
  const surgeNode = getScalar(rolling, 'maxSurge', pod.doc);
  const unavailableNode = getScalar(rolling, 'maxUnavailable', pod.doc);
  // Not written, or written with no value: the defaults (0 and 1).
  const surge = surgeNode && surgeNode.value !== null ? limit(surgeNode) : 0;
  const unavailable = unavailableNode && unavailableNode.value !== null ? limit(unavailableNode) : 1;
  if (surge === undefined || unavailable === undefined) return;
  const args = { surge: surgeNode?.source ?? String(surge), unavailable: unavailableNode?.value !== null && unavailableNode?.source ? unavailableNode.source : String(unavailable) };
  if (surge !== 0 && unavailable !== 0 && surgeNode) {
    // A pod on a host port or the host's network cannot surge: the new pod would wait for the old one's port for ever (KEP-1591).
    const onHost = pod.hostNetwork || pod.containers.some((c) => c.ports.some((p) => p.hostPort !== undefined));
    const fix = onHost ? { daemonSetLimit: 'maxSurge', to: 0 } : { daemonSetLimit: 'maxUnavailable', to: 0 };
    ctx.report({ node: surgeNode, message: ctx.t(unavailableNode && unavailableNode.value !== null ? 'invalid-value.daemonset-both' : 'invalid-value.daemonset-both-default', args) + (onHost ? ctx.t('invalid-value.daemonset-host', {}) : ''), data: fix });
  } else if (surge === 0 && unavailable === 0 && unavailableNode && unavailableNode.value !== null) {
    ctx.report({ node: unavailableNode, message: ctx.t('invalid-value.daemonset-neither', args), data: { daemonSetLimit: 'maxUnavailable', to: 1 } });
  }
}

/** A StatefulSet updated OnDelete takes no rollingUpdate settings ("only allowed for updateStrategy 'RollingUpdate'"). */
function checkStatefulSet(ctx: RuleContext, pod: PodModel): void {
  const strategy = getMap(getMap(pod.object.node, 'spec', pod.doc), 'updateStrategy', pod.doc);
  const rolling = getPair(strategy, 'rollingUpdate', pod.doc);
  if (getScalar(strategy, 'type', pod.doc)?.value !== 'OnDelete' || !written(rolling) || !isScalar(rolling?.key)) return;
  ctx.report({ node: rolling.key as Node, message: ctx.t('invalid-value.on-delete-rolling-update', {}), data: { recreateRollingUpdate: true } });
}

export function checkDeploymentStrategy(ctx: RuleContext): void {
  for (const pod of ctx.pods) {
    if (!judged(pod, ctx) || pod.object.apiVersion !== 'apps/v1') continue;
    if (pod.object.kind === 'DaemonSet') checkDaemonSet(ctx, pod);
    if (pod.object.kind === 'StatefulSet') checkStatefulSet(ctx, pod);
    if (pod.object.kind !== 'Deployment') continue;
    checkStrategy(ctx, pod);
    checkProgressDeadline(ctx, pod);
  }
}
