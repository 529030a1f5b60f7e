/**
 * unknown-field: a key the Kubernetes schema does not allow where it stands. `kubectl apply`
 * validates strictly and rejects the object; with `--validate=false` the key is silently dropped
 * (the seed article's `hostPath: { Path: ... }` is exactly that). In a custom resource's pod, a
 * volume whose only source is a mistyped, empty `emptyDir` (`emptydir: {}`) loses nothing: the
 * controller drops the key, and Kubernetes gives a volume without a source an emptyDir.
 */
import { isMap, isScalar } from 'yaml';
import { keyText, mapPairs } from '../core/yaml-access';
import type { SchemaProblem } from '../schema/validate';
import { checkHpaV2Fields } from './hpa-v2';
import { checkIngressV1Fields } from './ingress-v1';
import { indentSlip } from './unknown-field-indent';
import { schemaProblems } from './schema-problems';
import type { Rule, RuleContext } from './types';
import { syntaxBroken } from './yaml-syntax';

export const unknownField: Rule = {
  id: 'unknown-field',
  defaultSeverity: 'error',
  check(ctx) {
    // kubectl never gets past a YAML syntax error to decode the object (yaml-syntax says why).
    if (syntaxBroken(ctx.chunk)) return;
    // The older API's fields in a v1 Ingress and a v2 HPA get messages of their own, with the new form.
    const explained = new Set(checkIngressV1Fields(ctx));
    checkHpaV2Fields(ctx, explained);
    for (const problem of schemaProblems(ctx)) {
      if (problem.kind !== 'unknown-field' || explained.has(problem.keyNode)) continue;
      // A null key (`: x`) is no field name: yaml-syntax reports it.
      if (isScalar(problem.keyNode) && problem.keyNode.value === null) continue;
      const args = { key: problem.key, type: shortType(problem.typeName), path: problem.path };
      const harmless = !!problem.customKind && problem.suggestion === 'emptyDir' && onlyEmptySource(ctx, problem);
      const slip = indentSlip(ctx.chunk.text, ctx.chunk.docs, problem.keyNode, problem.key, problem.typeName);
      const message =
        ctx.t('unknown-field.message', args) +
        (slip ? ctx.t('unknown-field.indent-slip', { ...args, list: slip.list, itemType: slip.itemType, count: slip.by }) : problem.suggestion ? ctx.t('common.did-you-mean', { suggestion: problem.suggestion }) : '') +
        (harmless ? ctx.t('unknown-field.empty-dir', { ...args, kind: problem.customKind ?? '' }) : problem.customKind ? ctx.t('unknown-field.custom', { ...args, kind: problem.customKind }) : ctx.t('unknown-field.kubectl', args));
      ctx.report({ ...(harmless ? { severity: 'information' as const } : {}), node: problem.keyNode, message, data: { key: problem.key, suggestion: problem.suggestion, allowed: problem.allowed, ...(slip ? { indentList: slip.list, indentLines: slip.lineStarts, indentBy: slip.by } : {}) } });
    }
  },
};

/** `io.k8s.api.core.v1.HostPathVolumeSource` → `HostPathVolumeSource`. */
export function shortType(typeName: string): string {
  return typeName.slice(typeName.lastIndexOf('.') + 1);
}

/** The problem's key is the volume's only source, and it is empty (`{}` or nothing). */
function onlyEmptySource(ctx: RuleContext, problem: Extract<SchemaProblem, { kind: 'unknown-field' }>): boolean {
  for (const pod of ctx.pods) {
    const volume = pod.volumes.find((v) => `${v.path}.${problem.key}` === problem.path);
    if (!volume) continue;
    const pairs = mapPairs(volume.node, pod.doc).filter((p) => keyText(p) !== 'name');
    const value = pairs[0]?.value;
    return pairs.length === 1 && (value === null || (isScalar(value) && value.value === null) || (isMap(value) && value.items.length === 0));
  }
  return false;
}
