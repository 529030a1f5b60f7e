/**
 * Part of invalid-value: a kind the API server serves under one apiVersion (Pod and Service in
 * `v1`, Deployment in `apps/v1`, Job in `batch/v1`…) written with an apiVersion of a built-in group
 * that does not serve it: `apiVersion: v1` on a Deployment, `apps/v1` on a Service, `extensions/v1`
 * (a version that never was). `kubectl apply` fails with "no matches for kind". Groups with a dot
 * belong to custom resources (Knative's `serving.knative.dev` Service, OpenKruise's StatefulSet)
 * and are never judged; apiVersions the deprecation guide lists are `removed-api-version`'s.
 */
import { getMap, getNode, getScalar } from '../core/yaml-access';
import { deprecationOf, removalOf } from '../k8s/api-versions';
import { LIST_TYPE, rootKinds } from '../schema/lookup';
import { groupOf } from '../k8s/workloads';
import type { RuleContext } from './types';

let servedCache: ReadonlyMap<string, readonly string[]> | undefined;

/**
 * kind → the apiVersions that serve it, newest first, for the kinds of the schema (`Deployment` →
 * `apps/v1`; HorizontalPodAutoscaler → `autoscaling/v2`, `autoscaling/v1`).
 */
function served(): ReadonlyMap<string, readonly string[]> {
  if (servedCache) return servedCache;
  const map = new Map<string, string[]>();
  for (const { kind, apiVersion, typeName } of rootKinds()) {
    if (typeName === LIST_TYPE) continue;
    const versions = map.get(kind) ?? [];
    versions.push(apiVersion);
    map.set(kind, versions);
  }
  servedCache = map;
  return map;
}

export function checkApiVersionKind(ctx: RuleContext): void {
  for (const { object, doc } of ctx.objects) {
    const { apiVersion, kind } = object;
    if (!apiVersion || !kind) continue;
    const versions = served().get(kind);
    const expected = versions?.[0];
    if (!versions || !expected || versions.includes(apiVersion)) continue;
    const group = groupOf(apiVersion);
    if (group.includes('.') || removalOf(apiVersion, kind) || deprecationOf(apiVersion, kind)) continue;
    const node = getScalar(object.node, 'apiVersion', doc);
    if (!node || typeof node.value !== 'string') continue;
    // apps/v1 requires spec.selector: without one, the new apiVersion alone would fail next.
    const fixable = !expected.startsWith('apps/') || getNode(getMap(object.node, 'spec', doc), 'selector', doc) !== undefined;
    ctx.report({
      node,
      message: ctx.t('invalid-value.api-version', { apiVersion, kind, expected }),
      data: { field: 'apiVersion', value: apiVersion, allowed: fixable ? [expected] : [], ...(fixable ? { suggestion: expected } : {}) },
    });
  }
}
