/**
 * Part of invalid-value: a kind the API server serves under one apiVersion (Pod and Service in
 * `v1`, Deployment in `apps/v1`, Job in `batch/v1`…) written with an apiVersion of a built-in group
 * that does not serve it: `apiVersion: v1` on a Deployment, `apps/v1` on a Service, `extensions/v1`
 * (a version that never was). `kubectl apply` fails with "no matches for kind". Groups with a dot
 * belong to custom resources (Knative's `serving.knative.dev` Service, OpenKruise's StatefulSet)
 * and are never judged; apiVersions the deprecation guide lists are `removed-api-version`'s.
 * A misspelt kind under a built-in apiVersion (`Deploymnet`) fails the same way; a built-in kind
 * without any apiVersion is refused by kubectl itself.
 */
import { getMap, getNode, getScalar } from '../core/yaml-access';
import { isUnknownValue } from '../core/unknown-values';
import { mayInsert } from '../core/parse';
import { deprecationOf, removalOf } from '../k8s/api-versions';
import { OTHER_SERVED_KINDS } from '../k8s/served-kinds';
import { closest, editDistance } from '../util/suggest';
import { LIST_TYPE, rootKinds } from '../schema/lookup';
import { groupOf } from '../k8s/workloads';
import type { RuleContext } from './types';

/** Fields of a kind's old schema that its served apiVersion no longer has. */
const OLD_SCHEMA_FIELDS: Readonly<Record<string, readonly string[]>> = { HorizontalPodAutoscaler: ['scaleRef', 'cpuUtilization'] };

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

let kindsCache: ReadonlyMap<string, readonly string[]> | undefined;

/** apiVersion → the kinds it serves, for the built-in apiVersions of OTHER_SERVED_KINDS. */
function kindsOf(apiVersion: string): readonly string[] | undefined {
  if (!kindsCache) {
    const map = new Map<string, string[]>(Object.entries(OTHER_SERVED_KINDS).map(([v, kinds]) => [v, [...kinds]]));
    for (const { kind, apiVersion: v, typeName } of rootKinds()) if (typeName !== LIST_TYPE || v === 'v1') map.get(v)?.push(kind);
    kindsCache = map;
  }
  return kindsCache.get(apiVersion);
}

/**
 * A kind no apiVersion of the schema serves that is a near miss of one this built-in apiVersion
 * serves (`apps/v1` `Deploymnet`, `v1` `SrviceAccount`, `deployment`): "no matches for kind". Other
 * unknown kinds are left alone (OpenShift's legacy `v1` DeploymentConfig, a kubeconfig's `Config`).
 */
function checkKindSpelling(ctx: RuleContext, object: RuleContext['objects'][number]['object'], doc: RuleContext['objects'][number]['doc'], apiVersion: string, kind: string): void {
  const kinds = kindsOf(apiVersion);
  // `ConfigMapList`, `DeploymentList` (`kubectl get -o yaml` of several): kubectl applies their items.
  if (!kinds || kinds.includes(kind) || kind.endsWith('List')) return;
  const node = getScalar(object.node, 'kind', doc);
  const suggestion = closest(kind, kinds);
  // A slip of a letter or two; `VerticalPodAutoscaler` is another API's kind, not a misspelt HorizontalPodAutoscaler.
  if (!node || !suggestion || editDistance(kind.toLowerCase(), suggestion.toLowerCase()) > 2 || isUnknownValue(node)) return;
  ctx.report({
    node,
    message: ctx.t('invalid-value.unknown-kind', { apiVersion, kind, suggestion }),
    data: { field: 'kind', value: kind, allowed: [suggestion], suggestion },
  });
}

/**
 * A built-in kind written with a `metadata.name` and a `spec` (or `data`) but no `apiVersion` key at all:
 * kubectl refuses the document before it reaches the API server (sweep ED: a handbook's Pod).
 * Not in patches, kustomize resources or templated documents, where another layer may add it.
 */
function checkMissingApiVersion(ctx: RuleContext, object: RuleContext['objects'][number]['object'], doc: RuleContext['objects'][number]['doc'], kind: string): void {
  if (ctx.options.fragment || ctx.options.kustomizeResource || mayInsert(ctx.chunk)) return;
  const expected = served().get(kind)?.[0];
  const node = getScalar(object.node, 'kind', doc);
  if (!expected || !node || getNode(object.node, 'apiVersion', doc) !== undefined || isUnknownValue(node)) return;
  // A named object: pod templates that Jenkins, Spark or Flink read (typed, no apiVersion needed) have no name (probe EK).
  const metadata = getMap(object.node, 'metadata', doc);
  if ((getScalar(metadata, 'name', doc) === undefined && getScalar(metadata, 'generateName', doc) === undefined) || (getNode(object.node, 'spec', doc) === undefined && getNode(object.node, 'data', doc) === undefined)) return;
  // apps/v1 requires spec.selector too: say so now, not after the apiVersion is added (sweep ES).
  const spec = getMap(object.node, 'spec', doc);
  const key = expected.startsWith('apps/') && spec && getNode(spec, 'selector', doc) === undefined ? 'invalid-value.api-version-missing-selector' : 'invalid-value.api-version-missing';
  ctx.report({ node, message: ctx.t(key, { kind, expected }), data: { field: 'apiVersion', allowed: [expected], servedAs: expected } });
}

export function checkApiVersionKind(ctx: RuleContext): void {
  for (const { object, doc } of ctx.objects) {
    const { apiVersion, kind } = object;
    if (!apiVersion && kind) checkMissingApiVersion(ctx, object, doc, kind);
    if (!apiVersion || !kind) continue;
    const versions = served().get(kind);
    if (!versions) checkKindSpelling(ctx, object, doc, apiVersion, kind);
    const expected = versions?.[0];
    if (!versions || !expected || versions.includes(apiVersion)) continue;
    const group = groupOf(apiVersion);
    if (group.includes('.') || removalOf(apiVersion, kind) || deprecationOf(apiVersion, kind)) continue;
    const node = getScalar(object.node, 'apiVersion', doc);
    if (!node || typeof node.value !== 'string') continue;
    // The fix (fixes/api-version.ts) also writes the selector apps/v1 requires, when the object has none.
    const spec = getMap(object.node, 'spec', doc);
    const selectorToo = expected.startsWith('apps/') && getNode(spec, 'selector', doc) === undefined;
    // An HPA of extensions/v1beta1 (Kubernetes 1.2–1.5) has another schema: the new apiVersion alone is refused again (sweep FC).
    const old = (OLD_SCHEMA_FIELDS[kind] ?? []).filter((f) => getNode(spec, f, doc) !== undefined);
    const extra = old.length > 0 ? ctx.t('invalid-value.api-version-old-schema', { fields: old.join(', '), expected }) : selectorToo ? ctx.t('invalid-value.api-version-selector', { expected }) : '';
    ctx.report({
      node,
      message: ctx.t('invalid-value.api-version', { apiVersion, kind, expected }) + extra,
      data: { field: 'apiVersion', value: apiVersion, allowed: old.length > 0 ? [] : [expected], ...(old.length > 0 ? {} : { servedAs: expected }) },
    });
  }
}
