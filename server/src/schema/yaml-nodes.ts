/** YAML AST helpers for schema validation: aliases, YAML 1.1 merge keys, key strings. */
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node, YAMLMap } from 'yaml';
import { overriddenPairs } from '../core/yaml-access';

/** A key/value of a mapping after merge keys are applied. */
export interface EffectivePair {
  /** The key node (inside the anchored mapping when `merged`). */
  readonly keyNode: Node;
  /** The key as the decoder sees it (non-string scalars are stringified). */
  readonly key: string;
  readonly value: Node | null;
  /** True when the pair comes from a `<<` merge source. */
  readonly merged: boolean;
}

const MAX_ALIAS_HOPS = 64;

/** Follows aliases to the node they point at; undefined when it cannot be resolved. */
export function resolveNode(node: unknown, doc: Document): Node | undefined {
  let current: unknown = node;
  for (let hops = 0; hops < MAX_ALIAS_HOPS; hops++) {
    if (!isAlias(current)) return isMap(current) || isSeq(current) || isScalar(current) ? current : undefined;
    let target: unknown;
    try {
      target = current.resolve(doc);
    } catch {
      return undefined;
    }
    if (target === undefined || target === null) return undefined;
    current = target;
  }
  return undefined;
}

/**
 * Whether an alias occurs under `node` (keys included). Without one no node is reachable twice,
 * so a walk needs no record of the nodes it saw. Very deep trees count as having one.
 */
export function containsAlias(node: unknown, depth = 0): boolean {
  if (depth > 256 || isAlias(node)) return true;
  if (isMap(node)) {
    for (const pair of node.items) if (containsAlias(pair.key, depth + 1) || containsAlias(pair.value, depth + 1)) return true;
  } else if (isSeq(node)) {
    for (const item of node.items) if (containsAlias(item, depth + 1)) return true;
  }
  return false;
}

/** Whether a pair key is a YAML merge key (`<<`, plain). */
export function isMergeKey(key: unknown): boolean {
  if (!isScalar(key)) return false;
  const v: unknown = key.value;
  if (typeof v === 'symbol') return v.description === '<<';
  return v === '<<' && (key.type === undefined || key.type === 'PLAIN');
}

/** The key string as the Kubernetes YAML→JSON conversion sees it, or undefined for complex keys. */
export function keyString(key: unknown, doc: Document): string | undefined {
  const node = isAlias(key) ? resolveNode(key, doc) : key;
  if (isScalar(node)) {
    const v: unknown = node.value;
    if (typeof v === 'string') return v;
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
    return undefined;
  }
  if (key === null || key === undefined) return undefined;
  if (typeof key === 'string' || typeof key === 'number' || typeof key === 'boolean') return String(key);
  return undefined;
}

/**
 * Calls `visit` with each pair `effectivePairs` would give, in the same order, without building
 * the list when the mapping has no merge key: schema validation visits every mapping of every
 * object, and the pair objects were a twentieth of what an analysis allocates.
 */
export function forEachEffectivePair(map: YAMLMap, doc: Document, visit: (keyNode: Node, key: string, value: Node | null, merged: boolean) => void): void {
  const items = map.items;
  for (const pair of items) {
    if (pair && typeof pair === 'object' && isMergeKey(pair.key)) {
      for (const p of effectivePairs(map, doc)) visit(p.keyNode, p.key, p.value, p.merged);
      return;
    }
  }
  // A repeated key: its last value is the one kubectl reads.
  const overridden = overriddenPairs(items, doc, (key) => keyString(key, doc));
  // The keys given so far (keys that differ in YAML but not as JSON, `1` and "1": the first wins).
  let keys: string[] | Set<string> | undefined;
  for (const [index, pair] of items.entries()) {
    if (!pair || typeof pair !== 'object' || overridden?.has(index)) continue;
    const keyNode: unknown = pair.key;
    const key = keyString(keyNode, doc);
    if (key === undefined || (Array.isArray(keys) ? keys.includes(key) : keys?.has(key))) continue;
    if (!isScalar(keyNode) && !isAlias(keyNode)) continue;
    if (!keys) keys = [key];
    else if (Array.isArray(keys)) {
      keys.push(key);
      if (keys.length >= SCAN_KEYS) keys = new Set(keys);
    } else keys.add(key);
    const value: unknown = pair.value;
    visit(keyNode, key, isAlias(value) || isMap(value) || isSeq(value) || isScalar(value) ? value : null, false);
  }
}

