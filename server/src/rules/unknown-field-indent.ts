/**
 * Part of unknown-field: a key that slipped out of the list item above it. With the list's `-` at
 * the column of its parent's keys (`containers:` / `- name: app` / `image: nginx`), a line written
 * at the dash's column instead of two further right leaves the item and lands in the parent:
 * `image`, `command` and `volumeMounts` become PodSpec's, which has no such fields (sweep EM: a
 * backup Pod whose containers all lost their image). The message then says where the key belongs.
 */
import { isMap, isSeq, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { keyText } from '../core/yaml-access';
import { getField } from '../schema';

export interface IndentSlip {
  /** The list the key seems to belong to (`containers`). */
  readonly list: string;
  /** The type of the list's items (`Container`). */
  readonly itemType: string;
  /** How many spaces put the keys at the column of the last item's keys. */
  readonly by: number;
  /** Where the slipped keys' lines start, from the first slipped key to this one's value (offsets in the chunk's text; blank lines left out): the fix indents them. */
  readonly lineStarts: readonly number[];
}

const columnOf = (text: string, offset: number): number => offset - text.lastIndexOf('\n', offset - 1) - 1;

/** The pair of `key`, and the pairs before it in its map. */
function pairsBefore(doc: Document, key: Node): { pair: Pair; before: Pair[] } | undefined {
  let found: { pair: Pair; before: Pair[] } | undefined;
  visit(doc, {
    Pair(_, pair, path) {
      if (pair.key !== key) return undefined;
      const map = path[path.length - 1] as YAMLMap | undefined;
      if (isMap(map)) found = { pair, before: map.items.slice(0, map.items.indexOf(pair)) };
      return visit.BREAK;
    },
  });
  return found;
}

/** The starts of the non-blank lines from `start` to `end`. */
function lineStartsIn(text: string, start: number, end: number): number[] {
  const out: number[] = [];
  for (let at = text.lastIndexOf('\n', start - 1) + 1; at < end && at < text.length; at = text.indexOf('\n', at) + 1) {
    const eol = text.indexOf('\n', at);
    if (text.slice(at, eol < 0 ? text.length : eol).trim() !== '') out.push(at);
    if (eol < 0) break;
  }
  return out;
}

/**
 * Where the unknown `key` (a field of `typeName`) belongs, when it stands at the dash column of a
 * block list of block maps just above it, with only other slipped keys (none of `typeName`'s
 * fields) between. The fix indents the whole run from the first slipped key to this one, so that
 * keys above it never land in the wrong item; it is not offered when the last item already has
 * one of those keys (a forgotten `- ` rather than a slip).
 */
export function indentSlip(text: string, docs: readonly Document[], keyNode: Node, key: string, typeName: string): IndentSlip | undefined {
  const at = keyNode.range?.[0];
  if (at === undefined) return undefined;
  const column = columnOf(text, at);
  for (const doc of docs) {
    const found = pairsBefore(doc, keyNode);
    if (!found) continue;
    const { pair: own, before } = found;
    let i = before.length - 1;
    while (i >= 0 && !isKnown(typeName, before[i]!)) i--;
    const pair = before[i];
    const seq = pair?.value;
    if (!pair || !isSeq(seq) || seq.flow || !seq.range || columnOf(text, seq.range[0]) !== column) return undefined;
    const last = seq.items[seq.items.length - 1];
    if (!seq.items.every(isMap) || !isMap(last) || last.flow || !last.range) return undefined;
    const list = keyText(pair);
    const field = list === undefined ? undefined : getField(typeName, list);
    const itemType = field?.type.kind === 'array' && field.type.items.kind === 'ref' ? field.type.items.name : undefined;
    if (list === undefined || itemType === undefined || !getField(itemType, key)) return undefined;
    const run = [...before.slice(i + 1), own];
    const itemKeys = new Set(last.items.map((p) => keyText(p)));
    if (run.some((p) => itemKeys.has(keyText(p)))) return undefined;
    const by = columnOf(text, last.range[0]) - column;
    const start = (run[0]!.key as Node | null)?.range?.[0] ?? at;
    const end = (own.value as Node | null)?.range?.[1] ?? keyNode.range?.[1] ?? at;
    if (by <= 0) return undefined;
    return { list, itemType: itemType.slice(itemType.lastIndexOf('.') + 1), by, lineStarts: lineStartsIn(text, start, Math.max(end, at + 1)) };
  }
  return undefined;
}

/** A pair whose key is a field of `typeName`: not one that slipped. */
const isKnown = (typeName: string, pair: Pair): boolean => {
  const k = keyText(pair);
  return k !== undefined && getField(typeName, k) !== undefined;
};
