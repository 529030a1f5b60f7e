/**
 * ConfigMaps a kustomization generates (`configMapGenerator`: files, literals, envs) are read by
 * the listener model, from the kustomization beside the pod's file and from its bases; files are
 * read relative to the kustomization and never outside its folder. Other rules do not see them.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { kustomizeBases, peersWithBases } from '../../../server/src/cli/kustomize-bases';
import { Analyzer } from '../../../server/src/core/analyze';
import { repoRoot } from '../../helpers/paths';

const PORT_RULES = ['port-conflict', 'implicit-port-conflict', 'port-not-served'];

/** nginx declaring 80 and mounting `web-conf` over conf.d; node-exporter beside it on 9100. */
const POD = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: web
    image: nginx:1.27
    ports: [{containerPort: 80}]
    env: [{name: LEVEL, valueFrom: {configMapKeyRef: {name: web-env, key: NOT_THERE}}}]
    volumeMounts: [{name: conf, mountPath: /etc/nginx/conf.d}]
  - {name: ne, image: prom/node-exporter:v1.8.0}
  volumes:
  - {name: conf, configMap: {name: web-conf}}
`;

const conf = (listen: string): string => `server {\n  listen ${listen};\n  location / { proxy_pass http://127.0.0.1:3000; proxy_set_header Host $host; }\n}\n`;

/** A temp tree of `files` (path → text); returns the root. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'podsight-generated-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** The findings of the pod file analysed with its folder's kustomize bases and generators, as the CLI and the server do. */
function rulesOf(root: string, podPath: string): string[] {
  const dir = join(root, podPath, '..');
  const bases = kustomizeBases(dir);
  const analysis = new Analyzer((id, e) => {
    throw new Error(`rule ${id} threw: ${String(e)}`);
  }).analyze(POD, {}, [...peersWithBases([], bases)], { source: join(root, podPath), bases });
  return analysis.findings.map((f) => f.rule).filter((r) => PORT_RULES.includes(r) || r === 'missing-config-key').sort();
}

test('configMapGenerator files beside the pod: the generated nginx config is read ($host and all)', () => {
  const root = tree({
    'app/kustomization.yaml': 'resources: [pod.yaml]\nconfigMapGenerator:\n- name: web-conf\n  files: [default.conf, extra.conf=conf/extra.txt]\n- name: web-env\n  literals: [LEVEL=info]\n',
    'app/pod.yaml': POD,
    'app/default.conf': conf('9100'),
    'app/conf/extra.txt': '# no server here\n',
  });
  try {
    // listen 9100: clashes with node-exporter, and 80 is not served. missing-config-key does not read generated ConfigMaps.
    assert.deepEqual(rulesOf(root, 'app/pod.yaml'), ['implicit-port-conflict', 'port-not-served']);
    writeFileSync(join(root, 'app/default.conf'), conf('80'));
    // The generator's own file changed, not the kustomization: a fresh run reads it (the CLI), and the stamp is the kustomization's.
    writeFileSync(join(root, 'app/kustomization.yaml'), 'resources: [pod.yaml]\nconfigMapGenerator:\n- name: web-conf\n  files: [default.conf]\n');
    assert.deepEqual(rulesOf(root, 'app/pod.yaml'), []);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('configMapGenerator of a base is read for an overlay\'s pod; the CLI reads it too', () => {
  const root = tree({
    'base/kustomization.yaml': 'configMapGenerator:\n- name: web-conf\n  files: [nginx/default.conf]\n',
    'base/nginx/default.conf': conf('9100'),
    'overlay/kustomization.yaml': 'resources: [../base, pod.yaml]\n',
    'overlay/pod.yaml': POD,
  });
  try {
    assert.deepEqual(rulesOf(root, 'overlay/pod.yaml'), ['implicit-port-conflict', 'port-not-served']);
    const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'podsight.js'), 'check', '--format', 'json', '--lang', 'en', join(root, 'overlay', 'pod.yaml')], { encoding: 'utf8' });
    const found = (JSON.parse(r.stdout) as { rule: string }[]).map((f) => f.rule).filter((x) => PORT_RULES.includes(x)).sort();
    assert.deepEqual(found, ['implicit-port-conflict', 'port-not-served']);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a generator Podsight cannot read whole is left out: the container stays unsure, no finding', () => {
  for (const gen of [
    "- name: web-conf\n  files: [../outside.conf]\n", // kustomize refuses files outside the kustomization's folder
    '- name: web-conf\n  files: [missing.conf]\n',
    '- name: web-conf\n  files: [default.conf]\n  envs: [vars.env]\n', // `PORT` without `=` comes from the environment
  ]) {
    const root = tree({ 'app/kustomization.yaml': `resources: [pod.yaml]\nconfigMapGenerator:\n${gen}`, 'app/pod.yaml': POD, 'app/default.conf': conf('9100'), 'app/vars.env': 'PORT\n', 'outside.conf': conf('9100') });
    try {
      assert.deepEqual(rulesOf(root, 'app/pod.yaml'), [], gen);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  // An overlay merging into the base's generated ConfigMap: two definitions, which one is deployed is not read.
  const root = tree({
    'base/kustomization.yaml': 'configMapGenerator:\n- name: web-conf\n  files: [default.conf]\n',
    'base/default.conf': conf('9100'),
    'overlay/kustomization.yaml': 'resources: [../base, pod.yaml]\nconfigMapGenerator:\n- name: web-conf\n  behavior: merge\n  files: [extra.conf]\n',
    'overlay/extra.conf': conf('8080'),
    'overlay/pod.yaml': POD,
  });
  try {
    assert.deepEqual(rulesOf(root, 'overlay/pod.yaml'), []);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
