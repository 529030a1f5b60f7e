/**
 * What `kubectl apply` really does with a pod inside a custom resource. The pod rules' messages
 * quote the API server's pod validation ("kubectl apply rejects this: …"), which holds for Pods and
 * the built-in workloads. Inside a Rollout, a Tekton Task or any other custom resource, apply only
 * sees the CRD's schema; the pod is validated when the resource's controller creates it, so the
 * failure shows up there (events, the resource's status), not at apply. The claim is rewritten so.
 */
import { t, type Locale } from '../l10n';
import type { PodModel } from './pod-model';
import type { K8sObject } from './workloads';
import { isScalar, type Node } from 'yaml';

/** Whether a node's range (start to end of its value) holds the offset. */
const within = (range: readonly number[] | null | undefined, offset: number): boolean => !!range && offset >= (range[0] ?? 0) && offset <= (range[2] ?? -1);

/**
 * API groups whose pod specs the API server validates on apply (core, apps, batch, extensions;
 * OpenShift's apps.openshift.io, whose API server validates a DeploymentConfig's pod template).
 */
const BUILT_IN_GROUPS = new Set(['', 'apps', 'batch', 'extensions', 'apps.openshift.io']);

function groupOf(apiVersion: string | undefined): string {
  const slash = (apiVersion ?? '').indexOf('/');
  return slash < 0 ? '' : (apiVersion ?? '').slice(0, slash);
}

/** Whether the API server validates the object's pods when it is applied (not only a CRD's schema). */
export const podsValidatedOnApply = (apiVersion: string | undefined): boolean => BUILT_IN_GROUPS.has(groupOf(apiVersion));

/** The custom resource kind holding `offset` (chunk-relative), if a pod of a custom resource does. */
export function customResourceKindAt(pods: readonly PodModel[], offset: number): string | undefined {
  for (const pod of pods) {
    // The pod's part (its template, or its spec): the resource's own metadata is validated on apply
    // like any object's (labels, namespace), so its claims stand as written.
    if (!within((pod.owner !== pod.object.node ? pod.owner : pod.spec).range, offset)) continue;
    if (podsValidatedOnApply(pod.object.apiVersion)) return undefined;
    return pod.object.kind ?? 'custom resource';
  }
  return undefined;
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

/** The message with its apply-time claim told as it happens for a pod inside `kind`. */
export function claimForCustomResource(message: string, kind: string, locale: Locale): string {
  let out = message;
  for (const claim of CLAIMS) {
    const phrase = claim.phrase[locale];
    if (out.includes(phrase)) out = out.replace(phrase, t(locale, claim.key, { kind, aKind: withArticle(kind, locale) }));
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
