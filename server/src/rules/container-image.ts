/**
 * Part of invalid-value: a container of a built-in workload with no image (or `image: ""`), or
 * with no name. The API server rejects the object: "spec.containers[0].image: Required value"
 * (validateContainerCommon, for pods and pod templates alike), "spec.containers[0].name:
 * Required value". Left alone:
 *  - custom resources: operators fill in the images of the containers they generate, and a CR's
 *    `containers` is often a patch onto them (Prometheus, Tekton step templates);
 *  - partial pods (kustomize patches, Helm templates, `$patch` documents);
 *  - kustomize bases (a resource of the kustomization beside the file): an overlay may patch the
 *    image in ("image: intentionally omitted, set by kustomize"); the CLI checks the rendered overlay;
 *  - apps/v1 workloads without `spec.selector`: a whole one needs a selector, so such a document is
 *    almost surely a patch that a kustomization not in sight lists.
 */
import { isMap, isScalar, type Node } from 'yaml';
import { isUnknownValue } from '../core/unknown-values';
import { getNode, getPair } from '../core/yaml-access';
import { containerLabel, type PodModel } from '../k8s/pod-model';
import { groupOf, isBuiltInWorkload } from '../k8s/workloads';
import type { RuleContext } from './types';
import { isKnativeServing } from '../k8s/knative';

/**
 * Containers whose image a framework sets: Spark's driver and executor pod templates, Flink's
 * main container (the `spec.podTemplate` files these read are never applied themselves).
 */
const FRAMEWORK_CONTAINERS = new Set(['spark-kubernetes-driver', 'spark-kubernetes-executor', 'flink-main-container']);

/** Whether a pod's containers are whole enough to judge their images (see the header). */
export function judged(pod: PodModel, ctx: RuleContext): boolean {
  if (pod.partial || ctx.options.kustomizeResource || !isBuiltInWorkload(pod.object)) return false;
  // A Pod with no name (nor generateName) is a template some framework reads, not an object to apply.
  const metadata = getNode(pod.object.node, 'metadata', pod.doc);
  if (pod.object.kind === 'Pod' && !(isMap(metadata) && (getPair(metadata, 'name', pod.doc) || getPair(metadata, 'generateName', pod.doc)))) return false;
  if (groupOf(pod.object.apiVersion) !== 'apps') return true;
  const spec = getNode(pod.object.node, 'spec', pod.doc);
  return isMap(spec) && getPair(spec, 'selector', pod.doc) !== undefined;
}

/**
 * `image: #{registry}#/app:1.2`: a token of Azure DevOps' replacetokens or Octopus, which YAML
 * reads as a comment; the pipeline writes the image in before the file is applied.
 */
function tokenComment(text: string, key: Node): boolean {
  const end = key.range?.[1];
  if (end === undefined) return false;
  return /^:[ \t]+#\{/.test(text.slice(end, end + 40));
}

export function checkContainerImage(ctx: RuleContext): void {
  for (const pod of ctx.pods) {
    // Knative's webhook refuses a container without an image at apply (it names an unnamed one).
    const knative = isKnativeServing(pod) && !pod.partial && !ctx.options.kustomizeResource;
    if (!knative && !judged(pod, ctx)) continue;
    for (const c of pod.containers) {
      const name = getPair(c.node, 'name', pod.doc);
      const first = c.node.items[0]?.key;
      const nameless = !knative && (!name || name.value === null || (isScalar(name.value) && name.value.value === null && !isUnknownValue(name.value)));
      if (nameless && isScalar(first) && !isUnknownValue(first)) {
        // (An empty name is invalid-name's: "must consist of lower case alphanumeric characters".)
        ctx.report({ node: first, message: ctx.t('invalid-value.name-missing', { path: `${c.path}.name` }), data: { field: 'name', nameMissing: true } });
      }
      if (c.name !== undefined && FRAMEWORK_CONTAINERS.has(c.name)) continue;
      const pair = getPair(c.node, 'image', pod.doc);
      const value = pair?.value;
      // A present image that is not null or "" is the type check's (or fine).
      if (pair && (isUnknownValue(value) || !(value === null || (isScalar(value) && (value.value === null || value.value === ''))))) continue;
      if (pair && tokenComment(ctx.chunk.text, pair.key as Node)) continue;
      const at = (isScalar(value) && value.value === '' ? value : pair?.key) ?? c.nameNode ?? c.node.items[0]?.key;
      if (!at) continue;
      ctx.report({ node: at as Node, message: ctx.t('invalid-value.image-missing', { name: containerLabel(c), path: `${c.path}.image` }), data: { field: 'image', imageMissing: true } });
    }
  }
}
