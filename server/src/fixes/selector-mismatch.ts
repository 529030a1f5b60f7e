/**
 * selector-mismatch: label the pod template the way the selector asks (the selector is immutable
 * once applied); a Job's or a CronJob job template's selector the server writes itself: remove it.
 */
import { isScalar, type Node } from 'yaml';
import { getMap, getPair } from '../core/yaml-access';
import { templateLabelsMap } from '../k8s/services';
import { jobSelectorProblems, problemNode, type JobSelectorProblem } from '../rules/job-selector';
import { absentSelector, misses, type Miss } from '../rules/selector-mismatch';
import type { PodModel } from '../k8s/pod-model';
import { isAt } from './find';
import type { Fix, FixContext, FixProvider } from './types';
import { addPair, removeBlockPair, replaceScalar } from './yaml-edit';

/**
 * Removing the selector lets the server generate the Job's own (preferred: the pods keep their
 * labels and only this Job's pods are counted); `manualSelector: true` keeps it, for a user who
 * means to select pods themselves (selector-mismatch then holds the template to it).
 */
function jobSelectorFixes(ctx: FixContext, problem: JobSelectorProblem): Fix[] {
  const removal = removeBlockPair(ctx.analysis.text, ctx.chunk.start, problem.pair.key as Node, problem.pair.value as Node);
  const fixes: Fix[] = [];
  const removes: Record<JobSelectorProblem['kind'], string> = {
    job: 'fix.selector-mismatch.remove-selector',
    'job-name': 'fix.selector-mismatch.remove-selector',
    'template-selector': 'fix.selector-mismatch.remove-selector',
    'manual-without-selector': 'fix.selector-mismatch.remove-manual',
    'template-manual': 'fix.selector-mismatch.remove-manual',
    'label-job-name': 'fix.selector-mismatch.remove-label',
    'template-job-name': 'fix.selector-mismatch.remove-label',
  };
  if (removal) fixes.push({ title: ctx.t(removes[problem.kind], { label: problem.label ?? '' }), edits: [removal], preferred: true });
  if (problem.kind === 'job') fixes.push({ title: ctx.t('fix.selector-mismatch.manual', {}), edits: [addPair(ctx.analysis.text, ctx.chunk.start, problem.spec, 'manualSelector', true)] });
  return fixes;
}

/** A template without labels: give it every label matchLabels asks for, at once. */
function labelTemplate(ctx: FixContext, pod: PodModel, all: readonly Miss[]): Fix[] {
  const wanted = Object.fromEntries(all.flatMap((m) => (m.expected === undefined ? [] : [[m.key, m.expected] as const])));
  const template = getMap(getMap(pod.object.node, 'spec', pod.doc), 'template', pod.doc);
  const metadata = getMap(template, 'metadata', pod.doc);
  // `labels:` with no value: replacing it is a rarer edit than adding one; left to the user.
  if (!template || Object.keys(wanted).length === 0 || all.some((m) => m.expected === undefined) || (metadata && getPair(metadata, 'labels', pod.doc))) return [];
  const edit = metadata ? addPair(ctx.analysis.text, ctx.chunk.start, metadata, 'labels', wanted) : addPair(ctx.analysis.text, ctx.chunk.start, template, 'metadata', { labels: wanted });
  const labels = Object.entries(wanted).map(([k, v]) => `${k}: ${v}`).join(', ');
  return [{ title: ctx.t('fix.selector-mismatch.labels', { labels }), edits: [edit], preferred: true }];
}

export const selectorMismatchFixes: FixProvider = (ctx) => {
  for (const pod of ctx.chunk.analysis.pods) {
    const job = jobSelectorProblems(pod, ctx.options.kustomizeResource === true).find((p) => isAt(ctx, problemNode(p)));
    if (job) return jobSelectorFixes(ctx, job);
    const absent = absentSelector(pod);
    const spec = getMap(pod.object.node, 'spec', pod.doc);
    if (absent && spec && isAt(ctx, absent.specKey)) {
      // Every label of the template: the pods it makes are then exactly the ones selected. With one
      // label that is surely the name; with several the user may want fewer (the selector is immutable).
      const matchLabels = Object.fromEntries(absent.labels);
      const edit = addPair(ctx.analysis.text, ctx.chunk.start, spec, 'selector', { matchLabels });
      const labels = [...absent.labels].map(([k, v]) => `${k}: ${v}`).join(', ');
      return [{ title: ctx.t('fix.selector-mismatch.absent', { labels }), edits: [edit], preferred: absent.labels.size === 1 }];
    }
    const found = misses(pod, true);
    const miss = found?.misses.find((m) => isAt(ctx, m.node));
    if (!found || !miss || miss.expected === undefined) continue;
    const labels = templateLabelsMap(pod);
    if (!labels) return labelTemplate(ctx, pod, found.misses);
    const pair = getPair(labels, miss.key, pod.doc);
    // Only a label written in this template (not merged from an anchor shared with the selector).
    const own = labels.items.includes(pair as never);
    const edit = pair && isScalar(pair.value) && own ? replaceScalar(ctx.chunk.start, pair.value, miss.expected) : !pair ? addPair(ctx.analysis.text, ctx.chunk.start, labels, miss.key, miss.expected) : undefined;
    return edit ? [{ title: ctx.t('fix.selector-mismatch.label', { key: miss.key, value: miss.expected }), edits: [edit], preferred: true }] : [];
  }
  return [];
};
