/** #14: at most 20 yaml-syntax errors per file (not per document), then one finding with the count. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze';
import type { Locale } from '../../../server/src/l10n';

/** A manifest document with `regions` broken regions (each an unclosed flow sequence, far apart). */
const brokenDoc = (regions: number): string => `apiVersion: v1\nkind: ConfigMap\n${Array.from({ length: regions }, (_, i) => `key${i}: [\n\n\n`).join('')}`;
const syntax = (text: string, locale?: Locale) => analyzeText(text, locale ? { locale } : {}).findings.filter((f) => f.rule === 'yaml-syntax');

test('three documents of 10 broken regions each: 20 errors shown, then one finding says 10 more in this file', () => {
  const text = [brokenDoc(10), brokenDoc(10), brokenDoc(10)].join('---\n');
  const found = syntax(text);
  assert.equal(found.length, 21);
  const summary = found[found.length - 1];
  assert.match(summary?.message ?? '', /^10 more YAML syntax errors in this file are not shown \(only the first 20 are\)\.$/);
  // It sits on the first error left out: the first broken region of the third document.
  const third = text.lastIndexOf('---');
  assert.ok((summary?.start ?? 0) > text.indexOf('key0: [', third) && (summary?.start ?? 0) <= text.indexOf('key1: [', third));
});

test("a document's own cap and the file's add up to one count", () => {
  const found = syntax([brokenDoc(25), brokenDoc(10)].join('---\n'));
  assert.equal(found.length, 21);
  assert.match(found[20]?.message ?? '', /^15 more YAML syntax errors/);
  assert.equal(found.filter((f) => /more YAML/.test(f.message)).length, 1);
});

test('at most 20: nothing is summarised; the summary speaks Chinese too', () => {
  assert.equal(syntax([brokenDoc(10), brokenDoc(10)].join('---\n')).length, 20);
  const zh = syntax([brokenDoc(15), brokenDoc(15)].join('---\n'), 'zh-cn');
  assert.match(zh[20]?.message ?? '', /^该文件中另有 10 个 YAML 语法错误未显示/);
});
