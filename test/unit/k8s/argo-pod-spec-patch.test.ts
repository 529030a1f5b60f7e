/**
 * Argo Workflows merges the `podSpecPatch` of a template, of `templateDefaults` and of the workflow
 * into the pod before creating it: the volumes it adds are defined, the mounts it adds use
 * volumes, and a patch that cannot be read (an Argo expression in its place) may add any of them.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, yaml } from '../../helpers/check';

/** A Workflow with a workflow-level patch and one template with its own patch and two mounts. */
const workflow = (wfPatch: string, templatePatch: string, mounts = ['docker-sock', 'wf-cache']): string => yaml`
  apiVersion: argoproj.io/v1alpha1
  kind: Workflow
  metadata:
    generateName: patch-
  spec:
    entrypoint: build
    podSpecPatch: ${wfPatch}
    templates:
    - name: build
      podSpecPatch: ${templatePatch}
      container:
        image: docker:24
        command: [docker, ps]
        volumeMounts:
        - {name: ${mounts[0]}, mountPath: /var/run/docker.sock}
        - {name: ${mounts[1]}, mountPath: /cache}
`;
const findings = (text: string): string[] => check(text).map((f) => `${f.rule}|${f.severity}|${f.text}`);

const WF_PATCH = '"volumes:\\n- name: wf-cache\\n  emptyDir: {}\\n"';
const TEMPLATE_PATCH = `'{"volumes":[{"name":"docker-sock","hostPath":{"path":"/var/run/docker.sock"}}]}'`;

test('Argo podSpecPatch: the repro: volumes from the template\'s JSON patch and the workflow\'s YAML patch are defined', () => {
  assert.deepEqual(findings(workflow(WF_PATCH, TEMPLATE_PATCH)), []);
});

test('Argo podSpecPatch: a mount naming no volume, of the template or of any patch, is still an error', () => {
  assert.deepEqual(findings(workflow(WF_PATCH, TEMPLATE_PATCH, ['dcoker-sock', 'wf-cache'])), ['undefined-volume|error|dcoker-sock']);
  assert.match(check(workflow(WF_PATCH, TEMPLATE_PATCH, ['dcoker-sock', 'wf-cache']))[0]?.message ?? '', /docker-sock/);
  // A patch that only sets resources (an Argo expression in a value) adds no volume.
  const resources = `'{"containers":[{"name":"main","resources":{"limits":{"memory":"{{inputs.parameters.mem}}"}}}]}'`;
  assert.deepEqual(findings(workflow(WF_PATCH, resources)), ['undefined-volume|error|docker-sock']);
  assert.deepEqual(findings(workflow('""', '""')), ['undefined-volume|error|docker-sock', 'undefined-volume|error|wf-cache']);
});

test('Argo podSpecPatch: a patch Podsight cannot read may add any volume', () => {
  assert.deepEqual(findings(workflow(WF_PATCH, '"{{inputs.parameters.patch}}"')), []);
  assert.deepEqual(findings(workflow('"{{workflow.parameters.podSpecPatch}}"', '""')), []);
  assert.deepEqual(findings(workflow(WF_PATCH, `'{"volumes":[{"name":"{{inputs.parameters.vol}}","emptyDir":{}}]}'`)), []);
  assert.deepEqual(findings(workflow(WF_PATCH, `'{"volumes": [oops'`)), []);
});

test('Argo podSpecPatch: a volume mounted only through the patch is used; templateDefaults and CronWorkflow patches count', () => {
  const text = yaml`
    apiVersion: argoproj.io/v1alpha1
    kind: CronWorkflow
    metadata: {name: c}
    spec:
      schedule: "0 * * * *"
      workflowSpec:
        entrypoint: run
        templateDefaults:
          podSpecPatch: '{"volumes":[{"name":"defaults","emptyDir":{}}]}'
        templates:
        - name: run
          podSpecPatch: |
            containers:
            - name: main
              volumeMounts:
              - {name: scratch, mountPath: /scratch}
          volumes: [{name: scratch, emptyDir: {}}, {name: spare, emptyDir: {}}]
          container: {image: alpine, volumeMounts: [{name: defaults, mountPath: /d}]}
  `;
  assert.deepEqual(check(text).map((f) => `${f.rule}|${f.text}`), ['unused-volume|spare']);
});
