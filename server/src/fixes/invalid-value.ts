/**
 * invalid-value: replace the value with the closest allowed one (`never` → `Never`); a Job pod
 * template without restartPolicy gets one (`Never`, or `OnFailure`); a v1 Ingress path without
 * pathType gets one (ingress-v1.ts); a probe on an init container, Bidirectional propagation
 * without privilege (container-constraints.ts); a time zone in a CronJob's schedule (cronjob-schedule.ts);
 * an absolute subPath or items path made relative (rules/volume-paths.ts); ephemeral containers in a
 * manifest removed; a missing or wrong apiVersion written (api-version.ts); a probe's extra handlers removed (probe-handlers.ts).
 */
import { closest, fact, isAt, replaceAtFinding } from './find';
import { isMap, isScalar, type Node } from 'yaml';
import { getScalar } from '../core/yaml-access';
import { locate } from '../core/locate';
import type { Fix, FixProvider } from './types';
import { bidirectionalFixes, initHandlerFixes } from './container-constraints';
import { ingressClassFixes, ingressPathTypeFixes } from './ingress-v1';
import { scheduleSyntaxFixes, scheduleTimeZoneFixes } from './cronjob-schedule';
import { addPair, removeBlockPair, replaceScalar } from './yaml-edit';
import { resourceRequirementFixes } from './resource-requirements';
import { apiVersionFixes } from './api-version';
import { probeHandlerFixes } from './probe-handlers';

