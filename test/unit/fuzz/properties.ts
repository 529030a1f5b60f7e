/**
 * The invariants every input must satisfy, as fast-check properties. `npm test` runs them a
 * bounded number of times (test/unit/fuzz/*.test.ts); `npm run fuzz` runs them for minutes.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Analyzer, analyzeText, type FileAnalysis } from '../../../server/src/core/analyze';
import { locate } from '../../../server/src/core/locate';
import { splitChunks } from '../../../server/src/core/parse';
import { quickShape, yamlShape } from '../../helpers/yaml-shape';
import { applyEdit, edits, mutatedManifest, tweakedManifest } from './arbitraries';

/** Analyses `text`, failing on any rule error (they are contained, but a fuzz run must see them). */
export function analyzeStrict(text: string, analyzer?: Analyzer): FileAnalysis {
  const onError = (rule: string, error: unknown): never => {
    throw new Error(`rule ${rule} threw: ${error instanceof Error ? error.stack : String(error)}`);
  };
  return analyzer ? analyzer.analyze(text) : analyzeText(text, {}, onError);
}

/** A comparable, order-preserving summary of the findings. */
export function summary(analysis: FileAnalysis): string {
  return JSON.stringify(analysis.findings.map((f) => [f.rule, f.severity, f.start, f.end, f.message, f.related, f.data ?? null]));
}

/** Ranges inside the document, positions consistent, and `locate` never throws anywhere. */
export function checkInvariants(text: string, analysis: FileAnalysis): void {
  for (const f of analysis.findings) {
    const where = `${f.rule} [${f.start}, ${f.end}) in a text of ${text.length}`;
    assert.ok(Number.isInteger(f.start) && Number.isInteger(f.end), where);
    assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length, where);
    for (const r of f.related) assert.ok(r.start >= 0 && r.start <= r.end && r.end <= text.length, `related of ${where}`);
    assert.ok(typeof f.message === 'string' && f.message.length > 0, where);
    const range = analysis.lines.rangeOf(f.start, f.end);
    assert.equal(analysis.lines.offsetAt(range.start), f.start, where);
    assert.equal(analysis.lines.offsetAt(range.end), f.end, where);
    JSON.stringify(f.data); // diagnostic data must serialise (no bigint, no cycles)
  }
  const probes = new Set([0, 1, text.length >> 1, text.length - 1, text.length, text.length + 10]);
  for (const f of analysis.findings.slice(0, 20)) probes.add(f.start);
  for (const offset of probes) locate(analysis, offset);
}

/** The core never throws, ranges are inside the text, and the same input gives the same findings. */
export const coreProperty = fc.property(mutatedManifest, (text) => {
  const first = analyzeStrict(text);
  checkInvariants(text, first);
  assert.equal(summary(analyzeStrict(text)), summary(first), 'same input, same findings');
});

/** An `Analyzer` reused across edits gives what a fresh analysis of each version gives. */
export const incrementalProperty = fc.property(mutatedManifest, edits, (text, steps) => {
  const analyzer = new Analyzer((rule, error) => {
    throw new Error(`rule ${rule} threw: ${String(error)}`);
  });
  let current = text;
  analyzer.analyze(current);
  for (const step of steps) {
    current = applyEdit(current, step);
    const incremental = analyzer.analyze(current);
    checkInvariants(current, incremental);
    assert.equal(summary(incremental), summary(analyzeStrict(current)), 'incremental = fresh');
  }
});

/** The quick parser either leaves a chunk to `yaml` or builds exactly what `yaml` builds. */
export const quickParseProperty = fc.property(fc.oneof(tweakedManifest, mutatedManifest), (text) => {
  for (const chunk of splitChunks(text)) {
    const quick = quickShape(chunk.text);
    if (quick !== undefined) assert.equal(quick, yamlShape(chunk.text), `quick parse of ${JSON.stringify(chunk.text)}`);
  }
});

/** Every property, by name (the fuzz script picks from these). */
export const properties = { core: coreProperty, incremental: incrementalProperty, quickParse: quickParseProperty };
