/**
 * The server's open documents. They behave as vscode-languageserver-textdocument's do (LSP
 * positions, where `\n`, `\r\n` and a lone `\r` end a line; incremental updates), with one
 * difference: a big document's line starts can be worked out in slices once it opens. The
 * library works them out on the first position asked for, which is the first edit's: at 5,000
 * documents one block of 15-25 ms, the longest pause in the server's answers after an open.
 */
import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { TextLike } from '../core/line-index';
import { EditableText, type PieceText } from '../core/piece-text';

const CR = 13;
const LF = 10;
/** Characters scanned per step of `lineStartSteps` (about a millisecond's worth). */
const SCAN_STEP = 1 << 18;

const isEol = (c: number): boolean => c === CR || c === LF;

/** Line starts within `text` (offset by `base`), from `from`; with the text's own start when `atLineStart`. */
function lineStartsIn(text: TextLike, atLineStart: boolean, base = 0, from = 0, to = text.length, out: number[] = atLineStart ? [base] : []): number[] {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!isEol(c)) continue;
    if (c === CR && i + 1 < text.length && text.charCodeAt(i + 1) === LF) i++;
    out.push(base + i + 1);
  }
  return out;
}

/** The range with its start before its end. */
function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}

export class OpenDocument implements TextDocument {
  private lineOffsets: number[] | undefined;
  /** Bumped by every change: a run of `lineStartSteps` for an older text gives up. */
  private revision = 0;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    content: string,
  ) {
    this.content = new EditableText(content);
  }

  /** The text, in blocks: an edit replaces a block or two, never the whole string (see piece-text.ts). */
  private readonly content: EditableText;

  /** This version of the text, read without joining it (the analysis reads it so). */
  snapshot(): PieceText {
    return this.content.snapshot();
  }

  get version(): number {
    return this.currentVersion;
  }

  get lineCount(): number {
    return this.lines().length;
  }

  /** Whether the line starts are known (worked out, in slices or on first use). */
  get hasLineStarts(): boolean {
    return this.lineOffsets !== undefined;
  }

  getText(range?: Range): string {
    if (!range) return this.content.toString();
    return this.content.substring(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  positionAt(offset: number): Position {
    const at = Math.max(Math.min(offset, this.content.length), 0);
    const lines = this.lines();
    let low = 0;
    let high = lines.length;
    if (high === 0) return { line: 0, character: at };
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if ((lines[mid] as number) > at) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    const lineStart = lines[line] as number;
    return { line, character: this.beforeEol(at, lineStart) - lineStart };
  }

  offsetAt(position: Position): number {
    const lines = this.lines();
    if (position.line >= lines.length) return this.content.length;
    if (position.line < 0) return 0;
    const lineStart = lines[position.line] as number;
    if (position.character <= 0) return lineStart;
    return this.beforeEol(Math.min(lineStart + position.character, this.nextLineStart(position.line)), lineStart);
  }

  getLineRange(line: number): Range {
    const lines = this.lines();
    if (line >= lines.length) {
      const last = lines.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.content.length - (lines[last] as number) } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = lines[line] as number;
    const end = this.beforeEol(this.nextLineStart(line), start);
    return { start: { line, character: 0 }, end: { line, character: end - start } };
  }

  getEOLCharacters(line: number): string {
    const lines = this.lines();
    if (line < 0 || line >= lines.length) return '';
    const next = this.nextLineStart(line);
    return this.content.substring(this.beforeEol(next, lines[line] as number), next);
  }

  /** Applies the changes of one `didChange`, in order. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    this.revision++;
    for (const change of changes) {
      if (!('range' in change) || !change.range) {
        this.content.reset(change.text);
        this.lineOffsets = undefined;
        continue;
      }
      const range = wellFormed(change.range);
      const start = this.offsetAt(range.start);
      const end = this.offsetAt(range.end);
      this.content.replace(start, end, change.text);
      const insertedEnd = start + change.text.length;
      // A CRLF made across an edit's edge is no break of the inserted text: worked out anew.
      const crlfAt = (i: number): boolean => this.content.charCodeAt(i - 1) === CR && this.content.charCodeAt(i) === LF;
      if (crlfAt(start) || crlfAt(insertedEnd)) {
        this.lineOffsets = undefined;
        continue;
      }
      const lines = this.lines();
      const startLine = Math.max(range.start.line, 0);
      const endLine = Math.max(range.end.line, 0);
      const added = lineStartsIn(change.text, false, start);
      if (endLine - startLine === added.length) added.forEach((offset, i) => (lines[startLine + 1 + i] = offset));
      else if (added.length < 10_000) lines.splice(startLine + 1, endLine - startLine, ...added);
      else this.lineOffsets = lines.slice(0, startLine + 1).concat(added, lines.slice(endLine + 1));
      const shift = change.text.length - (end - start);
      const all = this.lines();
      if (shift !== 0) for (let i = startLine + 1 + added.length; i < all.length; i++) all[i] = (all[i] as number) + shift;
    }
    this.currentVersion = version;
  }

  /**
   * Works out the line starts a step at a time (see runInSlices); gives up when the text changes
   * meanwhile, and keeps nothing when something else worked them out first.
   */
  *lineStartSteps(): Generator<void, void, void> {
    const text = this.content.snapshot();
    const revision = this.revision;
    const starts: number[] = [0];
    let from = 0;
    while (from < text.length) {
      if (this.revision !== revision || this.lineOffsets) return;
      let to = Math.min(from + SCAN_STEP, text.length);
      // A CRLF is never cut in two: the step takes its LF too.
      if (text.charCodeAt(to - 1) === CR && text.charCodeAt(to) === LF) to++;
      lineStartsIn(text, false, 0, from, to, starts);
      from = to;
      yield;
    }
    if (this.revision === revision && !this.lineOffsets) this.lineOffsets = starts;
  }

  private lines(): number[] {
    return (this.lineOffsets ??= lineStartsIn(this.content, true));
  }

  private nextLineStart(line: number): number {
    const lines = this.lines();
    return line + 1 < lines.length ? (lines[line + 1] as number) : this.content.length;
  }

  private beforeEol(offset: number, lineStart: number): number {
    let at = offset;
    while (at > lineStart && isEol(this.content.charCodeAt(at - 1))) at--;
    return at;
  }
}

/** For `new TextDocuments(openDocuments)`. */
export const openDocuments: TextDocumentsConfiguration<OpenDocument> = {
  create: (uri, languageId, version, content) => new OpenDocument(uri, languageId, version, content),
  update: (document, changes, version) => {
    document.update(changes, version);
    return document;
  },
};
