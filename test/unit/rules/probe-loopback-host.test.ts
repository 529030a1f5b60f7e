/** port-not-served: a probe sent to a loopback host reaches the node, not the pod (sweep BI's miss). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings } from '../../helpers/check';
import { applyFix, fixesOf } from '../../helpers/fix';

const pod = (probe: string, spec = '', args = ''): string =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n${spec}  containers:\n  - name: driver\n    image: example.com/driver:v1\n${args}    ports:\n    - {containerPort: 10300, name: healthz}\n    livenessProbe:\n${probe}`;
const httpGet = (host: string): string => `      httpGet:\n        host: ${host}\n        path: /healthz\n        port: 10300\n`;

test('port-not-served: a probe host of 127.0.0.1, localhost or ::1 is the node\'s loopback', () => {
  for (const host of ['127.0.0.1', 'localhost', '"::1"', 'LOCALHOST']) {
    const [finding, ...rest] = findings(pod(httpGet(host)), 'port-not-served');
    assert.equal(rest.length, 0, host);
    assert.equal(finding?.severity, 'warning');
    assert.equal(finding?.range.start.line, 11, 'on the host value');
    assert.match(finding?.message ?? '', /livenessProbe\.httpGet\.host of container "driver" is .*the node's own loopback, not this pod/);
  }
  assert.equal(findings(pod('      tcpSocket:\n        host: 127.0.0.1\n        port: 10300\n'), 'port-not-served').length, 1);
  assert.equal(findings(pod(httpGet('0.0.0.0')), 'port-not-served').length, 1, '0.0.0.0 is the node too');
});

test('port-not-served: a loopback probe host is right under hostNetwork; other hosts and patches are left alone', () => {
  assert.deepEqual(findings(pod(httpGet('127.0.0.1'), '  hostNetwork: true\n'), 'port-not-served'), []);
  assert.deepEqual(findings(pod(httpGet('10.0.0.5')), 'port-not-served'), []);
  assert.deepEqual(findings(pod(httpGet('"{{ .Values.host }}"')), 'port-not-served'), []);
  assert.deepEqual(findings(pod(httpGet('127.0.0.1')), 'port-not-served', { fragment: 'kustomize-patch' }), []);
  // Probe BQ: a hostPort of the probed port (portmap sends the node's loopback on to the pod); Knative's queue-proxy probes inside the pod.
  assert.deepEqual(findings(pod(httpGet('127.0.0.1')).replace('{containerPort: 10300, name: healthz}', '{containerPort: 10300, hostPort: 10300, name: healthz}'), 'port-not-served'), []);
  const knative = 'apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata: {name: k}\nspec:\n  template:\n    spec:\n      containers:\n      - image: example.com/app:1\n        readinessProbe:\n          httpGet: {host: 127.0.0.1, path: /ready, port: 8080}\n';
  assert.deepEqual(findings(knative, 'port-not-served'), []);
  // Helm: hostNetwork from a value, or host written only under `if .Values.hostNetwork` (kube-state-metrics' chart).
  assert.deepEqual(findings(pod(httpGet('127.0.0.1'), '  hostNetwork: {{ .Values.hostNetwork }}\n'), 'port-not-served'), []);
  assert.deepEqual(findings(pod(httpGet('127.0.0.1'), '  hostNetwork: ${HOST_NETWORK}\n'), 'port-not-served'), []);
  const conditional = '      httpGet:\n        {{- if .Values.hostNetwork }}\n        host: 127.0.0.1\n        {{- end }}\n        path: /healthz\n        port: 10300\n';
  assert.deepEqual(findings(pod(conditional), 'port-not-served'), []);
});

test('port-not-served: the fix removes host (the kubelet then probes the pod IP); not offered when the port listens on loopback only', () => {
  const { fix } = applyFix(pod(httpGet('127.0.0.1')), 'port-not-served', /Remove host: 127\.0\.0\.1/, pod('      httpGet:\n        path: /healthz\n        port: 10300\n'));
  assert.equal(fix.preferred, true);
  // redis bound to 127.0.0.1: the pod IP refuses the probe too, so removing host alone does not make it pass.
  const redis = pod('      tcpSocket:\n        host: localhost\n        port: 6379\n').replace('example.com/driver:v1', 'redis:7.2').replace('    ports:\n    - {containerPort: 10300, name: healthz}\n', '    args: ["--bind", "127.0.0.1"]\n');
  assert.deepEqual(fixesOf(redis, 'port-not-served', 0, {}).fixes.filter((f) => /Remove host/.test(f.title)), [], 'removing host would still fail');
});
