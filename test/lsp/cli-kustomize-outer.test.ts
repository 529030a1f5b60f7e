/**
 * `podsight check` on a kustomize base given alone (a file, the base folder, or every file listed
 * one by one): the overlays of its repository that use it are what gets applied, so the base is
 * checked through them, and only the findings on the given files are reported. Spawns the built
 * CLI with the real kubectl kustomize.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../helpers/paths';
import { tempDir } from '../helpers/temp-dir';
import { INCOMPLETE_BASE_DEPLOYMENT } from './kustomize-base-fixture';

interface Out {
  file: string;
  rule: string;
  message: string;
}

const BASE = {
  'base/kustomization.yaml': 'resources:\n  - deployment.yaml\n',
  'base/deployment.yaml': INCOMPLETE_BASE_DEPLOYMENT,
  'overlays/prod/kustomization.yaml': 'resources:\n  - ../../base\npatches:\n  - path: patch.yaml\n',
  // Completes the base, and adds a sidecar on nginx's port 80: a true error on this patch.
  'overlays/prod/patch.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: app
          ports:
            - {name: http, containerPort: 80}
        - name: metrics
          image: nginx:1.27
      volumes:
        - {name: cache, emptyDir: {}}
`,
};

function tree(files: Record<string, string>, repository = true): string {
  const dir = tempDir('podsight-cli-outer-');
  if (repository) mkdirSync(join(dir, '.git'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

function check(cwd: string, ...paths: string[]): Out[] {
  const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'podsight.js'), 'check', ...paths, '--format', 'json'], { encoding: 'utf8', cwd, env: { ...process.env, LANG: 'C', LC_ALL: '' } });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return JSON.parse(r.stdout) as Out[];
}

const rules = (found: Out[]): string[] => found.map((f) => `${f.file} ${f.rule}`).sort();

test('a base file given alone is checked through the overlay that completes it: no false undefined-volume or unknown-port-name', () => {
  const dir = tree(BASE);
  assert.deepEqual(check(dir, 'base/deployment.yaml'), [], 'the prod overlay adds the port and the volume');
  assert.deepEqual(check(dir, 'base'), [], 'the base folder too');
  // The sidecar's clash is on the prod patch, which was not asked about.
  assert.deepEqual(rules(check(dir, 'overlays/prod')), ['overlays/prod/patch.yaml implicit-port-conflict']);
  // From another folder, by absolute path: the repository is found by its .git.
  assert.deepEqual(check(tmpdir(), join(dir, 'base', 'deployment.yaml')), []);
});

test('every file listed one by one: each finding once, on the file that causes it', () => {
  const dir = tree(BASE);
  const found = check(dir, 'base/deployment.yaml', 'base/kustomization.yaml', 'overlays/prod/kustomization.yaml', 'overlays/prod/patch.yaml');
  assert.deepEqual(rules(found), ['overlays/prod/patch.yaml implicit-port-conflict']);
});

test('an overlay that does not complete the base: the base file alone gets its findings, naming that overlay', () => {
  const dir = tree({ ...BASE, 'overlays/dev/kustomization.yaml': 'resources:\n  - ../../base\n' });
  const found = check(dir, 'base/deployment.yaml');
  assert.deepEqual(rules(found), ['base/deployment.yaml undefined-volume', 'base/deployment.yaml unknown-port-name']);
  for (const f of found) assert.match(f.message, /\(in overlay overlays\/dev\)$/);
});

test('outside any repository, and from a folder elsewhere, a base file is checked alone as before', () => {
  const dir = tree(BASE, false);
  const found = check(tempDir('podsight-cli-elsewhere-'), join(dir, 'base', 'deployment.yaml'));
  assert.deepEqual(found.map((f) => f.rule).sort(), ['undefined-volume', 'unknown-port-name']);
  // From inside the folder, the current folder stands for the repository.
  assert.deepEqual(check(dir, 'base/deployment.yaml'), []);
});
