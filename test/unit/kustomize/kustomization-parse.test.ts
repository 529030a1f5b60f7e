/**
 * Each kustomization is parsed once per thread, whichever reader asks (the fragment check of the
 * folders below it, every overlay tree that shares it, the render batching, the kustomize bases
 * and generators), and parsed again when its text changes (the language server must never see a
 * stale list). Parses are counted on `yaml`'s export, which the compiled readers call through.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
// The module object itself (not an import wrapper of getters), whose `parse` the compiled readers call.
import yaml = require('yaml');
import { kustomizeBases } from '../../../server/src/cli/kustomize-bases';
import { generatedPeer } from '../../../server/src/cli/kustomize-generated';
import { fragmentKindOf, kustomizationsListing, patchesListed } from '../../../server/src/k8s/fragments';
import { readFromDisk, readKustomization, readTree } from '../../../server/src/kustomize/kustomization';
import { parseKustomization } from '../../../server/src/kustomize/kustomization-parse';
import { batchable } from '../../../server/src/kustomize/render-batch';
import { outermostOverlays } from '../../../server/src/kustomize/workspace-overlays';
import { readIfChanged } from '../../../server/src/lsp/fragment-files';
import { BASE_DEPLOYMENT, writeTree } from './tree';

/** Runs `work`, counting the calls of `yaml.parse` made meanwhile. */
function parsesDuring(work: () => void): number {
  const api = yaml as { parse: typeof yaml.parse };
  const original = api.parse;
  let calls = 0;
  api.parse = ((...args: Parameters<typeof yaml.parse>) => {
    calls++;
    return original(...args);
  }) as typeof yaml.parse;
  try {
    work();
  } finally {
    api.parse = original;
  }
  return calls;
}

const readOrUndefined = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

test('one run reads each kustomization through many readers and parses it once', () => {
  const root = writeTree({
    'base/kustomization.yaml': 'resources: [deployment.yaml]\nconfigMapGenerator:\n- name: settings\n  literals: [mode=fast]\n',
    'base/deployment.yaml': BASE_DEPLOYMENT,
    'prod/kustomization.yaml': 'resources: [../base]\nnamePrefix: prod-\npatches:\n- path: replicas.yaml\n',
    'prod/replicas.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 3}\n',
    'prod/extra/service.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\n',
    'dev/kustomization.yaml': 'resources: [../base]\nnamespace: dev\n',
  });
  const kustomizations = 3;
  const calls = parsesDuring(() => {
    // What `podsight check` does over the folder: the overlays' trees, the batching, each render's tree...
    const overlays = outermostOverlays([root], readFromDisk);
    assert.deepEqual(overlays.map((o) => relative(root, o.dir)).sort(), ['dev', 'prod']);
    for (const o of overlays) {
      assert.equal(batchable(o.tree, readFromDisk), true);
      assert.equal(readTree(o.dir).length, 2);
    }
    // ...the fragment check of every folder (a folder sees the kustomizations above it)...
    assert.equal(fragmentKindOf(join(root, 'prod/replicas.yaml'), readOrUndefined), 'kustomize-patch');
    for (const file of ['prod/extra/service.yaml', 'prod/replicas.yaml', 'dev/x.yaml', 'base/deployment.yaml']) kustomizationsListing(join(root, file), readOrUndefined);
    // ...and the kustomize bases and generated ConfigMaps of the files' folders.
    for (const dir of ['prod', 'dev', 'base']) {
      kustomizeBases(join(root, dir));
      generatedPeer(join(root, dir));
    }
  });
  assert.equal(calls, kustomizations);
});

test('a kustomization whose text changed is parsed again: the language server never reads a stale list', () => {
  const root = writeTree({ 'app/kustomization.yaml': 'resources: [a.yaml]\npatches:\n- path: a.yaml\n' });
  const kustomization = join(root, 'app/kustomization.yaml');
  assert.equal(fragmentKindOf(join(root, 'app/a.yaml'), readIfChanged), 'kustomize-patch');
  assert.equal(fragmentKindOf(join(root, 'app/b.yaml'), readIfChanged), undefined);
  assert.equal(parsesDuring(() => fragmentKindOf(join(root, 'app/a.yaml'), readIfChanged)), 0);
  writeFileSync(kustomization, 'resources: [a.yaml]\npatches:\n- path: bb.yaml\n');
  const calls = parsesDuring(() => {
    assert.equal(fragmentKindOf(join(root, 'app/a.yaml'), readIfChanged), undefined);
    assert.equal(fragmentKindOf(join(root, 'app/bb.yaml'), readIfChanged), 'kustomize-patch');
    assert.deepEqual(readKustomization(kustomization)?.patches.map((p) => p.file), [join(root, 'app/bb.yaml')]);
  });
  assert.equal(calls, 1);
  // An editor's unsaved text is another text: parsed for itself, and the disk's parse is not replaced by a stale one.
  assert.deepEqual(readKustomization(kustomization, () => 'resources: []\n')?.patches, []);
  assert.equal(readKustomization(kustomization)?.patches[0]?.file, join(root, 'app/bb.yaml'));
});

