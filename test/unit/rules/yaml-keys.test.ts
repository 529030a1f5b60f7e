// Duplicate and null keys are named and underlined from the key node, not from yaml's error position.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isScalar, parseDocument, visit } from 'yaml';
import { analyzeText } from '../../../server/src/core/analyze';
import { mayHoldNullKey } from '../../../server/src/rules/yaml-keys';

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

test('the text pre-check never skips a null key that the walk finds (random texts that parse without errors)', () => {
  const tokens = ['a', 'b', ':', ': ', ' ', '\n', '\r\n', '\r', '  ', '- ', '?', '? ', '{', '}', '[', ']', ',', '~', 'null', 'NULL', '"x"', "'y'", '&a ', '*a', '#c', '|', '>', '\t', '-', '1'];
  let seed = 19;
  const random = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  let withNullKey = 0;
  for (let i = 0; i < 40000; i++) {
    let text = '';
    for (let k = 1 + Math.floor(random() * 10); k > 0; k--) text += tokens[Math.floor(random() * tokens.length)];
    const doc = parseDocument(text);
    if (doc.errors.length > 0) continue;
    let found = false;
    visit(doc, { Pair: (_, pair) => void (found ||= isScalar(pair.key) && pair.key.value === null && !!pair.key.range) });
    if (!found) continue;
    withNullKey++;
    assert.ok(mayHoldNullKey(text), JSON.stringify(text));
  }
  assert.ok(withNullKey > 100, `only ${withNullKey} texts with a null key`);
  for (const text of ['a: 1\n: 2', '{? }', '[?]', '- ~: 1', 'x:\n  NULL : 1', '[a, :]']) assert.ok(mayHoldNullKey(text), text);
  for (const text of ['kind: Pod\nmetadata:\n  name: a', 'image: "nginx:1.27"', 'url: http://x?y=1', 'a: b:c']) assert.equal(mayHoldNullKey(text), false, text);
});

test('yaml-syntax: after a syntax error (`----` for `---`), keys the parser merged are not reported twice (sweep CP)', () => {
  const text = 'apiVersion: v1\nkind: Service\nmetadata: {name: write}\nspec:\n  ports: [{port: 5432}]\n----\napiVersion: v1\nkind: Service\nmetadata: {name: read}\nspec:\n  ports: [{port: 5432}]\n';
  const found = findings(text).filter((f) => f.rule === 'yaml-syntax');
  assert.deepEqual(found.map((f) => f.severity), ['error']);
  // A duplicate before the error is still the author's.
  assert.equal(findings('apiVersion: v1\nkind: Pod\nkind: Pod\nmetadata: {name: p\n').filter((f) => f.rule === 'yaml-syntax' && f.severity === 'warning').length, 1);
});
