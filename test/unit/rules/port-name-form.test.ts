/**
 * invalid-port where a port is referred to by name: a probe's or lifecycle handler's `port` and a
 * Service's `targetPort`. A string there is a name whatever it holds, so a quoted number is
 * rejected ("must contain at least one letter (a-z)"); it is reported once, by invalid-port, not
 * also as an unknown name or an unmatched target.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, findings, yaml } from '../../helpers/check';

const pod = (port: string): string => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web}
  spec:
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: {app: web}}
      spec:
        containers:
        - name: web
          image: example/web:1
          ports: [{name: http, containerPort: 8080}]
          readinessProbe:
            httpGet: {path: /, port: ${port}}
          lifecycle:
            preStop: {tcpSocket: {port: ${port}}}
`;

const service = (target: string): string => `apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports:\n  - port: 80\n    targetPort: ${target}\n`;

test('a quoted number in a probe or handler port is a name, and the API server rejects it', () => {
  const found = check(pod('"8080"'));
  assert.deepEqual(
    found.map((f) => [f.rule, f.severity]),
    [
      ['invalid-port', 'error'],
      ['invalid-port', 'error'],
    ],
  );
  assert.match(found[0]!.message, /In quotes, "8080" is a port name, not the number 8080.*"spec\.template\.spec\.containers\[0\]\.readinessProbe\.httpGet\.port: Invalid value: "8080": must contain at least one letter \(a-z\)"/);
  assert.match(found[1]!.message, /lifecycle\.preStop\.tcpSocket\.port: Invalid value/);
  // A badly formed name is reported as such (once: not also as a name the container lacks).
  const bad = check(pod('http_port'));
  assert.deepEqual(bad.map((f) => f.rule), ['invalid-port', 'invalid-port']);
  assert.match(bad[0]!.message, /Port name "http_port" is not a valid IANA service name: must contain only alpha-numeric/);
  for (const fine of ['8080', 'http', "'{{ .Values.port }}'", '"${PORT}"']) assert.deepEqual(findings(pod(fine), 'invalid-port'), [], fine);
});

test("a quoted number in a Service's targetPort is rejected; templated and unquoted ones are not", () => {
  const both = (target: string): string => `${service(target)}---\n${pod('8080')}`;
  const found = check(both('"8080"'));
  assert.deepEqual(found.map((f) => f.rule), ['invalid-port'], 'one finding: service-target-port does not also judge it');
  assert.match(found[0]!.message, /"spec\.ports\[0\]\.targetPort: Invalid value: "8080": must contain at least one letter \(a-z\)"/);
  assert.equal(found[0]!.range.start.line, 7);
  assert.match(check(both('Http'))[0]?.message ?? '', /Port name "Http" is not a valid IANA service name/);
  for (const fine of ['8080', 'http', '"http"', '"{{ .Values.service.targetPort }}"', '${TARGET_PORT}']) assert.deepEqual(findings(both(fine), 'invalid-port'), [], fine);
});
