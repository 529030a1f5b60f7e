/**
 * removed-api-version: where the replacement only renamed the version (the deprecation guide
 * lists no notable changes), replace the apiVersion, so that the object applies again. The
 * init-containers annotation moves to spec.initContainers (init-annotation.ts), a seccomp
 * annotation to securityContext.seccompProfile (seccomp-annotation.ts).
 */
import { fact, replaceAtFinding } from './find';
import { initAnnotationFixes } from './init-annotation';
import { seccompAnnotationFixes } from './seccomp-annotation';
import type { FixProvider } from './types';

export const removedApiVersionFixes: FixProvider = (ctx) => {
  if (fact(ctx, 'initAnnotation')) return initAnnotationFixes(ctx);
  if (fact(ctx, 'seccompAnnotation')) return seccompAnnotationFixes(ctx);
  const replacement = fact(ctx, 'replacement');
  const from = fact(ctx, 'apiVersion');
  if (typeof replacement !== 'string' || typeof from !== 'string' || fact(ctx, 'notable') !== false) return [];
  const edits = replaceAtFinding(ctx, replacement);
  return edits.length ? [{ title: ctx.t('fix.replace', { from, to: replacement }), edits, preferred: true, safe: true }] : [];
};
