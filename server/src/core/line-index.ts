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

/** Line starts of one text, for fast offset → position conversion. */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
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
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - (this.lineStarts[low] ?? 0) };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const lineStart = this.lineStarts[position.line] ?? 0;
    const nextStart = this.lineStarts[position.line + 1] ?? this.text.length;
    return Math.max(lineStart, Math.min(lineStart + position.character, nextStart));
  }

  /** The one place where offsets become LSP ranges. */
  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}
