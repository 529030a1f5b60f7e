/** Escapes in one-line double-quoted scalars, for the quick parser (quick-scalars.ts). */

/** What `yaml` reads for each one-character escape of a double-quoted scalar. */
const ESCAPES: Readonly<Record<string, string>> = { '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\' };
const HEX_DIGITS: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/**
 * A one-line double-quoted scalar with escapes, from just after its opening quote: its value as
 * `yaml` reads it, and the offset after its closing quote. A backslash skips the character after
 * it when looking for the closing quote, as `yaml`'s lexer does. Anything `yaml` would report
 * (an unknown escape, bad hex digits) or read across lines: undefined, for `yaml` to parse.
 */
export function escapedDoubleQuoted(text: string, from: number): { value: string; end: number } | undefined {
  let value = '';
  let i = from;
  for (;;) {
    const c = text[i];
    if (c === undefined || c === '\n' || c === '\r') return undefined;
    if (c === '"') return { value, end: i + 1 };
    if (c !== '\\') {
      value += c;
      i++;
      continue;
    }
    const e = text[i + 1] as string;
    const simple = ESCAPES[e];
    if (simple !== undefined) {
      value += simple;
      i += 2;
      continue;
    }
    const digits = HEX_DIGITS[e];
    if (digits === undefined) return undefined;
    const hex = text.slice(i + 2, i + 2 + digits);
    const code = hex.length === digits && /^[0-9a-fA-F]+$/.test(hex) ? parseInt(hex, 16) : NaN;
    if (!(code <= 0x10ffff)) return undefined;
    value += String.fromCodePoint(code);
    i += 2 + digits;
  }
}
