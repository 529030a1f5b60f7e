/**
 * selector-mismatch: a workload's `selector` does not select its own pod template. For apps/v1
 * kinds (and a ReplicationController or a Job with `manualSelector` that sets one) the API server
 * rejects it: "`selector` does not match template `labels`". A Job's selector is the server's to
 * write (job-selector.ts).
 * Only objects that spell out both the selector and the template's labels are judged (a patch
 * file carries one of them only).
 */
import { isScalar, type Node, type Scalar, type YAMLMap } from 'yaml';
import { asMap, asSeq, getBoolean, getMap, getNode, getPair, getScalar, getString, keyText, mapPairs } from '../core/yaml-access';
import { isOpenCollection } from '../core/open-collections';
import type { PodModel } from '../k8s/pod-model';
import { nameAsWritten, unknownValueKeys } from '../k8s/unknown-names';
import { jobSelectorProblems, problemNode } from './job-selector';
import type { Rule } from './types';
import { mayInsert } from '../core/parse';
import { isUnknownValue } from '../core/unknown-values';

/** A selector requirement that the template's labels fail. */
export interface Miss {
  readonly node: Node;
  readonly key: string;
  /** The value matchLabels asks for (absent for matchExpressions). */
  readonly expected?: string;
  readonly actual?: string;
}

/** The object's name as written (`{{ .Release.Name }}-migrate`), or `generateName` with `…` for the generated part. */
function writtenName(pod: PodModel, text: string): string {
  const metadata = getMap(pod.object.node, 'metadata', pod.doc);
  if (!metadata) return '?';
  const generate = nameAsWritten(metadata, 'generateName', pod.doc, text);
  return nameAsWritten(metadata, 'name', pod.doc, text) ?? (generate !== undefined ? `${generate}…` : '?');
}

const APPS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

export const selectorMismatch: Rule = {
  id: 'selector-mismatch',
  defaultSeverity: 'error',
  check(ctx) {
    for (const pod of ctx.pods) {
      const absent = ctx.options.fragment || ctx.options.kustomizeResource || mayInsert(ctx.chunk) ? undefined : absentSelector(pod);
      if (absent) ctx.report({ node: absent.specKey, message: ctx.t('selector-mismatch.absent', { kind: pod.kind, name: writtenName(pod, ctx.chunk.text) }), related: [{ node: absent.labelsNode, message: ctx.t('selector-mismatch.related', {}) }] });
      for (const job of ctx.options.fragment ? [] : jobSelectorProblems(pod, ctx.options.kustomizeResource === true)) {
        const args = { kind: pod.kind, name: writtenName(pod, ctx.chunk.text), label: job.label ?? '', value: job.value ?? '', expected: job.expected ?? '', creator: job.creator ?? '' };
        ctx.report({ node: problemNode(job), message: ctx.t(job.creator ? `selector-mismatch.creator-${job.kind}` : `selector-mismatch.${job.kind}`, args) });
      }
      // A template without labels is judged only where nothing adds them: not in a kustomize
      // resource (`labels` with includeTemplates), a patch or a template with masked parts.
      const whole = !ctx.options.fragment && !ctx.options.kustomizeResource && !mayInsert(ctx.chunk) && !pod.partial;
      const found = misses(pod, whole);
      if (!found) continue;
      for (const miss of found.misses) {
        const args = { kind: pod.kind, name: writtenName(pod, ctx.chunk.text), key: miss.key, expected: miss.expected ?? '', actual: miss.actual ?? '' };
        const key = miss.expected === undefined ? 'selector-mismatch.expression' : miss.actual === undefined ? 'selector-mismatch.missing' : 'selector-mismatch.value';
        ctx.report({
          node: miss.node,
          message: ctx.t(key, args),
          related: [{ node: found.labelsNode, message: ctx.t('selector-mismatch.related', args) }],
          data: { key: miss.key, expected: miss.expected, actual: miss.actual },
        });
      }
    }
  },
};

/**
 * An apps/v1 workload without `spec.selector` whose template spells out its labels: a whole
 * object the API server refuses ("spec.selector: Required value"), often an old manifest moved
 * from extensions/v1beta1, which took the template's labels. Without template labels it is a
 * patch (pod-model's `partial`). Not in a kustomize resource: `labels`/`commonLabels` there
 * write the selector. `apiVersion`: the one the object will have (the fix that writes a missing one).
 */
