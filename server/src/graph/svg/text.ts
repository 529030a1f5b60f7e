/** Text helpers for the SVG: escaping, and width estimates that keep labels inside their boxes. */

/** Escapes text for SVG/XML content and attribute values: manifest strings are never markup. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** Font sizes used by the diagram (px). Fixed, so width estimates hold in every theme. */
export const FONT = 12;
export const TITLE_FONT = 13;

/**
 * An upper bound of a text's rendered width: wide (CJK, emoji) characters count as a full em,
 * others as 0.6 em, which is above the widest Latin UI fonts' average for mixed text.
 */
function charWidth(code: number, size: number): number {
  if (code >= 0x1100) return size;
  // m, w, M, W, @, %
  return code === 109 || code === 119 || code === 77 || code === 87 || code === 64 || code === 37 ? size * 0.9 : size * 0.6;
}

export function textWidth(text: string, size = FONT): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i) ?? 0;
    if (code > 0xffff) i++;
    w += charWidth(code, size);
  }
  return Math.ceil(w);
}

/** Cuts a text with an ellipsis so that its estimated width fits `max` (one pass, no re-measuring). */
export function fitText(text: string, max: number, size = FONT): string {
  if (textWidth(text, size) <= max) return text;
  const budget = max - size; // room for the ellipsis (counted as a full em)
  let w = 0;
  let end = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i) ?? 0;
    const next = w + charWidth(code, size);
    if (Math.ceil(next) > budget) break;
    w = next;
    if (code > 0xffff) i++;
    end = i + 1;
  }
  return end > 0 ? text.slice(0, end) + '…' : '';
}
