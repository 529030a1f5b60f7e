/**
 * invalid-value on a missing image: every container of a built-in workload needs one
 * ("spec.containers[0].image: Required value"); custom resources, patches, templates and apps/v1
 * documents without a selector (patches whose kustomization is not in sight) are left alone.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, findings, yaml } from '../../helpers/check';
import { fixesOf } from '../../helpers/fix';

const imageFindings = (text: string): { message: string; line: number; character: number }[] =>
  findings(text, 'invalid-value')
    .filter((f) => f.data?.field === 'image')
    .map((f) => ({ message: f.message, line: f.range.start.line, character: f.range.start.character }));

const pod = (container: string): string => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n${container}`;

test('a Pod container without image, with image: "" or with an empty image key is rejected', () => {
  const [missing] = imageFindings(pod('    - name: busybox\n      command: [sleep, "3600"]\n'));
  assert.match(missing?.message ?? '', /^Container "busybox" has no image.*"spec\.containers\[0\]\.image: Required value"/);
  assert.deepEqual([missing?.line, missing?.character], [5, 12], 'on the container name');
  const [empty] = imageFindings(pod('    - name: a\n      image: ""\n'));
  assert.deepEqual([empty?.line, empty?.character], [6, 13], 'on the empty value');
  const [nullValue] = imageFindings(pod('    - name: a\n      image:\n'));
  assert.deepEqual([nullValue?.line, nullValue?.character], [6, 6], 'on the key');
  // Init containers and the pod template paths of workloads.
  const job = `apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      initContainers:\n        - name: init\n      containers:\n        - name: main\n          image: busybox\n`;
  assert.deepEqual(imageFindings(job).map((f) => f.message.match(/"(spec[^"]*)"/)?.[1]), ['spec.template.spec.initContainers[0].image: Required value']);
  const deployment = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec:\n      containers:\n        - name: web\n`;
  assert.equal(imageFindings(deployment).length, 1);
});

test('images that are set, placeholders, custom resources, patches and templates are left alone', () => {
  assert.deepEqual(imageFindings(pod('    - name: a\n      image: nginx\n')), []);
  assert.deepEqual(imageFindings(pod('    - name: a\n      image: ${IMAGE}\n')), []);
  // A Deployment without selector is a patch whose kustomization is elsewhere.
  assert.deepEqual(imageFindings(`apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          env: [{name: A, value: b}]\n`), []);
  // An operator fills in the image of a custom resource's containers.
  assert.deepEqual(imageFindings(`apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata: {name: p}\nspec:\n  containers:\n    - name: prometheus\n      args: [--log.level=debug]\n`), []);
  assert.deepEqual(imageFindings(`apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: r}\nspec:\n  selector: {matchLabels: {a: b}}\n  template:\n    spec:\n      containers:\n        - name: web\n`), []);
  // A strategic-merge patch document and a Helm template.
  assert.deepEqual(imageFindings(pod('    - name: a\n      $patch: delete\n')), []);
  assert.deepEqual(imageFindings(`{{- if .Values.enabled }}\n${pod('    - name: a\n      command: [x]\n')}{{- end }}\n`), []);
});

test('a finding on a container without image is an error with no quick fix that would guess one', () => {
  const text = pod('    - name: a\n');
  assert.equal(check(text).find((x) => x.rule === 'invalid-value')?.severity, 'error');
  assert.deepEqual(fixesOf(text, 'invalid-value').fixes.filter((f) => !/^Disable/.test(f.title)), []);
});

test('a token a pipeline replaces, which YAML reads as a comment (`image: #{registry}#/app`), is no missing image', () => {
  assert.deepEqual(imageFindings(pod('    - name: a\n      image: #{acr}#/app:#{tag}#\n')), []);
  assert.equal(imageFindings(pod('    - name: a\n      image: # TODO\n')).length, 1, 'a plain comment is no token');
});

test('framework pod templates (Spark, Flink) leave the image to the framework', () => {
  const template = (name: string, meta = ''): string => `apiVersion: v1\nkind: Pod\n${meta}spec:\n  containers:\n    - name: ${name}\n      resources: {limits: {memory: 2Gi}}\n`;
  assert.deepEqual(imageFindings(template('spark-kubernetes-executor')), []);
  assert.deepEqual(imageFindings(template('flink-main-container', 'metadata: {name: jm}\n')), []);
  assert.deepEqual(imageFindings(template('worker')), [], 'a Pod without a name is a template');
  assert.equal(imageFindings(template('worker', 'metadata: {generateName: w-}\n')).length, 1);
});

test('a container without a name is rejected (Required value), on its first key; unknown or empty names are left to others', () => {
  // sweep AE: kubernetes-in-action's fortune-pod-args-configmap.yaml.
  const pod = (first: string): string => yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: fortune}
    spec:
      containers:
      - ${first}
        args: ["2"]
      - name: web
        image: nginx:1.27
  `;
  const found = findings(pod('image: luksa/fortune:args'), 'invalid-value');
  assert.deepEqual(found.map((f) => f.text), ['image']);
  assert.match(found[0]?.message ?? '', /"spec\.containers\[0\]\.name: Required value"/);
  assert.deepEqual(findings(pod('name: fortune\n    image: luksa/fortune:args'), 'invalid-value'), []);
  assert.deepEqual(findings(pod('name: ${NAME}\n    image: luksa/fortune:args'), 'invalid-value'), []);
  // A name a Helm template writes (elastic/helm-charts' test pod) is a name.
  assert.deepEqual(findings(pod('name: "{{ .Release.Name }}-test"\n    image: luksa/fortune:args'), 'invalid-value'), []);
});
