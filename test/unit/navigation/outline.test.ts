import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze';
import { limitedOutline, limitOutline, outline, type OutlineNode } from '../../../server/src/navigation/outline';
import { podSummaries } from '../../../server/src/navigation/pod-summary';
import { yaml } from '../../helpers/check';
import { examplesDir } from '../../helpers/paths';

const t = (key: string): string => key;

function shape(nodes: readonly OutlineNode[]): unknown[] {
  return nodes.map((n) => (n.children.length ? { [n.name]: shape(n.children) } : n.name));
}

function checkNesting(nodes: readonly OutlineNode[], parent?: OutlineNode): void {
  for (const n of nodes) {
    assert.ok(n.start <= n.selStart && n.selEnd <= n.end, `${n.name}: selection inside range`);
    if (parent) assert.ok(parent.start <= n.start && n.end <= parent.end, `${n.name} inside ${parent.name}`);
    checkNesting(n.children, n);
  }
}

test('the seed pod: mypod → pod → mycon1, mycon2 (ports, mounts) and mymount', () => {
  const tree = outline(analyzeText(readFileSync(join(examplesDir, 'seed-shared-disk.yaml'), 'utf8')), t);
  assert.deepEqual(shape(tree), [
    { mypod: [{ 'outline.pod': [{ mycon1: ['1880/TCP', 'mymount'] }, { mycon2: ['80/TCP', 'mymount'] }, 'mymount'] }] },
  ]);
  checkNesting(tree);
});

