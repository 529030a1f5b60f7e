/**
 * #14: field documentation and key completion inside the pods of custom resources (a Rollout's
 * pod template, Tekton Task steps and sidecars), as in a Deployment; nothing from a wrong schema
 * outside the embedded pod parts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { complete } from '../../../server/src/completion';
import { analyzeText } from '../../../server/src/core/analyze';
import { hoverAt } from '../../../server/src/hover';
import { caret } from '../../helpers/caret';

const t = (key: string, args?: Readonly<Record<string, string | number>>): string => `${key}${args ? JSON.stringify(args) : ''}`;

const ROLLOUT = `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: web}
spec:
  strategy:
    canary: {steps: [{setWeight: 20}]}
  template:
    spec:
      containers:
        - name: app
          image: example/app:1
          ports: [{containerPort: 8080}]
          imagePullPolicy: IfNotPresent
      volumes:
        - name: data
          emptyDir: {}
`;

const TASK = `apiVersion: tekton.dev/v1
kind: Task
metadata: {name: build}
spec:
  params: [{name: revision}]
  steps:
    - name: compile
      image: golang:1.22
      workingDir: /src
      script: go build ./...
  sidecars:
    - name: docker
      image: docker:dind
`;

function hover(text: string, needle: string, nth = 0): string | undefined {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, needle);
  return hoverAt(analyzeText(text), at + 1, 'en')?.markdown;
}

function keys(marked: string): string[] {
  const { text, offset } = caret(marked);
  return (complete(analyzeText(text), offset, t)?.items ?? []).map((i) => i.label);
}

test('hover: a Rollout container field gets its Kubernetes documentation', () => {
  assert.match(hover(ROLLOUT, 'imagePullPolicy') ?? '', /\*\*`imagePullPolicy`\*\*.*Always/s);
  assert.match(hover(ROLLOUT, 'emptyDir') ?? '', /\*\*`emptyDir`\*\*/);
});

test('hover: a Rollout field outside the pod template (its own schema) gets no Kubernetes documentation', () => {
  assert.equal(hover(ROLLOUT, 'setWeight'), undefined);
});

test('hover: a Tekton step field and a sidecar field get the Container documentation', () => {
  assert.match(hover(TASK, 'workingDir') ?? '', /\*\*`workingDir`\*\*/);
  assert.match(hover(TASK, 'image', 1) ?? '', /image/i);
});

test('completion: keys of a Rollout container are the Container fields', () => {
  const got = keys(ROLLOUT.replace('          imagePullPolicy: IfNotPresent\n', '          imagePullPolicy: IfNotPresent\n          ¦\n'));
  for (const k of ['livenessProbe', 'volumeMounts', 'resources']) assert.ok(got.includes(k), `${k} in ${got.join(', ')}`);
  assert.ok(!got.includes('image'), 'a key already there is not offered again');
});

test('completion: Tekton steps and sidecars complete with container fields', () => {
  const step = keys(TASK.replace('      script: go build ./...\n', '      script: go build ./...\n      ¦\n'));
  for (const k of ['env', 'volumeMounts', 'securityContext', 'resources']) assert.ok(step.includes(k), `${k} in ${step.join(', ')}`);
  const sidecar = keys(TASK.replace('      image: docker:dind\n', '      image: docker:dind\n      ¦\n'));
  assert.ok(sidecar.includes('ports') && sidecar.includes('readinessProbe'), sidecar.join(', '));
});

test('completion: nothing from a built-in schema at the top of a Knative Service spec', () => {
  const got = keys(`apiVersion: serving.knative.dev/v1
kind: Service
metadata: {name: hello}
spec:
  ¦
  template:
    spec:
      containers:
        - image: example/hello
`);
  // core.v1.Service fields (clusterIP, selector...) would be wrong here.
  assert.ok(!got.includes('clusterIP') && !got.includes('selector'), got.join(', '));
});

test('completion: a kind of the user\'s podTemplates completes its containers with Container fields', () => {
  const podTemplates = [{ apiVersion: 'example.com', kind: 'WebApp', podSpecs: ['spec.template.spec'] }];
  const { text, offset } = caret(`apiVersion: example.com/v1
kind: WebApp
metadata: {name: shop}
spec:
  template:
    spec:
      containers:
        - name: web
          image: example/web:1
          ¦
`);
  const labels = (templates?: typeof podTemplates): string[] =>
    (complete(analyzeText(text, templates ? { podTemplates: templates } : {}), offset, t, templates ? { podTemplates: templates } : {})?.items ?? []).map((i) => i.label);
  const got = labels(podTemplates);
  for (const k of ['ports', 'volumeMounts', 'livenessProbe']) assert.ok(got.includes(k), `${k} in ${got.join(', ')}`);
  // Without the setting the kind is unknown: no Container fields are guessed.
  assert.ok(!labels().includes('volumeMounts'), labels().join(', '));
});
