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
  assert.match(m['duplicate-container-name'] ?? '', /Inside a Rollout, kubectl apply checks only the CRD's schema: the API server rejects the pod spec when the Rollout's controller creates its pods \(directly, or through a workload it makes\)/);
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

const knative = `apiVersion: serving.knative.dev/v1
kind: Service
metadata: {name: web}
spec:
  template:
    spec:
      containers:
        - name: a
          image: example/app:1
          ports: [{containerPort: 8080, protocol: tcp}]
          volumeMounts: [{name: missing, mountPath: /x}, {name: cfg, mountPath: /y}]
          imagePullPolicy: always
        - name: a
          image: example/side:1
      volumes:
        - name: cfg
          configMap: {name: cfg}
        - name: extra
          emptyDir: {}
`;

test("Knative's webhook refuses at apply what it checks itself; the rest fails when Knative makes the Deployment (probe CL)", () => {
  const all = analyzeText(knative).findings;
  const of = (rule: string): string => all.find((f) => f.rule === rule)?.message ?? '';
  for (const rule of ['duplicate-container-name', 'undefined-volume', 'invalid-port']) {
    assert.match(of(rule), /Inside a Knative Service, Knative's validating webhook refuses this at kubectl apply, in words of its own; the API server's version of the check reads: "spec\.template\.spec\.containers/, rule);
    assert.doesNotMatch(of(rule), /checks only the CRD's schema/, rule);
  }
  // The webhook leaves imagePullPolicy's value to the API server: it fails at the Deployment.
  assert.match(of('invalid-value'), /Knative's webhook checks the pod spec at kubectl apply with rules of its own \(it refuses many fields outright\); what it lets through, the API server rejects when Knative creates the revision's Deployment/);
  // A volume no container mounts is refused by the webhook (an information note elsewhere).
  const unused = all.find((f) => f.rule === 'unused-volume');
  assert.equal(unused?.severity, 'error');
  assert.match(unused?.message ?? '', /volume with name "extra" not mounted: spec\.template\.spec\.volumes\[1\]\.name/);
  assert.match(analyzeText(knative, { locale: 'zh-cn' }).findings.find((f) => f.rule === 'duplicate-container-name')?.message ?? '', /Knative 的校验 webhook 会在 kubectl apply 时拒绝它/);
});

test("a Tekton Task's pod is made by a TaskRun; the server's path is the created pod's, not the resource's (probe CL)", () => {
  const task = `apiVersion: tekton.dev/v1
kind: Task
metadata: {name: build}
spec:
  steps:
    - name: build
      image: example/build:1
  sidecars:
    - name: db
      image: example/db:1
      ports: [{name: pg}]
`;
  const message = analyzeText(task).findings.find((f) => f.rule === 'invalid-port')?.message ?? '';
  assert.match(message, /the API server rejects the pod when a TaskRun of the Task creates it, and the failure shows in the TaskRun's status: "…ports\[0\]\.containerPort: Required value"/);
  assert.doesNotMatch(message, /spec\.sidecars/);
});

test('a ScaledJob keeps the container index of its quoted path, without the resource part before it', () => {
  const scaled = pod('keda.sh/v1alpha1', 'ScaledJob').replace('spec:\n  selector: {matchLabels: {app: web}}\n  template:', 'spec:\n  jobTargetRef:\n   template:').replace(/^ {4}/gm, '     ');
  const message = analyzeText(scaled).findings.find((f) => f.rule === 'duplicate-container-name')?.message ?? '';
  assert.match(message, /Inside a ScaledJob, .*: "…containers\[1\]\.name: Duplicate value: "app""/);
});
