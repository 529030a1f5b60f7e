/**
 * Quick-parser nodes keep their range as three numbers behind a `range` accessor
 * (core/quick-nodes.ts). Whatever reads or writes `range` — Podsight, `yaml`'s clone, visit and
 * toJS — must see what it would see on `yaml`'s own nodes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isMap, isScalar, isSeq, visit, type Document, type Node, type Scalar, type YAMLMap } from 'yaml';
import { parseWithYaml, YAML_OPTIONS } from '../../../server/src/core/parse';
import { quickParse } from '../../../server/src/core/quick-parse';

const TEXT = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web # the name\n  labels: {app: web, "tier": x}\nspec:\n  containers:\n  - name: a\n    image: nginx\n    ports: [80, 443]\n    args:\n    - |\n      one\n    - \'two\'\n';

function quick(text: string): Document.Parsed {
  const doc = quickParse(text, YAML_OPTIONS);
  assert.ok(doc, 'the quick parser takes the text');
  return doc;
}

/** Every node's range, in visiting order. */
function ranges(doc: Document): string[] {
  const out: string[] = [];
  visit(doc, { Node: (_key, node) => void out.push(`${node.constructor.name} ${JSON.stringify((node as Node).range)}`) });
  return out;
}

test('quick nodes: every range reads back as the array yaml gives, through yaml.visit too', () => {
  const mine = quick(TEXT);
  const [theirs] = parseWithYaml(TEXT);
  assert.ok(theirs);
  assert.deepEqual(ranges(mine), ranges(theirs));
  assert.ok(ranges(mine).length > 20);
  assert.deepEqual(mine.toJS(), theirs.toJS());
});

test('quick nodes: each read of range is a fresh array (writing into it cannot corrupt the node)', () => {
  const doc = quick(TEXT);
  const map = doc.contents as YAMLMap;
  const first = map.range as [number, number, number];
  first[2] = -1;
  assert.notEqual(map.range?.[2], -1);
  assert.notEqual(map.range, map.range);
});

test('quick nodes: assigning a range, cloning, and a null range behave as on yaml nodes', () => {
  const doc = quick(TEXT);
  const map = doc.contents as YAMLMap;
  const name = (map.items[2]?.value as YAMLMap).items[0]?.value as Scalar;
  const [theirs] = parseWithYaml(TEXT);
  const theirName = ((theirs?.contents as YAMLMap).items[2]?.value as YAMLMap).items[0]?.value as Scalar;
  assert.ok(isScalar(name));
  assert.deepEqual(name.range, theirName.range);
  name.range = [1, 2, 3];
  assert.deepEqual(name.range, [1, 2, 3]);

  const copy = doc.clone();
  const copiedName = ((copy.contents as YAMLMap).items[2]?.value as YAMLMap).items[0]?.value as Scalar;
  assert.ok(isScalar(copiedName) && isMap(copy.contents));
  assert.deepEqual(copiedName.range, [1, 2, 3]);
  assert.deepEqual(copy.contents.range, map.range);
  copiedName.range = [4, 5, 6];
  assert.deepEqual(name.range, [1, 2, 3], 'the original keeps its own range');

  name.range = null;
  assert.equal(name.range, null);
  name.range = [7, 8, 9];
  assert.deepEqual(name.range, [7, 8, 9]);
});

test('quick nodes: the numbers stay out of keys, JSON and spreads', () => {
  const doc = quick(TEXT);
  const spec = (doc.contents as YAMLMap).items[3]?.value as YAMLMap;
  const containers = spec.items[0]?.value;
  assert.ok(isSeq(containers));
  const item = containers.items[0] as YAMLMap;
  const image = item.items[1]?.value as Scalar;
  assert.deepEqual(Object.keys(image), ['value', 'source', 'type']);
  assert.deepEqual(Object.keys(item), ['items']);
  assert.equal(JSON.stringify(image), '"nginx"');
});
