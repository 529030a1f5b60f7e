/**
 * The server's open documents behave as vscode-languageserver-textdocument's: the same text,
 * positions and offsets after any sequence of edits, over random mixes of line breaks. Their
 * line starts can also be worked out in steps, which give up when the text changes meanwhile.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { runToEnd } from '../../../server/src/core/slices';
import { OpenDocument } from '../../../server/src/lsp/open-document';
import { random } from '../../helpers/random';

const PIECES = ['a', 'b: c', ' ', '\n', '\r\n', '\r', '中', '-', 'xy'];

function text(next: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += PIECES[Math.floor(next() * PIECES.length)];
  return out;
}

function change(next: () => number, doc: TextDocument): TextDocumentContentChangeEvent {
  if (next() < 0.05) return { text: text(next, Math.floor(next() * 20)) };
  // Positions past a line's end or the document's end, and ranges given end first, happen too.
  const position = (): { line: number; character: number } => ({ line: Math.floor(next() * (doc.lineCount + 2)), character: Math.floor(next() * 8) });
  return { range: { start: position(), end: position() }, text: text(next, Math.floor(next() * 4)) };
}

function assertSame(ours: OpenDocument, theirs: TextDocument, next: () => number, context: string): void {
  assert.equal(ours.getText(), theirs.getText(), context);
  assert.equal(ours.lineCount, theirs.lineCount, context);
  assert.equal(ours.version, theirs.version, context);
  for (let k = 0; k < 10; k++) {
    const offset = Math.floor(next() * (theirs.getText().length + 3)) - 1;
    assert.deepEqual(ours.positionAt(offset), theirs.positionAt(offset), `${context}: positionAt(${offset})`);
    const position = { line: Math.floor(next() * (theirs.lineCount + 2)) - 1, character: Math.floor(next() * 10) - 1 };
    assert.deepEqual(ours.offsetAt(position), theirs.offsetAt(position), `${context}: offsetAt(${JSON.stringify(position)})`);
    assert.deepEqual(ours.getLineRange(position.line), theirs.getLineRange(position.line), `${context}: getLineRange(${position.line})`);
    assert.equal(ours.getEOLCharacters(position.line), theirs.getEOLCharacters(position.line), `${context}: getEOLCharacters(${position.line})`);
    const range = { start: theirs.positionAt(offset), end: position };
    assert.equal(ours.getText(range), theirs.getText(range), `${context}: getText(range)`);
  }
}

test('the same text, positions and offsets as vscode-languageserver-textdocument after random edits', () => {
  for (let seed = 1; seed <= 300; seed++) {
    const next = random(seed);
    const initial = text(next, Math.floor(next() * 30));
    const theirs = TextDocument.create('file:///t.yaml', 'yaml', 1, initial);
    const ours = new OpenDocument('file:///t.yaml', 'yaml', 1, initial);
    // Half the runs work the line starts out in steps first.
    if (seed % 2 === 0) runToEnd(ours.lineStartSteps());
    assertSame(ours, theirs, next, `seed ${seed}, opened`);
    for (let version = 2; version < 12; version++) {
      const changes = Array.from({ length: 1 + Math.floor(next() * 3) }, () => change(next, theirs));
      TextDocument.update(theirs, changes, version);
      ours.update(changes, version);
      assertSame(ours, theirs, next, `seed ${seed}, version ${version}`);
    }
  }
});

test('line starts worked out in steps: the same as at once, and given up when the text changes meanwhile', () => {
  // Steps of 256 KiB: a CRLF across a step's edge must count once.
  const big = 'a: b\r\n'.repeat(100_000) + 'x\r' + 'y\n'.repeat(1000);
  const stepped = new OpenDocument('file:///big.yaml', 'yaml', 1, big);
  const steps = stepped.lineStartSteps();
  assert.equal(stepped.hasLineStarts, false);
  runToEnd(steps);
  assert.equal(stepped.hasLineStarts, true);
  const eager = TextDocument.create('file:///big.yaml', 'yaml', 1, big);
  assert.equal(stepped.lineCount, eager.lineCount);
  for (const offset of [0, 5, 6, 262_143, 262_144, 262_145, big.length - 2001, big.length]) assert.deepEqual(stepped.positionAt(offset), eager.positionAt(offset), `offset ${offset}`);

  const edited = new OpenDocument('file:///big.yaml', 'yaml', 1, big);
  const run = edited.lineStartSteps();
  run.next();
  edited.update([{ text: 'kind: Pod\n' }], 2);
  runToEnd(run);
  // The run for the old text kept nothing: the new text's line starts are its own.
  assert.equal(edited.lineCount, 2);
});

test('a paste of more than 10,000 lines (the line starts are joined, not spliced) and a paste across a CRLF', () => {
  const initial = 'a: 1\r\nb: 2\nc: 3\r\n';
  const theirs = TextDocument.create('file:///p.yaml', 'yaml', 1, initial);
  const ours = new OpenDocument('file:///p.yaml', 'yaml', 1, initial);
  const pasted = 'x: y\n'.repeat(10_050) + 'z: \r';
  const edits: TextDocumentContentChangeEvent[][] = [
    [{ range: { start: { line: 1, character: 2 }, end: { line: 2, character: 1 } }, text: pasted }],
    // Removing the `\n` of a CRLF's neighbour, and typing between `\r` and `\n`.
    [{ range: { start: { line: 0, character: 4 }, end: { line: 1, character: 0 } }, text: '\r' }],
    [{ range: { start: { line: 10_060, character: 0 }, end: { line: 10_060, character: 0 } }, text: '\n' }],
  ];
  const next = random(7);
  edits.forEach((changes, i) => {
    TextDocument.update(theirs, changes, i + 2);
    ours.update(changes, i + 2);
    assertSame(ours, theirs, next, `edit ${i + 1}`);
    for (const line of [0, 1, 2, 5_000, 10_049, 10_050, 10_051, 10_052, 10_053]) assert.equal(ours.offsetAt({ line, character: 0 }), theirs.offsetAt({ line, character: 0 }), `edit ${i + 1}, line ${line}`);
  });
});

test('a big document (its text in several blocks) after random edits: the same as vscode-languageserver-textdocument', () => {
  for (let seed = 1; seed <= 20; seed++) {
    const next = random(seed);
    const initial = 'key: value\r\n'.repeat(8_000) + text(next, 200) + 'a: b\n'.repeat(10_000);
    const theirs = TextDocument.create('file:///big.yaml', 'yaml', 1, initial);
    const ours = new OpenDocument('file:///big.yaml', 'yaml', 1, initial);
    for (let version = 2; version < 30; version++) {
      const changes = Array.from({ length: 1 + Math.floor(next() * 3) }, () => change(next, theirs));
      TextDocument.update(theirs, changes, version);
      ours.update(changes, version);
      assertSame(ours, theirs, next, `seed ${seed}, version ${version}`);
    }
  }
});
