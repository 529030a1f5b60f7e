/**
 * Test helpers for quick fixes: apply a fix's edits to the text, check that the result still
 * parses as YAML, that the finding is gone on re-analysis, and compare with an expected text.
 */
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { analyzeText } from '../../server/src/core/analyze';
import { applyEdits, fixAll, fixesFor, type Fix } from '../../server/src/fixes';
import type { AnalysisOptions, Finding } from '../../server/src/rules/types';

/** The fixes offered for the `nth` finding of `rule`. */
export function fixesOf(text: string, rule: string, nth = 0, options: AnalysisOptions = {}): { finding: Finding; fixes: Fix[] } {
  const analysis = analyzeText(text, options);
  const finding = analysis.findings.filter((f) => f.rule === rule)[nth];
  assert.ok(finding, `no ${rule} finding #${nth}; findings: ${analysis.findings.map((f) => f.rule).join(', ')}`);
  return { finding, fixes: fixesFor(analysis, finding, { options }) };
}

/** Asserts the text is valid YAML (every document parses without errors). */
export function assertYaml(text: string): void {
  for (const doc of parseAllDocuments(text, { version: '1.1', merge: true })) {
    assert.deepEqual(doc.errors.map((e) => e.message), [], `result is not valid YAML:\n${text}`);
  }
}

let honoured: boolean | undefined;

/**
 * Whether the analysis honours `# podsight-disable` directives (the suppression feature is built
 * separately): when it does, the "disable" actions are checked to make their finding disappear too.
 */
export function directivesHonoured(): boolean {
  if (honoured === undefined) {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: a, image: busybox, volumeMounts: [{name: x, mountPath: /x}]}\n';
    honoured = count('# podsight-disable undefined-volume\n' + pod, 'undefined-volume', {}) === 0 && count(pod, 'undefined-volume', {}) === 1;
  }
  return honoured;
}

function count(text: string, rule: string, options: AnalysisOptions): number {
  return analyzeText(text, options).findings.filter((f) => f.rule === rule).length;
}

/**
 * Applies the fix whose title matches `title` to the `nth` finding of `rule`, asserts the result
 * parses, that the rule reports one finding fewer (`gone: false` skips this for the "disable"
 * actions while the analysis does not honour directives), and that the text equals `expected` when given.
 */
export function applyFix(
  text: string,
  rule: string,
  title: RegExp,
  expected?: string,
  opts: { nth?: number; options?: AnalysisOptions; gone?: boolean } = {},
): { result: string; fix: Fix } {
  const options = opts.options ?? {};
  const { fixes } = fixesOf(text, rule, opts.nth ?? 0, options);
  const fix = fixes.find((f) => title.test(f.title));
  assert.ok(fix, `no fix matching ${title}; offered: ${fixes.map((f) => f.title).join(' | ')}`);
  const result = applyEdits(text, fix.edits);
  assertYaml(result);
  if (opts.gone !== false || (/^Disable /.test(fix.title) && directivesHonoured())) {
    assert.ok(count(result, rule, options) < count(text, rule, options), `the ${rule} finding is still there after "${fix.title}":\n${result}`);
  }
  if (expected !== undefined) assert.equal(result, expected);
  return { result, fix };
}

/** Applies `fixAll` (of one rule or all) and returns the text. */
export function applyFixAll(text: string, rule?: string, options: AnalysisOptions = {}): string {
  const result = applyEdits(text, fixAll(analyzeText(text, options), options, rule).edits);
  assertYaml(result);
  return result;
}
