/**
 * Offsets ↔ LSP positions. `yaml` offsets index the JavaScript string, which is already in
 * UTF-16 code units, so a position's character is simply the offset minus its line start.
 * Lines end at `\n`, `\r\n` or a lone `\r`, as LSP defines them.
 */

/** A zero-based LSP position. */
export interface Position {
  line: number;
  character: number;
}

/** An LSP range (end exclusive). */
export interface Range {
  start: Position;
  end: Position;
}

const LONE_CR = /\r(?!\n)/g;

/** What the index reads of a text: its length and characters (a string, or an open document's version in pieces). */
export interface TextLike {
  readonly length: number;
  charCodeAt(index: number): number;
}

/**
 * The text with every lone `\r` read as `\n`: same length, same offsets, same lines. `yaml` only
 * breaks lines at `\n`, while go-yaml (Kubernetes' reader) and LSP break them at a lone `\r` too,
 * so parsers and lexers get this text and every position still indexes the original.
 */
export function loneCrAsLf(text: string): string {
  return text.includes('\r') ? text.replace(LONE_CR, '\n') : text;
}

/**
 * An offset between the `\r` and `\n` of a CRLF is no position (LSP counts the pair as one line
 * break): it stands for the end of the line, the offset before the `\r`. `yaml` ends some nodes
 * there when it recovers from an error; every finding's offsets go through this.
 */
export const outsideCrlf = (text: string, offset: number): number => (text.charCodeAt(offset) === 10 && text.charCodeAt(offset - 1) === 13 ? offset - 1 : offset);

/** Line starts of one piece of text, relative to the piece. */
export function lineStartsOf(text: TextLike): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Index of the last element whose key is <= value (0 when none is): a binary search over sorted keys. */
export function lastAtOrBefore<T>(items: readonly T[], value: number, key: (item: T) => number): number {
  let low = 0;
  let high = items.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (key(items[mid] as T) <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Index of the last number <= value in a sorted array (0 when none is). */
export function lastAtOrBeforeNumber(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((sorted[mid] as number) <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * Line starts of one text, for fast offset → position conversion. A big file's index is made of
 * its chunks' line starts (each computed once per chunk text and reused across edits), so an edit
 * never rescans the whole file. Segments are kept in parallel arrays: an edit of a file of
 * thousands of documents builds three arrays, not thousands of objects.
 */
export class LineIndex {
  /** Per segment: its offset in the text, its first line, its own line starts. */
  private readonly offsets: readonly number[];
  private readonly firstLines: Int32Array;
  private readonly starts: readonly (readonly number[])[];
  readonly lineCount: number;

  /** `segments` (optional) must start at offset 0 and each begin at a line start. */
  constructor(text: TextLike, segments?: readonly { readonly start: number; readonly starts: readonly number[] }[]);
  /** Segments given as parallel arrays: offsets (the first 0) and their line starts. */
  constructor(text: TextLike, segments: undefined, offsets: readonly number[], starts: readonly (readonly number[])[]);
  constructor(
    private readonly text: TextLike,
    segments?: readonly { readonly start: number; readonly starts: readonly number[] }[],
    offsets?: readonly number[],
    starts?: readonly (readonly number[])[],
  ) {
    if (!offsets || !starts || offsets[0] !== 0) {
      const given = segments && segments.length > 0 && segments[0]?.start === 0 ? segments : [{ start: 0, starts: lineStartsOf(text) }];
      offsets = given.map((s) => s.start);
      starts = given.map((s) => s.starts);
    }
    const firstLines = new Int32Array(offsets.length);
    let line = 0;
    for (let k = 0; k < offsets.length; k++) {
      firstLines[k] = line;
      const own = starts[k] as readonly number[];
      // A segment ending in a newline lists the next segment's first line as its last start.
      const next = offsets[k + 1];
      line += own.length - (next !== undefined && (offsets[k] as number) + (own[own.length - 1] ?? -1) === next ? 1 : 0);
    }
    this.offsets = offsets;
    this.firstLines = firstLines;
    this.starts = starts;
    this.lineCount = line;
  }

  /**
   * The position of the `k`th segment's start when it starts at `offset` (a line start, so
   * character 0), without a search; otherwise that of the offset.
   */
  segmentStart(k: number, offset: number): Position {
    return this.offsets[k] === offset ? { line: this.firstLines[k] as number, character: 0 } : this.positionAt(offset);
  }

  positionAt(offset: number): Position {
    let clamped = Math.max(0, Math.min(offset, this.text.length));
    // Between the `\r` and `\n` of a CRLF is no position of LSP's: that is the end of the line.
    if (this.text.charCodeAt(clamped) === 10 && this.text.charCodeAt(clamped - 1) === 13) clamped--;
    const k = this.segmentOf(clamped);
    const at = clamped - (this.offsets[k] as number);
    const own = this.starts[k] as readonly number[];
    const i = lastAtOrBeforeNumber(own, at);
    return { line: (this.firstLines[k] as number) + i, character: at - (own[i] ?? 0) };
  }

  /**
   * The last segment starting at or before `offset`. Offsets come in runs (a file's diagnostics or
   * outline, in order): the segment of the last call, or the one after it, saves the search.
   */
  private segmentOf(offset: number): number {
    const offsets = this.offsets;
    for (let k = this.lastSegment; k <= this.lastSegment + 1 && k < offsets.length; k++) {
      if ((offsets[k] as number) <= offset && (k + 1 === offsets.length || (offsets[k + 1] as number) > offset)) return (this.lastSegment = k);
    }
    return (this.lastSegment = lastAtOrBeforeNumber(offsets, offset));
  }

  private lastSegment = 0;

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineCount) return this.text.length;
    const k = lastAtOrBeforeNumber(this.firstLines, position.line);
    const own = this.starts[k] as readonly number[];
    const base = this.offsets[k] as number;
    const i = position.line - (this.firstLines[k] as number);
    const lineStart = base + (own[i] ?? 0);
    const nextStart = i + 1 < own.length ? base + (own[i + 1] ?? 0) : (this.offsets[k + 1] ?? this.text.length);
    // As vscode-languageserver-textdocument does: a character past the line's end means its end, before the break.
    let end = nextStart;
    while (end > lineStart && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return Math.max(lineStart, Math.min(lineStart + position.character, end));
  }

  /** The length of the text (read without joining a text held in pieces). */
  get textLength(): number {
    return this.text.length;
  }

  /** The character at `offset`, as `charCodeAt` (read without joining a text held in pieces). */
  charCodeAt(offset: number): number {
    return this.text.charCodeAt(offset);
  }

  /** The one place where offsets become LSP ranges. */
  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}
