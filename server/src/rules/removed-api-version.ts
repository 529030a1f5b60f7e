/**
 * removed-api-version: an apiVersion/kind the API server no longer serves (Kubernetes'
 * deprecation guide, k8s/api-versions.ts). `kubectl apply` fails with "no matches for kind";
 * the message names the release that removed it and what to use instead. Also the init-containers
 * annotation of Kubernetes 1.5–1.7 (k8s/init-annotation.ts): applied without a word, never run;
 * and the seccomp annotations nothing reads since 1.27 (k8s/seccomp-annotations.ts): the profile
 * they ask for is not applied.
 */
import { getMap, getNode, getScalar } from '../core/yaml-access';
import { removalOf } from '../k8s/api-versions';
import { initAnnotation } from '../k8s/init-annotation';
import { seccompAnnotations } from '../k8s/seccomp-annotations';
import type { Rule } from './types';

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
      const advice = !removal.replacement
        ? 'removed-api-version.gone'
        : removal.replacementKind
          ? 'removed-api-version.kind-renamed'
          : removal.notable
            ? 'removed-api-version.changed'
            : 'removed-api-version.renamed';
      // apps/v1 requires the selector the old versions took from the template's labels (sweeps EV, EZ).
      const spec = getMap(object.node, 'spec', doc);
      const selector = removal.replacement === 'apps/v1' && spec && getNode(spec, 'selector', doc) === undefined ? ctx.t(object.apiVersion === 'apps/v1beta2' ? 'removed-api-version.selector-v1beta2' : 'removed-api-version.selector', args) : '';
      const message = ctx.t('removed-api-version.message', args) + ctx.t(advice, args) + selector;
      ctx.report({ node, message, data: { apiVersion: object.apiVersion, replacement: removal.replacement, notable: removal.notable, kind: object.kind } });
    }
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
