// Custom resources whose controllers name the pod's containers themselves: Argo's main container is
// `main`, Tekton's steps and sidecars are `step-<name>` and `sidecar-<name>`, Knative names an
// unnamed container (sweep CU, probe CX).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze';

const findings = (text: string): string[] => analyzeText(text).findings.filter((f) => f.severity !== 'information').map((f) => f.rule);
const messages = (text: string, rule: string): string[] => analyzeText(text).findings.filter((f) => f.rule === rule).map((f) => f.message);

const argo = (container: string, sidecar = 'side'): string => `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {generateName: build-}
spec:
  entrypoint: build
  templates:
    - name: build
      container:
        name: ${container}
        image: alpine:3.20
        command: [sh, -c, "echo hi"]
      sidecars:
        - name: ${sidecar}
          image: redis:7
`;

test("Argo's main container is `main` in the pod: its written name is not judged, a sidecar named main is", () => {
  assert.deepEqual(findings(argo("''")), []);
  assert.deepEqual(findings(argo('Build_Step')), []);
  assert.deepEqual(findings(argo('side')), []);
  assert.deepEqual(findings(argo('x', 'main')), ['duplicate-container-name']);
});

const task = (step: string, sidecar: string, second = 'test'): string => `apiVersion: tekton.dev/v1
kind: Task
metadata: {name: build}
spec:
  steps:
    - name: ${step}
      image: alpine:3.20
      script: echo hi
    - name: ${second}
      image: alpine:3.20
      script: echo hi
  sidecars:
    - name: ${sidecar}
      image: redis:7
`;

test('Tekton steps and sidecars are step-<name> and sidecar-<name>; its webhook refuses bad or repeated names at apply', () => {
  assert.deepEqual(findings(task('redis', 'redis')), []);
  assert.deepEqual(findings(task("''", 'db')), []);
  assert.match(messages(task('Build', 'db'), 'invalid-name')[0] ?? '', /Inside a Tekton Task, Tekton's validating webhook refuses this at kubectl apply/);
  assert.match(messages(task('test', 'db'), 'duplicate-container-name')[0] ?? '', /Tekton's validating webhook refuses this at kubectl apply/);
});

test('Knative names an unnamed container; an empty name elsewhere is "Required value", with no value quoted', () => {
  const knative = "apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers:\n        - name: ''\n          image: example/app:1\n";
  assert.deepEqual(findings(knative), []);
  const deployment = "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n    - name: ''\n      image: example/app:1\n";
  assert.deepEqual(messages(deployment, 'invalid-name'), ['The container name is empty, and every container needs one. kubectl apply rejects this: "spec.containers[0].name: Required value".']);
});

test("an AnalysisTemplate's Job is made by an AnalysisRun; other containers' paths in a quote are the created pod's too", () => {
  const analysis = `apiVersion: argoproj.io/v1alpha1
kind: AnalysisTemplate
metadata: {name: smoke}
spec:
  metrics:
    - name: smoke
      provider:
        job:
          spec:
            template:
              spec:
                restartPolicy: Never
                containers:
                  - name: smoke
                    image: curlimages/curl:8.8.0
                    imagePullPolicy: always
`;
  assert.match(messages(analysis, 'invalid-value')[0] ?? '', /rejects the pod when an AnalysisRun of the AnalysisTemplate creates it, and the failure shows in the AnalysisRun's status: "…containers\[0\]\.imagePullPolicy/);
  const ports = task('a', 'db').replace('      script: echo hi\n    - name: test', '      script: echo hi\n      ports: [{containerPort: 6379}]\n    - name: test').replace('      image: redis:7', '      image: redis:7\n      ports: [{containerPort: 6379}]');
  const conflict = messages(ports, 'port-conflict')[0] ?? '';
  assert.match(conflict, /"…ports\[0\]: duplicate port definition with …ports\[0\]"/);
  assert.doesNotMatch(conflict, /spec\.s(teps|idecars)/);
});

test("Tekton's webhook leaves sidecar names to the API server, which refuses the TaskRun's pod (sweep CY)", () => {
  const sidecars = task('a', 'Docker');
  assert.match(messages(sidecars, 'invalid-name')[0] ?? '', /Inside a Task, kubectl apply checks only the CRD's schema: the API server rejects the pod when a TaskRun of the Task creates it/);
});
