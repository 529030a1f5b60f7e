/**
 * Keys that Kubernetes' reader trips over, found from the key nodes themselves: `yaml` reports a
 * duplicate key at the end of whatever preceded it (after an empty value, the line break), so
 * its error position can neither name nor underline the key.
 */
import { isMap, isScalar, visit, type Document, type Node } from 'yaml';

/** Every later occurrence of a key already used in its mapping (as `yaml`'s `uniqueKeys` compares them), in text order. */
export function duplicateKeyNodes(doc: Document): Node[] {
  const out: Node[] = [];
  visit(doc, {
    Map(_, map) {
      if (!isMap(map)) return;
      const seen: unknown[] = [];
      for (const pair of map.items) {
        const key: unknown = pair.key;
        const same = (other: unknown): boolean => other === key || (isScalar(other) && isScalar(key) && other.value === key.value);
        if (seen.some(same) && isScalar(key) && key.range) out.push(key);
        seen.push(key);
      }
    },
  });
  return out.sort((a, b) => (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0));
}

const BEFORE_KEY = /[\s{,[?]/;
const AFTER_INDICATOR = /[\s,\]}]/;

/**
 * Whether a null key may be in a document `yaml` parsed without errors: a `:` after nothing but a
 * line start, a space, a flow or key indicator, `~` or `null` (any case), or a lone `?`; each
 * followed by a space, a flow end or the line end. (Checked against the walk on random texts.)
 * A scan rather than a regular expression: it only looks around each `:` and `?`.
 */
export function mayHoldNullKey(text: string): boolean {
  const endsIndicator = (at: number): boolean => at >= text.length || AFTER_INDICATOR.test(text[at] as string);
  const startsKey = (at: number): boolean => at < 0 || BEFORE_KEY.test(text[at] as string);
  for (let i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) {
    if (!endsIndicator(i + 1)) continue;
    if (startsKey(i - 1)) return true;
    let j = i - 1;
    while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
    if (text[j] === '~' && startsKey(j - 1)) return true;
    // Most keys do not end in `l`: no slice for them (this runs at every `key: `).
    if (j >= 3 && (text.charCodeAt(j) | 0x20) === 0x6c && text.slice(j - 3, j + 1).toLowerCase() === 'null' && startsKey(j - 4)) return true;
  }
  for (let i = text.indexOf('?'); i >= 0; i = text.indexOf('?', i + 1)) {
    if (endsIndicator(i + 1) && (i === 0 || /[\s{,[]/.test(text[i - 1] as string))) return true;
  }
  return false;
}

/** Keys that read as null (`: x`, `~: x`, `null: x`): go-yaml makes them nil, which no JSON object can hold. */
export function nullKeyNodes(doc: Document, text?: string): Node[] {
  const out: Node[] = [];
  // Walking every pair of a big document costs more than a look at its text: skip the walk when
  // the text holds no place for a null key and no tag that could make one.
  if (text !== undefined && doc.errors.length === 0 && !mayHoldNullKey(text) && !text.includes('!')) return out;
  visit(doc, {
    Pair(_, pair) {
      const key: unknown = pair.key;
      if (isScalar(key) && key.value === null && key.range) out.push(key);
    },
  });
  return out;
}

/** A key as written (quotes dropped): the text of its node. */
export function keyText(text: string, key: Node): string {
  const [start, end] = key.range ?? [0, 0];
  return text.slice(start, end).replace(/^(["'])(.*)\1$/s, '$2');
}
