/**
 * Part of invalid-value: the pods of a Job (and of the Jobs a CronJob makes) run to completion,
 * so batch validation accepts only restartPolicy "OnFailure" or "Never". The pod default,
 * "Always", is rejected, written or not: "spec.template.spec.restartPolicy: Required value: valid
 * values: "OnFailure", "Never"" (pkg/apis/batch/validation).
 * The mirror case: the controllers that keep pods running (Deployment, ReplicaSet, StatefulSet,
 * DaemonSet, ReplicationController) accept only "Always": "spec.template.spec.restartPolicy:
 * Unsupported value: "OnFailure": supported values: "Always"" (pkg/apis/apps/validation).
 */
import { isScalar } from 'yaml';
import { getPair, getScalar } from '../core/yaml-access';
import { isUnknownValue } from '../core/unknown-values';
import type { PodModel } from '../k8s/pod-model';
import { groupOf } from '../k8s/workloads';
import type { RuleContext } from './types';

/**
 * The kinds whose pod templates are Jobs' (API group, kind) and the path batch validation names.
 * Custom resources that make Jobs (KEDA's ScaledJob) are left out: their controller may set a policy.
 */
const JOB_TEMPLATES: readonly { group: string; kind: string; path: string }[] = [
  { group: 'batch', kind: 'Job', path: 'spec.template.spec.restartPolicy' },
  { group: 'batch', kind: 'CronJob', path: 'spec.jobTemplate.spec.template.spec.restartPolicy' },
];

export const JOB_RESTART_POLICIES = ['Never', 'OnFailure'];

function jobTemplate(pod: PodModel): { path: string } | undefined {
  const group = groupOf(pod.object.apiVersion);
  return JOB_TEMPLATES.find((j) => j.group === group && j.kind === pod.object.kind);
}

/** Reports each Job pod template whose restartPolicy is "Always" or not set. */
export function checkJobRestartPolicy(ctx: RuleContext): void {
  for (const pod of ctx.pods) {
    const job = jobTemplate(pod);
    if (!job || pod.partial) continue;
    const policy = getScalar(pod.spec, 'restartPolicy', pod.doc);
    // "" is filled in with the pod default, "Always"; other values are the enum check's.
    if (policy && (isUnknownValue(policy) || (policy.value !== 'Always' && policy.value !== ''))) continue;
    const data = { field: 'restartPolicy', value: policy ? String(policy.value) : undefined, allowed: JOB_RESTART_POLICIES, suggestion: 'Never', missing: !policy };
    if (policy) ctx.report({ node: policy, message: ctx.t(policy.value === '' ? 'invalid-value.job-restart-policy-empty' : 'invalid-value.job-restart-policy', { path: job.path }), data });
    else if (isScalar(pod.specPair.key)) ctx.report({ node: pod.specPair.key, message: ctx.t('invalid-value.job-restart-policy-missing', { path: job.path }), data });
  }
}

/** The workloads whose pods must keep running, by API group. */
const ALWAYS_RUNNING: Readonly<Record<string, readonly string[]>> = {
  apps: ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet'],
  '': ['ReplicationController'],
};

/** Reports "OnFailure" or "Never" in the pod template of a workload whose pods must keep running. */
export function checkWorkloadRestartPolicy(ctx: RuleContext): void {
  for (const pod of ctx.pods) {
    if (pod.partial || !(ALWAYS_RUNNING[groupOf(pod.object.apiVersion)] ?? []).includes(pod.object.kind ?? '')) continue;
    const policy = getScalar(pod.spec, 'restartPolicy', pod.doc);
    if (!policy || isUnknownValue(policy) || (policy.value !== 'OnFailure' && policy.value !== 'Never')) continue;
    const args = { kind: pod.object.kind ?? '', value: String(policy.value), path: `${pod.path}.restartPolicy` };
    ctx.report({ node: policy, message: ctx.t('invalid-value.workload-restart-policy', args), data: { field: 'restartPolicy', value: policy.value, allowed: ['Always'], suggestion: 'Always' } });
  }
}

/**
 * Reports `activeDeadlineSeconds` in the pod template of a workload whose pods must keep running:
 * each pod would be stopped after that time, so the API server forbids it (a Deployment's
 * template is validated as its ReplicaSet's, and named so).
 */
export function checkWorkloadDeadline(ctx: RuleContext): void {
  for (const pod of ctx.pods) {
    const kind = pod.object.kind ?? '';
    if (pod.partial || !(ALWAYS_RUNNING[groupOf(pod.object.apiVersion)] ?? []).includes(kind)) continue;
    const pair = getPair(pod.spec, 'activeDeadlineSeconds', pod.doc);
    if (!pair || !isScalar(pair.key) || pair.value === null || (isScalar(pair.value) && (pair.value.value === null || isUnknownValue(pair.value)))) continue;
    const args = { kind, validated: kind === 'Deployment' ? 'ReplicaSet' : kind, path: `${pod.path}.activeDeadlineSeconds` };
    ctx.report({ node: pair.key, message: ctx.t('invalid-value.workload-deadline', args), data: { workloadDeadline: true } });
  }
}

/** Whether `node` is the restartPolicy value of a Job pod template (only OnFailure and Never fit there). */
export function isJobRestartPolicy(ctx: RuleContext, node: unknown): boolean {
  return ctx.pods.some((pod) => jobTemplate(pod) !== undefined && getScalar(pod.spec, 'restartPolicy', pod.doc) === node);
}
