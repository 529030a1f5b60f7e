/**
 * Reading `yaml` nodes the way Kubernetes' decoder sees them: aliases are followed, the last of a
 * repeated key wins, and YAML 1.1 merge keys (`<<: *anchor`, `<<: [*a, *b]`) contribute their
 * pairs, explicit keys winning and earlier merge sources winning over later ones. Nodes keep pointing at
 * the text where they were written, so findings land on what the user can edit.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';

/** Any parsed YAML node. */
export type YNode = Node;

/** Follows alias chains (bounded, so a cyclic alias cannot hang). */
export function resolve(node: unknown, doc: Document): YNode | undefined {
  let current: unknown = node;
  for (let hops = 0; hops < 32 && isAlias(current); hops++) {
    try {
      current = current.resolve(doc);
    } catch {
      return undefined;
    }
  }
  return current && !isAlias(current) ? (current as YNode) : undefined;
}

export function isMergeKey(pair: Pair): boolean {
  const key = pair.key;
  return isScalar(key) && (typeof key.value === 'symbol' || (key.value === '<<' && key.source === '<<'));
}

/** The key of a pair as text, or undefined for complex keys. */
export function keyText(pair: Pair): string | undefined {
  return keyNodeText(pair.key);
}

/** A key node as text, or undefined for complex keys. */
function keyNodeText(key: unknown): string | undefined {
  if (isScalar(key)) {
    const v = key.value;
    return typeof v === 'string' ? v : typeof v === 'symbol' ? '<<' : v === null ? undefined : String(v);
  }
  return typeof key === 'string' ? key : undefined;
}

/**
 * The indexes of the pairs of a mapping that a later pair with the same key overrides: kubectl
 * reads YAML with go-yaml v2, which keeps the last value of a repeated key. Undefined when the
 * document repeats no key: `yaml` reports every repetition (DUPLICATE_KEY), so most mappings are
 * ruled out without looking at their keys.
 */
export function overriddenPairs(items: readonly unknown[], doc: Document, keyOf: (key: unknown) => string | undefined): ReadonlySet<number> | undefined {
  if (!doc.errors.some((e) => e.code === 'DUPLICATE_KEY')) return undefined;
  const keys = items.map((item) => (isPair(item) && !isMergeKey(item) ? keyOf(item.key) : undefined));
  const last = new Map<string, number>();
  keys.forEach((key, i) => key !== undefined && last.set(key, i));
  const out = new Set<number>();
  keys.forEach((key, i) => key !== undefined && last.get(key) !== i && out.add(i));
  return out.size > 0 ? out : undefined;
}

/** Effective pairs of a mapping, merge keys expanded (explicit keys first, then merged ones). */
export function mapPairs(map: YAMLMap, doc: Document, depth = 0, visited?: Set<YAMLMap>): Pair[] {
  const own: Pair[] = [];
  const merged: Pair[] = [];
  // Made on the first merge key: most mappings have none, and this runs for every lookup.
  let merging = visited;
  const overridden = overriddenPairs(map.items, doc, keyNodeText);
  for (const [index, item] of map.items.entries()) {
    if (!isPair(item) || overridden?.has(index)) continue;
    if (!isMergeKey(item)) {
      own.push(item);
      continue;
    }
    if (depth > 16) continue;
    merging ??= new Set([map]);
    const value = resolve(item.value, doc);
    const sources = isSeq(value) ? value.items.map((i) => resolve(i, doc)) : [value];
    for (const source of sources) {
      // A source merged once already gave all its keys (earlier sources win), so merging it
      // again adds nothing: skipping it keeps a "merge bomb" (`<<: [*a, *a]` nested) linear.
      if (!isMap(source) || merging.has(source)) continue;
      merging.add(source);
      merged.push(...mapPairs(source, doc, depth + 1, merging));
    }
  }
  if (merged.length === 0) return own;
  const seen = new Set(own.map(keyText));
  const result = [...own];
  for (const pair of merged) {
    const key = keyText(pair);
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(pair);
  }
  return result;
}

/** The pair for `key` in `map` (merge keys honoured; the last of a repeated key, as kubectl reads it). */
export function getPair(map: YAMLMap | undefined, key: string, doc: Document): Pair | undefined {
  if (!map) return undefined;
  let merges = false;
  for (let i = map.items.length - 1; i >= 0; i--) {
    const item = map.items[i];
    if (!isPair(item)) continue;
    if (isMergeKey(item)) merges = true;
    else if (keyText(item) === key) return item;
  }
  // Without a merge key the effective pairs are the ones just read.
  return merges ? mapPairs(map, doc).find((p) => keyText(p) === key) : undefined;
}

/** The value node for `key`, aliases followed. */
export function getNode(map: YAMLMap | undefined, key: string, doc: Document): YNode | undefined {
  const pair = getPair(map, key, doc);
  return pair ? resolve(pair.value, doc) : undefined;
}

export function asMap(node: unknown, doc: Document): YAMLMap | undefined {
  const n = resolve(node, doc);
  return isMap(n) ? n : undefined;
}

export function asSeq(node: unknown, doc: Document): YAMLSeq | undefined {
  const n = resolve(node, doc);
  return isSeq(n) ? n : undefined;
}

export function getMap(map: YAMLMap | undefined, key: string, doc: Document): YAMLMap | undefined {
  return asMap(getNode(map, key, doc), doc);
}

/** Items of the sequence at `key`, each alias-resolved, with their index. */
export function getSeqItems(map: YAMLMap | undefined, key: string, doc: Document): { node: YNode | undefined; index: number }[] {
  const seq = asSeq(getNode(map, key, doc), doc);
  if (!seq) return [];
  return seq.items.map((item, index) => ({ node: resolve(item, doc), index }));
}

/** The scalar at `key` (undefined when absent or not a scalar). */
export function getScalar(map: YAMLMap | undefined, key: string, doc: Document): Scalar | undefined {
  const n = getNode(map, key, doc);
  return isScalar(n) ? n : undefined;
}

/** The string value at `key`, or undefined when absent or not a string. */
export function getString(map: YAMLMap | undefined, key: string, doc: Document): string | undefined {
  const v = getScalar(map, key, doc)?.value;
  return typeof v === 'string' ? v : undefined;
}

/** Whether `key` holds YAML `true`. */
export function getBoolean(map: YAMLMap | undefined, key: string, doc: Document): boolean {
  return getScalar(map, key, doc)?.value === true;
}

/** The chunk-relative [start, end) of a node's text (without trailing comments). */
export function span(node: { range?: [number, number, number] | null } | undefined | null): [number, number] {
  const r = node?.range;
  return r ? [r[0], r[1]] : [0, 0];
}
