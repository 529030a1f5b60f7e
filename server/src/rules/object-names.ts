/**
 * Part of invalid-name: `metadata.name` of the built-in kinds, as the API server validates it on
 * create. Most kinds take an RFC 1123 subdomain (`my-app`, `web.v2`); a Service takes an RFC 1035
 * label (it becomes a DNS name and environment variable prefix: no dots, a letter first); a
 * Namespace an RFC 1123 label; a CronJob at most 52 characters (its Jobs add 11). Beginners' `My_App`
 * and `webServer` are refused with these messages.
 *
 * Not judged: a kustomize patch (its name only selects a target, and with `target:` is not even
 * read), a resource of a kustomization (a replacement or generator may set the name), custom
 * resources, RBAC objects (their names follow other rules: `system:controller:x` is valid) and
 * PodDisruptionBudgets (whose validation never checks the name: any path segment goes), and
 * names a template or placeholder writes.
 */
import type { Document, Scalar } from 'yaml';
import { isUnknownValue } from '../core/unknown-values';
import { holdsSedToken } from '../k8s/names';
import { getMap, getScalar } from '../core/yaml-access';
import { dns1035LabelErrors, dns1123LabelErrors, dns1123SubdomainErrors } from '../k8s/names';
import type { K8sObject } from '../k8s/workloads';
import type { RuleContext } from './types';

type NameRule = (name: string) => string[];

const subdomain: NameRule = dns1123SubdomainErrors;
const cronJob: NameRule = (name) => [...dns1123SubdomainErrors(name), ...(name.length > 52 ? ['must be no more than 52 characters'] : [])];

/** The name rule of each built-in kind, by `group/kind` (the core group is empty). */
const RULES: Record<string, NameRule> = {
  '/Pod': subdomain,
  '/ConfigMap': subdomain,
  '/Secret': subdomain,
  '/ServiceAccount': subdomain,
  '/PersistentVolumeClaim': subdomain,
  '/PersistentVolume': subdomain,
  '/ReplicationController': subdomain,
  '/Service': dns1035LabelErrors,
  '/Namespace': dns1123LabelErrors,
  'apps/Deployment': subdomain,
  'apps/StatefulSet': subdomain,
  'apps/DaemonSet': subdomain,
  'apps/ReplicaSet': subdomain,
  'batch/Job': subdomain,
  'batch/CronJob': cronJob,
  'networking.k8s.io/Ingress': subdomain,
  'networking.k8s.io/IngressClass': subdomain,
  'networking.k8s.io/NetworkPolicy': subdomain,
  'autoscaling/HorizontalPodAutoscaler': subdomain,
  'storage.k8s.io/StorageClass': subdomain,
  'scheduling.k8s.io/PriorityClass': subdomain,
};

/** The same, by kind, then group (every object is looked up: no key string is built for it). */
const BY_KIND = new Map<string, Map<string, NameRule>>();
for (const [key, rule] of Object.entries(RULES)) {
  const [group = '', kind = ''] = key.split('/');
  if (!BY_KIND.has(kind)) BY_KIND.set(kind, new Map());
  BY_KIND.get(kind)?.set(group, rule);
}

function ruleFor(apiVersion: string | undefined, kind: string | undefined): NameRule | undefined {
  const groups = kind === undefined ? undefined : BY_KIND.get(kind);
  if (!groups || !apiVersion) return undefined;
  const slash = apiVersion.indexOf('/');
  return groups.get(slash < 0 ? '' : apiVersion.slice(0, slash));
}

/** A scalar string the user wrote (not empty, not a template's). */
function writtenName(node: Scalar | undefined): node is Scalar<string> {
  return !!node && typeof node.value === 'string' && node.value !== '' && !isUnknownValue(node) && !holdsSedToken(node.value);
}

