// A pod whose lists are mappings is never decoded by the API server: only that is reported, not
// what the rules would conclude from lists they cannot read (sweep CR).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze';

const file = (ports: string, containers = ''): string => `apiVersion: v1
kind: Service
metadata: {name: metrics-server}
spec:
  selector: {app: ms}
  ports: [{name: https, port: 443, targetPort: https}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: metrics-server}
spec:
  selector: {matchLabels: {app: ms}}
  template:
    metadata: {labels: {app: ms}}
    spec:
      containers:${containers || `
      - name: metrics-server
        image: registry.k8s.io/metrics-server/metrics-server:v0.6.4
        ports:
${ports}
        livenessProbe: {httpGet: {port: https, path: /livez}}`}
`;

const rules = (text: string): string[] => analyzeText(text).findings.map((f) => `${f.rule}|${f.severity}`).sort();

test('a container whose ports are a mapping: the decode error only, no port it "does not declare"', () => {
  assert.deepEqual(rules(file('          containerPort: 4443\n          name: https')), ['invalid-value|error']);
  // Written as a list, the same port is declared and nothing is wrong.
  assert.deepEqual(rules(file('        - containerPort: 4443\n          name: https')), []);
  // A list without the name: the Service and the probe findings are true.
  assert.deepEqual(rules(file('        - containerPort: 4443')), ['service-target-port|warning', 'unknown-port-name|error']);
});

test('containers written as a mapping: the decode error only', () => {
  const text = file('', '\n        name: metrics-server\n        image: registry.k8s.io/metrics-server/metrics-server:v0.6.4');
  assert.deepEqual(rules(text), ['invalid-value|error']);
});

test('a comment that mentions $patch is no strategic-merge patch: the pod is whole (probe CX)', () => {
  const text = "# kustomize: add `$patch: delete` to remove it\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: x:1, volumeMounts: [{name: dta, mountPath: /d}]}]\n";
  assert.deepEqual(rules(text), ['undefined-volume|error']);
  assert.deepEqual(rules(text.replace('# kustomize', '$patch: replace\n# kustomize')), []);
});
