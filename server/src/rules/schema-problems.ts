/**
 * Runs the schema validator once per chunk and shares its problems between `unknown-field` and
 * `invalid-value` (both rules read the same walk).
 */
import { rootTypeFor, validateSchema, type SchemaProblem } from '../schema';
import { podsValidatedOnApply } from '../k8s/custom-resource-claims';
import type { RuleContext } from './types';

const cache = new WeakMap<object, SchemaProblem[]>();

export function schemaProblems(ctx: RuleContext): SchemaProblem[] {
  const cached = cache.get(ctx.chunk);
  if (cached) return cached;
  const problems: SchemaProblem[] = [];
  // A patch whose object another patch turns into another kind: its schema is not the written kind's.
  if (ctx.options.fragment === 'kustomize-patch-retyped') {
    cache.set(ctx.chunk, problems);
    return problems;
  }
  const validated = new Set<object>();
  for (const { object, doc } of ctx.objects) {
    if (object.pathPrefix !== '' && !object.inTemplate) continue; // List items are validated through their List
    const typeName = object.apiVersion && object.kind ? rootTypeFor(object.apiVersion, object.kind) : undefined;
    if (!typeName) continue;
    validated.add(object.node);
    validateSchema(object.node, typeName, doc, (p) => problems.push(p), object.inTemplate ? { templateParameters: true } : {});
  }
  // A custom resource's own schema is unknown: only its embedded pod parts are validated.
  for (const pod of ctx.pods) {
    if (validated.has(pod.object.node)) continue;
    for (const part of pod.schemaParts) {
      const options = { path: part.path, extraKeys: part.extraKeys, ...(pod.object.inTemplate ? { templateParameters: true } : {}) };
      // An OpenShift DeploymentConfig's pod is validated (strictly decoded) by its API server on apply, as a built-in one is.
      const customKind = podsValidatedOnApply(pod.object.apiVersion) ? {} : { customKind: `${pod.object.apiVersion?.split('/')[0] ?? ''} ${pod.kind}`.trim() };
      validateSchema(part.node, part.typeName, pod.doc, (p) => problems.push({ ...p, ...customKind }), options);
    }
  }
  cache.set(ctx.chunk, problems);
  return problems;
}
