/**
 * Part of invalid-value: what the API server forbids in one container, whatever its values' types
 * (pkg/apis/core/validation):
 *  - a probe or lifecycle hook on an init container that is not a sidecar (restartPolicy: Always):
 *    it runs to completion before the app starts, so nothing would act on them
 *    ("Forbidden: may not be set for init containers without restartPolicy=Always");
 *  - `privileged: true` with `allowPrivilegeEscalation: false` (a privileged process can always escalate);
 *  - a liveness or startup probe's `successThreshold` other than 1 ("must be 1": one success ends
 *    a failure streak or a start-up; only a readiness probe counts successes);
 *  - `mountPropagation: Bidirectional` in a container that is not privileged: its mounts would
 *    reach the host ("Forbidden: Bidirectional mount propagation is available only to privileged
 *    containers"; the path has no mount index, as the API server writes it).
 * (`restartPolicy` on a regular container is no longer one: Kubernetes 1.35 accepts it, with
 * `restartPolicyRules`, ContainerRestartRules being on by default.)
 * Judged like a missing image (container-image.ts): built-in workloads only, not partial pods nor
 * kustomize resources, whose overlays may add the restartPolicy or the privilege.
 */
import { isAlias, isScalar, type Node } from 'yaml';
import { isUnknownValue } from '../core/unknown-values';
import { asMap, getNode, getPair } from '../core/yaml-access';
import { PROBES } from '../k8s/container-model';
import { containerLabel, type ContainerModel, type PodModel } from '../k8s/pod-model';
import { isBuiltInWorkload } from '../k8s/workloads';
import type { RuleContext } from './types';

/** The probes the container model reads, and the lifecycle hooks. */
const HANDLERS = [...PROBES, 'lifecycle'];

/** A scalar written by a template or a placeholder: nothing can be said about it. */
const unknownAt = (node: unknown): boolean => node !== undefined && node !== null && isUnknownValue(node);

function checkInitHandlers(ctx: RuleContext, pod: PodModel, container: ContainerModel): void {
  if (container.role !== 'init' || unknownAt(getNode(container.node, 'restartPolicy', pod.doc))) return;
  for (const field of HANDLERS) {
    const pair = getPair(container.node, field, pod.doc);
    if (!pair || !isScalar(pair.key)) continue;
    const path = `${container.path}.${field}`;
    ctx.report({ node: pair.key, message: ctx.t('invalid-value.init-handler', { container: containerLabel(container), field, path }), data: { initHandler: field, container: container.name } });
  }
}

function checkBidirectional(ctx: RuleContext, pod: PodModel, container: ContainerModel): void {
  const security = getNode(container.node, 'securityContext', pod.doc);
  const privileged = getNode(asMap(security, pod.doc), 'privileged', pod.doc);
  if (unknownAt(security) || unknownAt(privileged) || (isScalar(privileged) && privileged.value === true)) return;
  for (const mount of container.mounts) {
    const propagation = getNode(mount.node, 'mountPropagation', pod.doc) as Node | undefined;
    if (!isScalar(propagation) || propagation.value !== 'Bidirectional') continue;
    const path = `${container.path}.volumeMounts.mountPropagation`;
    ctx.report({ node: propagation, message: ctx.t('invalid-value.bidirectional', { container: containerLabel(container), path }), data: { bidirectional: true, container: container.name } });
  }
}

/**
 * A privileged container always runs with privilege escalation: `allowPrivilegeEscalation: false`
 * beside `privileged: true` is refused ("cannot set `allowPrivilegeEscalation` to false and
 * `privileged` to true").
 */
function checkPrivilegedEscalation(ctx: RuleContext, pod: PodModel, container: ContainerModel): void {
  const security = asMap(getNode(container.node, 'securityContext', pod.doc), pod.doc);
  const privileged = getNode(security, 'privileged', pod.doc);
  const escalation = getNode(security, 'allowPrivilegeEscalation', pod.doc);
  if (!isScalar(privileged) || privileged.value !== true || !isScalar(escalation) || escalation.value !== false) return;
  const path = `${container.path}.securityContext`;
  ctx.report({ node: escalation, message: ctx.t('invalid-value.privileged-escalation', { container: containerLabel(container), path }), data: { privilegedEscalation: true } });
}

/** Whether `node` is written inside `outer` (not merged in from an anchor elsewhere). */
const inside = (node: Node, outer: Node | undefined): boolean => !!node.range && !!outer?.range && outer.range[0] <= node.range[0] && node.range[1] <= outer.range[1];

/** A liveness or startup probe's successThreshold must be 1 (validateLivenessProbe, validateStartupProbe). */
function checkSuccessThreshold(ctx: RuleContext, pod: PodModel, container: ContainerModel): void {
  for (const probe of ['livenessProbe', 'startupProbe']) {
    const map = asMap(getNode(container.node, probe, pod.doc), pod.doc);
    const threshold = getNode(map, 'successThreshold', pod.doc);
    // 0 is defaulted to 1 before validation.
    if (!isScalar(threshold) || typeof threshold.value !== 'number' || threshold.value <= 1) continue;
    // A value merged from an anchor elsewhere (`livenessProbe: *probe`) is reported at the alias, without a fix.
    const value = getPair(container.node, probe, pod.doc)?.value;
    const written = !isAlias(value) && inside(threshold, map);
    const node = written ? threshold : ((value as Node | undefined) ?? threshold);
    const path = `${container.path}.${probe}.successThreshold`;
    ctx.report({ node, message: ctx.t('invalid-value.success-threshold', { container: containerLabel(container), probe, value: threshold.value, path }), data: { successThreshold: written } });
  }
}

export function checkContainerConstraints(ctx: RuleContext): void {
  for (const pod of ctx.pods) {
    if (pod.partial || ctx.options.kustomizeResource || !isBuiltInWorkload(pod.object)) continue;
    for (const container of pod.containers) {
      checkInitHandlers(ctx, pod, container);
      checkBidirectional(ctx, pod, container);
      checkPrivilegedEscalation(ctx, pod, container);
      if (container.role !== 'init') checkSuccessThreshold(ctx, pod, container);
    }
  }
}
