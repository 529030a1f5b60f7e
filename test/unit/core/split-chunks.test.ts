import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { splitChunks } from '../../../server/src/core/parse';

/**
 * The documents' starts as the rule reads: a line (after `\n`, `\r\n` or a lone `\r`), not the
 * first, beginning with `---` then a blank or its end. Walks every line, as splitChunks once did.
 */
function referenceStarts(text: string): number[] {
  const starts = [0];
  const lineStart = /\r\n|\r|\n/g;
  for (let m = lineStart.exec(text); m; m = lineStart.exec(text)) {
    const at = m.index + m[0].length;
    if (/^---(?:[ \t\r\n]|$)/.test(text.slice(at, at + 4))) starts.push(at);
  }
  return starts;
}

// Lines that start documents, nearly do, or hold dashes elsewhere.
const line = fc.constantFrom('---', '--- # c', '---\t', '----', '--', '-- -', 'a---', 'a: ---', 'b: "--- x"', '  ---', 'kind: Pod', '', '- x', '---x');
const lineBreak = fc.constantFrom('\n', '\r\n', '\r');
const text = fc.array(fc.tuple(line, lineBreak), { maxLength: 30 }).chain((lines) =>
  fc.boolean().map((finalBreak) => {
    const joined = lines.map(([l, b]) => l + b).join('');
    return finalBreak || lines.length === 0 ? joined : joined.replace(/(\r\n|\r|\n)$/, '');
  }),
);

test('documents start where a line-by-line reading says, with any mix of line breaks', () => {
  fc.assert(
    fc.property(text, (t) => {
      const chunks = splitChunks(t);
      assert.deepEqual(
        chunks.map((c) => c.start),
        referenceStarts(t),
      );
      assert.equal(chunks.map((c) => c.text).join(''), t);
    }),
    { numRuns: 2000 },
  );
});

test('a directive still joins the next document, and a List is still split per item', () => {
  const directive = 'a: 1\n%YAML 1.1\n---\nb: 2\n';
  assert.deepEqual(
    splitChunks(directive).map((c) => c.text),
    ['a: 1\n%YAML 1.1\n---\nb: 2\n'],
  );
  const list = 'apiVersion: v1\nkind: List\nitems:\n- kind: Pod\n  metadata: {name: a}\n- kind: Pod\n  metadata: {name: b}\n';
  assert.equal(splitChunks(list).length, 3);
  assert.equal(splitChunks(list.replace(/\n/g, '\r')).length, 3);
});
