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
export function textWidth(text: string, size = FONT): number {
  let w = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    w += code >= 0x1100 ? size : /[mwMW@%]/.test(ch) ? size * 0.9 : size * 0.6;
  }
  return Math.ceil(w);
}

/** Cuts a text with an ellipsis so that its estimated width fits `max`. */
export function fitText(text: string, max: number, size = FONT): string {
  if (textWidth(text, size) <= max) return text;
  const chars = [...text];
  while (chars.length > 0 && textWidth(chars.join('') + '…', size) > max) chars.pop();
  return chars.length > 0 ? chars.join('') + '…' : '';
}