test('init and sidecar containers come first and are marked; multi-document files and merge keys', () => {
  const text = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
    spec:
      template:
        spec:
          containers:
          - &app
            name: app
            image: nginx
          - <<: *app
            name: copy
          initContainers:
          - {name: migrate, image: busybox}
          - {name: proxy, image: envoy, restartPolicy: Always}
    ---
    apiVersion: v1
    kind: Service
    metadata: {name: web}
  `;
  const tree = outline(analyzeText(text), t);
  const pod = tree[0]?.children[0];
  assert.deepEqual(pod?.children.map((c) => [c.name, c.detail?.split(' · ')[0]]), [
    ['migrate', 'outline.role.init'],
    ['proxy', 'outline.role.sidecar'],
    ['app', 'outline.role.app'],
    ['copy', 'outline.role.app'],
  ]);
  assert.deepEqual(tree.map((n) => [n.name, n.detail]), [['web', 'Deployment'], ['web', 'Service']]);
  checkNesting(tree);
});

test('pod summaries count containers, ports, volumes and problems', () => {
  const [summary] = podSummaries(analyzeText(readFileSync(join(examplesDir, 'seed-port-conflict.yaml'), 'utf8')));
  assert.equal(summary?.containers, 3);
  assert.equal(summary?.ports, 3);
  assert.equal(summary?.volumes, 0);
  assert.ok((summary?.problems ?? 0) >= 1);
});

test("each pod's problems are the findings inside its object, hints left out", () => {
  // Several pods with findings of every severity, in one file: each count is the plain filter's.
  const files = ['seed-port-conflict.yaml', 'volumes.yaml', 'ports.yaml', 'seed-hostpath-typo.yaml', 'sidecars.yaml', 'seed-shared-disk.yaml'];
  // unused-volume as a hint (a user's setting): those findings are not problems.
  // The last pod's first key is a typo: a finding right at the start of its object.
  const typoFirst = 'metdata: {name: typo}\napiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - {name: c, image: nginx}\n';
  const text = [...files.map((f) => readFileSync(join(examplesDir, f), 'utf8')), typoFirst].join('\n---\n');
  const analysis = analyzeText(text, { rules: { 'unused-volume': 'hint' } });
  const summaries = podSummaries(analysis);
  assert.equal(summaries.at(-1)?.problems, 1);
  assert.ok(summaries.length >= 6);
  assert.ok(analysis.findings.some((f) => f.severity === 'hint') && summaries.filter((s) => s.problems > 0).length >= 3);
  for (const s of summaries) {
    const [from, to] = s.pod.object.node.range ?? [0, 0];
    const chunk = analysis.chunks.find((c) => c.analysis.pods.includes(s.pod));
    const start = chunk?.start ?? 0;
    const expected = analysis.findings.filter((f) => f.severity !== 'hint' && f.start >= from + start && f.start < to + start).length;
    assert.equal(s.problems, expected, `pod ${s.index}`);
  }
});

test('a big outline is cut level by level: every object, then what fits whole', () => {
  const tree = outline(analyzeText(readFileSync(join(examplesDir, 'seed-shared-disk.yaml'), 'utf8')), t);
  const count = (nodes: readonly OutlineNode[]): number => nodes.reduce((n, c) => n + 1 + count(c.children), 0);
  const total = count(tree);
  assert.deepEqual(limitOutline(tree, total), { nodes: tree, omitted: 0 });
  // mypod (1) + pod (1) + mycon1, mycon2, mymount (3) = 5; their ports and mounts do not fit in 6.
  const cut = limitOutline(tree, 6);
  assert.deepEqual(shape(cut.nodes), [{ mypod: [{ 'outline.pod': ['mycon1', 'mycon2', 'mymount'] }] }]);
  assert.equal(cut.omitted, total - 5);
  checkNesting(cut.nodes);
  assert.deepEqual(shape(limitOutline(tree, 1).nodes), ['mypod']);
  // The tree itself is left as it was.
  assert.equal(count(tree), total);
  const many = Array.from({ length: 7 }, (_, i) => `---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}}\n`).join('');
  assert.deepEqual(shape(limitOutline(outline(analyzeText(many), t), 3).nodes), ['c0', 'c1', 'c2']);
});

test('outline with a limit: the same as cutting the whole outline', () => {
  const text = readFileSync(join(examplesDir, 'seed-shared-disk.yaml'), 'utf8');
  const analysis = analyzeText(`${text}---\n${text.replace('mypod', 'other')}`);
  const whole = outline(analysis, t);
  for (const max of [1, 2, 3, 6, 11, 100]) assert.deepEqual(outline(analysis, t, max), limitOutline(whole, max).nodes, `max ${max}`);
});

test('limitedOutline says "cut" only when entries were really left out', () => {
  const configMaps = (n: number): string => Array.from({ length: n }, (_, i) => `---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}}\n`).join('');
  const cutAt = (text: string, max: number): boolean => limitedOutline(analyzeText(text), t, max).cut;
  // Exactly at the cap, no pod anywhere: every entry is there.
  assert.equal(cutAt(configMaps(3), 3), false);
  assert.equal(cutAt(configMaps(2), 3), false);
  // One object over the cap: it is left out.
  assert.equal(cutAt(configMaps(4), 3), true);
  // At the cap with a pod among the objects: the pod's entries are left out.
  const pod = '---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: c, image: nginx}\n';
  assert.equal(cutAt(configMaps(2) + pod, 3), true);
  // A List of two items: three objects, three entries; at a cap of three nothing is left out.
  const list = 'apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: b}}\n';
  assert.deepEqual(shape(limitedOutline(analyzeText(list), t, 3).nodes), ['List', 'a', 'b']);
  assert.equal(cutAt(list, 3), false);
  assert.equal(cutAt(list, 2), true);
  // The seed pod: whole at its size, cut below it.
  const seed = readFileSync(join(examplesDir, 'seed-shared-disk.yaml'), 'utf8');
  const count = (nodes: readonly OutlineNode[]): number => nodes.reduce((n, c) => n + 1 + count(c.children), 0);
  const total = count(outline(analyzeText(seed), t));
  assert.equal(cutAt(seed, total), false);
  assert.equal(cutAt(seed, total - 1), true);
});
