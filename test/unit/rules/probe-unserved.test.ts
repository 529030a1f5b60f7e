/**
 * port-not-served on probes: a probe on a port nothing in the pod listens on, when the probed
 * container's listeners are fully known (sweep AI: a teaching example of nginx probed on 8080).
 * The kubelet gets "connection refused" every time. Silent wherever something may listen there.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings } from '../../helpers/check';
import { applyFix } from '../../helpers/fix';

const pod = (...containers: string[]): string =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n${containers.map((c) => `    - ${c}\n`).join('')}`;
const unserved = (text: string): string[] => findings(text, 'port-not-served').map((f) => `${f.text} ${f.message.slice(0, 60)}`);

test('a probe of nginx on 8080: nothing listens there; the fix probes 80, and the finding is gone', () => {
  const text = pod('{name: web, image: "nginx:1.27", livenessProbe: {tcpSocket: {port: 8080}}}');
  assert.deepEqual(unserved(text), ['8080 livenessProbe.tcpSocket.port of container "web" checks port ']);
  const { result } = applyFix(text, 'port-not-served', /Probe port 80, where nginx:1.27 listens/);
  assert.match(result, /tcpSocket: \{port: 80\}/);
  assert.deepEqual(unserved(result), []);
  // httpGet and grpc probes too; the port it listens on is fine.
  assert.equal(unserved(pod('{name: web, image: "nginx:1.27", readinessProbe: {httpGet: {path: /, port: 8081}}}')).length, 1);
  assert.deepEqual(unserved(pod('{name: web, image: "nginx:1.27", readinessProbe: {httpGet: {path: /, port: 80}}}')), []);
});

test('silent where something may listen: a sibling, an unknown image, a replaced command, settings Podsight cannot read, another host', () => {
  const probed = '{name: web, image: "nginx:1.27", livenessProbe: {tcpSocket: {port: 8080}}}';
  // A sibling listening there is probe-port-elsewhere's; an unknown sibling without declarations may listen anywhere.
  assert.deepEqual(unserved(pod(probed, '{name: other, image: "nginxinc/nginx-unprivileged:1.27"}')), []);
  assert.deepEqual(unserved(pod(probed, '{name: other, image: "example/agent:1"}')), []);
  // An unknown sibling may serve ports it does not declare (sweep AM).
  assert.deepEqual(unserved(pod(probed, '{name: other, image: "example/agent:1", ports: [{containerPort: 9000}]}')), []);
  // A known sibling keeps to its ports.
  assert.equal(unserved(pod(probed, '{name: cache, image: "redis:7.4"}')).length, 1);
  // nginx with a template folder of its own, or a start-up script of its own, may listen anywhere.
  assert.deepEqual(unserved(pod('{name: web, image: "nginx:1.27", env: [{name: NGINX_ENVSUBST_TEMPLATE_DIR, value: /tpl}], livenessProbe: {tcpSocket: {port: 8080}}}')), []);
  assert.deepEqual(unserved(pod('{name: web, image: "nginx:1.27", volumeMounts: [{name: s, mountPath: /docker-entrypoint.d/40-port.sh, subPath: port.sh}], livenessProbe: {tcpSocket: {port: 8080}}}')), []);
  // The probed container: unknown image, replaced command, an unreadable setting.
  assert.deepEqual(unserved(pod('{name: app, image: "example/app:1", livenessProbe: {tcpSocket: {port: 8080}}}')), []);
  assert.deepEqual(unserved(pod('{name: web, image: "nginx:1.27", command: [my-server], livenessProbe: {tcpSocket: {port: 8080}}}')), []);
  assert.deepEqual(unserved(pod('{name: web, image: "nginx:1.27", envFrom: [{configMapRef: {name: elsewhere}}], volumeMounts: [{name: conf, mountPath: /etc/nginx/conf.d}], livenessProbe: {tcpSocket: {port: 8080}}}')), []);
  // httpGet.host: the kubelet connects there; a named port is unknown-port-name's.
  assert.deepEqual(unserved(pod('{name: web, image: "nginx:1.27", livenessProbe: {httpGet: {host: example.com, path: /, port: 8080}}}')), []);
  assert.deepEqual(unserved(pod('{name: web, image: "nginx:1.27", livenessProbe: {httpGet: {path: /, port: http}}}')), []);
});

test('under hostNetwork the probe goes to the node, where any process may answer', () => {
  const text = pod('{name: web, image: "nginx:1.27", livenessProbe: {tcpSocket: {port: 8080}}}').replace('spec:\n', 'spec:\n  hostNetwork: true\n');
  assert.deepEqual(unserved(text), []);
});

test('a listen directive holding a placeholder (sed-style __PORT__, a documentation <YOUR-PORT>) is unknown, not port 80 of a host', () => {
  const text = (listen: string): string =>
    `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-conf}\ndata:\n  default.conf: |\n    server {\n      listen ${listen};\n    }\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: nginx\n      image: nginx:1.27\n      readinessProbe: {httpGet: {path: /, port: 8080}}\n      volumeMounts: [{name: conf, mountPath: /etc/nginx/conf.d/default.conf, subPath: default.conf}]\n  volumes:\n    - {name: conf, configMap: {name: web-conf}}\n`;
  assert.deepEqual(unserved(text('__NGINX_PORT__')), []);
  assert.deepEqual(unserved(text('<YOUR-PORT>')), []);
  assert.equal(unserved(text('9090')).length, 1, 'a number is read as written');
});
