// The workspace index of a big file and its neighbour is built in steps (k8s/neighbourhood.ts
// neighbourhoodSteps), so that a first pass yields between a few hundred documents; what it
// builds answers as the index built at once does.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Analyzer } from '../../../server/src/core/analyze';
import { Neighbourhood, needsWorkspace, neighbourhoodSteps } from '../../../server/src/k8s/neighbourhood';
import type { PeerPods } from '../../../server/src/rules/types';

const doc = (i: number): string =>
  i % 10 === 0
    ? `---\napiVersion: v1\nkind: Service\nmetadata: {name: s${i}}\nspec:\n  selector: {app: a${i % 7}}\n  ports: [{port: 80}]\n`
    : `---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: w${i}, labels: {team: t${i % 3}}}\nspec:\n  template:\n    metadata: {labels: {app: a${i % 7}}}\n    spec:\n      containers: [{name: c, image: example.com/x}]\n`;

function models(text: string): { start: number; objects: PeerPods['objects'] & object; pods: PeerPods['pods'] }[] {
  return new Analyzer().chunksOf(text).map((c) => ({ start: c.start, objects: c.analysis.objects, pods: c.analysis.pods }));
}

test('a big file and its open neighbour are indexed in steps, with the same answers as at once', () => {
  const text = Array.from({ length: 1200 }, (_, i) => doc(i)).join('');
  const theirs = new Analyzer().chunksOf(text).map((c) => c.analysis);
  const peer: PeerPods = { source: 'file:///w/copy/b.yaml', pods: theirs.flatMap((c) => c.pods), objects: theirs.flatMap((c) => c.objects), chunks: theirs };
  const ctx = { chunks: models(text), peers: [peer], source: 'file:///w/a.yaml', templated: [] };
  const steps = neighbourhoodSteps(ctx, true);
  let yields = 0;
  let step = steps.next();
  for (; !step.done; step = steps.next()) yields++;
  // 2,400 documents' parts, then their pods' and label sets' indexes: ~250 documents a step.
  assert.ok(yields >= 15, `${yields} steps`);
  const stepped = step.value;
  const atOnce = new Neighbourhood({ ...ctx, chunks: models(text) });
  for (const [kind, key, value] of [['pair', 'app', 'a3'], ['key', 'app', ''], ['value', '', 'a5']] as const) {
    const of = (hood: Neighbourhood): string[] => hood.podsWith(kind, key, value).map((p) => `${p.chunkStart ?? p.source}:${p.pod.name}`);
    assert.deepEqual(of(stepped), of(atOnce));
    assert.ok(of(stepped).length > 0);
  }
  assert.deepEqual(stepped.labelSetsWith('team', 't1').length, atOnce.labelSetsWith('team', 't1').length);
  assert.deepEqual(stepped.objects('Service').map((s) => s.object.name), atOnce.objects('Service').map((s) => s.object.name));
});

test('needsWorkspace reads a text in pieces like the joined text, a word cut between pieces included, and answers a version once', () => {
  const pieces = ['kind: Pod\nspec:\n  volumes:\n  - config', 'Map: {name: app}\n'];
  assert.equal(needsWorkspace(pieces.join('')), true);
  assert.equal(needsWorkspace({ pieces }), true, 'configMap cut between two pieces');
  assert.equal(needsWorkspace({ pieces: ['kind: Pod\n', 'spec: {}\n'] }), false);
  // The answer for one version (an immutable object) is kept: reading its pieces again would be a waste.
  let reads = 0;
  const version = {
    get pieces(): readonly string[] {
      reads++;
      return ['kind: Pod\n', 'spec: {}\n'];
    },
  };
  assert.equal(needsWorkspace(version), false);
  assert.equal(needsWorkspace(version), false);
  assert.equal(reads, 1);
});
