/**
 * Collections a template adds entries to. In a Helm template masked for parsing, an action on a
 * line of its own (`{{- include "labels" . | nindent 8 }}`, `{{- toYaml .Values.extra | nindent 2 }}`,
 * a `range` body) inserts lines nobody sees before rendering, and a key built by an action
 * (`{{ $k }}: v`) is unknown: the map or list around them is "open", so no rule may conclude that
 * a key or an item is missing from it. Pure: a WeakSet over the parsed nodes.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { Span } from '../rules/types';
import { isUnknownValue, markUnknown } from './unknown-values';

const OPEN = new WeakSet<object>();

/** True for a map or sequence that template actions may add entries to. */
export function isOpenCollection(node: unknown): boolean {
  return typeof node === 'object' && node !== null && OPEN.has(node);
}

/** The offset of the first character that is not a space or tab on the line holding `at`, and its column. */
function lineHead(text: string, at: number): { offset: number; column: number } {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  let i = start;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return { offset: i, column: i - start };
}

/**
 * The nearest line before (step -1) or after (+1) the line of `at` that starts an entry (a key
 * or a `-`) at most `column` deep; block scalar text and comments are passed over.
 */
function nearestEntry(text: string, heads: ReadonlyMap<number, object>, at: number, step: 1 | -1, column: number): { offset: number; column: number } | undefined {
  let lineStart = text.lastIndexOf('\n', at - 1) + 1;
  for (let guard = 0; guard < 100_000; guard++) {
    if (step === 1) {
      const end = text.indexOf('\n', lineStart);
      if (end < 0) return undefined;
      lineStart = end + 1;
    } else {
      if (lineStart === 0) return undefined;
      lineStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    }
    const head = lineHead(text, lineStart);
    if (heads.has(head.offset) && head.column <= column) return head;
  }
  return undefined;
}

/**
 * Marks the collections of `doc` that the masked `spans` add to. `text` is the masked text the
 * document was parsed from (offsets are shared).
 */
export function markOpenCollections(doc: Document, text: string, spans: readonly Span[]): void {
  if (spans.length === 0) return;
  // Where each line's first entry starts: a key (its map) or a `-` (its list); and block keys
  // whose value begins on a later line (what a line of its own below them fills).
  const heads = new Map<number, object>();
  const valueOf = new Map<number, unknown>();
  const visit = (node: unknown, depth: number): void => {
    if (depth > 256 || typeof node !== 'object' || node === null) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        if (isScalar(key) && key.range) {
          if (isUnknownValue(key)) OPEN.add(node);
          const head = lineHead(text, key.range[0]);
          if (head.offset === key.range[0]) heads.set(head.offset, node);
          valueOf.set(key.range[0], pair.value);
        }
        visit(pair.value, depth + 1);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        const range = (item as Node | null)?.range;
        if (range) {
          const head = lineHead(text, range[0]);
          if (text[head.offset] === '-') heads.set(head.offset, node);
        }
        visit(item, depth + 1);
      }
    }
  };
  visit(doc.contents, 0);
  for (const span of spans) {
    const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
    const lineEnd = text.indexOf('\n', span.start);
    // Only an action on a line of its own (blank once masked) inserts lines.
    if (text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).trim() !== '') continue;
    const column = span.start - lineStart;
    const next = nearestEntry(text, heads, span.start, 1, column);
    const prev = nearestEntry(text, heads, span.start, -1, column);
    const same = [next, prev].find((l) => l?.column === column);
    const collection = same ? heads.get(same.offset) : undefined;
    if (collection) {
      OPEN.add(collection);
      // `containers:` / `{{- include "head" . | nindent 6 }}` at the key's column / `  image: …`: the
      // action writes the head of the value's first item (`- name: web`), as a list's `-` may stand
      // at its key's column (probe).
      const value = prev && prev.column === column ? valueOf.get(prev.offset) : undefined;
      if ((isMap(value) || isSeq(value)) && (value.range?.[0] ?? 0) > span.start) OPEN.add(value);
      continue;
    }
    // Below `key:` and deeper than it: the action writes that key's value.
    if (prev && prev.column < column) {
      const value = valueOf.get(prev.offset);
      if (isMap(value) || isSeq(value)) OPEN.add(value);
      // `env:` with nothing but the action below it (`{{- toYaml . | nindent 8 }}`): all of it unknown.
      else if (isScalar(value) && value.value === null) markUnknown(value);
    }
  }
}

/**
 * Marks the maps with a key built by a template (`"{{ .Values.key }}": x`), in any document (a
 * chart template or one that parses as it stands): the key may be any key, the one a reference asks
 * for included (a ConfigMap's data). Lists whose entries' names are unknown: k8s/unknown-names.ts.
 */
export function markUnknownKeys(doc: Document): void {
  const visit = (node: unknown, depth: number): void => {
    if (depth > 256 || typeof node !== 'object' || node === null) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        if (isUnknownValue(pair.key)) OPEN.add(node);
        visit(pair.value, depth + 1);
      }
    } else if (isSeq(node)) for (const item of node.items) visit(item, depth + 1);
  };
  visit(doc.contents, 0);
}
