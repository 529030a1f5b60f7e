/**
 * invalid-value on a built-in kind's apiVersion: write the apiVersion that serves the kind, where
 * it is missing (above `kind:`, or below it when `kind:` opens a list item) or wrong (`v1`
 * Deployment). An apps/v1 workload also needs spec.selector, which the apiVersion alone would not
 * give it (kubectl would fail next with "spec.selector: Required value"), so the same edit adds the
 * template's labels as matchLabels; preferred only when that choice is sure (one label), as
 * selector-mismatch's own fix is. Without template labels there is no selector to write: the
 * apiVersion alone is offered, not preferred; so it is when `selector:` is there but empty (the
 * selector fix of selector-mismatch is for that).
 */
import { isMap, isScalar, type Node } from 'yaml';
import { isUnknownValue } from '../core/unknown-values';
import { isOpenCollection } from '../core/open-collections';
import { getMap, getNode, getPair, getScalar } from '../core/yaml-access';
import { locate } from '../core/locate';
import { absentSelector } from '../rules/selector-mismatch';
import { replaceAtFinding } from './find';
import type { Fix, FixContext } from './types';
import { addPair, columnOf, eolOf, lineStart, nextLineStart, removeBlockPair, type OffsetEdit } from './yaml-edit';

/** The line `apiVersion: X`, at the column of the `kind` key. */
function apiVersionLine(text: string, kindKeyStart: number, kindEnd: number, apiVersion: string): OffsetEdit {
  const line = lineStart(text, kindKeyStart);
  const pair = `${' '.repeat(columnOf(text, kindKeyStart))}apiVersion: ${apiVersion}`;
  const eol = eolOf(text);
  if (text.slice(line, kindKeyStart).trim() === '') return { start: line, end: line, newText: pair + eol };
  const next = nextLineStart(text, kindEnd);
  // `- kind: X` as the file's last line, with no line break after it.
  return next === text.length && !/[\r\n]$/.test(text) ? { start: next, end: next, newText: eol + pair } : { start: next, end: next, newText: pair + eol };
}

/** `written`: the finding is on a wrong apiVersion's value (replaced), else on `kind` (apiVersion added). */
export function apiVersionFixes(ctx: FixContext, apiVersion: string, written: boolean): Fix[] {
  const text = ctx.analysis.text;
  const at = locate(ctx.analysis, ctx.finding.start);
  const object = at?.ancestors.at(-2);
  const key = at?.pair?.key as Node | undefined;
  if (!at || !key?.range || !isMap(object) || (object.flow && !written)) return [];
  const edits: OffsetEdit[] = written ? [...replaceAtFinding(ctx, apiVersion)] : [apiVersionLine(text, ctx.chunk.start + key.range[0], ctx.finding.end, apiVersion)];
  const spec = getMap(object, 'spec', at.doc);
  const needsSelector = apiVersion.startsWith('apps/') && selectorMissing(getNode(spec, 'selector', at.doc));
  const pod = ctx.chunk.analysis.pods.find((p) => p.object.node === object);
  // Into a flow `spec` (JSON) a selector would be written in YAML's flow style: not offered.
  const absent = needsSelector && pod && !spec?.flow ? absentSelector(pod, apiVersion) : undefined;
  let title = written ? ctx.t('fix.replace', { from: String(at.node && 'value' in at.node ? at.node.value : ''), to: apiVersion }) : ctx.t('fix.add-field', { field: 'apiVersion', value: apiVersion });
  // A Job of batch/v1 writes its own selector: one written without manualSelector is refused (sweep FF: a 1.1-era Job).
  const jobSelector = apiVersion === 'batch/v1' && getScalar(object, 'kind', at.doc)?.value === 'Job' && spec && getScalar(spec, 'manualSelector', at.doc)?.value !== true ? getPair(spec, 'selector', at.doc) : undefined;
  const removal = jobSelector ? removeBlockPair(text, ctx.chunk.start, jobSelector.key as Node, jobSelector.value as Node) : undefined;
  if (jobSelector && !removal) return [];
  if (removal) {
    edits.push(removal);
    title += ctx.t('fix.without-job-selector', {});
  }
  if (!absent || !spec) return edits.length && !(written && needsSelector) ? [{ title, edits, preferred: !needsSelector }] : [];
  edits.push(addPair(text, ctx.chunk.start, spec, 'selector', { matchLabels: Object.fromEntries(absent.labels) }));
  const labels = [...absent.labels].map(([k, v]) => `${k}: ${v}`).join(', ');
  return [{ title: ctx.t('fix.api-version-and-selector', { apiVersion, labels }), edits, preferred: absent.labels.size === 1 }];
}

/** No selector, `selector:` (null) or `selector: {}`: apps/v1 refuses each ("Required value", "empty selector is invalid"). */
function selectorMissing(node: unknown): boolean {
  return node === undefined || node === null || (isScalar(node) && node.value === null && !isUnknownValue(node)) || (isMap(node) && node.items.length === 0 && !isOpenCollection(node));
}