export function checkObjectName(ctx: RuleContext, object: K8sObject, doc: Document): void {
  if (ctx.options.fragment || ctx.options.kustomizeResource) return;
  const rule = ruleFor(object.apiVersion, object.kind);
  const metadata = rule && getMap(object.node, 'metadata', doc);
  if (!rule || !metadata) return;
  checkGenerateName(ctx, object, rule, getScalar(metadata, 'generateName', doc));
  const node = getScalar(metadata, 'name', doc);
  if (!writtenName(node)) return;
  const errors = rule(node.value);
  if (errors.length === 0) {
    checkPodHostnames(ctx, object, node, node.value);
    checkJobLabel(ctx, object, node, node.value, doc);
    checkReservedPriorityClass(ctx, object, node, node.value);
    return;
  }
  const path = `${object.pathPrefix}metadata.name`;
  ctx.report({
    node,
    message: ctx.t('invalid-name.object', { name: node.value, kind: object.kind as string, path, reason: errors.join('; ') }),
    data: { name: node.value, what: 'object', metadata: true },
  });
}

/**
 * A StatefulSet's pods are named `<name>-0`, `<name>-1`… and take that name as their hostname, an
 * RFC 1123 label: a name with a dot is accepted on apply, but the controller can create none of its
 * pods ("spec.hostname: Invalid value: "db.v2-0": must not contain dots").
 */
function checkPodHostnames(ctx: RuleContext, object: K8sObject, node: Scalar, name: string): void {
  if (object.kind !== 'StatefulSet' || !object.apiVersion?.startsWith('apps/') || !name.includes('.')) return;
  const pod = `${name}-0`;
  const reason = dns1123LabelErrors(pod).join('; ');
  ctx.report({ node, message: ctx.t('invalid-name.statefulset-hostname', { name, pod, reason }), data: { name, what: 'object', metadata: true } });
}

/**
 * `generateName` is checked as a name prefix: the API server replaces a trailing `-` and the
 * character before it by a letter and applies the kind's name rule to it, length included (the generated name is shortened to fit
 * afterwards, but the field itself is validated first).
 */
function checkGenerateName(ctx: RuleContext, object: K8sObject, rule: NameRule, node: Scalar | undefined): void {
  if (!writtenName(node)) return;
  // maskTrailingDash: a prefix ending in `-` is checked without its last two characters, plus `a`.
  const value = node.value;
  const errors = rule(value.length > 1 && value.endsWith('-') ? `${value.slice(0, -2)}a` : value);
  if (errors.length === 0) return;
  const path = `${object.pathPrefix}metadata.generateName`;
  ctx.report({
    node,
    message: ctx.t('invalid-name.generate-name', { name: node.value, kind: object.kind as string, path, reason: errors.join('; ') }),
    data: { name: node.value, what: 'object', metadata: true },
  });
}

/**
 * A Job (whose selector Kubernetes generates) gets its name as the value of the `job-name` and
 * `batch.kubernetes.io/job-name` labels of its pod template, and a label value is at most 63
 * characters: a longer name is refused on create.
 */
function checkJobLabel(ctx: RuleContext, object: K8sObject, node: Scalar, name: string, doc: Document): void {
  if (object.kind !== 'Job' || !object.apiVersion?.startsWith('batch/') || name.length <= 63) return;
  if (getScalar(getMap(object.node, 'spec', doc), 'manualSelector', doc)?.value === true) return;
  ctx.report({ node, message: ctx.t('invalid-name.job-label', { name, length: String(name.length) }), data: { name, what: 'object', metadata: true } });
}

/** Names starting with `system-` belong to the two PriorityClasses Kubernetes creates itself. */
function checkReservedPriorityClass(ctx: RuleContext, object: K8sObject, node: Scalar, name: string): void {
  if (object.kind !== 'PriorityClass' || !object.apiVersion?.startsWith('scheduling.k8s.io/')) return;
  if (!name.startsWith('system-') || name === 'system-node-critical' || name === 'system-cluster-critical') return;
  ctx.report({ node, message: ctx.t('invalid-name.reserved-priority-class', { name }), data: { name, what: 'object', metadata: true } });
}
