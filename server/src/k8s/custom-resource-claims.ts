/**
 * What `kubectl apply` really does with a pod inside a custom resource. The pod rules' messages
 * quote the API server's pod validation ("kubectl apply rejects this: …"), which holds for Pods and
 * the built-in workloads. Inside a Rollout, a Tekton Task or any other custom resource, apply only
 * sees the CRD's schema; the pod is validated when the resource's controller creates it, so the
 * failure shows up there (events, the resource's status), not at apply. The claim is rewritten so.
 */
import { t, type Locale } from '../l10n';
import { isKnativeServing } from './knative';
import type { PodModel } from './pod-model';
import { groupOf, type K8sObject } from './workloads';
import { isScalar, type Node } from 'yaml';

/** Whether a node's range (start to end of its value) holds the offset. */
const within = (range: readonly number[] | null | undefined, offset: number): boolean => !!range && offset >= (range[0] ?? 0) && offset <= (range[2] ?? -1);

/**
 * API groups whose pod specs the API server validates on apply (core, apps, batch, extensions;
 * OpenShift's apps.openshift.io, whose API server validates a DeploymentConfig's pod template).
 */
const BUILT_IN_GROUPS = new Set(['', 'apps', 'batch', 'extensions', 'apps.openshift.io']);

/** Whether the API server validates the object's pods when it is applied (not only a CRD's schema). */
export const podsValidatedOnApply = (apiVersion: string | undefined): boolean => BUILT_IN_GROUPS.has(groupOf(apiVersion));

/** The pod of a custom resource holding `offset` (chunk-relative), if one does. */
export function customResourcePodAt(pods: readonly PodModel[], offset: number): PodModel | undefined {
  // The pod whose own spec holds it first: an Argo workflow's templates share one owner (its spec).
  // Else the pod's part around the spec (its template): the resource's own metadata is validated on
  // apply like any object's (labels, namespace), so its claims stand as written.
  const pod = pods.find((p) => within(p.spec.range, offset)) ?? pods.find((p) => p.owner !== p.object.node && within(p.owner.range, offset));
  return pod && !podsValidatedOnApply(pod.object.apiVersion) ? pod : undefined;
}

/** Each phrase of the pod-validation claims, with the key of its custom-resource wording. */
const CLAIMS: readonly { readonly key: string; readonly phrase: Record<Locale, string> }[] = [
  { key: 'cr-claim.rejects', phrase: { en: 'kubectl apply rejects this: ', 'zh-cn': 'kubectl apply 会拒绝：' } },
  { key: 'cr-claim.warns', phrase: { en: 'kubectl apply only warns: ', 'zh-cn': 'kubectl apply 只会给出警告：' } },
  { key: 'cr-claim.decode', phrase: { en: 'kubectl apply cannot decode the object and rejects it.', 'zh-cn': 'kubectl apply 无法解码该对象，会拒绝它。' } },
  { key: 'cr-claim.decode', phrase: { en: 'kubectl apply cannot decode the object.', 'zh-cn': 'kubectl apply 无法解码该对象。' } },
  { key: 'cr-claim.decode', phrase: { en: 'kubectl apply cannot decode the object and rejects it.', 'zh-cn': 'kubectl apply 无法解码并拒绝该对象。' } },
];

/** "a Rollout", "an Elasticsearch" (Chinese has no article). */
function withArticle(kind: string, locale: Locale): string {
  return locale === 'en' ? `${/^[AEIOU]/.test(kind) ? 'an' : 'a'} ${kind}` : kind;
}

/**
 * Kinds whose pods are made by runs of them, not by a controller of the kind itself: a Tekton
 * Task's pod by a TaskRun, an Argo WorkflowTemplate's by a Workflow.
 */
const RUNS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'tekton.dev': { Task: 'TaskRun', ClusterTask: 'TaskRun', Pipeline: 'PipelineRun' },
  'argoproj.io': { WorkflowTemplate: 'Workflow', ClusterWorkflowTemplate: 'Workflow', CronWorkflow: 'Workflow', AnalysisTemplate: 'AnalysisRun', ClusterAnalysisTemplate: 'AnalysisRun' },
};

/** What a finding says of itself, for the claims that depend on which check it is. */
export type ClaimedFinding = { readonly rule: string; readonly message: string; readonly start: number; readonly data?: Readonly<Record<string, unknown>> };

/**
 * Whether Knative Serving's validating webhook refuses this at apply, checking the pod spec itself
 * (knative.dev/serving pkg/apis/serving/k8s_validation.go): duplicate container and volume names,
 * mounts of no volume and mount paths used twice, no image, a probe or hook on an init container,
 * and the serving port's protocol (only the first port of a container is its) and range.
 */
