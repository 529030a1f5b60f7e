/**
 * Part of yaml-syntax: a comment line indented less than the block scalar it was meant to sit in
 * (sweep DX: a `# …` at column 1 inside an OpenTelemetry Collector's `config.yaml: |-`). A block
 * scalar ends at the first line indented less than its text, comment or not, so the lines after
 * it are read as YAML, and each of them fails for its own reason ("All mapping items must start at
 * the same column"). The one mistake is the comment; the rest of the block is its echo.
 */

/** A block scalar header: `key: |`, `- >-`, `key: |2+` (a comment may follow). */
const HEADER = /^([ \t]*)(?:-[ \t]+)*(?:[^#\n]*?:[ \t]+)?[|>][0-9+-]*[ \t]*(?:#.*)?$/;
/** How far up a header is looked for. */
const MAX_LINES_UP = 2000;

export interface BlockComment {
  /** The comment line's start. */
  readonly lineStart: number;
  /** Its indentation, and the block's. */
  readonly column: number;
  readonly blockIndent: number;
  /** The header's text and where it stands (chunk offsets; a message shows it as a related location, whose line stays right wherever the chunk is). */
  readonly header: string;
  readonly headerSpan: { readonly start: number; readonly end: number };
  /** Where the block would have ended: the first line after it indented no more than the header. */
  readonly blockEnd: number;
}

const indentOf = (line: string): number => /^[ \t]*/.exec(line)![0].length;
const blank = (line: string): boolean => line.trim() === '';

/** The comment line at `offset` when it cuts a block scalar short, else undefined. */
export function blockScalarComment(text: string, offset: number): BlockComment | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', lineStart);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  const comment = /^([ \t]*)#/.exec(line);
  if (!comment || offset > lineStart + comment[1]!.length) return undefined;
  const column = comment[1]!.length;
  // Up from the comment: the block's lines, then its header.
  const before = text.slice(0, lineStart).split('\n');
  before.pop();
  let blockIndent = Infinity;
  for (let i = before.length - 1, seen = 0; i >= 0 && seen < MAX_LINES_UP; i--, seen++) {
    const up = before[i]!.replace(/\r$/, '');
    if (blank(up)) continue;
    const header = HEADER.exec(up);
    if (header && blockIndent !== Infinity && indentOf(up) < blockIndent && column < blockIndent) {
      const headerIndent = indentOf(up);
      const headerStart = before.slice(0, i).reduce((sum, l) => sum + l.length + 1, 0) + headerIndent;
      const headerSpan = { start: headerStart, end: headerStart + up.trim().length };
      return { lineStart, column, blockIndent, header: up.trim(), headerSpan, blockEnd: blockEndAfter(text, lineEnd < 0 ? text.length : lineEnd, headerIndent) };
    }
    // A line of the block is indented at least as much as the comment would have needed.
    if (indentOf(up) <= column) return undefined;
    blockIndent = Math.min(blockIndent, indentOf(up));
  }
  return undefined;
}

/** The end of the last line before the first non-blank, non-comment line indented no more than `headerIndent`. */
function blockEndAfter(text: string, from: number, headerIndent: number): number {
  let at = from;
  while (at < text.length) {
    const next = text.indexOf('\n', at + 1);
    const line = text.slice(at + 1, next < 0 ? text.length : next);
    if (!blank(line) && !/^[ \t]*#/.test(line) && indentOf(line) <= headerIndent) return at;
    if (next < 0) return text.length;
    at = next;
  }
  return text.length;
}