export function absentSelector(pod: PodModel, apiVersion = pod.object.apiVersion): { specKey: Node; labelsNode: YAMLMap; labels: Map<string, string> } | undefined {
  const doc = pod.doc;
  if (pod.partial || !APPS.has(pod.kind) || apiVersion !== 'apps/v1') return undefined;
  const specPair = getPair(pod.object.node, 'spec', doc);
  const spec = getMap(pod.object.node, 'spec', doc);
  if (!spec || !specPair || isOpenCollection(spec) || getPair(spec, 'selector', doc) !== undefined) return undefined;
  const labelsNode = getMap(getMap(getMap(spec, 'template', doc), 'metadata', doc), 'labels', doc);
  if (!labelsNode || isOpenCollection(labelsNode) || unknownValueKeys(labelsNode, doc).size > 0) return undefined;
  const labels = new Map<string, string>();
  for (const pair of mapPairs(labelsNode, doc)) {
    const k = keyText(pair);
    if (k !== undefined && isScalar(pair.value) && pair.value.value !== null) labels.set(k, String(pair.value.value));
  }
  return labels.size > 0 ? { specKey: specPair.key as Node, labelsNode, labels } : undefined;
}

/** No `labels` key, or one with no value (`labels:`): the API server sees no labels. */
function labelsUnwritten(metadata: YAMLMap | undefined, pod: PodModel): boolean {
  const pair = metadata && getPair(metadata, 'labels', pod.doc);
  // `labels: {LABELS}`, a token standing for the whole mapping: unknown, not unwritten.
  return !pair || pair.value === null || (isScalar(pair.value) && pair.value.value === null && !isUnknownValue(pair.value));
}

/**
 * The selector requirements a pod template fails, or undefined when the object is not judged.
 * `labelless`: judge a template with no labels at all (the server sees none; see the rule).
 */
export function misses(pod: PodModel, labelless = false): { misses: Miss[]; labelsNode: Node } | undefined {
  const doc = pod.doc;
  const spec = getMap(pod.object.node, 'spec', doc);
  const kind = pod.kind;
  const judged = (APPS.has(kind) && pod.object.apiVersion === 'apps/v1') || kind === 'ReplicationController' || (kind === 'Job' && getBoolean(spec, 'manualSelector', doc));
  if (!judged || kind === 'CronJob') return undefined;
  const template = getMap(spec, 'template', doc);
  const metadata = getMap(template, 'metadata', doc);
  const written = getMap(metadata, 'labels', doc);
  // Whole, not a patch: every container names its image (a patch rarely repeats the selector and images).
  const whole = pod.containers.length > 0 && pod.containers.every((c) => c.image !== undefined);
  const bare = !written && labelless && whole && template !== undefined && !isOpenCollection(template) && (!metadata || !isOpenCollection(metadata)) && labelsUnwritten(metadata, pod);
  const labelsNode = written ?? (bare ? (metadata ?? template) : undefined);
  // Labels a template action adds (`{{- include "labels" . | nindent 8 }}`) are unknown.
  if (!labelsNode || isOpenCollection(labelsNode)) return undefined;
  // A label whose value a placeholder or a template writes may hold the value asked for.
  const unknown = written ? unknownValueKeys(written, doc) : new Set<string>();
  const labels = new Map<string, string>();
  for (const pair of written ? mapPairs(written, doc) : []) {
    const k = keyText(pair);
    if (k !== undefined && isScalar(pair.value) && pair.value.value !== null) labels.set(k, String(pair.value.value));
  }
  const selector = getMap(spec, 'selector', doc);
  if (!selector || isOpenCollection(selector) || isOpenCollection(getMap(selector, 'matchLabels', doc))) return undefined;
  const out: Miss[] = [];
  // A ReplicationController's selector is a plain map; the others have matchLabels/matchExpressions.
  const matchLabels = kind === 'ReplicationController' ? selector : getMap(selector, 'matchLabels', doc);
  for (const pair of matchLabels ? mapPairs(matchLabels, doc) : []) {
    const key = keyText(pair);
    if (key === undefined || !isScalar(pair.value) || pair.value.value === null || unknown.has(key)) continue;
    const expected = String(pair.value.value);
    if (labels.get(key) !== expected) out.push({ node: pair.value as Scalar, key, expected, actual: labels.get(key) });
  }
  if (kind !== 'ReplicationController') {
    for (const item of asSeq(getNode(selector, 'matchExpressions', doc), doc)?.items ?? []) {
      const expr = asMap(item, doc);
      const keyNode = getScalar(expr, 'key', doc);
      const key = getString(expr, 'key', doc);
      const operator = getString(expr, 'operator', doc);
      const values = (asSeq(getNode(expr, 'values', doc), doc)?.items ?? []).flatMap((v) => (isScalar(v) && v.value !== null ? [String(v.value)] : []));
      if (!keyNode || key === undefined || !operator || unknown.has(key)) continue;
      const has = labels.has(key);
      const value = labels.get(key);
      const ok =
        operator === 'In' ? has && values.includes(value ?? '') : operator === 'NotIn' ? !has || !values.includes(value ?? '') : operator === 'Exists' ? has : operator === 'DoesNotExist' ? !has : true;
      if (!ok) out.push({ node: keyNode, key, actual: value });
    }
  }
  return { misses: out, labelsNode };
}