function knativeWebhookRefuses(finding: ClaimedFinding): boolean {
  switch (finding.rule) {
    case 'duplicate-container-name':
      // Init containers are compared with the app containers only, not with each other.
      return !(/already used by \S*initContainers\[/.test(finding.message) && /"[^"]*\.initContainers\[\d+\]\.name:/.test(finding.message));
    case 'duplicate-volume-name':
    case 'duplicate-mount-path':
      return true;
    case 'undefined-volume':
      return finding.data?.device !== true;
    case 'invalid-port': {
      // A containerPort out of range is refused either as the serving port or as a second port.
      const value = finding.data?.value;
      if (finding.data?.field === 'containerPort') return typeof value === 'number' && (value < 0 || value > 65535);
      return finding.data?.field === 'protocol' && /"[^"]*\.containers\[\d+\]\.ports\[0\]\.protocol:/.test(finding.message);
    }
    case 'invalid-value':
      return finding.data?.imageMissing === true || finding.data?.initHandler !== undefined;
    default:
      return false;
  }
}

/**
 * Whether Tekton's validating webhook refuses this at apply: a step's name (a DNS label, unique
 * among the steps) and volume names used twice. Sidecars' names it leaves to the API server, which
 * refuses the TaskRun's pod (sweep CY).
 */
function tektonWebhookRefuses(finding: ClaimedFinding): boolean {
  if (finding.rule === 'duplicate-volume-name') return true;
  const step = /"[^"]*\.steps\[\d+\]\.name:/.test(finding.message);
  return step && (finding.rule === 'duplicate-container-name' || (finding.rule === 'invalid-name' && finding.data?.what === 'container'));
}

/** Argo Workflows' kinds whose templates become pods (not Rollouts or AnalysisTemplates). */
const ARGO_WORKFLOW_KINDS = new Set(['Workflow', 'WorkflowTemplate', 'ClusterWorkflowTemplate', 'CronWorkflow']);

/**
 * What Argo Workflows does itself before any pod exists (sweep CY). Its validation (`argo lint`,
 * `argo submit`, and the controller before it runs a Workflow: workflow/validate/validate.go)
 * refuses two mounts at one path in a `container` template or in `containerSet.volumeMounts`, and
 * a containerSet container without a name; a script template's and a sidecar's mounts it leaves to
 * the API server. A mount of no volume the controller finds when it builds the pod
 * (addVolumeReferences) and fails the step without creating it.
 */
function argoRefuses(finding: ClaimedFinding, pod: PodModel): 'cr-claim.argo-validation' | 'cr-claim.argo-volume' | undefined {
  if (groupOf(pod.object.apiVersion) !== 'argoproj.io' || !ARGO_WORKFLOW_KINDS.has(pod.object.kind ?? '')) return undefined;
  if (finding.rule === 'undefined-volume') return finding.data?.device === true ? undefined : 'cr-claim.argo-volume';
  if (finding.rule === 'duplicate-mount-path') {
    for (const container of pod.containers) {
      const mount = container.mounts.find((m) => within(m.node.range, finding.start));
      if (!mount) continue;
      return mount.path.includes('.containerSet.volumeMounts[') || container.path.endsWith('.container') ? 'cr-claim.argo-validation' : undefined;
    }
    return undefined;
  }
  if (finding.rule === 'invalid-name' && finding.data?.what === 'container' && finding.data.name === '') {
    const container = pod.containers.find((c) => within(c.node.range, finding.start));
    return container?.path.includes('.containerSet.containers[') ? 'cr-claim.argo-validation' : undefined;
  }
  return undefined;
}

/** The custom-resource wording of a claim for this finding in this pod. */
function claimKey(key: string, finding: ClaimedFinding, pod: PodModel): { key: string; run?: string } {
  const argo = key === 'cr-claim.rejects' ? argoRefuses(finding, pod) : undefined;
  if (argo) return { key: argo };
  // Volcano's admission webhook validates each task's pod template as the API server does (sweep DK).
  if (key === 'cr-claim.rejects' && groupOf(pod.object.apiVersion) === 'batch.volcano.sh') return { key: 'cr-claim.volcano-webhook' };
  if (key === 'cr-claim.rejects' && isKnativeServing(pod)) return { key: knativeWebhookRefuses(finding) ? 'cr-claim.knative-webhook' : 'cr-claim.knative-later' };
  if (key === 'cr-claim.rejects' && groupOf(pod.object.apiVersion) === 'tekton.dev' && tektonWebhookRefuses(finding)) return { key: 'cr-claim.tekton-webhook' };
  const run = RUNS[groupOf(pod.object.apiVersion)]?.[pod.object.kind ?? ''];
  return run && key !== 'cr-claim.decode' ? { key: `${key}-run`, run } : { key };
}

/**
 * The server's quoted field paths as the object the controller creates would have them. Only a pod
 * at `spec.template.spec` keeps its paths (a Rollout's ReplicaSet, a Knative Service's Deployment
 * hold it there too); elsewhere (an Argo template's `container`, a Tekton step, a ScaledJob's
 * `jobTargetRef`, a CronWorkflow's shared volumes) what precedes the pod spec's own lists, or the
 * container, is not known and is left out: `"…containers[1].name"`, `"…ports[0]"`.
 */
