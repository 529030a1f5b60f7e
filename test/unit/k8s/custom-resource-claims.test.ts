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
  assert.match(m['duplicate-container-name'] ?? '', /Inside a Rollout, kubectl apply checks only the CRD's schema: the API server rejects the pod spec when the Rollout's controller creates what runs it/);
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

const template = `apiVersion: template.openshift.io/v1
kind: Template
metadata: {name: web}
objects:
  - apiVersion: batch/v1beta1
    kind: CronJob
    metadata: {name: nightly}
    spec: {schedule: "0 3 * * *", jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: job, image: example/job:1}]}}}}}
${pod('apps/v1', 'Deployment').replace(/^/gm, '    ').replace(/^ {4}apiVersion/, '  - apiVersion')}`;

test("a Template's objects are judged when the processed Template is applied, with paths from the object (probe BQ)", () => {
  const m = messages(template);
  // The locator in Podsight's own words keeps the path in the file; the server's quote does not.
  assert.match(m['duplicate-container-name'] ?? '', /already used by objects\[1\]\.spec\.template\.spec\.containers\[0\]/);
  assert.match(m['duplicate-container-name'] ?? '', /oc process … \| oc apply rejects this: "spec\.template\.spec\.containers\[1\]\.name: Duplicate value: "app""/);
  assert.doesNotMatch(m['duplicate-container-name'] ?? '', /kubectl apply/);
  assert.match(m['removed-api-version'] ?? '', /oc process … \| oc apply fails with "no matches for kind "CronJob" in version "batch\/v1beta1""/);
  assert.match(messages(template, 'zh-cn')['duplicate-container-name'] ?? '', /（处理 Template 后）oc process … \| oc apply 会拒绝："spec\.template\.spec\.containers\[1\]\.name/);
});

test("kubectl applies a List's items one by one: the server's paths start at the item", () => {
  // An alias between items keeps the List whole, so the item is found by its `items[1].` prefix.
  const list = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: ConfigMap
    metadata: {name: shared, labels: &labels {app: web}}
${pod('apps/v1', 'Deployment').replace(/^/gm, '    ').replace(/^ {4}apiVersion/, '  - apiVersion').replace('metadata: {name: web}', 'metadata: {name: web, labels: *labels}')}`;
  const m = messages(list);
  assert.match(m['duplicate-container-name'] ?? '', /already used by items\[1\]\.spec\.template\.spec\.containers\[0\]/);
  assert.match(m['duplicate-container-name'] ?? '', /kubectl apply rejects this: "spec\.template\.spec\.containers\[1\]\.name: Duplicate value: "app""/);
});

test("a StatefulSet's pod spec is checked only in the pods its controller creates, not on apply (sweep BR)", () => {
  const sts = pod('apps/v1', 'StatefulSet').replace('metadata: {labels: {app: web}}', 'metadata: {labels: {app: web, team: "Platform Team"}}');
  const all = analyzeText(sts).findings;
  const m = Object.fromEntries(all.map((f) => [f.rule, f.message]));
  assert.match(m['duplicate-container-name'] ?? '', /kubectl apply accepts this, since the API server does not check a StatefulSet's pod template; it rejects each pod the StatefulSet's controller creates.*FailedCreate: "spec\.containers\[1\]\.name: Duplicate value: "app""/);
  // The template's labels are validated on apply, and the apply-time warnings stay.
  assert.match(all.find((f) => f.rule === 'invalid-name')?.message ?? '', /kubectl apply rejects this: "spec\.template\.labels/);
  assert.match(m['port-conflict'] ?? '', /kubectl apply only warns: "spec\.template\.spec\.containers/);
  assert.match(messages(sts, 'zh-cn')['duplicate-container-name'] ?? '', /API 服务器不检查 StatefulSet 的 Pod 模板.*"spec\.containers\[1\]\.name/);
});

test("a StatefulSet's restartPolicy is validated on apply, with the StatefulSet", () => {
  const sts = pod('apps/v1', 'StatefulSet').replace('      containers:', '      restartPolicy: Never\n      containers:');
  const restart = analyzeText(sts).findings.find((f) => f.rule === 'invalid-value' && f.message.includes('restartPolicy'));
  assert.match(restart?.message ?? '', /kubectl apply rejects this: "spec\.template\.spec\.restartPolicy: Unsupported value/);
});
