/** The CLI's plan of work finds each folder's near folders without testing every pair; it must find exactly the pairs `foldersNear` accepts. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nearFolders } from '../../../server/src/cli/units';
import { foldersNear } from '../../../server/src/k8s/neighbourhood';

function random(seed: number): () => number {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

test('nearFolders finds what testing every pair with foldersNear finds (random trees, absolute and relative, odd names)', () => {
  const parts = ['a', 'b', 'ab', 'a-b', 'a.b', 'b0', '中文', 'x y'];
  for (let seed = 1; seed <= 200; seed++) {
    const next = random(seed);
    const folders = new Set<string>();
    const count = 1 + Math.floor(next() * 30);
    for (let i = 0; i < count; i++) {
      const depth = Math.floor(next() * 5);
      const path = Array.from({ length: depth }, () => parts[Math.floor(next() * parts.length)]).join('/');
      folders.add(next() < 0.8 ? `/${path}`.replace(/\/$/, '') : path || 'a');
    }
    const list = [...folders];
    const sorted = [...list].sort();
    const present = new Map(list.map((f) => [f, true]));
    for (const folder of list) {
      const expected = list.filter((other) => other !== folder && foldersNear(folder, other)).sort();
      assert.deepEqual(nearFolders(folder, sorted, present).sort(), expected, `seed ${seed}, ${folder} in ${JSON.stringify(list)}`);
    }
  }
});
