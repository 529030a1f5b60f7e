/**
 * Re-splitting after an edit without rescanning the whole file: the previous split is kept, the
 * changed region is known from the open document's edits, or found by comparing the old and new
 * texts from both ends (block-wise, which V8 does with memcmp), and only the chunks around it are
 * split again. Untouched chunks keep their
 * very string objects, so the chunk cache finds them without re-hashing their text.
 */
import { lastAtOrBefore } from './line-index';
import { splitChunks } from './parse';
import type { PieceText } from './piece-text';

/** A file's text: a string, or one version of an open document held in pieces (piece-text.ts). */
export type FileText = string | PieceText;

/** A chunk of a file: where it starts, and its text. */
export interface Piece {
  readonly start: number;
  readonly text: string;
}

/** The previous split of a file. */
export interface Split {
  readonly text: FileText;
  readonly pieces: readonly Piece[];
}

/** Compared in big blocks first, then small ones: a 3 MB file is ~50 comparisons, not ~700. */
const BLOCKS = [65536, 4096];

/**
 * The text as a string of its own. A slice of a string may keep the whole string it was cut from
 * alive: a chunk cut from one version of a 3 MB file would keep that version as long as the chunk
 * is cached, one version per edit. Copying costs only the chunk's length.
 */
function ownCopy(text: string): string {
  return (` ${text}`).slice(1);
}

/** What the comparisons read: a string, or a version in pieces read without joining it. */
type Readable = Pick<string, 'length' | 'slice' | 'charCodeAt'>;

function commonPrefix(a: Readable, b: Readable): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  for (const block of BLOCKS) while (i + block <= max && a.slice(i, i + block) === b.slice(i, i + block)) i += block;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: Readable, b: Readable, max: number): number {
  let n = 0;
  for (const block of BLOCKS) while (n + block <= max && a.slice(a.length - n - block, a.length - n) === b.slice(b.length - n - block, b.length - n)) n += block;
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** Index of the last piece starting at or before `offset`. */
function pieceAt(pieces: readonly Piece[], offset: number): number {
  return lastAtOrBefore(pieces, offset, (p) => p.start);
}

/** A piece that starts a `---` document (rather than an item of a split `kind: List`). */
const startsDocument = (piece: Piece): boolean => piece.start === 0 || /^---(?:[ \t\r\n]|$)/.test(piece.text.slice(0, 5));

/** A split and how it relates to the previous one: `head` pieces kept as they were, `tail` last ones kept with their text (maybe moved). */
export interface Resplit {
  readonly pieces: Piece[];
  readonly head: number;
  readonly tail: number;
}

/** The split of `text`, reusing `previous` outside the changed region; same result as `splitChunks`. */
export function resplit(previous: Split | undefined, text: FileText): Piece[] {
  return resplitChange(previous, text).pieces;
}

/** `resplit`, telling which pieces were kept. */
export function resplitChange(previous: Split | undefined, text: FileText): Resplit {
  const whole = (pieces: Piece[]): Resplit => ({ pieces, head: 0, tail: 0 });
  if (!previous || previous.pieces.length === 0) return whole(splitChunks(String(text)));
  const old = previous.text;
  if (old === text) return { pieces: [...previous.pieces], head: previous.pieces.length, tail: 0 };
  const change = changeBetween(old, text);
  if (!change) return { pieces: [...previous.pieces], head: previous.pieces.length, tail: 0 };
  const { prefix, suffix } = change;
  const oldEnd = old.length - suffix;
  const delta = text.length - old.length;
  const pieces = previous.pieces;
  // One chunk more before the change: an edit on a `---` line can join its chunk to the previous one.
  let first = Math.max(0, pieceAt(pieces, prefix) - 1);
  let last = pieceAt(pieces, oldEnd);
  // Whole documents: how a `kind: List` splits into items depends on the rest of its document.
  while (first > 0 && !startsDocument(pieces[first] as Piece)) first--;
  while (last + 1 < pieces.length && !startsDocument(pieces[last + 1] as Piece)) last++;
  const from = pieces[first]?.start ?? 0;
  const after = pieces[last + 1];
  const to = after ? after.start + delta : text.length;
  const region = text.slice(from, to);
  // A `%` directive joins its chunk to the next one: rare enough to just split everything.
  if (/^%/m.test(region)) return whole(splitChunks(String(text)));
  const middle = splitChunks(region)
    .filter((p) => p.text !== '')
    .map((p) => ({ start: p.start + from, text: ownCopy(p.text) }));
  const out: Piece[] = pieces.slice(0, first);
  out.push(...middle);
  for (let i = last + 1; i < pieces.length; i++) {
    const p = pieces[i] as Piece;
    out.push(delta === 0 ? p : { start: p.start + delta, text: p.text });
  }
  return out.length ? { pieces: out, head: first, tail: pieces.length - last - 1 } : whole(splitChunks(String(text)));
}

/**
 * The lengths of the start and the end the two texts share; undefined when they are equal.
 * Versions of one open document know their edits: then no text is read (see piece-text.ts).
 * Otherwise they are compared block by block, a version in pieces without joining it: the text
 * last analysed may be a big file's first documents (a string) when an edit comes in, and joining
 * the new 4.5 MB version to compare it with them took ~7 ms.
 */
function changeBetween(old: FileText, text: FileText): { prefix: number; suffix: number } | undefined {
  const known = typeof old !== 'string' && typeof text !== 'string' ? text.changeSince(old) : undefined;
  if (known) return known.prefix === old.length && old.length === text.length ? undefined : known;
  if (old === text) return undefined;
  const prefix = commonPrefix(old, text);
  if (prefix === old.length && old.length === text.length) return undefined;
  return { prefix, suffix: commonSuffix(old, text, Math.min(old.length, text.length) - prefix) };
}