function mergeSources(value: unknown, doc: Document): YAMLMap[] {
  const resolved = resolveNode(value, doc);
  if (isMap(resolved)) return [resolved];
  const out: YAMLMap[] = [];
  if (isSeq(resolved)) {
    for (const item of resolved.items) {
      const m = resolveNode(item, doc);
      if (isMap(m)) out.push(m);
    }
  }
  return out;
}

/** Maps with fewer pairs than this look for a repeated key along their list, not in a Set. */
const SCAN_KEYS = 16;

/**
 * The pairs of a mapping as the decoder sees them: explicit keys first (the last of a repeated
 * key wins), then keys from `<<` sources not set explicitly (earlier sources win).
 * Called for every mapping that schema validation visits: the Sets are made only when needed
 * (many keys, or merge keys), as they were a fifth of the memory an analysis allocates.
 */
export function effectivePairs(map: YAMLMap, doc: Document, visiting?: Set<YAMLMap>): EffectivePair[] {
  const out: EffectivePair[] = [];
  let keys: Set<string> | undefined;
  const has = (key: string): boolean => {
    if (keys) return keys.has(key);
    if (out.length < SCAN_KEYS) return out.some((p) => p.key === key);
    keys = new Set(out.map((p) => p.key));
    return keys.has(key);
  };
  let sources: YAMLMap[] | undefined;
  visiting?.add(map);
  const overridden = overriddenPairs(map.items, doc, (key) => keyString(key, doc));
  for (const [index, pair] of map.items.entries()) {
    if (!pair || typeof pair !== 'object' || overridden?.has(index)) continue;
    const keyNode: unknown = pair.key;
    if (isMergeKey(keyNode)) {
      (sources ??= []).push(...mergeSources(pair.value, doc));
      continue;
    }
    const key = keyString(keyNode, doc);
    if (key === undefined || has(key)) continue;
    if (!isScalar(keyNode) && !isAlias(keyNode)) continue;
    keys?.add(key);
    const value: unknown = pair.value;
    out.push({ keyNode, key, value: isAlias(value) || isMap(value) || isSeq(value) || isScalar(value) ? value : null, merged: false });
  }
  if (!sources) return out;
  visiting ??= new Set([map]);
  for (const source of sources) {
    // Shared across the whole merge tree (not copied per branch): a source already merged gave
    // all its keys, so a "merge bomb" (`<<: [*a, *a]` nested) stays linear.
    if (visiting.has(source)) continue;
    for (const p of effectivePairs(source, doc, visiting)) {
      if (has(p.key)) continue;
      keys?.add(p.key);
      out.push({ ...p, merged: true });
    }
  }
  return out;
}

/**
 * The JS value of a node for messages and diagnostic data (plain objects/arrays; never warns or
 * throws). Bounded in depth and in total size: an alias bomb ("billion laughs") expands to at
 * most `budget` nodes, the rest is cut off.
 */
export function nodeValue(node: unknown, doc: Document, depth = 0, budget = { left: 256 }): unknown {
  const n = resolveNode(node, doc);
  if (!n || depth > 8 || budget.left-- <= 0) return undefined;
  if (isScalar(n)) return n.value;
  if (isSeq(n)) {
    const out: unknown[] = [];
    for (const item of n.items) {
      if (budget.left <= 0) break;
      out.push(nodeValue(item, doc, depth + 1, budget));
    }
    return out;
  }
  if (!isMap(n)) return undefined;
  const out: Record<string, unknown> = {};
  for (const p of effectivePairs(n, doc)) {
    if (budget.left <= 0) break;
    out[p.key] = nodeValue(p.value, doc, depth + 1, budget);
  }
  return out;
}
