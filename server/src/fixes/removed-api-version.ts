/**
 * removed-api-version: where the replacement only renamed the version (the deprecation guide
 * lists no notable changes), replace the apiVersion, so that the object applies again. The
 * old apps workloads move to apps/v1 with the selector from their template labels (apps-migration.ts). The
 * init-containers annotation moves to spec.initContainers (init-annotation.ts), a seccomp
 * annotation to securityContext.seccompProfile (seccomp-annotation.ts).
 */
import { fact, replaceAtFinding } from './find';
import { initAnnotationFixes } from './init-annotation';
import { seccompAnnotationFixes } from './seccomp-annotation';
import { appsMigrationFixes } from './apps-migration';
import type { FixProvider } from './types';

export const removedApiVersionFixes: FixProvider = (ctx) => {
  if (fact(ctx, 'initAnnotation')) return initAnnotationFixes(ctx);
  if (fact(ctx, 'seccompAnnotation')) return seccompAnnotationFixes(ctx);
  const replacement0 = fact(ctx, 'replacement');
  if (fact(ctx, 'scaleTarget') === true && typeof replacement0 === 'string') {
    // Only the group and version matter for finding the target's scale: the new one always fits.
    const edits = replaceAtFinding(ctx, replacement0);
    return edits.length ? [{ title: ctx.t('fix.replace', { from: String(fact(ctx, 'apiVersion')), to: replacement0 }), edits, preferred: true, safe: true }] : [];
  }
  const replacement = fact(ctx, 'replacement');
  const from = fact(ctx, 'apiVersion');
  if (replacement === 'apps/v1' && typeof from === 'string' && APPS_KINDS.has(String(fact(ctx, 'kind')))) return appsMigrationFixes(ctx, from, String(fact(ctx, 'kind')));
  if (typeof replacement !== 'string' || typeof from !== 'string' || fact(ctx, 'notable') !== false) return [];
  const edits = replaceAtFinding(ctx, replacement);
  return edits.length ? [{ title: ctx.t('fix.replace', { from, to: replacement }), edits, preferred: true, safe: true }] : [];
};

const APPS_KINDS: ReadonlySet<string> = new Set(['Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet']);
