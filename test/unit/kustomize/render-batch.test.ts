/**
 * Several overlays rendered by one `kubectl kustomize` (the CLI over a repository): each overlay's
 * part must be exactly what its own render gives, and overlays that could change each other's
 * render inside one build are not put together.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { batchesOf, mentionsAName, renderGroup, valuesOf } from '../../../server/src/kustomize/cli-batches';
import { readFromDisk, readTree } from '../../../server/src/kustomize/kustomization';
import { render, type RenderResult } from '../../../server/src/kustomize/render';
import { batchable, renderTogether } from '../../../server/src/kustomize/render-batch';
import { outermostOverlays, type Overlay } from '../../../server/src/kustomize/workspace-overlays';
import { BASE_DEPLOYMENT, writeTree } from './tree';

const command = ['kubectl', 'kustomize'];

/** The overlays of these folders, as the CLI finds them. */
const overlaysAt = (dirs: readonly string[]): Overlay[] => dirs.map((dir) => {
  const tree = readTree(dir);
  return { dir, tree, files: new Set(tree.flatMap((k) => [k.file, ...k.files])) };
});

const service = (name: string, app: string): string => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector: {app: ${app}}\n  ports: [{port: 80, targetPort: 8080}]\n`;
const statefulSet = (name: string, serviceName: string): string =>
  `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: ${name}\nspec:\n  serviceName: ${serviceName}\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec:\n      containers: [{name: main, image: busybox}]\n`;

/** Apps with a base and overlays, a generator, a broken overlay, two giving the same id, one with sortOptions. */
function repository(): string {
  return writeTree({
    'a/base/kustomization.yaml': 'resources: [deployment.yaml, service.yaml]\nconfigMapGenerator:\n- name: settings\n  literals: [mode=fast]\n',
    'a/base/deployment.yaml': BASE_DEPLOYMENT,
    'a/base/service.yaml': service('web', 'web'),
    'a/prod/kustomization.yaml': 'resources: [../base]\nnamePrefix: prod-\n',
    'a/dev/kustomization.yaml': 'resources: [../base]\nnamePrefix: dev-\nnamespace: dev\n',
    'b/base/kustomization.yaml': 'resources: [db.yaml]\n',
    'b/base/db.yaml': statefulSet('db', 'db-headless'),
    'b/prod/kustomization.yaml': 'resources: [../base]\nnamePrefix: prod-\ncommonLabels: {tier: data}\n',
    'c/only/kustomization.yaml': 'resources: [pod.yaml]\nnameSuffix: -x\n',
    'c/only/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: lone\nspec:\n  containers: [{name: main, image: busybox}]\n',
    'd/broken/kustomization.yaml': 'resources: [missing.yaml]\n',
    'f/same/kustomization.yaml': 'resources: [pod.yaml]\nnameSuffix: -x\n',
    'f/same/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: lone\nspec:\n  containers: [{name: main, image: busybox}]\n',
    'e/sorted/kustomization.yaml': 'resources: [pod.yaml]\nsortOptions: {order: fifo}\n',
    'e/sorted/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: sorted\nspec:\n  containers: [{name: main, image: busybox}]\n',
  });
}

/** The groups `batchesOf` makes of the overlays under `root`, with lookups by overlay folder. */
function grouping(root: string) {
  const overlays = outermostOverlays([root], readFromDisk);
  const at = (rel: string): number => overlays.findIndex((o) => o.dir === join(root, rel));
  const groups = batchesOf(overlays, readFromDisk, 1);
  return {
    overlays,
    at,
    groups,
    groupOf: (rel: string): number[] | undefined => groups.find((g) => g.includes(at(rel))),
    together: (a: string, b: string): boolean => groups.some((g) => g.includes(at(a)) && g.includes(at(b))),
    alone: (rel: string): boolean => groups.some((g) => g.length === 1 && g[0] === at(rel)),
  };
}

test("each overlay's part of a render of several equals its own render, byte for byte", async () => {
  const root = repository();
  const overlays = outermostOverlays([root], readFromDisk);
  const dirs = [join(root, 'a/prod'), join(root, 'b/prod'), join(root, 'c/only')];
  assert.deepEqual(overlays.map((o) => o.dir).filter((d) => dirs.includes(d)).sort(), [...dirs].sort());
  const batch = await renderTogether(dirs.map((dir) => readTree(dir)), { command });
  if (!Array.isArray(batch)) return assert.fail(JSON.stringify(batch));
  const together: RenderResult[] = batch;
  for (const [i, dir] of dirs.entries()) {
    const alone = await render(dir, { command });
    const part = together[i];
    assert.ok(alone.ok && part?.ok, dir);
    assert.equal(part.yaml, alone.yaml, dir);
  }
  // The generator's resource is placed by the kustomization that made it, relative to the overlay.
  const first = together[0];
  assert.ok(first?.ok && /configuredIn: \.\.\/base\/kustomization\.yaml/.test(first.yaml), first?.ok ? first.yaml : '');
});

test('overlays sharing a file, or a name one of them renames, are never rendered together; sortOptions and broken trees alone', () => {
  const root = writeTree({
    'x/base/kustomization.yaml': 'resources: [set.yaml]\n',
    'x/base/set.yaml': statefulSet('db', 'web'),
    'x/one/kustomization.yaml': 'resources: [../base]\nnamePrefix: one-\n',
    'x/two/kustomization.yaml': 'resources: [../base]\nnamePrefix: two-\n',
    'y/base/kustomization.yaml': 'resources: [service.yaml]\n',
    'y/base/service.yaml': service('web', 'web'),
    'y/prod/kustomization.yaml': 'resources: [../base]\nnamePrefix: prod-\n',
    'z/apart/kustomization.yaml': 'resources: [pod.yaml]\n',
    'z/apart/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: apart\nspec:\n  containers: [{name: main, image: busybox}]\n',
    'z/sorted/kustomization.yaml': 'resources: [pod.yaml]\nsortOptions: {order: fifo}\n',
    'z/sorted/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: sorted\nspec:\n  containers: [{name: main, image: busybox}]\n',
    'z/broken/kustomization.yaml': 'resources: [missing.yaml]\n',
  });
  const { overlays, at, groups, groupOf } = grouping(root);
  assert.ok(!groupOf('x/one')?.includes(at('x/two')), 'x/one and x/two share their base');
  // x's StatefulSet names a Service `web` it does not have; y renames its `web` to `prod-web`:
  // in one build kustomize would point x's serviceName at y's Service.
  assert.ok(!groupOf('x/one')?.includes(at('y/prod')) && !groupOf('x/two')?.includes(at('y/prod')));
  assert.deepEqual(groupOf('z/sorted'), [at('z/sorted')]);
  assert.deepEqual(groupOf('z/broken'), [at('z/broken')]);
  assert.equal(batchable(overlays[at('z/sorted')]?.tree ?? [], readFromDisk), false);
  assert.ok((groupOf('z/apart')?.length ?? 0) > 1, JSON.stringify(groups));
});

test('a group that fails is rendered again without the overlay kustomize names: every overlay gets what its own render gives', async () => {
  const root = repository();
  // Two overlays giving the same id (kustomize refuses the build), and a broken one.
  const dirs = [join(root, 'a/prod'), join(root, 'c/only'), join(root, 'f/same'), join(root, 'd/broken'), join(root, 'b/prod')];
  const results = await renderGroup(overlaysAt(dirs), { command });
  for (const [i, dir] of dirs.entries()) {
    const alone = await render(dir, { command });
    const got = results[i];
    assert.equal(got?.ok, alone.ok, dir);
    if (alone.ok && got?.ok) assert.equal(got.yaml, alone.yaml, dir);
    if (!alone.ok && got && !got.ok) assert.equal(got.message, alone.message, dir);
  }
  const twice = await renderGroup(overlaysAt([join(root, 'a/prod'), join(root, 'a/dev')]), { command });
  assert.ok(twice.every((r) => r.ok));
});

test('names meet as whole words with their prefixes and suffixes: app-1 is not app-10, a shared namePrefix alone keeps nothing apart', () => {
  const pod = (name: string, extra = ''): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers: [{name: main, image: busybox${extra}}]\n`;
  const root = writeTree({
    // Same environment prefix, names that only share a beginning: rendered together.
    'env/app-1/kustomization.yaml': 'resources: [pod.yaml]\nnamePrefix: env-3-\n',
    'env/app-1/pod.yaml': pod('app-1'),
    'env/app-10/kustomization.yaml': 'resources: [pod.yaml]\nnamePrefix: env-3-\n',
    'env/app-10/pod.yaml': pod('app-10'),
    // `inner-web` is a name the nested overlay gives on the way (base prefix), named in the other's file.
    'nest/base/kustomization.yaml': 'resources: [service.yaml]\nnamePrefix: inner-\n',
    'nest/base/service.yaml': service('web', 'web'),
    'nest/top/kustomization.yaml': 'resources: [../base]\nnamePrefix: outer-\n',
    'refs/one/kustomization.yaml': 'resources: [set.yaml]\n',
    'refs/one/set.yaml': statefulSet('db', 'inner-web'),
    // A file naming what the other overlay's prefix makes of its resource.
    'lit/a/kustomization.yaml': 'resources: [pod.yaml]\n',
    'lit/a/pod.yaml': pod('blue-cache'),
    'lit/b/kustomization.yaml': 'resources: [pod.yaml]\nnamePrefix: blue-\n',
    'lit/b/pod.yaml': pod('cache'),
    // A generated ConfigMap's hashed name, written out in another overlay.
    'gen/a/kustomization.yaml': 'resources: [pod.yaml]\nconfigMapGenerator:\n- name: tuning\n  literals: [a=b]\n',
    'gen/a/pod.yaml': pod('gen-a'),
    'gen/b/kustomization.yaml': 'resources: [pod.yaml]\n',
    'gen/b/pod.yaml': pod('gen-b', ', env: [{name: T, valueFrom: {configMapKeyRef: {name: tuning-7c2dkh9m4f, key: a}}}]'),
  });
  const { groups, together } = grouping(root);
  assert.ok(together('env/app-1', 'env/app-10'), JSON.stringify(groups));
  assert.ok(!together('nest/top', 'refs/one'), 'inner-web is a name nest/top gives before its outer prefix');
  assert.ok(!together('lit/a', 'lit/b'), 'blue-cache is what lit/b makes of cache');
  assert.ok(!together('gen/a', 'gen/b'), 'tuning-<hash> is the name gen/a generates');
  assert.ok(together('env/app-1', 'lit/a') || together('env/app-1', 'gen/b'), JSON.stringify(groups));
});

