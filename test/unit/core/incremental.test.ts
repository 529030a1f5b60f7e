import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Analyzer, analyzeText } from '../../../server/src/core/analyze';
import { LineIndex, lineStartsOf } from '../../../server/src/core/line-index';
import { chunkAt } from '../../../server/src/core/locate';
import { splitChunks } from '../../../server/src/core/parse';
import { EditableText } from '../../../server/src/core/piece-text';
import { resplit } from '../../../server/src/core/resplit';

const doc = (i: number, port = 80): string =>
  `---\napiVersion: v1\nkind: Pod\nmetadata: {name: p${i}}\nspec:\n  containers:\n  - {name: a, image: x, ports: [{containerPort: ${port}}]}\n  - {name: b, image: y, ports: [{containerPort: ${port}}]}\n`;
const file = (n: number): string => Array.from({ length: n }, (_, i) => doc(i)).join('');

// Edits of every kind at the start, middle and end, including ones that make or break `---` lines.
const edits: [string, (t: string) => string][] = [
  ['append a character', (t) => t.replace('name: p3}', 'name: p3x}')],
  ['break a --- line', (t) => t.replace('---\napiVersion: v1\nkind: Pod\nmetadata: {name: p2}', '--x-\napiVersion: v1\nkind: Pod\nmetadata: {name: p2}')],
  ['make a --- line', (t) => t.replace('kind: Pod\nmetadata: {name: p4}', 'kind: Pod\n---\nmetadata: {name: p4}')],
  ['delete a whole document', (t) => t.replace(doc(1), '')],
  ['delete the newline before ---', (t) => t.replace('8080}]}\n---', '8080}]}---')],
  ['insert at the very start', (t) => `# head\n${t}`],
  ['append at the end', (t) => `${t}# tail\n`],
  ['replace everything', () => 'a: 1\n---\nb: 2\n'],
  ['empty the file', () => ''],
  ['add a directive', (t) => t.replace('---\napiVersion: v1\nkind: Pod\nmetadata: {name: p5}', '%YAML 1.1\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p5}')],
];

test('resplit gives exactly what a full split gives, for any edit', () => {
  const base = file(8).replace(doc(6), doc(6, 8080));
  for (const [name, edit] of edits) {
    const next = edit(base);
    const previous = { text: base, pieces: splitChunks(base) };
    assert.deepEqual(resplit(previous, next), splitChunks(next), name);
  }
});

/** `next` as a version of an editable `base` in blocks: only the changed middle is replaced. */
function versionOf(base: string, next: string): ReturnType<EditableText['snapshot']> {
  let prefix = 0;
  while (prefix < Math.min(base.length, next.length) && base[prefix] === next[prefix]) prefix++;
  let suffix = 0;
  while (suffix < Math.min(base.length, next.length) - prefix && base[base.length - 1 - suffix] === next[next.length - 1 - suffix]) suffix++;
  const editable = new EditableText(base);
  editable.replace(prefix, base.length - suffix, next.slice(prefix, next.length - suffix));
  return editable.snapshot();
}

test('resplit compares a version in blocks with another text without joining it', () => {
  const base = file(600);
  // What a big file's first publish analysed (a string), and a version of another open document.
  const firstDocuments = base.slice(0, base.indexOf('---', 60_000));
  const otherVersion = versionOf(base, base.replace('name: p7}', 'name: p7y}'));
  for (const [name, edit] of edits) {
    const next = edit(base);
    for (const [label, previous] of [['first documents', firstDocuments], ['another document', otherVersion]] as const) {
      const version = versionOf(base, next);
      assert.deepEqual(resplit({ text: previous, pieces: splitChunks(String(previous)) }, version), splitChunks(next), `${name}, after ${label}`);
      // (A `%` directive makes the whole file split again, from the joined text: rare enough.)
      if (name !== 'add a directive') assert.equal(version.length > 65_536 && version.isJoined, false, `${name}, after ${label}: the new version was joined`);
    }
  }
});

test('an edited file analyses exactly like a fresh one, and untouched chunks are reused', () => {
  const base = file(30);
  for (const [name, edit] of edits) {
    const analyzer = new Analyzer();
    const before = analyzer.analyze(base);
    const next = edit(base);
    const incremental = analyzer.analyze(next);
    const fresh = analyzeText(next);
    assert.deepEqual(
      incremental.findings.map((f) => [f.rule, incremental.lines.rangeOf(f.start, f.end)]),
      fresh.findings.map((f) => [f.rule, fresh.lines.rangeOf(f.start, f.end)]),
      name,
    );
    if (name === 'append a character') {
      const reused = incremental.chunks.filter((c) => before.chunks.some((b) => b.analysis === c.analysis));
      assert.equal(reused.length, incremental.chunks.length - 1, 'only the edited chunk is analysed again');
    }
  }
});

test('a line index built from chunks converts like one built from the whole text', () => {
  for (const text of [file(3), `${file(2)}tail`, 'a\r\nb\r\n---\r\nc', '', '---\n', 'x\n---\n---\ny\n']) {
    const whole = new LineIndex(text);
    const pieces = splitChunks(text);
    const segmented = new LineIndex(text, pieces.map((p) => ({ start: p.start, starts: lineStartsOf(p.text) })));
    assert.equal(segmented.lineCount, whole.lineCount, JSON.stringify(text));
    for (let offset = 0; offset <= text.length + 1; offset++) {
      const pos = whole.positionAt(offset);
      assert.deepEqual(segmented.positionAt(offset), pos, `${JSON.stringify(text)} @${offset}`);
      assert.equal(segmented.offsetAt(pos), whole.offsetAt(pos));
    }
    assert.equal(segmented.offsetAt({ line: 0, character: 999 }), whole.offsetAt({ line: 0, character: 999 }));
    // In any order too (the index remembers the last segment it found), and past either end.
    let seed = 7;
    for (let n = 0; n < 200; n++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const offset = (seed % (text.length + 5)) - 2;
      assert.deepEqual(segmented.positionAt(offset), whole.positionAt(offset), `${JSON.stringify(text)} @${offset}, in random order`);
    }
  }
});

test('chunkAt finds the chunk holding an offset (binary search)', () => {
  const analysis = analyzeText(file(50));
  for (const [i, chunk] of analysis.chunks.entries()) {
    assert.equal(chunkAt(analysis, chunk.start), chunk);
    assert.equal(chunkAt(analysis, chunk.start + chunk.analysis.chunk.text.length - 1), chunk, `chunk ${i}`);
  }
});

test('analysis in slices gives the same result, and gives up when told the work is stale', async () => {
  const text = file(40);
  const sliced = await new Analyzer().analyzeInSlices(text, {}, { sliceMs: 0 });
  assert.deepEqual(sliced?.findings, analyzeText(text).findings);
  const analyzer = new Analyzer();
  let yields = 0;
  const abandoned = await analyzer.analyzeInSlices(text, {}, { sliceMs: 0, isStale: () => ++yields > 3 });
  assert.equal(abandoned, undefined);
  // The next run still gives the full, correct answer.
  assert.deepEqual(analyzer.analyze(text).findings, analyzeText(text).findings);
});
