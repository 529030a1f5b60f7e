// Pod findings inside a custom resource say what kubectl apply really does there: the CRD's schema
// is all it checks; the pod is validated when the resource's controller creates it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze';

const pod = (apiVersion: string, kind: string): string => `apiVersion: ${apiVersion}
kind: ${kind}
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: app
          image: example/app:1
          ports: [{containerPort: 8080}]
        - name: app
          image: example/side:1
          ports: [{containerPort: 8080}]
`;

function messages(text: string, locale: 'en' | 'zh-cn' = 'en'): Record<string, string> {
  return Object.fromEntries(analyzeText(text, { locale }).findings.map((f) => [f.rule, f.message]));
}

test('inside a Rollout, the pod-validation claims name the controller, not kubectl apply', () => {
  const m = messages(pod('argoproj.io/v1alpha1', 'Rollout'));
  assert.match(m['duplicate-container-name'] ?? '', /Inside a Rollout, kubectl apply checks only the CRD's schema: the API server rejects the pods that the Rollout's controller creates/);
  assert.doesNotMatch(m['duplicate-container-name'] ?? '', /kubectl apply rejects this/);
  assert.match(m['port-conflict'] ?? '', /kubectl apply says nothing for a Rollout/);
  assert.doesNotMatch(m['port-conflict'] ?? '', /kubectl apply only warns/);
});

test('the same pod in a Deployment keeps the apply-time claims', () => {
  const m = messages(pod('apps/v1', 'Deployment'));
  assert.match(m['duplicate-container-name'] ?? '', /kubectl apply rejects this: "/);
  assert.match(m['port-conflict'] ?? '', /kubectl apply only warns: "/);
});

test('in Chinese too', () => {
  const m = messages(pod('argoproj.io/v1alpha1', 'Rollout'), 'zh-cn');
  assert.match(m['duplicate-container-name'] ?? '', /在 Rollout 中，kubectl apply 只按 CRD 的 schema 检查/);
  assert.doesNotMatch(m['duplicate-container-name'] ?? '', /kubectl apply 会拒绝：/);
});

test("a custom resource's own metadata is validated on apply like any object's: its claims stand (sweep AU)", () => {
  const text = pod('argoproj.io/v1alpha1', 'Rollout').replace('metadata: {name: web}', 'metadata: {name: web, labels: {team: "Platform Team"}}');
  const labels = analyzeText(text).findings.filter((f) => f.rule === 'invalid-name').map((f) => f.message);
  assert.equal(labels.length, 1);
  assert.match(labels[0] ?? '', /kubectl apply rejects this: "metadata\.labels: Invalid value: "Platform Team"/);
});
