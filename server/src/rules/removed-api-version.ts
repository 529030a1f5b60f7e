/**
 * removed-api-version: an apiVersion/kind the API server no longer serves (Kubernetes'
 * deprecation guide, k8s/api-versions.ts). `kubectl apply` fails with "no matches for kind";
 * the message names the release that removed it and what to use instead. Also the init-containers
 * annotation of Kubernetes 1.5–1.7 (k8s/init-annotation.ts): applied without a word, never run;
 * and the seccomp annotations nothing reads since 1.27 (k8s/seccomp-annotations.ts): the profile
 * they ask for is not applied.
 */
import { isMap, type Document, type YAMLMap } from 'yaml';
import { getMap, getNode, getScalar, getSeqItems } from '../core/yaml-access';
import { isUnknownValue } from '../core/unknown-values';
import { removalOf } from '../k8s/api-versions';
import { initAnnotation } from '../k8s/init-annotation';
import { seccompAnnotations } from '../k8s/seccomp-annotations';
import type { Rule, RuleContext } from './types';

export const removedApiVersion: Rule = {
  id: 'removed-api-version',
  defaultSeverity: 'error',
  check(ctx) {
    // A chart's object under a condition may be one for old clusters only: the condition may ask
    // for the cluster's version through a helper or a variable Podsight cannot follow.
    if (ctx.chunk.wrapped) return;
    for (const { object, doc } of ctx.objects) {
      if (!object.apiVersion || !object.kind) continue;
      const removal = removalOf(object.apiVersion, object.kind);
      const node = getScalar(object.node, 'apiVersion', doc);
      if (!removal || !node) continue;
      const args = { apiVersion: object.apiVersion, kind: object.kind, removedIn: removal.removedIn, replacement: removal.replacement ?? '', since: removal.since ?? '', newKind: removal.replacementKind ?? '' };
      // An HPA written as v2beta2 with v2beta1's metric fields needs more than the new version (sweep FF).
      const notable = removal.notable || (object.kind === 'HorizontalPodAutoscaler' && oldMetricFields(getMap(object.node, 'spec', doc), doc));
      const advice = !removal.replacement
        ? 'removed-api-version.gone'
        : removal.replacementKind
          ? 'removed-api-version.kind-renamed'
          : notable
            ? 'removed-api-version.changed'
            : 'removed-api-version.renamed';
      // apps/v1 requires the selector the old versions took from the template's labels (sweeps EV, EZ).
      const spec = getMap(object.node, 'spec', doc);
      const selector = removal.replacement === 'apps/v1' && spec && getNode(spec, 'selector', doc) === undefined ? ctx.t(object.apiVersion === 'apps/v1beta2' ? 'removed-api-version.selector-v1beta2' : 'removed-api-version.selector', args) : '';
      const message = ctx.t('removed-api-version.message', args) + ctx.t(advice, args) + selector;
      ctx.report({ node, message, data: { apiVersion: object.apiVersion, replacement: removal.replacement, notable, kind: object.kind } });
    }
    for (const { object, doc } of ctx.objects) if (object.kind === 'HorizontalPodAutoscaler') checkScaleTarget(ctx, getMap(getMap(object.node, 'spec', doc), 'scaleTargetRef', doc), doc);
    for (const pod of ctx.pods) {
      const annotation = initAnnotation(pod);
      if (!annotation) continue;
      const names = annotation.names.map((n) => `"${n}"`).join(', ');
      const args = { key: String(annotation.key.value), names: names || '?' };
      // The object applies: the init containers silently never run.
      ctx.report({ node: annotation.key, message: ctx.t('removed-api-version.init-annotation', args), severity: 'warning', data: { initAnnotation: true } });
    }
    for (const pod of ctx.pods) {
      for (const annotation of seccompAnnotations(pod)) {
        const args = { key: String(annotation.key.value), value: annotation.value, container: annotation.container?.name ?? '' };
        // `unconfined` asks for what most kubelets do anyway: only seccompDefault changes it.
        const unconfined = annotation.profile?.type === 'Unconfined';
        const key = unconfined ? 'removed-api-version.seccomp-unconfined' : annotation.container ? 'removed-api-version.seccomp-container' : 'removed-api-version.seccomp-pod';
        ctx.report({ node: annotation.key, message: ctx.t(key, args), severity: unconfined ? 'information' : 'warning', data: { seccompAnnotation: true } });
      }
    }
  },
};

/** v2beta1's metric fields (`targetAverageUtilization`, `metricName`…), which v2 writes as `target` and `metric`. */
const OLD_METRIC_FIELDS = ['targetAverageUtilization', 'targetAverageValue', 'targetValue', 'metricName', 'metricSelector'];

function oldMetricFields(spec: YAMLMap | undefined, doc: Document): boolean {
  return getSeqItems(spec, 'metrics', doc).some(({ node }) => {
    if (!isMap(node)) return false;
    return ['resource', 'pods', 'object', 'external', 'containerResource'].some((k) => {
      const source = getMap(node, k, doc);
      return source !== undefined && OLD_METRIC_FIELDS.some((f) => getNode(source, f, doc) !== undefined);
    });
  });
}

/**
 * An HPA's `scaleTargetRef` through an apiVersion no longer served (`extensions/v1beta1`
 * Deployment): the API server accepts the HPA, but its controller cannot find the target's scale
 * ("FailedGetScale: no matches for kind …"), so it never scales (sweep FF).
 */
function checkScaleTarget(ctx: RuleContext, ref: YAMLMap | undefined, doc: Document): void {
  const node = getScalar(ref, 'apiVersion', doc);
  const kind = getScalar(ref, 'kind', doc)?.value;
  if (!node || typeof node.value !== 'string' || typeof kind !== 'string' || isUnknownValue(node)) return;
  const removal = removalOf(node.value, kind);
  if (!removal?.replacement || removal.replacementKind) return;
  const args = { apiVersion: node.value, kind, removedIn: removal.removedIn, replacement: removal.replacement };
  ctx.report({ node, severity: 'warning', message: ctx.t('removed-api-version.scale-target', args), data: { scaleTarget: true, apiVersion: node.value, replacement: removal.replacement } });
}
