/**
 * Labels a pod gets beyond its template's: the built-in controllers add a few of their own
 * (a Service may select one StatefulSet pod by `statefulset.kubernetes.io/pod-name`), and an
 * operator that builds a custom resource's pods adds its own, mostly under its domain (KubeRay
 * `ray.io/node-type`, Kubeflow `training.kubeflow.org/replica-type`, Knative
 * `serving.knative.dev/service`, JobSet `jobset.sigs.k8s.io/...`), sometimes without one.
 */
import { getMap, mapPairs, keyText } from '../core/yaml-access';
import type { PodModel } from './pod-model';
import { isBuiltInWorkload } from './workloads';

const BUILT_IN_CONTROLLER_LABELS = new Set([
  'pod-template-hash',
  'controller-revision-hash',
  'pod-template-generation',
  'statefulset.kubernetes.io/pod-name',
  'apps.kubernetes.io/pod-index',
  'job-name',
  'controller-uid',
  'batch.kubernetes.io/job-name',
  'batch.kubernetes.io/controller-uid',
  'batch.kubernetes.io/job-completion-index',
]);

/**
 * Operators' labels without a domain: Argo Rollouts' hash, Knative's `app` (the revision name
 * when the template sets none), the names older Kubeflow training operators used.
 */
const OPERATOR_PLAIN_LABELS = new Set([
  'rollouts-pod-template-hash',
  // OpenShift's DeploymentConfig controller labels its pods with its name and the RC's (probe EJ).
  'deploymentconfig',
  'deployment',
  'app',
  'group-name',
  'job-role',
  'replica-type',
  'replica-index',
  'tf-job-name',
  'tf-replica-type',
  'tf-replica-index',
  'pytorch-job-name',
  'pytorch-replica-type',
  'pytorch-replica-index',
  'mpi-job-name',
  'mpi-job-role',
]);

/** Argo Rollouts copies these maps' labels onto the stable, canary, active or preview pods. */
const ROLLOUT_METADATA = [
  ['canary', 'stableMetadata'],
  ['canary', 'canaryMetadata'],
  ['blueGreen', 'activeMetadata'],
  ['blueGreen', 'previewMetadata'],
] as const;

function rolloutMetadataKeys(pod: PodModel): string[] {
  if (pod.object.kind !== 'Rollout') return [];
  const strategy = getMap(getMap(pod.object.node, 'spec', pod.doc), 'strategy', pod.doc);
  return ROLLOUT_METADATA.flatMap(([kind, field]) => {
    const labels = getMap(getMap(getMap(strategy, kind, pod.doc), field, pod.doc), 'labels', pod.doc);
    return labels ? mapPairs(labels, pod.doc).flatMap((p) => keyText(p) ?? []) : [];
  });
}

/**
 * Labels a process puts on its own pod at run time to say which replica leads: Vault's
 * `vault-active`, Patroni's `spilo-role`/`role`, leader-election sidecars' `leader`. A Service
 * selecting the leader with such a label beside the app's is the usual pattern.
 */
const RUN_TIME_ROLE = /(?:^|[-_./])(?:role|active|leader|primary|master|standby|sealed|initialized)(?:$|[-_.])/i;

/** The same said by the value: the MinIO operator labels the replica that wins the election `operator: leader` (sweep EL). */
const RUN_TIME_ROLE_VALUE = /^(?:leader|elected|active|primary|master|standby)$/i;

/** Whether the pods may carry `key` (with `value`, when the selector asks for one) although their template does not write it. */
export function mayBeAddedByController(key: string, pod: PodModel, value?: string): boolean {
  if (BUILT_IN_CONTROLLER_LABELS.has(key) || RUN_TIME_ROLE.test(key) || (value !== undefined && RUN_TIME_ROLE_VALUE.test(value))) return true;
  if (isBuiltInWorkload(pod.object)) return false;
  const prefix = key.includes('/') ? key.slice(0, key.indexOf('/')) : '';
  return prefix.includes('.') || OPERATOR_PLAIN_LABELS.has(key) || rolloutMetadataKeys(pod).includes(key);
}
