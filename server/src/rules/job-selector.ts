/**
 * A Job's selector is the API server's to write (part of selector-mismatch). Unless
 * `manualSelector: true`, it adds a `controller-uid` label unique to the Job to the selector and
 * to the template, then checks that the selector matches the labels it generated
 * (`controller-uid`, `job-name`, and their `batch.kubernetes.io/` forms): a selector written
 * from the template's own labels (`app: migrate`, copied from a Deployment) cannot, and the Job
 * is refused ("`selector` not auto-generated"). A CronJob's job template may hold no selector at
 * all ("`selector` will be auto-generated") and no `manualSelector: true` ("Unsupported value").
 */
import { isMap, isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import { asMap, asSeq, getMap, getNode, getPair, getString, keyText, mapPairs } from '../core/yaml-access';
import { isOpenCollection } from '../core/open-collections';
import type { PodModel } from '../k8s/pod-model';

/** The labels the API server generates for a Job's pods, the ones its selector may ask for. */
const GENERATED = new Set(['controller-uid', 'job-name', 'batch.kubernetes.io/controller-uid', 'batch.kubernetes.io/job-name']);

export interface JobSelectorProblem {
  /** `job`: a Job's selector matches no generated label; `template-selector`/`template-manual`: a CronJob's job template. */
  readonly kind: 'job' | 'template-selector' | 'template-manual';
  /** The pair to remove (`selector`, or `manualSelector`). */
  readonly pair: Pair;
  /** The job spec holding it (where `manualSelector: true` may go). */
  readonly spec: YAMLMap;
  /** The label the selector asks for that no generated label has (for `job`). */
  readonly label?: string;
}

const isPlaceholder = (text: string): boolean => /\{\{|\$\{|\$\(|<%|@\w+@/.test(text);

/** A selector label key none of the generated labels has: the selector can never match them. */
function foreignLabel(selector: YAMLMap, doc: PodModel['doc']): string | undefined {
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

/** What the API server refuses in the selector of a Job or of a CronJob's job template; undefined when nothing. */
export function jobSelectorProblem(pod: PodModel): JobSelectorProblem | undefined {
  const doc = pod.doc;
  const apiVersion = pod.object.apiVersion;
  if (pod.kind === 'Job' && apiVersion === 'batch/v1') {
    const spec = getMap(pod.object.node, 'spec', doc);
    if (!spec || isOpenCollection(spec)) return undefined;
    const manual = getNode(spec, 'manualSelector', doc);
    if (manual && !(isScalar(manual) && manual.value === false)) return undefined;
    const pair = getPair(spec, 'selector', doc);
    const selector = getMap(spec, 'selector', doc);
    if (!pair || !selector || isOpenCollection(selector)) return undefined;
    const label = foreignLabel(selector, doc);
    return label === undefined ? undefined : { kind: 'job', pair, spec, label };
  }
  if (pod.kind === 'CronJob' && (apiVersion === 'batch/v1' || apiVersion === 'batch/v1beta1')) {
    const spec = getMap(getMap(getMap(pod.object.node, 'spec', doc), 'jobTemplate', doc), 'spec', doc);
    if (!spec || isOpenCollection(spec)) return undefined;
    const selector = getPair(spec, 'selector', doc);
    // Any selector, `{}` included (`selector:` with nothing is null: left out, as the server reads it).
    if (selector && isMap(selector.value)) return { kind: 'template-selector', pair: selector, spec };
    const manual = getPair(spec, 'manualSelector', doc);
    if (manual && isScalar(manual.value) && manual.value.value === true) return { kind: 'template-manual', pair: manual, spec };
  }
  return undefined;
}

/** The key node of the problem's pair: where it is reported. */
export const problemNode = (problem: JobSelectorProblem): Node => problem.pair.key as Node;
