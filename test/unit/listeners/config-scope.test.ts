/**
 * Which ConfigMaps a pod's listener model may read: only those in the pod's namespace (an object
 * without one is in its file's or kustomization's default namespace), and besides the file and
 * its folder, those of the kustomize bases its folder's kustomization lists under `resources:`.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Analyzer } from '../../../server/src/core/analyze';
import { kustomizeBases, peersWithBases } from '../../../server/src/cli/kustomize-bases';
import { yaml } from '../../helpers/check';
import { peer } from '../../helpers/workspace';

const PORT_RULES = ['port-conflict', 'implicit-port-conflict', 'port-not-served'];

const pod = (namespace = ''): string => yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: two-nginx${namespace ? `, namespace: ${namespace}` : ''}}
  spec:
    containers:
    - {name: main, image: nginx:1.27, ports: [{containerPort: 80}]}
    - name: admin
      image: nginx:1.27
      ports: [{containerPort: 8081}]
      volumeMounts: [{name: conf, mountPath: /etc/nginx/conf.d}]
    volumes:
    - {name: conf, configMap: {name: admin-conf}}
`;

/** listen 80: read, it makes admin's nginx clash with main's (and leaves 8081 unserved). */
const configMap = (namespace = ''): string => yaml`
  apiVersion: v1
  kind: ConfigMap
  metadata: {name: admin-conf${namespace ? `, namespace: ${namespace}` : ''}}
  data:
    default.conf: "server { listen 80; }"
`;

const READ = ['implicit-port-conflict', 'port-not-served'];

function portRules(text: string, peers: ReturnType<typeof peer>[] = [], self: { source?: string; namespace?: string; bases?: readonly string[] } = { source: '/ws/app/pod.yaml' }): string[] {
  const analysis = new Analyzer((id, e) => {
    throw new Error(`rule ${id} threw: ${String(e)}`);
  }).analyze(text, {}, peers, self);
  return analysis.findings.filter((f) => PORT_RULES.includes(f.rule)).map((f) => f.rule).sort();
}

test('namespaces: a ConfigMap of the file in another namespace than the pod is not read', () => {
  assert.deepEqual(portRules(`${pod('shop')}---\n${configMap('shop')}`), READ);
  assert.deepEqual(portRules(`${pod()}---\n${configMap()}`), READ);
  assert.deepEqual(portRules(`${pod('shop')}---\n${configMap('other')}`), []);
  assert.deepEqual(portRules(`${pod()}---\n${configMap('other')}`), []);
  // The same name in two namespaces: the pod's own is read.
  assert.deepEqual(portRules(`${pod('shop')}---\n${configMap('other')}---\n${configMap('shop')}`), READ);
});

test('namespaces: objects without one take their file\'s (kustomization\'s) default', () => {
  // The pod's file defaults to `shop`; the sibling's folder default is the same kustomization's.
  assert.deepEqual(portRules(pod(), [peer(configMap(), '/ws/app/conf.yaml', 'shop')], { source: '/ws/app/pod.yaml', namespace: 'shop' }), READ);
  assert.deepEqual(portRules(pod(), [peer(configMap('other'), '/ws/app/conf.yaml', 'shop')], { source: '/ws/app/pod.yaml', namespace: 'shop' }), []);
  assert.deepEqual(portRules(pod('other'), [peer(configMap(), '/ws/app/conf.yaml', 'shop')], { source: '/ws/app/pod.yaml', namespace: 'shop' }), []);
});

test('kustomize bases: a ConfigMap in a base folder is read; in an unrelated folder it is not; the overlay namespace applies to the base', () => {
  const base = peer(configMap(), '/ws/base/conf.yaml');
  assert.deepEqual(portRules(pod(), [base], { source: '/ws/overlay/pod.yaml', bases: ['/ws/base'] }), READ);
  assert.deepEqual(portRules(pod(), [base], { source: '/ws/overlay/pod.yaml' }), []);
  assert.deepEqual(portRules(pod(), [base], { source: '/ws/overlay/pod.yaml', bases: ['/ws/other'] }), []);
  // A base file listed on its own.
  assert.deepEqual(portRules(pod(), [base], { source: '/ws/overlay/pod.yaml', bases: ['/ws/base/conf.yaml'] }), READ);
  // kustomize sets the overlay's namespace on the base's objects too.
  assert.deepEqual(portRules(pod(), [peer(configMap('elsewhere'), '/ws/base/conf.yaml')], { source: '/ws/overlay/pod.yaml', namespace: 'shop', bases: ['/ws/base'] }), READ);
});

test('kustomizeBases follows resources (folders and files), bases and components on disk, and peersWithBases reads base files outside the run', () => {
  const root = mkdtempSync(join(tmpdir(), 'podsight-bases-'));
  try {
    for (const d of ['base', 'common', 'overlay']) mkdirSync(join(root, d));
    writeFileSync(join(root, 'overlay', 'kustomization.yaml'), 'resources:\n- ../base\n- https://github.com/x/y//z?ref=v1\n- pod.yaml\n');
    writeFileSync(join(root, 'base', 'kustomization.yaml'), 'resources:\n- conf.yaml\n- ../common/extra.yaml\n');
    writeFileSync(join(root, 'base', 'conf.yaml'), configMap());
    writeFileSync(join(root, 'common', 'extra.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: other}\n');
    const overlay = join(root, 'overlay');
    assert.deepEqual([...kustomizeBases(overlay)].sort(), [join(root, 'base'), join(root, 'base', 'conf.yaml'), join(root, 'common', 'extra.yaml'), join(overlay, 'pod.yaml')].sort());
    assert.deepEqual(kustomizeBases(join(root, 'common')), []);
    const peers = peersWithBases([], kustomizeBases(overlay));
    assert.ok(peers.some((p) => p.source === join(root, 'base', 'conf.yaml')));
    assert.deepEqual(portRules(pod(), [...peers], { source: join(overlay, 'pod.yaml'), bases: kustomizeBases(overlay) }), READ);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
