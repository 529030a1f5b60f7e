/**
 * invalid-value: replace the value with the closest allowed one (`never` → `Never`); a Job pod
 * template without restartPolicy gets one (`Never`, or `OnFailure`).
 */
import { closest, fact, isAt, replaceAtFinding } from './find';
import type { Node } from 'yaml';
import type { Fix, FixProvider } from './types';
import { addPair } from './yaml-edit';

export const invalidValueFixes: FixProvider = (ctx) => {
  if (fact(ctx, 'missing') === true) return addRestartPolicy(ctx);
  const value = fact(ctx, 'value');
  const allowed = fact(ctx, 'allowed');
  if (typeof value !== 'string' || !Array.isArray(allowed)) return [];
  const values = allowed.filter((v): v is string => typeof v === 'string');
  const suggestion = (fact(ctx, 'suggestion') as string | undefined) ?? closest(value, values);
  if (!suggestion) return [];
  const edits = replaceAtFinding(ctx, suggestion);
  const caseOnly = value.toLowerCase() === suggestion.toLowerCase();
  const fixes: Fix[] = edits.length ? [{ title: ctx.t('fix.replace', { from: value, to: suggestion }), edits, preferred: true, safe: caseOnly }] : [];
  // A Job's "Always": either policy the Job accepts.
  for (const other of values) {
    if (other === suggestion || other.toLowerCase() === value.toLowerCase() || fact(ctx, 'field') !== 'restartPolicy' || values.length !== 2) continue;
    const more = replaceAtFinding(ctx, other);
    if (more.length) fixes.push({ title: ctx.t('fix.replace', { from: value, to: other }), edits: more });
  }
  return fixes;
};

/** `restartPolicy: Never` (preferred) or `OnFailure`, added to the pod spec whose key the finding is on. */
function addRestartPolicy(ctx: Parameters<FixProvider>[0]): Fix[] {
  const pod = ctx.chunk.analysis.pods.find((p) => isAt(ctx, p.specPair.key as Node | undefined));
  if (!pod) return [];
  const allowed = (fact(ctx, 'allowed') as string[] | undefined) ?? [];
  return allowed.map((policy, i) => ({
    title: ctx.t('fix.add-field', { field: 'restartPolicy', value: policy }),
    edits: [addPair(ctx.analysis.text, ctx.chunk.start, pod.spec, 'restartPolicy', policy)],
    preferred: i === 0,
  }));
}
