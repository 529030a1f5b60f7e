/**
 * unknown-field: a key the Kubernetes schema does not allow where it stands. `kubectl apply`
 * validates strictly and rejects the object; with `--validate=false` the key is silently dropped
 * (the seed article's `hostPath: { Path: ... }` is exactly that).
 */
import { isScalar } from 'yaml';
import { schemaProblems } from './schema-problems';
import type { Rule } from './types';

export const unknownField: Rule = {
  id: 'unknown-field',
  defaultSeverity: 'error',
  check(ctx) {
    for (const problem of schemaProblems(ctx)) {
      if (problem.kind !== 'unknown-field') continue;
      // A null key (`: x`) is no field name: yaml-syntax reports it.
      if (isScalar(problem.keyNode) && problem.keyNode.value === null) continue;
      const args = { key: problem.key, type: shortType(problem.typeName), path: problem.path };
      const message =
        ctx.t('unknown-field.message', args) +
        (problem.suggestion ? ctx.t('common.did-you-mean', { suggestion: problem.suggestion }) : '') +
        (problem.customKind ? ctx.t('unknown-field.custom', { ...args, kind: problem.customKind }) : ctx.t('unknown-field.kubectl', args));
      ctx.report({ node: problem.keyNode, message, data: { key: problem.key, suggestion: problem.suggestion, allowed: problem.allowed } });
    }
  },
};

/** `io.k8s.api.core.v1.HostPathVolumeSource` → `HostPathVolumeSource`. */
export function shortType(typeName: string): string {
  return typeName.slice(typeName.lastIndexOf('.') + 1);
}
