/**
 * Part of invalid-name: the names and keys the API server validates on every object (ObjectMeta)
 * and in pods, with its own messages:
 *  - label keys (a qualified name: an optional DNS-subdomain prefix and `/`, then up to 63
 *    letters, digits, `-`, `_`, `.`) and label values (up to 63 of those, or empty), on the
 *    object, on its pod template and in its selector (a workload's `matchLabels`, a Service's
 *    `selector`); a value with a space (`app: hello world`) or written in Chinese is rejected;
 *  - `metadata.name` of the built-in kinds (object-names.ts) and `metadata.namespace` (an RFC 1123 label);
 *  - the keys of a ConfigMap's or Secret's data (letters, digits, `-`, `_`, `.`);
 *  - environment variable names that no release accepts (non-ASCII, `=`);
 *  - an Ingress's `ingressClassName` (an RFC 1123 subdomain: `NGINX` is rejected).
 * A key or value a template or placeholder writes is unknown and not judged.
 */
import { isScalar, type Document, type Node, type YAMLMap } from 'yaml';
import { isUnknownValue } from '../core/unknown-values';
import { getMap, getScalar } from '../core/yaml-access';
import { envOf } from '../k8s/env';
import { configKeyErrors, dns1123LabelErrors, dns1123SubdomainErrors, envNameErrors, holdsSedToken, labelValueErrors, qualifiedNameErrors } from '../k8s/names';
import { templateLabelsMap } from '../k8s/services';
import { isBuiltInWorkload, type K8sObject } from '../k8s/workloads';
import { checkObjectName } from './object-names';
import type { RuleContext } from './types';
import { mayInsert } from '../core/parse';

type What = 'label-key' | 'label-value' | 'namespace' | 'config-key' | 'env' | 'ingress-class';

function report(ctx: RuleContext, node: Node, name: string, what: What, path: string, errors: readonly string[]): void {
  // `_APP_ENV`, `pg-CLUSTER_NAME`: a token a script replaces, not a name.
  if (errors.length === 0 || holdsSedToken(name)) return;
  ctx.report({ node, message: ctx.t('invalid-name.value', { name, what: ctx.t(`invalid-name.what.${what}`), path, reason: errors.join('; ') }), data: { name, what, metadata: true } });
}

function checkLabels(ctx: RuleContext, labels: YAMLMap | undefined, path: string): void {
  for (const pair of labels?.items ?? []) {
    const key = pair.key;
    if (!isScalar(key) || typeof key.value !== 'string' || isUnknownValue(key)) continue;
    report(ctx, key, key.value, 'label-key', path, qualifiedNameErrors(key.value));
    const value = pair.value;
    if (isScalar(value) && typeof value.value === 'string' && !isUnknownValue(value)) report(ctx, value, value.value, 'label-value', path, labelValueErrors(value.value));
  }
}

/**
 * Selectors are validated as labels too (ValidateLabelSelector's matchLabels, a Service's
 * selector): a value with spaces is refused (sweep EA: `to_del: "to be removed by 6902"`).
 */
function checkSelectorLabels(ctx: RuleContext, object: K8sObject, doc: Document): void {
  // A kustomize resource's selector may be patched away; the rendered overlay is checked instead.
  if (ctx.options.kustomizeResource) return;
  const spec = getMap(object.node, 'spec', doc);
  if (object.kind === 'Service' && object.apiVersion === 'v1') checkLabels(ctx, getMap(spec, 'selector', doc), `${object.pathPrefix}spec.selector`);
  else if (isBuiltInWorkload(object) && object.kind !== 'Pod' && object.kind !== 'CronJob') checkLabels(ctx, getMap(getMap(spec, 'selector', doc), 'matchLabels', doc), `${object.pathPrefix}spec.selector.matchLabels`);
}

function checkDataKeys(ctx: RuleContext, node: YAMLMap, doc: Document, prefix: string): void {
  for (const field of ['data', 'binaryData', 'stringData']) {
    for (const pair of getMap(node, field, doc)?.items ?? []) {
      const key = pair.key;
      if (!isScalar(key) || typeof key.value !== 'string' || isUnknownValue(key)) continue;
      report(ctx, key, key.value, 'config-key', `${prefix}${field}[${key.value}]`, configKeyErrors(key.value));
    }
  }
}

export function checkMetadataNames(ctx: RuleContext): void {
  if (mayInsert(ctx.chunk) && ctx.options.fragment) return;
  for (const { object, doc } of ctx.objects) {
    checkObjectName(ctx, object, doc);
    const metadata = getMap(object.node, 'metadata', doc);
    checkLabels(ctx, getMap(metadata, 'labels', doc), `${object.pathPrefix}metadata.labels`);
    checkSelectorLabels(ctx, object, doc);
    const namespace = getScalar(metadata, 'namespace', doc);
    if (namespace && typeof namespace.value === 'string' && namespace.value !== '' && !isUnknownValue(namespace)) {
      report(ctx, namespace, namespace.value, 'namespace', `${object.pathPrefix}metadata.namespace`, dns1123LabelErrors(namespace.value));
    }
    if ((object.kind === 'ConfigMap' || object.kind === 'Secret') && object.apiVersion === 'v1') checkDataKeys(ctx, object.node, doc, object.pathPrefix);
    if (object.kind === 'Ingress' && object.apiVersion?.startsWith('networking.k8s.io/')) {
      const className = getScalar(getMap(object.node, 'spec', doc), 'ingressClassName', doc);
      if (className && typeof className.value === 'string' && className.value !== '' && !isUnknownValue(className)) {
        report(ctx, className, className.value, 'ingress-class', `${object.pathPrefix}spec.ingressClassName`, dns1123SubdomainErrors(className.value));
      }
    }
  }
  for (const pod of ctx.pods) {
    // A Pod's own labels are its object's, checked above. A template's are named without
    // `metadata` by the server (ValidatePodTemplateSpec: `spec.template.labels`).
    if (pod.owner !== pod.object.node) checkLabels(ctx, templateLabelsMap(pod), `${pod.path.replace(/\.spec$/, '')}.labels`);
    for (const container of pod.containers) {
      for (const entry of envOf(container, pod.doc).entries) {
        if (entry.name === undefined || !entry.nameNode || isUnknownValue(entry.nameNode)) continue;
        report(ctx, entry.nameNode, entry.name, 'env', `${container.path}.env[${entry.index}].name`, envNameErrors(entry.name));
      }
    }
  }
}
