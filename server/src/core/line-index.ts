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

/**
 * The text with every lone `\r` read as `\n`: same length, same offsets, same lines. `yaml` only
 * breaks lines at `\n`, while go-yaml (Kubernetes' reader) and LSP break them at a lone `\r` too,
 * so parsers and lexers get this text and every position still indexes the original.
 */
export function loneCrAsLf(text: string): string {
  return text.includes('\r') ? text.replace(LONE_CR, '\n') : text;
}

/** Where the line after the one holding `offset` starts (past `\n`, `\r\n` or a lone `\r`); -1 on the last line. */
export function nextLineStartAfter(text: string, offset: number): number {
  for (let i = offset; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) return i + 1;
    if (c === 13 /* \r */) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return -1;
}

/** Line starts of one piece of text, relative to the piece. */
export function lineStartsOf(text: string): number[] {
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

/** A run of lines: where it starts in the file (offset and line) and its own line starts. */
export interface LineSegment {
  readonly start: number;
  readonly firstLine: number;
  readonly starts: readonly number[];
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

/**
 * Line starts of one text, for fast offset → position conversion. A big file's index is made of
 * its chunks' line starts (each computed once per chunk text and reused across edits), so an edit
 * never rescans the whole file.
 */
export class LineIndex {
  private readonly segments: readonly LineSegment[];
  readonly lineCount: number;

  /** `segments` (optional) must start at offset 0 and each begin at a line start. */
  constructor(
    private readonly text: string,
    segments?: readonly { readonly start: number; readonly starts: readonly number[] }[],
  ) {
    const given = segments && segments.length > 0 && segments[0]?.start === 0 ? segments : [{ start: 0, starts: lineStartsOf(text) }];
    const placed: LineSegment[] = [];
    let line = 0;
    given.forEach((s, k) => {
      placed.push({ start: s.start, firstLine: line, starts: s.starts });
      // A segment ending in a newline lists the next segment's first line as its last start.
      const next = given[k + 1];
      line += s.starts.length - (next && s.start + (s.starts[s.starts.length - 1] ?? -1) === next.start ? 1 : 0);
    });
    this.segments = placed;
    this.lineCount = line;
  }

  positionAt(offset: number): Position {
    let clamped = Math.max(0, Math.min(offset, this.text.length));
    // Between the `\r` and `\n` of a CRLF is no position of LSP's: that is the end of the line.
    if (this.text.charCodeAt(clamped) === 10 && this.text.charCodeAt(clamped - 1) === 13) clamped--;
    const seg = this.segments[lastAtOrBefore(this.segments, clamped, (s) => s.start)] as LineSegment;
    const i = lastAtOrBefore(seg.starts, clamped - seg.start, (x) => x);
    return { line: seg.firstLine + i, character: clamped - seg.start - (seg.starts[i] ?? 0) };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineCount) return this.text.length;
    const k = lastAtOrBefore(this.segments, position.line, (s) => s.firstLine);
    const seg = this.segments[k] as LineSegment;
    const i = position.line - seg.firstLine;
    const lineStart = seg.start + (seg.starts[i] ?? 0);
    const nextStart = i + 1 < seg.starts.length ? seg.start + (seg.starts[i + 1] ?? 0) : this.segments[k + 1]?.start ?? this.text.length;
    // As vscode-languageserver-textdocument does: a character past the line's end means its end, before the break.
    let end = nextStart;
    while (end > lineStart && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return Math.max(lineStart, Math.min(lineStart + position.character, end));
  }

  /** The one place where offsets become LSP ranges. */
  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}
