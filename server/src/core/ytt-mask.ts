/**
 * ytt (Carvel) templates: YAML whose `#@` comments are the template. `image: #@ data.values.image`
 * sets a value that plain YAML reads as empty; `#@ if` / `#@ else` / `#@ end` keep both branches in
 * the file, and `#@ for` repeats its body; `#@overlay/match` documents are partial, merged into
 * other documents by ytt. A value an annotation sets becomes the same number of `x` (unknown, as a
 * masked template action is), and a `_:` key whose annotation writes pairs (`template.replace`) a
 * blank line (the map is open, as under a Helm `include`); what lies inside a block may be rendered zero, one or many times
 * (conditional, as a Helm `if` is); an overlay document is not checked.
 */
import type { Span } from '../rules/types';

/** A ytt annotation: `#@` and a statement, an expression or an annotation name. */
const ANNOTATION = /(^|[ \t])#@(?=[ \t]*\S)/;
/** Whether a chunk is a ytt template: one of its lines holds an annotation ytt reads. */
// A value written as an annotation (`key: #@ expr`) is one too; a `#@` comment alone is not:
// `#@ if you change this:` in a plain manifest is a comment.
export const MAY_BE_YTT = /#@[ \t]*load\(|#@[^\n]*\bdata\.values\b|#@(?:overlay|yaml|schema|template|library|data)\/|#@[ \t]*def\b|:[ \t]+#@[ \t]*\S/;
/** `#@ if x:` opens a block up to `#@ end`; `#@ if/end x:` acts on the next node alone, opening none. */
const BLOCK_OPEN = /^#@\s*(?:if|for|def)\b(?!\/end).*:\s*$/;
const BLOCK_BRANCH = /^#@\s*(?:elif\b.*|else\s*):\s*$/;
const BLOCK_END = /^#@\s*end\b/;

export interface YttMasked {
  readonly text: string;
  /** Values set by annotations, now `x`s. */
  readonly spans: readonly Span[];
  /** The bodies of `if`, `for` and `def` blocks. */
  readonly conditional: readonly Span[];
  /** How many annotations the chunk holds. */
  readonly annotations: number;
  /** The chunk is an overlay (`#@overlay/match`): partial documents ytt merges into others. */
  readonly overlay: boolean;
  /** The first annotation, where the templated-file note goes. */
  readonly first?: Span;
}

export function maskYtt(text: string): YttMasked {
  const out = text.split('');
  const spans: Span[] = [];
  const conditional: Span[] = [];
  const open: number[] = [];
  let annotations = 0;
  let overlay = false;
  let first: Span | undefined;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    const found = ANNOTATION.exec(line);
    if (found) {
      annotations++;
      const at = found.index + found[1]!.length;
      first ??= { start: lineStart + at, end: lineStart + line.length };
      const before = line.slice(0, at).trimEnd();
      const comment = line.slice(at);
      if (before.trim() === '') {
        if (/^#@overlay\/match\b/.test(comment)) overlay = true;
        if (BLOCK_OPEN.test(comment)) open.push(lineEnd + 1);
        else if (BLOCK_END.test(comment)) {
          const from = open.pop();
          if (from !== undefined) conditional.push({ start: from, end: lineStart });
        } else if (BLOCK_BRANCH.test(comment) && open.length === 0) conditional.push({ start: 0, end: lineStart });
      } else if (/^\s*(?:-\s+)?_:$/.test(before)) {
        // `_: #@ template.replace(…)`: the pairs (or items) it writes go where the line is.
        const start = lineStart;
        const end = lineStart + line.length;
        for (let i = start; i < end; i++) out[i] = ' ';
        spans.push({ start, end });
      } else if (before.endsWith(':') || /^\s*-$/.test(before)) {
        // The annotation is the value: `key: #@ expr`, `- #@ expr`.
        const start = lineStart + at;
        const end = lineStart + line.length;
        for (let i = start; i < end; i++) out[i] = 'x';
        spans.push({ start, end });
      }
    }
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  for (const from of open) conditional.push({ start: from, end: text.length });
  return { text: out.join(''), spans, conditional, annotations, overlay, ...(first ? { first } : {}) };
}
