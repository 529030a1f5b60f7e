/**
 * Block scalars (`|`, `|-`, `>`, `>-`) for the quick parser. Keep (`+`) chomping, indentation
 * indicators and folded text with more-indented lines are left to `yaml`.
 */
import { Scalar } from 'yaml';
import { bail, endOfLine, lineEndOf, nextLineOf, scalarNode, type ScalarContext } from './quick-scalars';

/** The block scalar whose header (`|` or `>`) is at `q`, in a collection indented by `parentIndent`. */
export function blockScalar(ctx: ScalarContext, q: number, parentIndent: number): { node: Scalar; end: number } {
  const { text } = ctx;
  const folded = text[q] === '>';
  let h = q + 1;
  const strip = text[h] === '-';
  if (strip) h++;
  const c = text.charCodeAt(h);
  if (c !== 32 && c !== 10 && c !== 13 && !Number.isNaN(c)) bail(); // keep chomping, indentation indicators
  let p = endOfLine(text, h);
  const lines: string[] = [];
  let contentIndent = -1;
  let contentEnd = p;
  let leadingBlank = 0;
  while (p < text.length) {
    const lineEnd = lineEndOf(text, p);
    const next = nextLineOf(text, p);
    let i = p;
    while (i < lineEnd && text.charCodeAt(i) === 32) i++;
    if (i === lineEnd) {
      // A blank line: empty content (a longer run of spaces before the first line needs yaml).
      if (contentIndent === -1) {
        if (i - p > leadingBlank) leadingBlank = i - p;
      } else if (folded && i - p > contentIndent) bail();
      // Spaces beyond the content's indentation are content: `yaml` ends the scalar after them.
      const spaces = contentIndent !== -1 && i - p > contentIndent;
      lines.push(spaces ? text.slice(p + contentIndent, lineEnd) : '');
      if (spaces) contentEnd = next;
      p = next;
      continue;
    }
    if (contentIndent === -1) {
      contentIndent = i - p;
      if (contentIndent <= parentIndent || leadingBlank > contentIndent) bail();
    } else if (i - p < contentIndent) break;
    if (folded && i - p > contentIndent) bail();
    lines.push(text.slice(p + contentIndent, lineEnd));
    contentEnd = next;
    p = contentEnd;
  }
  if (contentIndent === -1) bail();
  // Trailing blank lines are not content for clip and strip chomping.
  let last = lines.length;
  while (last > 0 && lines[last - 1] === '') last--;
  const body = folded ? fold(lines.slice(0, last)) : lines.slice(0, last).join('\n');
  const value = strip ? body : `${body}\n`;
  const node = scalarNode(ctx, value, value, folded ? Scalar.BLOCK_FOLDED : Scalar.BLOCK_LITERAL, q, contentEnd, contentEnd);
  return { node, end: contentEnd };
}

/** Folding: a line break between two text lines becomes a space; each blank line, a newline. */
function fold(lines: readonly string[]): string {
  let out = '';
  let blanks = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '') {
      blanks++;
      continue;
    }
    if (i > 0) out += blanks > 0 ? '\n'.repeat(blanks) : ' ';
    out += line;
    blanks = 0;
  }
  return out;
}
