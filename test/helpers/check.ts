/** Test helpers: analyse inline YAML and describe findings with LSP ranges. */
import { analyzeText } from '../../server/src/core/analyze';
import type { Range } from '../../server/src/core/line-index';
import type { AnalysisOptions, Finding } from '../../server/src/rules/types';

/** A finding with its range converted, plus the text it covers. */
export interface TestFinding extends Finding {
  readonly range: Range;
  readonly text: string;
  readonly relatedText: string[];
}

export function check(yaml: string, options: AnalysisOptions = {}): TestFinding[] {
  const analysis = analyzeText(yaml, options, (rule, error) => {
    throw new Error(`rule ${rule} threw: ${String(error)}`);
  });
  return analysis.findings.map((f) => ({
    ...f,
    range: analysis.lines.rangeOf(f.start, f.end),
    text: yaml.slice(f.start, f.end),
    relatedText: f.related.map((r) => yaml.slice(r.start, r.end)),
  }));
}

/** Findings of one rule. */
export function findings(yaml: string, rule: string, options: AnalysisOptions = {}): TestFinding[] {
  return check(yaml, options).filter((f) => f.rule === rule);
}

/** Strips the common indentation of a template literal so tests can indent YAML naturally. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join('\n');
}
