/**
 * removed-api-version: where the replacement only renamed the version (the deprecation guide
 * lists no notable changes), replace the apiVersion, so that the object applies again. The
 * apps/v1 beta workloads move to apps/v1 with the selector from their template labels (api-version.ts). The
 * init-containers annotation moves to spec.initContainers (init-annotation.ts), a seccomp
 * annotation to securityContext.seccompProfile (seccomp-annotation.ts).
 */
import { fact, replaceAtFinding } from './find';
import { initAnnotationFixes } from './init-annotation';
import { seccompAnnotationFixes } from './seccomp-annotation';
import { locate } from '../core/locate';
import { getMap, getNode } from '../core/yaml-access';
import { apiVersionFixes } from './api-version';
import type { FixContext, FixProvider } from './types';

export const removedApiVersionFixes: FixProvider = (ctx) => {
  if (fact(ctx, 'initAnnotation')) return initAnnotationFixes(ctx);
  if (fact(ctx, 'seccompAnnotation')) return seccompAnnotationFixes(ctx);
  const replacement = fact(ctx, 'replacement');
  const from = fact(ctx, 'apiVersion');
  if (replacement === 'apps/v1' && APPS_KINDS.has(String(fact(ctx, 'kind'))) && !hasRemovedFields(ctx)) return apiVersionFixes(ctx, replacement, true);
  if (typeof replacement !== 'string' || typeof from !== 'string' || fact(ctx, 'notable') !== false) return [];
  const edits = replaceAtFinding(ctx, replacement);
  return edits.length ? [{ title: ctx.t('fix.replace', { from, to: replacement }), edits, preferred: true, safe: true }] : [];
};

const APPS_KINDS: ReadonlySet<string> = new Set(['Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet']);

/**
 * Fields apps/v1 dropped (`spec.rollbackTo`, a DaemonSet's `spec.templateGeneration`): with one
 * written, the new apiVersion alone would be refused again. Otherwise the guide's notable changes
 * are defaults and the selector, which the fix writes from the template's labels, as it advises.
 */
function hasRemovedFields(ctx: FixContext): boolean {
  const at = locate(ctx.analysis, ctx.finding.start);
  const spec = getMap(at?.ancestors.at(-2) as never, 'spec', at?.doc as never);
  return !at || ['rollbackTo', 'templateGeneration'].some((k) => getNode(spec, k, at.doc) !== undefined);
}
