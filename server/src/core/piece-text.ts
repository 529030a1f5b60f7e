/**
 * A big document's text held in pieces, so that an edit never builds the whole string.
 *
 * A JavaScript string edited as `before + typed + after` is a rope that V8 flattens into a new
 * string the first time a character of it is read. At 5,000 documents (3 MB) that new string
 * costs ~8 ms per keystroke on our CI machine, almost all of it page faults on the fresh memory
 * (copying into memory already touched takes 0.1 ms). So the open document keeps its text as
 * blocks of some tens of KB (`EditableText`), the analysis reads an immutable view of one version
 * (`PieceText`) through `charCodeAt` and `slice`, and only features that need the whole string
 * (quick fixes, rename, the diagram's links into other files) join it, once per version.
 */

import { lastAtOrBeforeNumber as blockAt, type TextLike } from './line-index';

/** One edit: `removed` characters at `at` replaced by `inserted` characters, in the text as it was then. */
interface Change {
  readonly revision: number;
  readonly at: number;
  readonly removed: number;
  readonly inserted: number;
}

/** Blocks are cut at this length, and an edited block longer than twice this is cut again. */
const BLOCK = 1 << 15;
/** Changes remembered for `changeSince`; an analysis further behind compares whole texts. */
const KEPT_CHANGES = 1024;

/** An index into a text of `length`, as `substring` reads one: NaN as 0, clamped to [0, length]. */
function indexIn(index: number | undefined, length: number): number {
  const n = Number(index);
  return Number.isNaN(n) ? 0 : Math.max(0, Math.min(n, length));
}

/** The blocks of a text cut at `BLOCK`. */
function blocksOf(text: string): string[] {
  if (text.length <= BLOCK * 2) return [text];
  const blocks: string[] = [];
  for (let at = 0; at < text.length; at += BLOCK) blocks.push(text.slice(at, at + BLOCK));
  return blocks;
}

/** One version of a text, in blocks; never changes. */
export class PieceText implements TextLike {
  private whole: string | undefined;
  /** The block `charCodeAt` read last: reads come in runs. */
  private lastBlock = 0;

  constructor(
    private readonly blocks: readonly string[],
    private readonly starts: readonly number[],
    readonly length: number,
    /** The editable text this is a version of, and which version. */
    readonly origin: EditableText | undefined,
    readonly revision: number,
    whole?: string,
  ) {
    this.whole = whole;
  }

  static of(text: string): PieceText {
    return new PieceText([text], [0], text.length, undefined, 0, text);
  }

  charCodeAt(position: number): number {
    if (this.whole !== undefined) return this.whole.charCodeAt(position);
    // As the string's: NaN reads as 0, a fraction as its integer part.
    const n = Number(position);
    const index = Number.isNaN(n) ? 0 : Math.trunc(n);
    let k = this.lastBlock;
    const start = this.starts[k] as number;
    if (index < start || index >= start + (this.blocks[k] as string).length) k = this.lastBlock = blockAt(this.starts, index);
    return (this.blocks[k] as string).charCodeAt(index - (this.starts[k] as number));
  }

  /** As `String.prototype.slice`, for indices from 0 to the length (negative ones read as 0). */
  slice(from = 0, to = this.length): string {
    if (this.whole !== undefined) return this.whole.slice(indexIn(from, this.length), indexIn(to, this.length));
    const start = indexIn(from, this.length);
    const end = Math.max(start, indexIn(to, this.length));
    if (start === end) return '';
    const first = blockAt(this.starts, start);
    const last = blockAt(this.starts, end - 1);
    if (first === last) return (this.blocks[first] as string).slice(start - (this.starts[first] as number), end - (this.starts[first] as number));
    const parts: string[] = [(this.blocks[first] as string).slice(start - (this.starts[first] as number))];
    for (let k = first + 1; k < last; k++) parts.push(this.blocks[k] as string);
    parts.push((this.blocks[last] as string).slice(0, end - (this.starts[last] as number)));
    return parts.join('');
  }

  /** As `String.prototype.substring`: NaN reads as 0, and the smaller index starts. */
  substring(from: number, to = this.length): string {
    const a = indexIn(from, this.length);
    const b = indexIn(to, this.length);
    return a <= b ? this.slice(a, b) : this.slice(b, a);
  }

  /** The whole text as one string, joined once. */
  toString(): string {
    return (this.whole ??= this.blocks.join(''));
  }

  /** Whether the whole string is at hand already (no join needed). */
  get isJoined(): boolean {
    return this.whole !== undefined;
  }

  /** The blocks, in order (for scans that can go block by block). */
  get pieces(): readonly string[] {
    return this.whole !== undefined ? [this.whole] : this.blocks;
  }

