/**
 * Part of invalid-value: `ephemeralContainers` written in a manifest. The API server adds ephemeral
 * containers only through a running pod's `pods/ephemeralcontainers` subresource (`kubectl debug`),
 * so it refuses them everywhere else:
 *  - in a Pod being created ("spec.ephemeralContainers: Forbidden: cannot be set on create",
 *    ValidatePodCreate);
 *  - in any pod template ("spec.template.spec.ephemeralContainers: Forbidden: ephemeral containers
 *    not allowed in pod template", ValidatePodTemplateSpec).
 * A Pod saved from a cluster (`kubectl get -o yaml`: it has `status`, a `uid`, a `resourceVersion`
 * or a `creationTimestamp`) is left alone:
 * applied back to that cluster it changes nothing, and the debug containers are really there.
 * Judged as container-image.ts judges a missing image: built-in workloads only, whole ones.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { getNode, getPair } from '../core/yaml-access';
import type { PodModel } from '../k8s/pod-model';
import { judged } from './container-image';
import type { RuleContext } from './types';

/** A Pod as the API server returned it rather than as someone wrote it. */
function savedFromCluster(pod: PodModel): boolean {
  const object = pod.object.node;
  if (getPair(object, 'status', pod.doc)) return true;
  const metadata = getNode(object, 'metadata', pod.doc);
  if (!isMap(metadata)) return false;
  if (getPair(metadata, 'uid', pod.doc) || getPair(metadata, 'resourceVersion', pod.doc)) return true;
  // `creationTimestamp: null` is what `kubectl create --dry-run -o yaml` writes; a time is the cluster's.
  const created = getNode(metadata, 'creationTimestamp', pod.doc);
  return isScalar(created) && created.value !== null && created.value !== '';
}

export function checkEphemeralContainers(ctx: RuleContext): void {
  for (const pod of ctx.pods) {
    const pair = getPair(pod.spec, 'ephemeralContainers', pod.doc);
    // An empty list (`ephemeralContainers: []`) is no container: the API server sees nothing set.
    if (!pair || !isSeq(pair.value) || pair.value.items.length === 0 || !judged(pod, ctx)) continue;
    const template = pod.object.kind !== 'Pod';
    if (!template && savedFromCluster(pod)) continue;
    const path = `${pod.path}.ephemeralContainers`;
    const key = template ? 'invalid-value.ephemeral-in-template' : 'invalid-value.ephemeral-on-create';
    ctx.report({ node: pair.key as Node, message: ctx.t(key, { path, kind: pod.object.kind ?? 'Pod' }), data: { ephemeralContainers: true } });
  }
}
