/**
 * Text edits on YAML that keep the author's style: indentation, comments, quoting, flow or block
 * collections and line endings. Edits are computed on the source text (never by re-serialising a
 * document, which would reformat the whole file) from `yaml` node ranges, which are chunk-relative:
 * every helper takes the chunk's start offset to produce absolute offsets.
 */
import { isScalar, Scalar, stringify, type Node, type YAMLMap, type YAMLSeq } from 'yaml';

/** A text replacement at absolute offsets of the file. */
export interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** A plain value to write: scalars, or maps and lists of them (rendered in the target's style). */
export type YValue = string | number | boolean | { readonly [key: string]: YValue } | readonly YValue[];

/** The line ending the file already uses (CRLF stays CRLF, a lone CR stays a lone CR). */
export function eolOf(text: string): string {
  const i = text.search(/[\r\n]/);
  if (i < 0 || text[i] === '\n') return '\n';
  return text[i + 1] === '\n' ? '\r\n' : '\r';
}

export function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** The offset just past the end of the line holding `offset` (past its line break, if any). */
export function nextLineStart(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  if (text[i] === '\r') i++;
  if (text[i] === '\n') i++;
  return i;
}

/** The whitespace that starts the line holding `offset`. */
export function indentOf(text: string, offset: number): string {
  const start = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(start))?.[0] ?? '';
}

export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

function range(node: Node): [number, number] {
  const r = node.range;
  return r ? [r[0], r[1]] : [0, 0];
}

/** Renders a scalar the way YAML needs it, preferring `quote` when the value must be quoted or a quote style is to be kept. */
export function scalarText(value: string | number | boolean, quote?: string): string {
  if (typeof value !== 'string') return String(value);
  if (quote === Scalar.QUOTE_DOUBLE) return JSON.stringify(value);
  // A value holding single quotes reads better in double ones (`"metadata.labels['app']"`).
  if (quote === Scalar.QUOTE_SINGLE) return value.includes("'") && !/["\\]/.test(value) ? JSON.stringify(value) : `'${value.replace(/'/g, "''")}'`;
  // YAML 1.1, as Kubernetes reads it: `yes`, `on` and `80` must be quoted to stay strings.
  const plain = stringify(value, { version: '1.1', lineWidth: 0 }).trimEnd();
  // Flow indicators would end a plain scalar inside `[...]` or `{...}`.
  return /^[^"'].*[,[\]{}]/.test(plain) ? JSON.stringify(value) : plain;
}

/** Replaces a scalar's value, keeping its quoting style. */
export function replaceScalar(base: number, node: Node, value: string | number | boolean): OffsetEdit {
  const [s, e] = range(node);
  const quote = isScalar(node) && typeof value === 'string' ? node.type : undefined;
  return { start: base + s, end: base + e, newText: scalarText(value, quote === Scalar.PLAIN ? undefined : quote) };
}

/** Renders a value in flow style: `{containerPort: 80, name: http}`. */
export function flowText(value: YValue): string {
  if (Array.isArray(value)) return `[${value.map(flowText).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, YValue>);
    return entries.length === 0 ? '{}' : `{${entries.map(([k, v]) => `${k}: ${flowText(v)}`).join(', ')}}`;
  }
  return scalarText(value as string | number | boolean);
}

/**
 * How far the file indents block sequences under their key: `ports:\n- a` (0, kubectl's style)
 * or `ports:\n  - a` (2). New lists follow the file's habit.
 */
export function seqIndentOf(text: string): string {
  const m = /^( *)[\w-]+:[ \t]*\r?\n( *)- /m.exec(text);
  return m && (m[2]?.length ?? 0) > (m[1]?.length ?? 0) ? ' '.repeat((m[2]?.length ?? 0) - (m[1]?.length ?? 0)) : '';
}

/** Renders `key: value` in block style as lines (no indentation, no line breaks). */
export function blockPair(key: string, value: YValue, seqIndent = ''): string[] {
  // Lists of scalars read best inline (`command: [sh, -c, ...]`), as manifests usually write them.
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) return [`${key}: ${flowText(value)}`];
  if (Array.isArray(value) && value.length > 0) return [`${key}:`, ...value.flatMap((v) => blockItem(v, seqIndent).map((l) => seqIndent + l))];
  if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) {
    return [`${key}:`, ...Object.entries(value as Record<string, YValue>).flatMap(([k, v]) => blockPair(k, v, seqIndent).map((l) => `  ${l}`))];
  }
  return [`${key}: ${flowText(value)}`];
}

/** Renders one block sequence item as lines (`- a: 1`, `  b: 2`). */
export function blockItem(value: YValue, seqIndent = ''): string[] {
  if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) {
    const lines = Object.entries(value as Record<string, YValue>).flatMap(([k, v]) => blockPair(k, v, seqIndent));
    return lines.map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`));
  }
  return [`- ${flowText(value)}`];
}

