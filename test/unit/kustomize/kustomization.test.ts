/** Reading kustomizations without kustomize: files, children, patches, remote resources. */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readKustomization, readTree } from '../../../server/src/kustomize/kustomization';
import { withOriginAnnotations } from '../../../server/src/kustomize/render';
import { tempDir } from '../../helpers/temp-dir';

test('resources, patches of every form, generator inputs and remote resources are read', () => {
  const dir = tempDir('podsight-k-');
  mkdirSync(join(dir, 'base'));
  writeFileSync(join(dir, 'base', 'kustomization.yaml'), 'resources: [pod.yaml]\n');
  writeFileSync(
    join(dir, 'kustomization.yaml'),
    `resources:
  - base
  - extra.yaml
  - https://github.com/example/repo//deploy?ref=v1
patches:
  - path: p1.yaml
  - target: {kind: Deployment, name: web}
    patch: |-
      - op: remove
        path: /spec/replicas
patchesStrategicMerge:
  - p2.yaml
patchesJson6902:
  - target: {kind: Pod, name: p}
    path: p3.yaml
configMapGenerator:
  - name: c
    files: [app.conf, key=other.conf]
    envs: [vars.env]
`,
  );
  const k = readKustomization(join(dir, 'kustomization.yaml'));
  assert.ok(k);
  assert.deepEqual(k.children, [join(dir, 'base')]);
  assert.deepEqual(k.remote, ['https://github.com/example/repo//deploy?ref=v1']);
  assert.deepEqual(
    k.patches.map((p) => [p.file?.slice(dir.length + 1), p.inline !== undefined, p.target?.name]),
    [
      ['p1.yaml', false, undefined],
      [undefined, true, 'web'],
      ['p2.yaml', false, undefined],
      ['p3.yaml', false, 'p'],
    ],
  );
  for (const f of ['extra.yaml', 'p1.yaml', 'p2.yaml', 'p3.yaml', 'app.conf', 'other.conf', 'vars.env']) assert.ok(k.files.includes(join(dir, f)), f);
  assert.deepEqual(readTree(dir).map((t) => t.dir), [dir, join(dir, 'base')]);
});

test('the temporary copy adds originAnnotations and keeps the buildMetadata already there', () => {
  assert.match(withOriginAnnotations('resources: [a.yaml]\n'), /buildMetadata:\n\s*- originAnnotations/);
  const both = withOriginAnnotations('resources: [a.yaml]\nbuildMetadata: [managedByLabel]\n');
  assert.match(both, /managedByLabel/);
  assert.match(both, /originAnnotations/);
  assert.equal(withOriginAnnotations('buildMetadata: [originAnnotations]\n').match(/originAnnotations/g)?.length, 1);
});
