/**
 * Property: after every preferred fix of a port finding, over all examples and the port fixtures,
 * re-analysis shows no port finding in that pod; and the process moved in the YAML.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze';
import { applyEdits, fixesFor } from '../../../server/src/fixes';
import { check } from '../../helpers/check';
import { assertYaml } from '../../helpers/fix';
import { examplesDir, repoRoot } from '../../helpers/paths';

const PORT_RULES = new Set(['port-conflict', 'implicit-port-conflict', 'port-not-served']);
const fixturesDir = join(repoRoot, 'test/fixtures/ports');
const files = [
  ...readdirSync(examplesDir).filter((f) => f.endsWith('.yaml')).map((f) => join(examplesDir, f)),
  ...readdirSync(fixturesDir).filter((f) => f.endsWith('.yaml')).map((f) => join(fixturesDir, f)),
];

/** The document (by its `---` index) holding an offset. */
function docIndex(text: string, offset: number): number {
  return (text.slice(0, offset).match(/^---/gm) ?? []).length;
}

/** Port findings of the pod in document `doc`, by their container names. */
function portFindingsIn(text: string, doc: number): string[] {
  return check(text).filter((f) => PORT_RULES.has(f.rule) && docIndex(text, f.start) === doc).map((f) => `${f.rule}: ${f.message}`);
}

test('after every preferred port fix, the pod has no port finding left', () => {
  let applied = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const analysis = analyzeText(text);
    for (const finding of analysis.findings.filter((f) => PORT_RULES.has(f.rule))) {
      const preferred = fixesFor(analysis, finding, { disable: false }).find((f) => f.preferred);
      if (!preferred) continue;
      let result = applyEdits(text, preferred.edits);
      assertYaml(result);
      const doc = docIndex(text, finding.start);
      assert.ok(portFindingsIn(result, doc).length < portFindingsIn(text, doc).length, `${file}: "${preferred.title}" fixed nothing:\n${result}`);
      // A pod with several conflicts needs one fix per conflict: apply the next preferred fix until none is left.
      for (let round = 0; round < 8; round++) {
        const again = analyzeText(result);
        const next = again.findings.find((f) => PORT_RULES.has(f.rule) && docIndex(result, f.start) === docIndex(text, finding.start));
        const fix = next && fixesFor(again, next, { disable: false }).find((f) => f.preferred);
        if (!fix) break;
        result = applyEdits(result, fix.edits);
        assertYaml(result);
      }
      applied++;
      assert.deepEqual(portFindingsIn(result, docIndex(text, finding.start)), [], `${file}: after "${preferred.title}":\n${result}`);
    }
  }
  assert.ok(applied >= 8, `only ${applied} preferred fixes were applied`);
});

test('no port finding on the pods that are moved by args, env or a mounted config', () => {
  const text = readFileSync(join(fixturesDir, 'moved.yaml'), 'utf8');
  assert.deepEqual(check(text).filter((f) => PORT_RULES.has(f.rule)).map((f) => f.message), []);
});
