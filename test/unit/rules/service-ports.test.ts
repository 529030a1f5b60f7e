/**
 * invalid-port on a Service's ports, as the API server validates them: several ports need names,
 * names are DNS-1123 labels and unique, no port and protocol twice. Templated Services and
 * kustomize patches (whose ports merge into the base's) are not judged.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings, yaml } from '../../helpers/check';

const service = (ports: string): string => `apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports:\n${ports}`;
const messages = (text: string): string[] => findings(text, 'invalid-port').map((f) => f.message);

test('a Service with several ports: each needs a name, unique, a DNS-1123 label; no port and protocol twice', () => {
  assert.deepEqual(messages(service('  - {port: 80}\n')), [], 'one port needs no name');
  const unnamed = messages(service('  - {port: 80}\n  - {port: 443}\n'));
  assert.equal(unnamed.length, 2);
  assert.match(unnamed[0]!, /This Service has 2 ports, so each needs a name.*"spec.ports\[0\].name: Required value"/);
  assert.match(messages(service('  - {name: http, port: 80}\n  - {name: http, port: 443}\n'))[0] ?? '', /Port name "http" is used twice in this Service.*Duplicate value: "http"/);
  assert.match(messages(service('  - {name: Web_UI, port: 80}\n'))[0] ?? '', /not a DNS-1123 label/);
  assert.match(messages(service('  - {name: a, port: 80}\n  - {name: b, port: 80, targetPort: 8080}\n'))[0] ?? '', /Port 80\/TCP is listed twice/);
  // DNS over TCP and UDP on one number is fine; so is a long name (Service names are labels, not IANA names).
  assert.deepEqual(messages(service('  - {name: dns, port: 53, protocol: UDP}\n  - {name: dns-tcp, port: 53, protocol: TCP}\n  - {name: a-rather-long-port-name, port: 8080}\n')), []);
  assert.match(messages(service('  - {port: 70000}\n'))[0] ?? '', /port 70000 is outside 1–65535/);
});

test('templated Services and patches are not judged', () => {
  const templated = service('  {{- if .Values.tls }}\n  - {name: http, port: 443}\n  {{- else }}\n  - {name: http, port: 80}\n  {{- end }}\n');
  assert.deepEqual(messages(templated), []);
  assert.deepEqual(findings(service('  - {port: 80}\n  - {port: 443}\n'), 'invalid-port', { fragment: 'kustomize-patch' }), []);
});

test('invalid-port: a nodePort on a ClusterIP Service (the default type) is forbidden; one nodePort twice is a duplicate', () => {
  // sweep X probes: a Service that lost its `type: NodePort` line keeps its nodePort.
  const service = (type: string, ports: string): string => yaml`
    apiVersion: v1
    kind: Service
    metadata: {name: web}
    spec:
      ${type}
      selector: {app: web}
      ports: ${ports}
  `;
  const one = '[{port: 80, nodePort: 30080}]';
  for (const type of ['', 'type: ClusterIP', 'type: ""']) {
    const found = findings(service(type, one), 'invalid-port');
    assert.deepEqual(found.map((f) => f.text), ['30080'], type);
    assert.match(found[0]?.message ?? '', /"spec\.ports\[0\]\.nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"/);
  }
  assert.deepEqual(findings(service('type: NodePort', one), 'invalid-port'), []);
  const twice = findings(service('type: NodePort', '[{name: a, port: 80, nodePort: 30080}, {name: b, port: 81, nodePort: 30080}, {name: c, port: 82, nodePort: 30080, protocol: UDP}]'), 'invalid-port');
  assert.deepEqual(twice.map((f) => f.range.start.character > 0 && f.message.match(/Duplicate value: 30080/) !== null), [true]);
});

test('invalid-port: a nodePort outside the default node port range is a warning; outside 1–65535 an error', () => {
  // sweep EE: `nodePort: 8889` in a RabbitMQ Service ("provided port is not in the valid range").
  const service = (ports: string): string => `apiVersion: v1\nkind: Service\nmetadata: {name: mq}\nspec:\n  type: NodePort\n  selector: {app: mq}\n  ports: ${ports}\n`;
  const low = findings(service('[{port: 15672, nodePort: 8889}]'), 'invalid-port');
  assert.deepEqual(low.map((f) => [f.text, f.severity]), [['8889', 'warning']]);
  assert.match(low[0]?.message ?? '', /nodePort 8889 is outside the node port range, 30000–32767 unless the cluster was started with another --service-node-port-range.*"spec\.ports\[0\]\.nodePort: Invalid value: 8889: provided port is not in the valid range\. The range of valid ports is 30000-32767"/);
  assert.deepEqual(findings(service('[{port: 80, nodePort: 32768}]'), 'invalid-port').map((f) => f.text), ['32768']);
  const huge = findings(service('[{port: 80, nodePort: 70000}]'), 'invalid-port');
  assert.deepEqual(huge.map((f) => [f.text, f.severity]), [['70000', 'error']]);
  assert.match(huge[0]?.message ?? '', /nodePort 70000 is outside 1–65535/);
  // The range's ends, no nodePort, and 0 (the cluster picks one) are fine.
  for (const ports of ['[{port: 80, nodePort: 30000}]', '[{port: 80, nodePort: 32767}]', '[{port: 80}]', '[{port: 80, nodePort: 0}]']) {
    assert.deepEqual(findings(service(ports), 'invalid-port'), [], ports);
  }
});
