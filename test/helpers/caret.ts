/** Cursor markers for completion and navigation tests: `¦` marks the cursor in inline YAML. */
import { LineIndex, type Position } from '../../server/src/core/line-index';

export const CARET = '¦';

/** Removes the caret and returns the text, the caret's offset and its LSP position. */
export function caret(marked: string): { text: string; offset: number; position: Position } {
  const offset = marked.indexOf(CARET);
  if (offset < 0) throw new Error('no caret in text');
  const text = marked.slice(0, offset) + marked.slice(offset + CARET.length);
  return { text, offset, position: new LineIndex(text).positionAt(offset) };
}

/** The LSP position of the `occurrence`-th (0-based) match of `needle` in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, occurrence = 0, delta = 0): Position {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" #${occurrence} not found`);
  }
  return new LineIndex(text).positionAt(at + delta);
}