function quotedAsCreated(quote: string, pod: PodModel): string {
  if (pod.path === 'spec.template.spec') return quote;
  // In a pod spec's own lists the container's index says which one it is (`…containers[1].name`).
  const inPodSpec = (path: string): boolean => path.startsWith(`${pod.path}.`) && /^(init|ephemeral)?[cC]ontainers\[/.test(path.slice(pod.path.length + 1));
  const prefixes = new Set<string>([pod.path]);
  for (const c of pod.containers) if (!inPodSpec(c.path)) prefixes.add(c.path);
  for (const v of pod.volumes) prefixes.add(v.path.slice(0, v.path.lastIndexOf('.volumes[')));
  let out = quote;
  for (const prefix of [...prefixes].filter((p) => p !== '').sort((x, y) => y.length - x.length)) {
    out = out.replace(new RegExp(`(^|[\\s"])${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.`, 'g'), '$1…');
  }
  return out;
}

/** The message with its apply-time claim told as it happens for a pod inside a custom resource. */
/** Kinds named after a built-in one are told with their product (`Volcano Job`, not `Job`). */
const NAMESAKES: Readonly<Record<string, string>> = { 'batch.volcano.sh': 'Volcano' };

export function claimForCustomResource(finding: ClaimedFinding, pod: PodModel, locale: Locale): string {
  const product = NAMESAKES[groupOf(pod.object.apiVersion) ?? ''];
  const kind = `${product ? `${product} ` : ''}${pod.object.kind ?? 'custom resource'}`;
  let out = finding.message;
  for (const claim of CLAIMS) {
    const phrase = claim.phrase[locale];
    const at = out.indexOf(phrase);
    if (at < 0) continue;
    const { key, run } = claimKey(claim.key, finding, pod);
    const rest = out.slice(at + phrase.length);
    // Argo's own messages replace the API server's, which is never reached.
    const quote = key.startsWith('cr-claim.argo-') ? '' : key === 'cr-claim.knative-webhook' || key === 'cr-claim.tekton-webhook' ? rest : quotedAsCreated(rest, pod);
    const name = typeof finding.data?.name === 'string' ? finding.data.name : '';
    out = out.slice(0, at) + t(locale, key, { kind, aKind: withArticle(kind, locale), run: run ?? '', aRun: withArticle(run ?? '', locale), name }) + quote;
  }
  return out;
}

/** Fields of a StatefulSet's pod template that its own validation checks on apply (the rest is not). */
const STATEFULSET_CHECKED = ['restartPolicy', 'activeDeadlineSeconds'];

/**
 * The message as it happens for a finding in a StatefulSet's pod spec. The API server validates a
 * StatefulSet's template labels, restartPolicy and activeDeadlineSeconds, not the pod spec
 * (`ValidatePodTemplateSpecForStatefulSet` leaves it out: volumeClaimTemplates' volumes would fail
 * it); the pods the controller creates are validated, with paths from the pod (`spec.containers…`).
 */
export function claimForStatefulSet(message: string, pods: readonly PodModel[], offset: number, locale: Locale): string {
  const phrase = CLAIMS[0]?.phrase[locale] ?? '';
  const at = message.indexOf(phrase);
  if (at < 0) return message;
  const pod = pods.find((p) => p.kind === 'StatefulSet' && p.object.kind === 'StatefulSet' && within(p.spec.range, offset));
  if (!pod || !podsValidatedOnApply(pod.object.apiVersion)) return message;
  for (const pair of pod.spec.items) {
    const key = pair.key as Node | null;
    const checked = isScalar(key) && STATEFULSET_CHECKED.includes(String(key.value));
    if (checked && (within(key.range, offset) || within((pair.value as Node | null)?.range, offset))) return message;
  }
  const quoted = message.slice(at + phrase.length).split('spec.template.').join('');
  return message.slice(0, at) + t(locale, 'statefulset-claim.rejects') + quoted;
}

/** The innermost object with a path prefix (a List item, a Template's object) that holds `offset`. */
function nestedObjectAt(objects: readonly { readonly object: K8sObject }[], offset: number): K8sObject | undefined {
  let found: K8sObject | undefined;
  for (const { object } of objects) {
    if (object.pathPrefix !== '' && within(object.node.range, offset)) found = object; // nested ones come later
  }
  return found;
}

/** How each locale's messages name the client of an apply-time claim. */
const APPLY = 'kubectl apply';

/**
 * The message as the API server words it for an object nested in a List or an OpenShift Template.
 * kubectl applies a List's items one by one and `oc process` sends a Template's objects on their
 * own, so the server's quoted field paths start at the object (`spec…`, not `objects[0].spec…`).
 * A Template's objects are stored unchecked when the Template is applied: what kubectl apply would
 * say of an object happens when the processed Template is applied.
 */
export function claimForNestedObject(message: string, objects: readonly { readonly object: K8sObject }[], offset: number, locale: Locale): string {
  if (objects.length < 2) return message; // a nested object comes with the List or Template around it
  const at = message.indexOf(APPLY);
  const object = at < 0 ? undefined : nestedObjectAt(objects, offset);
  if (!object) return message;
  const claims = message.slice(at).split(object.pathPrefix).join('');
  return message.slice(0, at) + (object.inTemplate ? claims.split(APPLY).join(t(locale, 'template-claim.apply')) : claims);
}
