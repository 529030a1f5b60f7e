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

/** Keys that read as null (`: x`, `~: x`, `null: x`): go-yaml makes them nil, which no JSON object can hold. */
export function nullKeyNodes(doc: Document): Node[] {
  const out: Node[] = [];
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
