// Custom resources whose own validation sees pod mistakes before the API server does. Argo
// Workflows (sweep CY): two mounts at one path in a container template or in
// containerSet.volumeMounts, an unnamed containerSet container, a mount of no volume; messages say
// so instead of quoting the API server, which never sees such a pod (a script template's mounts
// keep the quote). Volcano (sweep DK): its webhook validates each task's pod template at apply.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze';

const messages = (text: string, rule: string, locale: 'en' | 'zh-cn' = 'en'): string[] =>
  analyzeText(text, { locale }).findings.filter((f) => f.rule === rule).map((f) => f.message);

const template = (kind: string, body: string): string =>
  `apiVersion: argoproj.io/v1alpha1\nkind: ${kind}\nmetadata: {name: wf}\nspec:\n  entrypoint: first\n  volumes:\n    - {name: a, emptyDir: {}}\n    - {name: b, emptyDir: {}}\n  templates:\n    - name: other\n      script:\n        image: python:3.12\n        source: print(1)\n${body}`;

const twoMounts = (slot: string): string =>
  `    - name: first\n      ${slot}:\n        image: busybox:1.36\n        volumeMounts:\n          - {name: a, mountPath: /data}\n          - {name: b, mountPath: /data}\n`;

test("two mounts at one path in a container template: Argo's validation refuses the workflow, in every template kind", () => {
  for (const kind of ['Workflow', 'WorkflowTemplate']) {
    const [message] = messages(template(kind, twoMounts('container')), 'duplicate-mount-path');
    assert.match(message ?? '', new RegExp(`Inside an Argo ${kind}, Argo's own validation refuses this before any pod exists`));
    assert.doesNotMatch(message ?? '', /must be unique|templates\[1\]/);
  }
});

test("a script template's mounts reach the API server, which refuses the pod", () => {
  const [message] = messages(template('Workflow', twoMounts('script')), 'duplicate-mount-path');
  assert.match(message ?? '', /the API server rejects the pod spec .*must be unique/);
});

test('containerSet: shared mounts at one path and an unnamed container are refused by Argo', () => {
  const body = `    - name: first\n      containerSet:\n        volumeMounts:\n          - {name: a, mountPath: /work}\n          - {name: b, mountPath: /work}\n        containers:\n          - name: ''\n            image: busybox:1.36\n`;
  assert.match(messages(template('Workflow', body), 'duplicate-mount-path')[0] ?? '', /Argo's own validation refuses this/);
  assert.match(messages(template('Workflow', body), 'invalid-name')[0] ?? '', /Argo's own validation refuses this/);
});

test('a mount of no volume fails the step in the controller, named as Argo names it', () => {
  const body = `    - name: first\n      container:\n        image: busybox:1.36\n        volumeMounts: [{name: data, mountPath: /data}]\n`;
  const [message] = messages(template('Workflow', body), 'undefined-volume');
  assert.match(message ?? '', /fails the step with "volume 'data' not found in workflow spec" and creates no pod/);
  assert.doesNotMatch(message ?? '', /Not found: "data"/);
  assert.match(messages(template('Workflow', body), 'undefined-volume', 'zh-cn')[0] ?? '', /volume 'data' not found in workflow spec/);
});

test('a Rollout is not a workflow: its pods are still refused by the API server', () => {
  const rollout = 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n        - name: app\n          image: busybox:1.36\n          volumeMounts: [{name: data, mountPath: /data}]\n';
  assert.match(messages(rollout, 'undefined-volume')[0] ?? '', /the API server rejects the pod spec .*Not found: "data"/);
});

test("a Volcano Job: Volcano's webhook refuses a bad pod template at apply, and the kind is told as Volcano's (sweep DK)", () => {
  const job = 'apiVersion: batch.volcano.sh/v1alpha1\nkind: Job\nmetadata: {name: train}\nspec:\n  minAvailable: 1\n  tasks:\n    - name: worker\n      replicas: 1\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n            - name: w\n              image: busybox:1.36\n              volumeMounts: [{name: data, mountPath: /data}]\n';
  const [message] = messages(job, 'undefined-volume');
  assert.match(message ?? '', /Inside a Volcano Job, Volcano's validating webhook checks each task's pod template as the API server does and refuses this at kubectl apply: "…containers\[0\]\.volumeMounts\[0\]\.name: Not found: "data""/);
});
