/**
 * invalid-value for ephemeral containers written in a manifest: the API server adds them only to a
 * running pod (the ephemeralcontainers subresource), so a Pod with them is refused on create and a
 * pod template with them always.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings, yaml } from '../../helpers/check';
import { applyFix } from '../../helpers/fix';
import { isTestAssertionName } from '../../../server/src/k8s/fragments';

const pod = (extra = ''): string => yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
${extra}
  spec:
    containers:
    - name: web
      image: nginx:1.27
    ephemeralContainers:
    - name: debug
      image: busybox:1.36
      targetContainerName: web
`;

const deployment = (list: string): string => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web}
  spec:
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: {app: web}}
      spec:
        containers:
        - name: web
          image: nginx:1.27
        ephemeralContainers: ${list}
`;

test('a Pod written with ephemeral containers is refused on create', () => {
  const [found, ...rest] = findings(pod(), 'invalid-value');
  assert.equal(rest.length, 0);
  assert.equal(found?.text, 'ephemeralContainers');
  assert.match(found?.message ?? '', /"spec\.ephemeralContainers: Forbidden: cannot be set on create".*kubectl debug/);
});

test('a pod template never holds ephemeral containers', () => {
  const [found] = findings(deployment('[{name: debug, image: busybox:1.36}]'), 'invalid-value');
  assert.match(found?.message ?? '', /Deployment: "spec\.template\.spec\.ephemeralContainers: Forbidden: ephemeral containers not allowed in pod template"/);
  // An empty list sets nothing.
  assert.deepEqual(findings(deployment('[]'), 'invalid-value'), []);
});

test('a Pod saved from a cluster, a kustomize base and a test assertion are left alone', () => {
  assert.deepEqual(findings(pod('    uid: 5f1c0c9e-8a9f-4c4b-9a51-0b9f7a1f2e11'), 'invalid-value'), []);
  assert.deepEqual(findings(`${pod()}status:\n  phase: Running\n`, 'invalid-value'), []);
  assert.deepEqual(findings(pod('    creationTimestamp: "2026-11-30T10:00:00Z"'), 'invalid-value'), []);
  assert.equal(findings(pod('    creationTimestamp: null'), 'invalid-value').length, 1);
  assert.deepEqual(findings(pod(), 'invalid-value', { kustomizeResource: true }), []);
  assert.deepEqual(findings(pod(), 'invalid-value', { fragment: 'test-assertion' }), []);
});

test('the fix removes the list, not preferred: a sidecar may have been meant', () => {
  const text = deployment('\n        - name: debug\n          image: busybox:1.36');
  const { fix } = applyFix(text, 'invalid-value', /Remove ephemeralContainers/, text.slice(0, text.indexOf('      ephemeralContainers:')));
  assert.notEqual(fix.preferred, true);
});

test('a file whose name ends in "assert" is a test assertion (Kyverno\'s 04-debugassert.yaml)', () => {
  for (const name of ['00-assert.yaml', 'chainsaw-step-01-assert.yaml', '04-debugassert.yaml', 'assert.yml', '01-errors.yaml']) assert.ok(isTestAssertionName(`/t/${name}`), name);
  for (const name of ['mirrors.yaml', 'deployment.yaml', 'assertion-rules.yaml']) assert.equal(isTestAssertionName(`/t/${name}`), false, name);
});
