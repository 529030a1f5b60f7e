/**
 * Quick fixes over the real-world corpus: computing them never throws, and every rule fix leaves
 * valid YAML in which its finding is gone (the "disable" actions are checked in disable.test.ts).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { Analyzer } from '../../../server/src/core/analyze';
import { applyEdits, fixAll, fixesFor, ruleFixes } from '../../../server/src/fixes';
import { corpusDir, yamlFiles } from '../../helpers/paths';

const parses = (text: string): boolean => parseAllDocuments(text, { version: '1.1', merge: true }).every((d) => d.errors.length === 0);

test('fixes on the corpus: no throw; each rule fix parses and removes its finding', () => {
  let checked = 0;
  for (const file of yamlFiles(corpusDir)) {
    const text = readFileSync(file, 'utf8');
    // One analyzer per file: re-analysing a fixed text redoes only the `---` documents the fix touched.
    const analyzer = new Analyzer();
    const analysis = analyzer.analyze(text);
    const name = relative(corpusDir, file);
    if (!parses(text)) continue;
    const before = (rule: string): number => analysis.findings.filter((f) => f.rule === rule).length;
    for (const finding of analysis.findings) {
      assert.ok(fixesFor(analysis, finding).length >= 0);
      for (const fix of ruleFixes(analysis, finding)) {
        const result = applyEdits(text, fix.edits);
        assert.ok(parses(result), `${name}: "${fix.title}" broke the YAML`);
        const after = analyzer.analyze(result).findings.filter((f) => f.rule === finding.rule).length;
        assert.ok(after < before(finding.rule), `${name}: "${fix.title}" left the ${finding.rule} finding`);
        checked++;
      }
    }
    const all = applyEdits(text, fixAll(analysis).edits);
    assert.ok(parses(all), `${name}: fix all broke the YAML`);
  }
  assert.ok(checked > 0);
});