test('mentionsAName: a name is found as a word, or inside a longer word only behind a prefix or before a suffix of the overlay', () => {
  const print = { names: ['web'], prefixes: ['prod-'], suffixes: ['-v2'] };
  assert.equal(mentionsAName('serviceName: web\n', print), true);
  assert.equal(mentionsAName('serviceName: "web"', print), true);
  assert.equal(mentionsAName('serviceName: prod-web', print), true);
  assert.equal(mentionsAName('serviceName: web-v2', print), true);
  assert.equal(mentionsAName('serviceName: dev-web', print), false);
  assert.equal(mentionsAName('serviceName: webhook', print), false);
  assert.equal(mentionsAName('host: web.default.svc', print), false);
  assert.equal(mentionsAName('name: cobweb', { names: ['web'], prefixes: [], suffixes: [] }), false);
});

test("valuesOf reads files as yaml's parseAllDocuments does: YAML 1.2 scalars, anchors, several documents, directives, broken ones", () => {
  const texts = [
    'metadata:\n  name: on\n  labels: {enabled: yes, n: 0123, t: 1.0}\n',
    'a: &x {name: web}\nb: *x\nc:\n  <<: *x\n  extra: 1\n',
    '---\nkind: A\n---\n---\nkind: B\n...\n',
    '%YAML 1.1\n---\nname: yes\n',
    'metadata:\n  name: "quoted \\u0041"\n  other: |\n    block\n---\n- a\n- b\n',
    'a: [1, 2\nb: 3\n',
    'a: 1\na: 2\n',
  ];
  const viaYaml = (text: string): unknown[] => parseAllDocuments(text).map((d) => d.toJS({ maxAliasCount: 100 }) as unknown);
  const objects = (values: unknown[]): string => JSON.stringify(values.filter((v) => v !== null && typeof v === 'object'));
  for (const text of texts) assert.equal(objects(valuesOf(text)), objects(viaYaml(text)), text);
});

