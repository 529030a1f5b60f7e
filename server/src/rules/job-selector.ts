/**
 * A Job's selector is the API server's to write (part of selector-mismatch). Unless
 * `manualSelector: true`, it adds a `controller-uid` label unique to the Job to the selector and
 * to the template, then checks that the selector matches the labels it generated
 * (`controller-uid`, `job-name`, and their `batch.kubernetes.io/` forms) and that the template's
 * `job-name` labels hold the Job's name: a selector written from the template's own labels
 * (`app: migrate`, copied from a Deployment) cannot, and the Job is refused ("`selector` not
 * auto-generated"). `manualSelector: true` without a selector is refused too ("Required value").
 * A CronJob's job template may hold no selector at all ("`selector` will be auto-generated") and
 * no `manualSelector: true`; its Jobs are named `<cronjob>-<time>`, so a `job-name` label written
 * in its pod template refuses each of them. KEDA's ScaledJob and Argo Rollouts' analysis jobs
 * create Jobs from the job spec as written: the same rules refuse each Job they create.
 */
import { isMap, isScalar, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { asMap, asSeq, getMap, getNode, getPair, getString, keyText, mapPairs } from '../core/yaml-access';
import { isOpenCollection } from '../core/open-collections';
import { isUnknownValue, writtenText } from '../core/unknown-values';
import type { PodModel } from '../k8s/pod-model';

/** The labels the API server generates for a Job's pods, the ones its selector may ask for. */
const GENERATED = new Set(['controller-uid', 'job-name', 'batch.kubernetes.io/controller-uid', 'batch.kubernetes.io/job-name']);
const JOB_NAME = new Set(['job-name', 'batch.kubernetes.io/job-name']);

export type JobSelectorKind = 'job' | 'job-name' | 'manual-without-selector' | 'template-selector' | 'template-manual' | 'template-job-name' | 'label-job-name';

export interface JobSelectorProblem {
  readonly kind: JobSelectorKind;
  /** The pair reported (its key), and removed by the fix. */
  readonly pair: Pair;
  /** The job spec holding it (where `manualSelector: true` may go). */
  readonly spec: YAMLMap;
  /** The label asked for or written; the value; the Job's name. */
  readonly label?: string;
  readonly value?: string;
  /** The value the server asks for (`migrate`, `backup-<time>`, `g1-<random>`). */
  readonly expected?: string;
  /** A custom resource that creates the Jobs (`ScaledJob`), and where their spec is. */
  readonly creator?: string;
}

const isPlaceholder = (text: string): boolean => /\{\{|\$\{|\$\(|<%|@\w+@/.test(text);
const literal = (node: unknown): string | undefined => (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') && !isPlaceholder(String(node.value)) ? String(node.value) : undefined);

/** A selector label key none of the generated labels has: the selector can never match them. */
function foreignLabel(selector: YAMLMap, doc: Document): string | undefined {
  const matchLabels = getMap(selector, 'matchLabels', doc);
  if (matchLabels && isOpenCollection(matchLabels)) return undefined;
  for (const pair of matchLabels ? mapPairs(matchLabels, doc) : []) {
    const key = keyText(pair);
    if (key !== undefined && !isPlaceholder(key) && !GENERATED.has(key)) return key;
  }
  for (const item of asSeq(getNode(selector, 'matchExpressions', doc), doc)?.items ?? []) {
    const expr = asMap(item, doc);
    const key = getString(expr, 'key', doc);
    const operator = getString(expr, 'operator', doc);
    // `In` and `Exists` need the label; `NotIn`/`DoesNotExist` on a foreign key match anything.
    if (key !== undefined && !isPlaceholder(key) && !GENERATED.has(key) && (operator === 'In' || operator === 'Exists')) return key;
  }
  return undefined;
}

/** `job-name` labels of a map whose literal value is not `name` (any value when the name is generated). */
function jobNameLabels(map: YAMLMap | undefined, name: string | undefined, doc: Document, anyValue = false): { pair: Pair; label: string; value: string }[] {
  if (!map || isOpenCollection(map)) return [];
  return mapPairs(map, doc).flatMap((pair) => {
    const label = keyText(pair);
    // `anyValue`: no value can be the name (a CronJob's Jobs end in their scheduled time), a placeholder neither.
    const value = anyValue && isScalar(pair.value) && pair.value.value !== null && pair.value.value !== '' ? (writtenText(pair.value) ?? String(pair.value.value)) : literal(pair.value);
    return label !== undefined && JOB_NAME.has(label) && value !== undefined && value !== name ? [{ pair, label, value }] : [];
  });
}

/** `manualSelector` as the server reads it: absent or null is false; undefined when a template writes it. */
function manualSelector(spec: YAMLMap, doc: Document): boolean | undefined {
  const node = getNode(spec, 'manualSelector', doc);
  if (node === undefined) return false;
  if (isUnknownValue(node)) return undefined; // `manualSelector: {{ .Values.manual }}`
  if (isScalar(node) && node.value === null) return false;
  return isScalar(node) && typeof node.value === 'boolean' ? node.value : undefined;
}

/** The map at a field path under the object (`spec.metrics[0].provider.job.spec`). */
function mapAt(root: YAMLMap, path: string, doc: Document): YAMLMap | undefined {
  let node: YAMLMap | undefined = root;
  for (const part of path.split('.')) {
    const m = /^([^[]+)((?:\[\d+\])*)$/.exec(part);
    if (!m || !node) return undefined;
    let next: unknown = getNode(node, m[1] as string, doc);
    for (const index of (m[2] ?? '').match(/\d+/g) ?? []) next = asSeq(next as Node, doc)?.items[Number(index)];
    node = asMap(next as Node, doc);
  }
  return node;
}

/** What a Job's spec holds that the server refuses; `name`: the Job's, when it is known (not generated). */
function jobSpecProblems(spec: YAMLMap, name: string | undefined, doc: Document, creator?: string, generated?: string): JobSelectorProblem[] {
  if (isOpenCollection(spec)) return [];
  const manual = manualSelector(spec, doc);
  if (manual === undefined) return [];
  const pair = getPair(spec, 'selector', doc);
  const selector = getMap(spec, 'selector', doc);
  if (manual) {
    const manualPair = getPair(spec, 'manualSelector', doc) as Pair;
    return selector ? [] : [{ kind: 'manual-without-selector', pair: manualPair, spec, ...(creator ? { creator } : {}) }];
  }
  const out: JobSelectorProblem[] = [];
  if (pair && selector && !isOpenCollection(selector)) {
    const label = foreignLabel(selector, doc);
    if (label !== undefined) out.push({ kind: 'job', pair, spec, label, ...(creator ? { creator } : {}) });
    else {
      const wrong = jobNameLabels(getMap(selector, 'matchLabels', doc), name, doc)[0];
      if (wrong) out.push({ kind: 'job-name', pair, spec, label: wrong.label, value: wrong.value, ...(creator ? { creator } : {}) });
    }
  }
  const labels = getMap(getMap(getMap(spec, 'template', doc), 'metadata', doc), 'labels', doc);
  const expected = name ?? `${generated ?? ''}<random>`;
  for (const wrong of jobNameLabels(labels, name, doc)) out.push({ kind: 'label-job-name', pair: wrong.pair, spec, label: wrong.label, value: wrong.value, expected, ...(creator ? { creator } : {}) });
  return out;
}

/** Custom resources that create Jobs from a job spec as written, and where that spec is. */
const JOB_CREATORS: Readonly<Record<string, RegExp>> = {
  ScaledJob: /^spec\.jobTargetRef$/,
  AnalysisTemplate: /^spec\.metrics\[\d+\]\.provider\.job\.spec$/,
  ClusterAnalysisTemplate: /^spec\.metrics\[\d+\]\.provider\.job\.spec$/,
  AnalysisRun: /^spec\.metrics\[\d+\]\.provider\.job\.spec$/,
};

/**
 * What the API server refuses in the selector and `job-name` labels of a Job, of a CronJob's job
 * template, or of the Jobs a custom resource creates. `kustomized`: the file is a kustomize
 * resource, whose Job a `namePrefix` may rename (names are not compared then).
 */
export function jobSelectorProblems(pod: PodModel, kustomized = false): JobSelectorProblem[] {
  const doc = pod.doc;
  const apiVersion = pod.object.apiVersion;
  if (pod.kind === 'Job' && apiVersion === 'batch/v1') {
    const spec = getMap(pod.object.node, 'spec', doc);
    if (!spec) return [];
    const metadata = getMap(pod.object.node, 'metadata', doc);
    const nameNode = getNode(metadata, 'name', doc);
    // `generateName`: a name no written `job-name` can hold. A name a placeholder or a kustomize
    // `namePrefix` writes may be any: only foreign labels are judged then.
    const generateName = nameNode === undefined ? literal(getNode(metadata, 'generateName', doc)) : undefined;
    const name = generateName !== undefined ? undefined : literal(nameNode);
    const known = !kustomized && (generateName !== undefined || name !== undefined);
    return jobSpecProblems(spec, name, doc, undefined, generateName).filter((p) => known || p.kind === 'job' || p.kind === 'manual-without-selector');
  }
  if (pod.kind === 'CronJob' && (apiVersion === 'batch/v1' || apiVersion === 'batch/v1beta1')) {
    const spec = getMap(getMap(getMap(pod.object.node, 'spec', doc), 'jobTemplate', doc), 'spec', doc);
    if (!spec || isOpenCollection(spec)) return [];
    const out: JobSelectorProblem[] = [];
    const selector = getPair(spec, 'selector', doc);
    // Any selector, `{}` included (`selector:` with nothing is null: left out, as the server reads it).
    if (selector && isMap(selector.value)) out.push({ kind: 'template-selector', pair: selector, spec });
    const manual = getPair(spec, 'manualSelector', doc);
    if (manual && isScalar(manual.value) && manual.value.value === true) out.push({ kind: 'template-manual', pair: manual, spec });
    // Its Jobs are named `<cronjob>-<scheduled time>`: no written `job-name` is theirs.
    const labels = getMap(getMap(getMap(spec, 'template', doc), 'metadata', doc), 'labels', doc);
    for (const wrong of jobNameLabels(labels, undefined, doc, true)) out.push({ kind: 'template-job-name', pair: wrong.pair, spec, label: wrong.label, value: wrong.value });
    return out;
  }
  const creator = JOB_CREATORS[pod.kind];
  const jobPath = pod.path.replace(/\.template\.spec$/, '');
  if (creator && creator.test(jobPath)) {
    const spec = mapAt(pod.object.node, jobPath, doc);
    // The Jobs get generated names: only foreign selector labels and a selector-less manual mode are sure.
    return spec ? jobSpecProblems(spec, undefined, doc, `${pod.kind} ${jobPath}`).filter((p) => p.kind === 'job' || p.kind === 'manual-without-selector') : [];
  }
  return [];
}

/** The key node of the problem's pair: where it is reported. */
export const problemNode = (problem: JobSelectorProblem): Node => problem.pair.key as Node;
