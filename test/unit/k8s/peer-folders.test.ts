// The peers list indexed by folder (k8s/peer-folders.ts) and the label index of the near peers
// kept per near list (k8s/neighbourhood-labels.ts) answer exactly as a scan of the whole list
// does: the same peers, in the same order, for random folder trees and lists that hold the file
// itself (the CLI gives every file one list of the whole run).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Analyzer } from '../../../server/src/core/analyze';
import { folderOf, isNear, Neighbourhood } from '../../../server/src/k8s/neighbourhood';
import { PeerFolders } from '../../../server/src/k8s/peer-folders';
import type { PeerPods } from '../../../server/src/rules/types';

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const FOLDERS = ['r', 'r/apps', 'r/apps/a', 'r/apps/a/base', 'r/apps/ab', 'r/apps/b', 'r/env', 'r/env/prod', 'r/envx', 'other', 'C:\\w\\x', 'C:\\w'];

function paths(next: () => number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${FOLDERS[Math.floor(next() * FOLDERS.length)]}/f${i % 7}.yaml`);
}

test('near peers and the peers of a folder and its bases equal a scan of the whole list, in its order', () => {
  for (let seed = 1; seed <= 200; seed++) {
    const next = random(seed);
    // Repeated sources on purpose: a file may be listed twice (a base that is also in the run).
    const peers = paths(next, 1 + Math.floor(next() * 40)).map((source, at) => ({ source, at }));
    const index = new PeerFolders(peers);
    for (const source of [...paths(next, 5), peers[0]?.source as string, undefined]) {
      const expected = peers.filter((p) => (source === undefined || p.source !== source) && isNear(source, p.source));
      assert.deepEqual(index.near(source), expected, `seed ${seed}, ${source}`);
      if (source === undefined) continue;
      const folder = folderOf(source);
      const bases = paths(next, 2).flatMap((b) => [b, folderOf(b)]);
      const wanted = peers.filter((p) => folderOf(p.source) === folder || bases.some((b) => b === p.source || b === folderOf(p.source)));
      const got = index.inPlaces(folder, bases);
      assert.deepEqual(got, wanted, `seed ${seed}, places of ${source}`);
    }
  }
});

const workload = (name: string, labels: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, labels: {team: t${name.length % 2}}}\nspec:\n  template:\n    metadata: {labels: {${labels}}}\n    spec:\n      containers: [{name: c, image: example.com/x}]\n`;

function peerOf(source: string, text: string): PeerPods {
  const chunks = new Analyzer().chunksOf(text).map((c) => c.analysis);
  return { source, pods: chunks.flatMap((c) => c.pods), objects: chunks.flatMap((c) => c.objects) };
}

test("a file's label lookups equal those over its own part and its near peers' parts, with the file itself left out", () => {
  const next = random(7);
  const label = (): string => `app: a${Math.floor(next() * 4)}, tier: t${Math.floor(next() * 3)}`;
  const sources = paths(next, 60);
  const peers = sources.map((source, i) => peerOf(source, workload(`w${i}`, label())));
  for (const source of [...sources.slice(0, 12), 'r/apps/new.yaml', 'elsewhere/x.yaml']) {
    const text = `${workload('own', label())}---\n${workload('own2', label())}`;
    const chunks = new Analyzer().chunksOf(text).map((c) => ({ start: c.start, objects: c.analysis.objects, pods: c.analysis.pods }));
    const hood = new Neighbourhood({ chunks, peers, source, templated: [] });
    const near = peers.filter((p) => p.source !== source && isNear(source, p.source));
    const all = [...chunks.flatMap((c) => c.pods.map((pod) => ({ pod, where: `own:${c.start}` }))), ...near.flatMap((p) => p.pods.map((pod) => ({ pod, where: p.source })))];
    for (const app of ['a0', 'a1', 'a2', 'a3']) {
      const expected = all.filter((p) => JSON.stringify(p.pod.doc.toJS()).includes(`"app":"${app}"`)).map((p) => `${p.where}:${p.pod.name}`);
      const got = hood.podsWith('pair', 'app', app).map((p) => `${p.chunkStart === undefined ? p.source : `own:${p.chunkStart}`}:${p.pod.name}`);
      assert.deepEqual(got, expected, `${source} app=${app}`);
    }
    const keyed = hood.podsWith('key', 'tier').length;
    assert.equal(keyed, all.length, `${source}: every pod has a tier`);
    // Label sets: the workloads' own labels (team) and their templates' (app, tier).
    const sets = hood.labelSetsWith('team', 't1');
    assert.ok(sets.every((s) => s.source !== source));
    assert.equal(sets.length, 1 + near.filter((p) => p.objects?.some((o) => (o.object.name ?? '').length % 2 === 1)).length);
  }
});