  /**
   * How this version relates to an earlier one of the same text: lengths of a start and an end
   * that no edit in between touched (maybe shorter than the longest common ones, never longer).
   * Undefined when the edits in between are not known.
   */
  changeSince(older: PieceText): { prefix: number; suffix: number } | undefined {
    if (!this.origin || older.origin !== this.origin || older.revision > this.revision) return undefined;
    const changes = this.origin.changesBetween(older.revision, this.revision);
    if (!changes) return undefined;
    let length = older.length;
    let prefix = length;
    let suffix = length;
    for (const c of changes) {
      prefix = Math.min(prefix, c.at);
      suffix = Math.min(suffix, length - (c.at + c.removed));
      length += c.inserted - c.removed;
    }
    prefix = Math.min(prefix, length, older.length);
    return { prefix, suffix: Math.max(0, Math.min(suffix, Math.min(length, older.length) - prefix)) };
  }
}

/** A text edited in place, block by block; `snapshot` gives its current version. */
export class EditableText {
  private blocks: string[] = [];
  private starts: number[] = [];
  private total = 0;
  private revision = 0;
  private changes: Change[] = [];
  /** The current version, once asked for (blocks are copied only when the text changed). */
  private current: PieceText | undefined;

  constructor(text: string) {
    this.load(text);
  }

  get length(): number {
    return this.total;
  }

  snapshot(): PieceText {
    return (this.current ??= new PieceText([...this.blocks], [...this.starts], this.total, this, this.revision, this.blocks.length === 1 ? this.blocks[0] : undefined));
  }

  charCodeAt(index: number): number {
    return this.snapshot().charCodeAt(index);
  }

  slice(from?: number, to?: number): string {
    return this.snapshot().slice(from, to);
  }

  substring(from: number, to?: number): string {
    return this.snapshot().substring(from, to);
  }

  /** The whole text, joined once per version. */
  toString(): string {
    return this.snapshot().toString();
  }

  /** Replaces the whole text. Earlier versions are no longer related to it. */
  reset(text: string): void {
    this.revision++;
    this.load(text);
  }

  /** Takes `text` as the current version, with no changes on record. */
  private load(text: string): void {
    this.blocks = blocksOf(text);
    this.starts = this.startsOf(this.blocks);
    this.total = text.length;
    this.changes = [];
    this.current = new PieceText([...this.blocks], [...this.starts], text.length, this, this.revision, text);
  }

  /** Replaces [start, end) by `text`. */
  replace(from: number, to: number, text: string): void {
    // As `substring(0, from)` reads it: a missing index is the end. (The library's line starts
    // can have holes after an odd edit; its offsets are undefined there, and ours follow.)
    const start = from === undefined ? this.total : indexIn(from, this.total);
    const end = indexIn(to, this.total);
    // As `text.substring(0, start) + typed + text.substring(end)` would (what the LSP library
    // does, even for the odd range it makes of positions past a line's end): the text between
    // `end` and `start` then appears twice.
    if (end < start) return this.replace(start, start, text + this.slice(end, start));
    const first = blockAt(this.starts, start);
    // An edit ending at a block's end takes that block, not the next one: fewer blocks change.
    const last = end > start ? blockAt(this.starts, end - 1) : first;
    const firstStart = this.starts[first] as number;
    const lastStart = this.starts[last] as number;
    const joined = (this.blocks[first] as string).slice(0, start - firstStart) + text + (this.blocks[last] as string).slice(end - lastStart);
    // A block is kept flat: read by position on every edit, a rope would be joined then anyway.
    const middle = joined.length > BLOCK * 2 ? blocksOf(joined) : joined.length > 0 ? [flat(joined)] : [];
    this.blocks.splice(first, last - first + 1, ...middle);
    if (this.blocks.length === 0) this.blocks.push('');
    this.starts = this.startsOf(this.blocks);
    this.total += text.length - (end - start);
    this.revision++;
    this.changes.push({ revision: this.revision, at: start, removed: end - start, inserted: text.length });
    if (this.changes.length > KEPT_CHANGES * 2) this.changes = this.changes.slice(-KEPT_CHANGES);
    this.current = undefined;
  }

  /** The changes after revision `from` up to `to`, in order; undefined when no longer known. */
  changesBetween(from: number, to: number): readonly Change[] | undefined {
    if (from === to) return [];
    const firstIndex = this.changes.findIndex((c) => c.revision === from + 1);
    if (firstIndex < 0) return undefined;
    const out = this.changes.slice(firstIndex, firstIndex + (to - from));
    return out.length === to - from && out[out.length - 1]?.revision === to ? out : undefined;
  }

  private startsOf(blocks: readonly string[]): number[] {
    const starts: number[] = [];
    let at = 0;
    for (const block of blocks) {
      starts.push(at);
      at += block.length;
    }
    return starts;
  }
}

/** `text` as a flat string (a small copy): V8 would flatten the rope on the first read anyway. */
function flat(text: string): string {
  // Reading one character flattens the rope in place (a copy of the block's length).
  text.charCodeAt(0);
  return text;
}