/** The end of a collection's last line of content (comments on that line included), as an insertion point. */
function afterLastLine(text: string, base: number, node: Node): number {
  let end = base + range(node)[1];
  while (end > 0 && /\s/.test(text[end - 1] ?? '')) end--;
  return nextLineStart(text, end);
}

/** Where a new line goes after `at`; adds the line break a file without a final newline lacks. */
function lineInsert(text: string, at: number, lines: string[], eol: string): OffsetEdit {
  const body = lines.join(eol) + eol;
  const needsBreak = at === text.length && at > 0 && text[at - 1] !== '\n' && text[at - 1] !== '\r';
  return { start: at, end: at, newText: needsBreak ? eol + body : body };
}

/** Adds `key: value` to a mapping (after its last pair, same indentation; or inside `{}`). */
export function addPair(text: string, base: number, map: YAMLMap, key: string, value: YValue, comment: string[] = []): OffsetEdit {
  const eol = eolOf(text);
  if (map.flow) {
    const last = map.items[map.items.length - 1];
    const lastNode = (last?.value ?? last?.key) as Node | undefined;
    // Right after the last entry, so a trailing comma or a comment after it stays where it was.
    if (lastNode?.range) return { start: base + lastNode.range[1], end: base + lastNode.range[1], newText: `, ${key}: ${flowText(value)}` };
    const close = base + range(map)[1] - 1; // the `}` of an empty map
    return { start: close, end: close, newText: `${key}: ${flowText(value)}` };
  }
  const first = map.items[0]?.key as Node | undefined;
  const indent = first?.range ? ' '.repeat(columnOf(text, base + first.range[0])) : '';
  const lines = [...comment.map((c) => `# ${c}`), ...blockPair(key, value, seqIndentOf(text))].map((l) => indent + l);
  return lineInsert(text, afterLastLine(text, base, map), lines, eol);
}

/** Appends an item to a sequence, in its style. */
export function appendItem(text: string, base: number, seq: YAMLSeq, value: YValue, comment: string[] = []): OffsetEdit {
  const eol = eolOf(text);
  if (seq.flow) {
    const last = seq.items[seq.items.length - 1] as Node | undefined;
    if (last?.range) return { start: base + last.range[1], end: base + last.range[1], newText: `, ${flowText(value)}` };
    const close = base + range(seq)[1] - 1; // the `]` of an empty list
    return { start: close, end: close, newText: flowText(value) };
  }
  const first = seq.items[0] as Node | undefined;
  const dash = first?.range ? dashBefore(text, base + first.range[0]) : -1;
  const indent = dash >= 0 ? ' '.repeat(columnOf(text, dash)) : '';
  const lines = [...comment.map((c) => `# ${c}`), ...blockItem(value, seqIndentOf(text))].map((l) => indent + l);
  return lineInsert(text, afterLastLine(text, base, seq), lines, eol);
}

/** The offset of the `-` that introduces a block sequence item starting at `offset`. */
function dashBefore(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i--;
  return text[i] === '-' ? i : -1;
}

/**
 * Removes item `index` of a sequence: whole lines in block style, the item and one comma in flow
 * style. Returns undefined when the item cannot be cut out cleanly (then no fix is offered).
 */
export function removeItem(text: string, base: number, seq: YAMLSeq, index: number): OffsetEdit | undefined {
  const item = seq.items[index] as Node | undefined;
  if (!item?.range) return undefined;
  const [s, e] = [base + item.range[0], base + item.range[1]];
  if (seq.flow) {
    const prev = seq.items[index - 1] as Node | undefined;
    const next = seq.items[index + 1] as Node | undefined;
    if (next?.range) return { start: s, end: base + next.range[0], newText: '' };
    if (prev?.range) return { start: base + prev.range[1], end: e, newText: '' };
    return { start: s, end: e, newText: '' };
  }
  const dash = dashBefore(text, s);
  if (dash < 0 || text.slice(lineStart(text, dash), dash).trim() !== '') return undefined;
  // Up to the end of the item's last line: comment lines after it may introduce the next item.
  return { start: lineStart(text, dash), end: afterLastLine(text, 0, { range: [e, e, e] } as unknown as Node), newText: '' };
}

/** Removes a whole block pair (`key:` and its nested lines), e.g. a `ports:` left without items. */
export function removeBlockPair(text: string, base: number, keyNode: Node, valueNode: Node): OffsetEdit | undefined {
  if (!keyNode.range || !valueNode.range) return undefined;
  const start = lineStart(text, base + keyNode.range[0]);
  if (text.slice(start, base + keyNode.range[0]).trim() !== '') return undefined; // `- key:` compact item: leave it
  return { start, end: afterLastLine(text, base, valueNode), newText: '' };
}
