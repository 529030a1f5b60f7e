/**
 * Reading YAML as kubectl does. go-yaml (kubectl, the API server, most controllers) accepts a
 * multi-line quoted scalar whose continuation lines are indented no deeper than its key:
 *
 *     description: 'APIVersion defines the versioned schema of this representation
 *     of an object.'
 *
 * YAML 1.2 and the `yaml` library (no option changes this) reject it, one error per line. Here
 * such scalars are joined onto one line — each line break becomes a space, so every offset stays
 * where it was — and their values are folded as YAML folds them (a line break and the indentation
 * around it become one space, an empty line a newline).
 */
import { isMap, isScalar, isSeq, type Document } from 'yaml';

/** A multi-line quoted scalar in the text: [start, end) including the quotes. */
export interface QuotedSpan {
  readonly start: number;
  readonly end: number;
}

/** Whether a quote at `i` starts a scalar: first on its line, or after `key: `, `- `, `? `, `[`, `{`, `,`. */
function startsScalar(text: string, lineStart: number, i: number): boolean {
  const before = text.slice(lineStart, i);
  const trimmed = before.trimEnd();
  if (trimmed.trim() === '') return true;
  const last = trimmed[trimmed.length - 1];
  if (last === '[' || last === '{' || last === ',') return true;
  return (last === ':' || last === '-' || last === '?') && trimmed.length < before.length;
}

/** Multi-line quoted scalars (single or double), found by a small scan that skips comments. */
export function multiLineQuoted(text: string): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  let i = 0;
  let lineStart = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') {
      lineStart = i + 1;
      i++;
      continue;
    }
    if (c === '#' && (i === lineStart || /\s/.test(text[i - 1] ?? ''))) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
      continue;
    }
    if ((c === "'" || c === '"') && startsScalar(text, lineStart, i)) {
      const end = closingQuote(text, i, c);
      if (end < 0) return spans; // unclosed: leave it to the parser's error
      if (text.slice(i, end).includes('\n')) spans.push({ start: i, end: end + 1 });
      i = end + 1;
      continue;
    }
    i++;
  }
  return spans;
}

/** The offset of the quote closing the scalar opened at `open`, or -1. */
function closingQuote(text: string, open: number, quote: string): number {
  for (let j = open + 1; j < text.length; j++) {
    const c = text[j];
    if (quote === '"' && c === '\\') j++;
    else if (c === quote) {
      if (quote === "'" && text[j + 1] === "'") j++;
      else return j;
    } else if (c === '\n' && /^(?:---|\.\.\.)(?:\s|$)/.test(text.slice(j + 1, j + 5))) return -1;
  }
  return -1;
}

/** The text with each span's line breaks turned into spaces (same length, same offsets). */
export function joinLines(text: string, spans: readonly QuotedSpan[]): string {
  if (spans.length === 0) return text;
  const out = text.split('');
  for (const { start, end } of spans) for (let i = start; i < end; i++) if (out[i] === '\n' || out[i] === '\r') out[i] = ' ';
  return out.join('');
}

/** A quoted scalar's value as YAML folds it. */
function folded(source: string): string {
  const quote = source[0];
  const body = source.slice(1, -1);
  const lines = body.split(/\r?\n/);
  let value = lines[0]?.replace(/[ \t]+$/, '') ?? '';
  let pendingBreaks = 0;
  for (const raw of lines.slice(1)) {
    const line = raw.trim();
    if (line === '') {
      pendingBreaks++;
      continue;
    }
    value += pendingBreaks > 0 ? '\n'.repeat(pendingBreaks) : ' ';
    value += line;
    pendingBreaks = 0;
  }
  if (quote === "'") return value.replace(/''/g, "'");
  try {
    return JSON.parse(`"${value.replace(/\\ /g, ' ').replace(/"/g, '\\"').replace(/\\\\"/g, '\\"')}"`) as string;
  } catch {
    return value;
  }
}

/** Gives the scalars parsed from joined text the values of the original multi-line scalars. */
export function refold(doc: Document, original: string, spans: readonly QuotedSpan[]): void {
  if (spans.length === 0) return;
  const byStart = new Map(spans.map((s) => [s.start, s]));
  const visit = (node: unknown, depth: number): void => {
    if (depth > 256 || typeof node !== 'object' || node === null) return;
    if (isScalar(node)) {
      const span = node.range ? byStart.get(node.range[0]) : undefined;
      if (span && typeof node.value === 'string') node.value = folded(original.slice(span.start, span.end));
    } else if (isMap(node)) {
      for (const pair of node.items) {
        visit(pair.key, depth + 1);
        visit(pair.value, depth + 1);
      }
    } else if (isSeq(node)) for (const item of node.items) visit(item, depth + 1);
  };
  visit(doc.contents, 0);
}