export const invalidValueFixes: FixProvider = (ctx) => {
  if (typeof fact(ctx, 'resourceFix') === 'string') return resourceRequirementFixes(ctx);
  if (fact(ctx, 'ingressPath')) return ingressPathTypeFixes(ctx);
  if (fact(ctx, 'ingressClassTwice')) return ingressClassFixes(ctx);
  if (typeof fact(ctx, 'initHandler') === 'string') return initHandlerFixes(ctx);
  if (fact(ctx, 'bidirectional') === true) return bidirectionalFixes(ctx);
  if (fact(ctx, 'scheduleTimeZone') === true) return scheduleTimeZoneFixes(ctx);
  if (fact(ctx, 'scheduleSyntax') === true) return scheduleSyntaxFixes(ctx);
  if (fact(ctx, 'workloadDeadline') === true) return removeAtKey(ctx, 'activeDeadlineSeconds');
  if (fact(ctx, 'recreateRollingUpdate') === true) return removeAtKey(ctx, 'rollingUpdate');
  if (fact(ctx, 'zeroRollingUpdate') === true) return maxSurgeFix(ctx);
  const daemonSetLimit = fact(ctx, 'daemonSetLimit');
  if (daemonSetLimit === 'maxUnavailable' || daemonSetLimit === 'maxSurge') return rollingLimitFix(ctx, daemonSetLimit, Number(fact(ctx, 'to')));
  if (fact(ctx, 'patchString') === true) return [];
  const handlers = fact(ctx, 'probeHandlers');
  if (Array.isArray(handlers)) return probeHandlerFixes(ctx, handlers.filter((h): h is string => typeof h === 'string'));
  const servedAs = fact(ctx, 'servedAs');
  if (typeof servedAs === 'string') return apiVersionFixes(ctx, servedAs, fact(ctx, 'value') !== undefined);
  const patchFile = fact(ctx, 'patchFile');
  if (typeof patchFile === 'string') {
    // Not preferred: a JSON 6902 patch file also needs a target, which only the author knows.
    const path = fact(ctx, 'flow') === true ? `{path: ${patchFile}}` : `path: ${patchFile}`;
    return [{ title: ctx.t('fix.replace', { from: patchFile, to: path }), edits: [{ start: ctx.finding.start, end: ctx.finding.end, newText: path }] }];
  }
  // Not preferred: the author may have meant a sidecar, which removal loses (the message says how to keep it).
  if (fact(ctx, 'ephemeralContainers') === true) return removeAtKey(ctx, 'ephemeralContainers', false);
  if (fact(ctx, 'successThreshold') === false) return [];
  if (fact(ctx, 'successThreshold') === true) {
    // 1 is the only value accepted, and what the kubelet then does anyway: one success passes.
    const edits = replaceAtFinding(ctx, 1);
    return edits.length ? [{ title: ctx.t('fix.set-port', { field: 'successThreshold', port: 1 }), edits, preferred: true }] : [];
  }
  // An absolute subPath or items path written relative (the same folder of the volume); an NFS path made absolute.
  const rewritten = fact(ctx, 'rewritten');
  if (typeof fact(ctx, 'volumePath') === 'string') {
    const edits = typeof rewritten === 'string' && rewritten !== '' ? replaceAtFinding(ctx, rewritten) : [];
    return edits.length ? [{ title: ctx.t('fix.replace', { from: String(fact(ctx, 'written')), to: rewritten as string }), edits, preferred: true }] : [];
  }
  const parameter = fact(ctx, 'templateParameter');
  if (typeof parameter === 'string') {
    // `${{NAME}}` is replaced by the parameter's value, as JSON: a number stays a number.
    // Quotes stay (a JSON template needs them; OpenShift replaces a whole-string "${{NAME}}" by the value).
    const written = ctx.analysis.text.slice(ctx.finding.start, ctx.finding.end);
    const newText = written.replace(`\${${parameter}}`, `\${{${parameter}}}`);
    return [{ title: ctx.t('fix.template-parameter', { name: parameter }), edits: [{ start: ctx.finding.start, end: ctx.finding.end, newText }], preferred: true }];
  }
  if (fact(ctx, 'missing') === true) return addRestartPolicy(ctx);
  const quantities = fact(ctx, 'quantityChoices');
  if (Array.isArray(quantities)) return quantityFixes(ctx, quantities.filter((q): q is string => typeof q === 'string'));
  const value = fact(ctx, 'value');
  const allowed = fact(ctx, 'allowed');
  if (typeof value !== 'string' || !Array.isArray(allowed)) return [];
  const values = allowed.filter((v): v is string => typeof v === 'string');
  // A Job's restartPolicy: either policy a Job accepts (`Never` first), whatever was written.
  const job = fact(ctx, 'field') === 'restartPolicy' && values.length === 2;
  const suggestion = (fact(ctx, 'suggestion') as string | undefined) ?? closest(value, values) ?? (job ? values[0] : undefined);
  if (!suggestion) return [];
  const choices = job ? [suggestion, ...values.filter((v) => v !== suggestion)] : [suggestion];
  return choices.flatMap((to, i) => {
    const edits = replaceAtFinding(ctx, to);
    return edits.length ? [{ title: ctx.t('fix.replace', { from: value, to }), edits, preferred: i === 0, safe: value.toLowerCase() === to.toLowerCase() }] : [];
  });
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

/** `512MB` → `512M` (the same amount, preferred) or `512Mi`; `500 m` → `500m`. */
function quantityFixes(ctx: Parameters<FixProvider>[0], choices: readonly string[]): Fix[] {
  const from = String(fact(ctx, 'value') ?? '');
  return choices.flatMap((to, i) => {
    const edits = replaceAtFinding(ctx, to);
    return edits.length ? [{ title: ctx.t('fix.replace', { from, to }), edits, preferred: i === 0 }] : [];
  });
}

/** Removes the pair whose key the finding is on (preferred: nothing else is accepted there). */
function removeAtKey(ctx: Parameters<FixProvider>[0], field: string, preferred = true): Fix[] {
  const at = locate(ctx.analysis, ctx.finding.start);
  const pair = at?.pair;
  if (!pair || !isScalar(pair.key) || ctx.chunk.start + (pair.key.range?.[0] ?? -1) !== ctx.finding.start) return [];
  const edit = removeBlockPair(ctx.analysis.text, ctx.chunk.start, pair.key as Node, pair.value as Node);
  return edit ? [{ title: ctx.t('fix.remove-field', { field }), edits: [edit], preferred }] : [];
}

/** `maxSurge: 1` (preferred): old pods keep serving until each replacement is ready. */
function maxSurgeFix(ctx: Parameters<FixProvider>[0]): Fix[] {
  const at = locate(ctx.analysis, ctx.finding.start);
  const rolling = at?.ancestors.at(-2);
  const surge = isMap(rolling) && at ? getScalar(rolling, 'maxSurge', at.doc) : undefined;
  if (!surge?.range) return [];
  return [{ title: ctx.t('fix.set-port', { field: 'maxSurge', port: 1 }), edits: [replaceScalar(ctx.chunk.start, surge, 1)], preferred: true }];
}

/**
 * A DaemonSet's rolling limit set (or added): maxUnavailable 0 to surge, or 1 to move at all;
 * maxSurge 0 for a pod on a host port, which cannot surge (preferred: the value accepted with the other).
 */
function rollingLimitFix(ctx: Parameters<FixProvider>[0], field: string, to: number): Fix[] {
  const at = locate(ctx.analysis, ctx.finding.start);
  const rolling = at?.ancestors.at(-2);
  if (!at || !isMap(rolling)) return [];
  const node = getScalar(rolling, field, at.doc);
  const edit = node?.range && node.value !== null ? replaceScalar(ctx.chunk.start, node, to) : node ? undefined : addPair(ctx.analysis.text, ctx.chunk.start, rolling, field, to);
  return edit ? [{ title: ctx.t('fix.set-port', { field, port: to }), edits: [edit], preferred: true }] : [];
}
