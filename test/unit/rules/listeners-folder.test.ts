/**
 * "A ConfigMap in the same file or folder": the listener model reads nginx configuration from a
 * ConfigMap defined in a sibling file of the pod's folder (the CLI's run, the editor's workspace).
 * Without it the container is unsure: no guess, no finding. A ConfigMap in another folder, or one
 * name that two sibling files define, is not read.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Analyzer } from '../../../server/src/core/analyze';
import { hoverAt } from '../../../server/src/hover';
import { yaml } from '../../helpers/check';
import { peer, workspaceFindings } from '../../helpers/workspace';

const pod = yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: two-nginx}
  spec:
    containers:
    - name: main
      image: nginx:1.27
      ports: [{containerPort: 80}]
    - name: admin
      image: nginx:1.27
      ports: [{containerPort: 8081}]
      volumeMounts: [{name: conf, mountPath: /etc/nginx/conf.d}]
    volumes:
    - {name: conf, configMap: {name: admin-conf}}
`;

const configMap = (port: number): string => yaml`
  apiVersion: v1
  kind: ConfigMap
  metadata: {name: admin-conf}
  data:
    default.conf: |
      server {
        listen ${port};
      }
`;

const PORT_RULES = ['port-conflict', 'implicit-port-conflict', 'port-not-served'];
const portFindings = (others: Record<string, string>, source = '/ws/app/pod.yaml'): string[] =>
  PORT_RULES.flatMap((rule) => workspaceFindings(pod, rule, others, { source }).map((f) => f.rule));

test('nginx conf from a ConfigMap in a sibling file: listen 8081 beside an nginx on 80 is no conflict; listen 80 is one', () => {
  assert.deepEqual(portFindings({ '/ws/app/admin-conf.yaml': configMap(8081) }), []);
  // The sibling is really read: with listen 80 the admin nginx clashes with main (and 8081 is served by nothing).
  assert.deepEqual(portFindings({ '/ws/app/admin-conf.yaml': configMap(80) }).sort(), ['implicit-port-conflict', 'port-not-served']);
});

test('without the sibling file, in another folder, or defined twice: the container is unsure, no finding', () => {
  assert.deepEqual(portFindings({}), []);
  assert.deepEqual(portFindings({ '/ws/other/admin-conf.yaml': configMap(80) }), []);
  assert.deepEqual(portFindings({ '/ws/app/a.yaml': configMap(80), '/ws/app/b.yaml': configMap(8081) }), []);
});

test('hovers read the sibling\'s ConfigMap too: the port says the listen directive sets it', () => {
  const analysis = new Analyzer().analyze(pod, {}, [peer(configMap(8081), '/ws/app/admin-conf.yaml')], { source: '/ws/app/pod.yaml' });
  const at = pod.indexOf('containerPort: 8081') + 2;
  const h = hoverAt(analysis, at, 'en', {});
  assert.match(h?.markdown ?? '', /nginx in `admin` binds 8081 \(set by `listen 8081`\)/);
  const alone = new Analyzer().analyze(pod, {}, [], { source: '/ws/app/pod.yaml' });
  assert.match(hoverAt(alone, at, 'en', {})?.markdown ?? '', /`admin` declares 8081: its process should listen there/);
});