test('a JSON patch that renames a resource adds its new name; a name no file holds (copied, replaced, made by a plugin) renders alone', () => {
  const root = writeTree({
    // a/top: `web` is renamed `web-new` by its base's patch, then prefixed `p-`. In one build
    // kustomize would point b's `serviceName: web-new` at `p-web-new` (checked with kubectl).
    'a/base/kustomization.yaml': 'resources: [svc.yaml]\npatches:\n- target: {kind: Service, name: web}\n  patch: |-\n    - op: replace\n      path: /metadata/name\n      value: web-new\n',
    'a/base/svc.yaml': service('web', 'web'),
    'a/top/kustomization.yaml': 'resources: [../base]\nnamePrefix: p-\n',
    'b/kustomization.yaml': 'resources: [set.yaml]\n',
    'b/set.yaml': statefulSet('db', 'web-new'),
    // The same rename from a patch file.
    'c/base/kustomization.yaml': 'resources: [svc.yaml]\npatches:\n- path: rename.yaml\n  target: {kind: Service, name: api}\n',
    'c/base/svc.yaml': service('api', 'api'),
    'c/base/rename.yaml': '- op: replace\n  path: /metadata/name\n  value: api-v2\n',
    'c/top/kustomization.yaml': 'resources: [../base]\nnamePrefix: q-\n',
    'd/kustomization.yaml': 'resources: [set.yaml]\n',
    'd/set.yaml': statefulSet('cache', 'api-v2'),
    // A name copied from another field, a replacement, a transformer plugin: not readable.
    'e/kustomization.yaml': 'resources: [svc.yaml]\npatches:\n- target: {kind: Service}\n  patch: |-\n    - op: copy\n      from: /metadata/labels/app\n      path: /metadata/name\n',
    'e/svc.yaml': service('copied', 'x'),
    'f/kustomization.yaml': 'resources: [svc.yaml]\nreplacements:\n- source: {kind: Service, fieldPath: spec.selector.app}\n  targets: [{select: {kind: Service}, fieldPaths: [metadata.name]}]\n',
    'f/svc.yaml': service('replaced', 'y'),
    'g/kustomization.yaml': 'resources: [pod.yaml]\ntransformers: [prefixer.yaml]\n',
    'g/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: g\nspec:\n  containers: [{name: main, image: busybox}]\n',
    'g/prefixer.yaml': 'apiVersion: builtin\nkind: PrefixSuffixTransformer\nmetadata: {name: p}\nprefix: z-\nfieldSpecs: [{path: metadata/name}]\n',
    'h/kustomization.yaml': 'resources: [pod.yaml]\n',
    'h/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: h\nspec:\n  containers: [{name: main, image: busybox}]\n',
  });
  const { overlays, at, groups, together, alone } = grouping(root);
  assert.ok(at('a/top') >= 0 && at('b') >= 0 && at('c/top') >= 0 && at('d') >= 0, JSON.stringify(overlays.map((o) => o.dir)));
  assert.ok(!together('a/top', 'b'), 'web-new is a name a/top gives before its prefix (inline patch)');
  assert.ok(!together('c/top', 'd'), 'api-v2 is a name c/top gives before its prefix (patch file)');
  for (const rel of ['e', 'f', 'g']) assert.ok(alone(rel), `${rel} renders alone: ${JSON.stringify(groups)}`);
  assert.ok(together('b', 'h') || together('d', 'h') || together('a/top', 'h'), JSON.stringify(groups));
});
