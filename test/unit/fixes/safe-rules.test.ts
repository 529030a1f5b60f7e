/**
 * "Fix all" only looks at the rules listed in SAFE_FIX_RULES (so it need not compute the fixes of
 * thousands of other findings): no other rule may ever offer a safe fix.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze';
import { ruleFixes, SAFE_FIX_RULES } from '../../../server/src/fixes';
import { corpusDir, examplesDir, yamlFiles } from '../../helpers/paths';

test('only the rules in SAFE_FIX_RULES offer safe fixes (examples and corpus)', () => {
  let safe = 0;
  for (const file of [...yamlFiles(examplesDir), ...yamlFiles(corpusDir)]) {
    const analysis = analyzeText(readFileSync(file, 'utf8'));
    for (const finding of analysis.findings) {
      for (const fix of ruleFixes(analysis, finding)) {
        if (!fix.safe) continue;
        safe++;
        assert.ok(SAFE_FIX_RULES.has(finding.rule), `${file}: ${finding.rule} offers the safe fix "${fix.title}"`);
      }
    }
  }
  assert.ok(safe > 0);
});
