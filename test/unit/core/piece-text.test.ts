/**
 * An open document's text in blocks (piece-text.ts) reads exactly like the string it stands for,
 * after any edits, and what it says changed between two versions is true: the analysis re-splits
 * only that region, so a wrong answer would leave stale chunks behind.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Analyzer, analyzeText } from '../../../server/src/core/analyze';
import { EditableText, PieceText } from '../../../server/src/core/piece-text';
import { random } from '../../helpers/random';

const PIECES = ['a', 'b: c', ' ', '\n', '\r\n', '\r', '中', '-', 'xy', '---\n'];
const words = (next: () => number, n: number): string => Array.from({ length: n }, () => PIECES[Math.floor(next() * PIECES.length)]).join('');

/** An edit of `length` characters: mostly small, sometimes across many blocks, sometimes at the ends. */
function edit(next: () => number, length: number): { start: number; end: number; text: string } {
  const start = next() < 0.1 ? (next() < 0.5 ? 0 : length) : Math.floor(next() * (length + 1));
  const span = next() < 0.1 ? Math.floor(next() * 100_000) : Math.floor(next() * 5);
  const end = Math.min(length, start + span);
  const text = next() < 0.05 ? 'p: q\n'.repeat(Math.floor(next() * 30_000)) : words(next, Math.floor(next() * 4));
  return { start, end, text };
}

test('an edited text in blocks reads like the string, and older versions keep theirs', () => {
  for (let seed = 1; seed <= 60; seed++) {
    const next = random(seed);
    // Big enough for several blocks (32 KiB each) in most runs.
    let expected = 'kind: Pod\n'.repeat(Math.floor(next() * 40_000)) + words(next, 50);
    const editable = new EditableText(expected);
    const versions: [PieceText, string][] = [[editable.snapshot(), expected]];
    for (let k = 0; k < 30; k++) {
      const { start, end, text } = edit(next, expected.length);
      editable.replace(start, end, text);
      expected = expected.slice(0, start) + text + expected.slice(end);
      const snapshot = editable.snapshot();
      versions.push([snapshot, expected]);
      const context = `seed ${seed}, edit ${k}`;
      assert.equal(snapshot.length, expected.length, context);
      for (let n = 0; n < 20; n++) {
        const at = Math.floor(next() * (expected.length + 2)) - 1;
        assert.equal(snapshot.charCodeAt(at), expected.charCodeAt(at), `${context}: charCodeAt(${at})`);
        const to = at + Math.floor(next() * 70_000);
        assert.equal(snapshot.slice(Math.max(at, 0), to), expected.slice(Math.max(at, 0), to), `${context}: slice(${at}, ${to})`);
      }
    }
    for (const [snapshot, text] of versions) assert.equal(String(snapshot), text, `seed ${seed}: a version read after later edits`);
  }
});

test('what changed between two versions: a start and an end they really share, or nothing known', () => {
  for (let seed = 1; seed <= 200; seed++) {
    const next = random(seed);
    let text = 'a: b\r\n'.repeat(Math.floor(next() * 20_000)) + words(next, 20);
    const editable = new EditableText(text);
    const older = editable.snapshot();
    const olderText = text;
    const count = Math.floor(next() * 6);
    for (let k = 0; k < count; k++) {
      const { start, end, text: typed } = edit(next, text.length);
      editable.replace(start, end, typed);
      text = text.slice(0, start) + typed + text.slice(end);
    }
    const change = editable.snapshot().changeSince(older);
    assert.ok(change, `seed ${seed}: the edits are known`);
    const { prefix, suffix } = change;
    assert.ok(prefix + suffix <= Math.min(text.length, olderText.length), `seed ${seed}: no overlap`);
    assert.equal(text.slice(0, prefix), olderText.slice(0, prefix), `seed ${seed}: shared start`);
    assert.equal(text.slice(text.length - suffix), olderText.slice(olderText.length - suffix), `seed ${seed}: shared end`);
  }
  // Another text, a whole-text replacement, a version from later on: not known.
  const a = new EditableText('x: 1\n');
  const first = a.snapshot();
  assert.equal(new EditableText('x: 1\n').snapshot().changeSince(first), undefined);
  a.replace(0, 1, 'y');
  const second = a.snapshot();
  assert.equal(first.changeSince(second), undefined);
  a.reset('z: 2\n');
  assert.equal(a.snapshot().changeSince(second), undefined);
  assert.equal(PieceText.of('x').changeSince(PieceText.of('x')), undefined);
});

const doc = (i: number, port = 80): string =>
  `---\napiVersion: v1\nkind: Pod\nmetadata: {name: p${i}}\nspec:\n  containers:\n  - {name: a, image: x, ports: [{containerPort: ${port}}]}\n  - {name: b, image: y, ports: [{containerPort: ${port}}]}\n`;

test('analysing versions in blocks, each after the edits that made it, finds what a fresh analysis of the text finds', () => {
  // ~900 documents: the text spans several blocks, and edits cross their edges.
  const initial = Array.from({ length: 900 }, (_, i) => doc(i, i % 7 === 0 ? 8080 : 80)).join('');
  for (let seed = 1; seed <= 8; seed++) {
    const next = random(seed);
    const editable = new EditableText(initial);
    let text = initial;
    const analyzer = new Analyzer();
    analyzer.analyze(editable.snapshot());
    for (let k = 0; k < 12; k++) {
      // Sometimes several edits before the next analysis, as when typing outruns it.
      for (let n = next() < 0.3 ? 3 : 1; n > 0; n--) {
        const at = next() < 0.5 ? text.indexOf('---', Math.floor(next() * text.length)) : Math.floor(next() * text.length);
        const start = Math.max(0, at);
        const end = Math.min(text.length, start + Math.floor(next() * (next() < 0.1 ? 50_000 : 6)));
        const typed = ['x', '', '---\n', '\n', 'kind: Service\n', doc(5000 + k, 8080), '\r'][Math.floor(next() * 7)] as string;
        editable.replace(start, end, typed);
        text = text.slice(0, start) + typed + text.slice(end);
      }
      const incremental = analyzer.analyze(editable.snapshot());
      const fresh = analyzeText(text);
      const context = `seed ${seed}, step ${k}`;
      assert.equal(incremental.text, text, context);
      assert.deepEqual(
        incremental.findings.map((f) => [f.rule, f.message, incremental.lines.rangeOf(f.start, f.end)]),
        fresh.findings.map((f) => [f.rule, f.message, fresh.lines.rangeOf(f.start, f.end)]),
        context,
      );
    }
  }
});
