// Duplicate and null keys are named and underlined from the key node, not from yaml's error position.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze';

const findings = (text: string) => {
  const a = analyzeText(text);
  return a.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, range: a.lines.rangeOf(f.start, f.end), text: text.slice(f.start, f.end) }));
};

for (const eol of ['\n', '\r\n', '\r']) {
  test(`a duplicate key after an empty value is named and underlined (${JSON.stringify(eol)})`, () => {
    const text = ['kind: Pod', 'spec:', 'spec:', ''].join(eol);
    const [dup, ...rest] = findings(text);
    assert.equal(rest.length, 0, JSON.stringify(rest));
    assert.equal(dup?.rule, 'yaml-syntax');
    assert.equal(dup.severity, 'warning');
    assert.match(dup.message, /^Key "spec" appears twice/);
    assert.deepEqual(dup.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } });
  });
}

test('duplicates in flow and block maps, quoted keys, each underlined at its second key', () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: a, name: b}\n"kind": Pod\n';
  const dups = findings(text).filter((f) => f.rule === 'yaml-syntax');
  assert.deepEqual(
    dups.map((d) => [d.text, /^Key "(.*?)"/.exec(d.message)?.[1]]),
    [
      ['name', 'name'],
      ['"kind"', 'kind'],
    ],
  );
});

test('a line holding only `:` is an empty key error on the colon, not an unknown field "null"', () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n:\nspec: {}\n';
  const all = findings(text);
  assert.equal(all.filter((f) => f.rule === 'unknown-field').length, 0, JSON.stringify(all));
  const [empty] = all.filter((f) => f.rule === 'yaml-syntax');
  assert.ok(empty, JSON.stringify(all));
  assert.equal(empty.severity, 'error');
  assert.match(empty.message, /reads as null/);
  assert.deepEqual(empty.range, { start: { line: 4, character: 0 }, end: { line: 4, character: 1 } });
  assert.equal(empty.text, ':');
});

test('`~:` is a null key too, underlined whole', () => {
  const all = findings('apiVersion: v1\nkind: Pod\n~: x\n').filter((f) => f.rule === 'yaml-syntax');
  assert.deepEqual(all.map((f) => f.text), ['~']);
});
