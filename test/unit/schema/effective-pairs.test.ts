/**
 * effectivePairs (schema/yaml-nodes.ts) makes its Sets only when a mapping is long or merges:
 * held here to a plain reference (one Set of keys, sources after explicit keys) on random
 * mappings with repeated keys and merge keys.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isMap, parseDocument, type Document, type YAMLMap } from 'yaml';
import { effectivePairs, isMergeKey, keyString } from '../../../server/src/schema/yaml-nodes';

/** The rule as written before: explicit keys first (first wins), then merge sources' keys in order. */
function reference(map: YAMLMap, doc: Document): string[] {
  const out: string[] = [];
  const keys = new Set<string>();
  const sources: YAMLMap[] = [];
  for (const pair of map.items) {
    if (isMergeKey(pair.key)) {
      const source = pair.value;
      if (isMap(source)) sources.push(source);
      continue;
    }
    const key = keyString(pair.key, doc);
    if (key === undefined || keys.has(key)) continue;
    keys.add(key);
    out.push(`${key}=${String((pair.value as { value?: unknown } | null)?.value)}`);
  }
  for (const source of sources) {
    for (const p of reference(source, doc)) {
      const key = p.slice(0, p.indexOf('='));
      if (keys.has(key)) continue;
      keys.add(key);
      out.push(`${p} (merged)`);
    }
  }
  return out;
}

function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

test('effective pairs: the first of repeated keys wins, merged keys come after, in short and long mappings', () => {
  const rnd = random(19);
  for (let round = 0; round < 300; round++) {
    const n = Math.floor(rnd() * 40);
    const pool = 1 + Math.floor(rnd() * 45);
    const lines: string[] = [];
    for (let i = 0; i < n; i++) lines.push(`k${Math.floor(rnd() * pool)}: v${i}`);
    if (rnd() < 0.3) lines.splice(Math.floor(rnd() * (lines.length + 1)), 0, `<<: {${Array.from({ length: 1 + Math.floor(rnd() * 20) }, (_, j) => `k${Math.floor(rnd() * pool)}: m${j}`).join(', ')}}`);
    const text = `${lines.join('\n')}\n`;
    const doc = parseDocument(text, { uniqueKeys: false, merge: true });
    const map = doc.contents;
    if (!isMap(map)) continue;
    const got = effectivePairs(map, doc).map((p) => `${p.key}=${String((p.value as { value?: unknown } | null)?.value)}${p.merged ? ' (merged)' : ''}`);
    assert.deepEqual(got, reference(map, doc), text);
  }
});