test("the kept parse is yaml.parse's value (undefined where it throws), frozen, and shared by path and text", () => {
  const texts = [
    'resources: [a.yaml]\n',
    'resources: &r [a.yaml, b.yaml]\ncomponents: *r\nlabels: [{pairs: {a: b}}]\n',
    '',
    '# only a comment\n',
    '- a\n- b\n',
    'just text\n',
    'resources: [a\n',
    'a: 1\n---\nb: 2\n',
    'a: 1\na: 2\n',
    'when: 2001-12-14\nport: 0x1F\nyes: on\n',
    'patches:\n- patch: |-\n    - op: replace\n      path: /spec/replicas\n      value: 3\n',
  ];
  texts.forEach((text, i) => {
    const path = `/virtual/k${i}/kustomization.yaml`;
    let expected: { value: unknown } | undefined;
    try {
      expected = { value: yaml.parse(text, { uniqueKeys: false }) };
    } catch {
      expected = undefined;
    }
    const parsed = parseKustomization(path, text);
    assert.deepEqual(parsed, expected, JSON.stringify(text));
    if (parsed?.value && typeof parsed.value === 'object') {
      assert.ok(Object.isFrozen(parsed.value));
      for (const v of Object.values(parsed.value)) if (v && typeof v === 'object') assert.ok(Object.isFrozen(v), JSON.stringify(text));
    }
    // The same text at the same file (however its path is written) is one parse; another text is another.
    assert.equal(parseKustomization(`/virtual/./k${i}/kustomization.yaml`, `${text}`), parsed);
    if (parsed) assert.notEqual(parseKustomization(path, `${text}\n`), parsed);
  });
});

test('a kustomization listed without a parse (no "patches" and no escape in its text) lists what its parse lists', () => {
  // Keys that are or spell a patches key (escapes, quotes, merge keys, explicit keys), values that list files or not.
  const keys = ['patches', 'patchesJson6902', 'patchesStrategicMerge', '"\\x70atches"', '"patc\\u0068es"', '"patchesJson\\u00369\\x302"', "'patches'", '"patches"', '? patches\n', 'resources', 'Patches', '"patc\\\n  hes"', "'patc\n  hes'", '<<', 'pat&a ches'];
  const values = ['[a.yaml]', '\n- path: b.yaml', '\n- c.yaml', '*m', '{path: e.yaml}', '[{path: f.yaml}, g.yaml]', '"h\\x2eyaml"', '\n  - path: "\\x69.yaml"'];
  const anchors = ['', 'base: &m {patches: [m.yaml]}\n', 'base: &m [n.yaml]\n'];
  let seed = 19;
  const pick = <T>(list: readonly T[]): T => list[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % list.length] as T;
  let listed = 0;
  let escaped = 0;
  for (let i = 0; i < 3000; i++) {
    const lines = Array.from({ length: 1 + (i % 3) }, () => `${pick(keys)}: ${pick(values)}`);
    const text = `${pick(['', '%YAML 1.1\n---\n'])}${pick(anchors)}${lines.join('\n')}\n`;
    const dir = `/virtual/listing-${i}`;
    const read = (path: string): string | undefined => (path === join(dir, 'kustomization.yaml') ? text : undefined);
    const fast = kustomizationsListing(join(dir, 'x.yaml'), read).flatMap((k) => k.patches);
    const full = patchesListed(text, dir);
    assert.deepEqual(fast, full, JSON.stringify(text));
    if (full.length > 0) listed++;
    if (full.length > 0 && !text.includes('patches')) escaped++;
  }
  // The texts do list patches, some only through escapes (so the check above is not vacuous).
  assert.ok(listed > 300 && escaped > 30, `${listed} listing, ${escaped} through escapes`);
});

test('a kind: Component that no kustomization includes is not an overlay (kustomize cannot build it alone); an included one is a part of its overlay', () => {
  const component = 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches:\n- path: patch.yaml\n';
  const patch = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 2}\n';
  const root = writeTree({
    'base/kustomization.yaml': 'resources: [deployment.yaml]\n',
    'base/deployment.yaml': BASE_DEPLOYMENT,
    'components/autoscale/kustomization.yaml': component,
    'components/autoscale/patch.yaml': patch,
    'components/ha/kustomization.yaml': component,
    'components/ha/patch.yaml': patch,
    'prod/kustomization.yaml': 'resources: [../base]\ncomponents: [../components/ha]\n',
  });
  const overlays = outermostOverlays([root], readFromDisk);
  assert.deepEqual(overlays.map((o) => relative(root, o.dir)), ['prod']);
  assert.ok(overlays[0]?.files.has(join(root, 'components/ha/patch.yaml')));
});
