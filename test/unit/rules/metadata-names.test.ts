/**
 * invalid-name on what every object and pod carries: label keys and values (on the object and its
 * pod template), the namespace, ConfigMap and Secret data keys, env names. Chinese or spaced text
 * there is rejected by the API server; templated keys and values are not judged.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings, yaml } from '../../helpers/check';

const messages = (text: string): string[] => findings(text, 'invalid-name').map((f) => f.message);

test('label keys and values, namespaces, data keys and env names the API server rejects', () => {
  const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: 测试
  labels:
    应用: web
    app: hello world
    app.kubernetes.io/name: web
    example.com/tier: front
data:
  数据库地址: db
  conf.d/default.conf: x
  app.properties: ok
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web, version: 1.0-beta 2}
    spec:
      containers:
      - name: web
        image: nginx:1.25
        env:
        - {name: 端口, value: "80"}
        - {name: JAVA_OPTS, value: "-Xmx1g"}
        - {name: my.var-name, value: "ok since 1.34"}
`;
  const found = messages(text);
  assert.deepEqual(
    found.map((m) => m.slice(0, m.indexOf('. kubectl'))),
    [
      '"测试" is not a valid namespace name',
      '"应用" is not a valid label key',
      '"hello world" is not a valid label value',
      '"数据库地址" is not a valid data key (letters, digits, "-", "_" and "." only)',
      '"conf.d/default.conf" is not a valid data key (letters, digits, "-", "_" and "." only)',
      '"1.0-beta 2" is not a valid label value',
      '"端口" is not a valid environment variable name',
    ],
  );
  assert.match(found[2]!, /"metadata\.labels: Invalid value: "hello world": a valid label must be an empty string or consist of alphanumeric characters/);
  assert.match(found[3]!, /"data\[数据库地址\]: Invalid value: "数据库地址": a valid config key must consist of alphanumeric characters/);
  assert.match(found[5]!, /"spec\.template\.labels: Invalid value/);
  assert.match(found[6]!, /"spec\.template\.spec\.containers\[0\]\.env\[0\]\.name: Invalid value: "端口"/);
});

test('templated or substituted keys and values are not judged; valid ones pass', () => {
  const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: \${NAMESPACE}
  labels:
    app: "{{ .Values.name }} app"
    \${LABEL_KEY}: web
    empty: ""
    long-but-fine: a-b_c.d
data:
  "{{ .Values.key }}": x
`;
  assert.deepEqual(messages(text), []);
});

test('invalid-name: an Ingress\'s ingressClassName must be a lowercase RFC 1123 subdomain (sweep X: `NGINX`)', () => {
  const ingress = (cls: string): string => yaml`
    apiVersion: networking.k8s.io/v1
    kind: Ingress
    metadata: {name: ha}
    spec:
      ingressClassName: ${cls}
      defaultBackend: {service: {name: ha, port: {number: 8123}}}
  `;
  const found = findings(ingress('NGINX'), 'invalid-name');
  assert.deepEqual(found.map((f) => f.text), ['NGINX']);
  assert.match(found[0]?.message ?? '', /"NGINX" is not a valid IngressClass name\. kubectl apply rejects this: "spec\.ingressClassName: Invalid value: "NGINX": a lowercase RFC 1123 subdomain must consist of/);
  assert.deepEqual(findings(ingress('nginx-internal'), 'invalid-name'), []);
  assert.deepEqual(findings(ingress('"{{ .Values.ingress.className }}"'), 'invalid-name'), []);
});

test('invalid-name: selectors are labels too: a workload\'s matchLabels and a Service\'s selector (sweep EA)', () => {
  const deployment = (value: string): string => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector:\n    matchLabels: {app: d, to_del: "${value}"}\n  template:\n    metadata: {labels: {app: d}}\n    spec: {containers: [{name: a, image: nginx:1.27}]}\n`;
  const [m] = messages(deployment('to be removed by 6902'));
  assert.match(m ?? '', /spec\.selector\.matchLabels/);
  assert.deepEqual(messages(deployment('keep')).filter((x) => /matchLabels/.test(x)), []);
  const service = 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  selector: {app: "my app"}\n  ports: [{port: 80}]\n';
  assert.match(messages(service)[0] ?? '', /spec\.selector/);
  // A kustomize resource's selector may be patched away: the rendered overlay is checked instead.
  assert.deepEqual(findings(deployment('to be removed by 6902'), 'invalid-name', { kustomizeResource: true }).filter((f) => /matchLabels/.test(f.message)), []);
});
