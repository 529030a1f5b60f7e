import assert from 'node:assert/strict';
import { test } from 'node:test';
import { complete } from '../../../server/src/completion';
import { analyzeText } from '../../../server/src/core/analyze';
import { caret } from '../../helpers/caret';
import { yaml } from '../../helpers/check';
import { peer } from '../../helpers/workspace';

const t = (key: string, args?: Readonly<Record<string, string | number>>): string => `${key}${args ? JSON.stringify(args) : ''}`;

const others = {
  '/ws/app/config.yaml': yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: settings}
    data: {mode: fast, level: debug}
    ---
    apiVersion: v1
    kind: Secret
    metadata: {name: creds}
    stringData: {token: t0p}
  `,
  '/ws/app/prod.yaml': yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: prod-settings, namespace: prod}
    data: {x: y}
  `,
};

/** Labels and details of the ConfigMap/Secret proposals at the caret of `marked`, with `files` as the workspace. */
function proposals(marked: string, files: Record<string, string> = others, namespace?: string) {
  const { text, offset } = caret(marked);
  const peers = Object.entries(files).map(([path, body]) => peer(body, path));
  const result = complete(analyzeText(text), offset, t, { workspace: () => ({ peers, source: '/ws/app/pod.yaml', namespace }) });
  return (result?.items ?? []).filter((i) => i.kind === 'config-name' || i.kind === 'config-key').map((i) => `${i.label} | ${i.detail}`);
}

const pod = (env: string, volumes = '') => `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: app
    image: myorg/app
    env:
${env}${volumes}`;

test('configMapKeyRef.name proposes the ConfigMaps of the workspace with their file', () => {
  const found = proposals(pod('    - name: MODE\n      valueFrom:\n        configMapKeyRef:\n          name: ¦\n'));
  assert.deepEqual(found, ['settings | complete.config.name{"kind":"ConfigMap","file":"config.yaml"}']);
});

test('secretKeyRef.name and secret.secretName propose Secrets only', () => {
  assert.deepEqual(proposals(pod('    - name: T\n      valueFrom:\n        secretKeyRef:\n          name: ¦\n')), ['creds | complete.config.name{"kind":"Secret","file":"config.yaml"}']);
  const volume = '  volumes:\n  - name: s\n    secret:\n      secretName: ¦\n';
  assert.deepEqual(proposals(pod('    - {name: A, value: b}\n', volume)), ['creds | complete.config.name{"kind":"Secret","file":"config.yaml"}']);
});

test('configMapKeyRef.key and volume items[].key propose the keys of the named object', () => {
  const env = proposals(pod('    - name: MODE\n      valueFrom:\n        configMapKeyRef:\n          name: settings\n          key: ¦\n'));
  assert.deepEqual(env, ['mode | complete.config.key{"kind":"ConfigMap","name":"settings","file":"config.yaml"}', 'level | complete.config.key{"kind":"ConfigMap","name":"settings","file":"config.yaml"}']);
  const volume = '  volumes:\n  - name: c\n    configMap:\n      name: settings\n      items:\n      - key: ¦\n';
  assert.deepEqual(proposals(pod('    - {name: A, value: b}\n', volume)).map((p) => p.split(' ')[0]), ['mode', 'level']);
});

test('silent: objects of another namespace, names not in the workspace, no workspace at all', () => {
  assert.deepEqual(proposals(pod('    - name: MODE\n      valueFrom:\n        configMapKeyRef:\n          name: ¦\n'), others, 'prod'), ['prod-settings | complete.config.name{"kind":"ConfigMap","file":"prod.yaml"}']);
  assert.deepEqual(proposals(pod('    - name: MODE\n      valueFrom:\n        configMapKeyRef:\n          name: absent\n          key: ¦\n')), []);
  const { text, offset } = caret(pod('    - name: MODE\n      valueFrom:\n        configMapKeyRef:\n          name: ¦\n'));
  assert.ok(!complete(analyzeText(text), offset, t)?.items.some((i) => i.kind === 'config-name'), 'no workspace');
});

test('a ConfigMap in the file itself is proposed first, as "this file"', () => {
  const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: local}\ndata: {a: b}\n---\n${pod('    - name: MODE\n      valueFrom:\n        configMapKeyRef:\n          name: ¦\n')}`;
  const { text: body, offset } = caret(text);
  const peers = Object.entries(others).map(([path, b]) => peer(b, path));
  const items = complete(analyzeText(body), offset, t, { workspace: () => ({ peers, source: '/ws/app/pod.yaml' }) })?.items ?? [];
  const names = items.filter((i) => i.kind === 'config-name').sort((a, b) => a.sortText.localeCompare(b.sortText));
  assert.deepEqual(names.map((i) => `${i.label} | ${i.detail}`), ['local | complete.config.name{"kind":"ConfigMap","file":"complete.config.this-file"}', 'settings | complete.config.name{"kind":"ConfigMap","file":"config.yaml"}']);
});
