/**
 * removed-api-version: the release that stopped serving the apiVersion/kind and what to use instead;
 * a kind that was renamed (PetSet) is named with its new kind, and gets no fix.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, findings, yaml } from '../../helpers/check';
import { applyFix, fixesOf } from '../../helpers/fix';

test('an apps/v1alpha1 PetSet became a StatefulSet (sweep EE: a ZooKeeper PetSet)', () => {
  const petSet = yaml`
    apiVersion: apps/v1alpha1
    kind: PetSet
    metadata: {name: zoo}
    spec:
      serviceName: zoo
      replicas: 3
      template:
        metadata: {labels: {app: zookeeper}}
        spec:
          containers:
          - name: zookeeper
            image: zookeeper:3.9
  `;
  const found = findings(petSet, 'removed-api-version');
  assert.deepEqual(found.map((f) => [f.text, f.severity]), [['apps/v1alpha1', 'error']]);
  assert.match(found[0]!.message, /apps\/v1alpha1 PetSet is no longer served since Kubernetes 1\.5.*It became StatefulSet: use apiVersion apps\/v1 and kind StatefulSet \(served since 1\.9\); some fields changed/);
  assert.equal(found[0]!.data?.notable, true, 'no one-line fix: the kind and the selector change too');
  assert.deepEqual(check(petSet).filter((f) => f.rule === 'invalid-value'), [], 'the removal is the one finding');
});

test('a renamed version keeps its message', () => {
  const found = findings('apiVersion: batch/v1beta1\nkind: CronJob\nmetadata: {name: c}\n', 'removed-api-version');
  assert.match(found[0]?.message ?? '', /Use apiVersion batch\/v1 \(served since 1\.21\); nothing else changes\./);
});

test('an old apps workload without a selector: the message says apps/v1 requires one, the fix writes it from the template labels (sweeps EV, EZ)', () => {
  const old = 'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      labels:\n        name: web\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n';
  const [found] = findings(old, 'removed-api-version');
  assert.match(found?.message ?? '', /apps\/v1 also requires spec\.selector, which this Deployment lacks/);
  const { result, fix } = applyFix(old, 'removed-api-version', /Set apiVersion: apps\/v1 and add spec\.selector\.matchLabels: name: web/);
  assert.equal(fix.preferred, true);
  assert.equal(result, old.replace('extensions/v1beta1', 'apps/v1').replace('        image: nginx:1.27\n', '        image: nginx:1.27\n  selector:\n    matchLabels:\n      name: web\n'));
  assert.deepEqual(check(result).filter((f) => f.severity === 'error'), []);
  // A field apps/v1 dropped: no fix; with a selector, the apiVersion alone.
  assert.deepEqual(fixesOf(old.replace('spec:\n  template:', 'spec:\n  rollbackTo: {revision: 1}\n  template:'), 'removed-api-version').fixes.filter((f) => !/^Disable/.test(f.title)), []);
  const withSelector = old.replace('spec:\n  template:', 'spec:\n  selector: {matchLabels: {name: web}}\n  template:');
  assert.doesNotMatch(findings(withSelector, 'removed-api-version')[0]?.message ?? '', /requires spec\.selector/);
  applyFix(withSelector, 'removed-api-version', /Replace "extensions\/v1beta1" with "apps\/v1"/, withSelector.replace('extensions/v1beta1', 'apps/v1'));
  // autoscaling/v2beta2 → v2: the same schema; the apiVersion alone, preferred.
  const hpa = 'apiVersion: autoscaling/v2beta2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 1\n  maxReplicas: 3\n';
  assert.equal(applyFix(hpa, 'removed-api-version', /autoscaling\/v2"$/).fix.preferred, true);
});

test('probe 2: the apps/v1 migration keeps an old default OnDelete and a deadline above a long minReadySeconds', () => {
  const ds = 'apiVersion: extensions/v1beta1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  template:\n    metadata:\n      labels:\n        app: agent\n    spec:\n      containers:\n      - name: agent\n        image: busybox:1.36\n';
  const { result, fix } = applyFix(ds, 'removed-api-version', /Set apiVersion: apps\/v1 and add spec\.selector\.matchLabels: app: agent, keeping updateStrategy OnDelete/);
  assert.match(result, /  updateStrategy:\n    type: OnDelete\n/);
  assert.equal(fix.preferred, true);
  assert.deepEqual(check(result).filter((f) => f.severity === 'error'), []);
  const slow = 'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: slow\nspec:\n  minReadySeconds: 900\n  template:\n    metadata:\n      labels:\n        app: slow\n    spec:\n      containers:\n      - name: app\n        image: nginx:1.27\n';
  const migrated = applyFix(slow, 'removed-api-version', /with progressDeadlineSeconds: 1500/).result;
  assert.deepEqual(check(migrated).filter((f) => f.severity === 'error'), []);
  // apps/v1beta2 never took the selector from the labels: the message does not say it did.
  const beta2 = slow.replace('extensions/v1beta1', 'apps/v1beta2').replace('  minReadySeconds: 900\n', '');
  assert.match(findings(beta2, 'removed-api-version')[0]?.message ?? '', /so did apps\/v1beta2, which never took it from the template's labels/);
});

test('sweep FF: v1beta1 metric fields under v2beta2, an HPA that scales an old apiVersion, a 1.1-era Job with a selector', () => {
  const hpa = 'apiVersion: autoscaling/v2beta2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  maxReplicas: 3\n  metrics:\n  - type: Resource\n    resource: {name: cpu, targetAverageUtilization: 50}\n';
  assert.match(findings(hpa, 'removed-api-version')[0]?.message ?? '', /some fields changed/);
  assert.deepEqual(fixesOf(hpa, 'removed-api-version').fixes.filter((f) => !/^Disable/.test(f.title)), []);
  const ref = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n  scaleTargetRef: {apiVersion: extensions/v1beta1, kind: Deployment, name: web}\n  maxReplicas: 5\n';
  const [found] = findings(ref, 'removed-api-version');
  assert.equal(found?.severity, 'warning');
  assert.match(found!.message, /scales its Deployment through apiVersion extensions\/v1beta1, which the API server no longer serves \(since Kubernetes 1\.16\).*so it never scales\. Use apiVersion apps\/v1\./);
  applyFix(ref, 'removed-api-version', /Replace "extensions\/v1beta1" with "apps\/v1"/, ref.replace('extensions/v1beta1', 'apps/v1'));
  const job = 'apiVersion: extensions/v1beta1\nkind: Job\nmetadata:\n  name: pi\nspec:\n  selector:\n    matchLabels:\n      app: pi\n  template:\n    metadata:\n      labels:\n        app: pi\n    spec:\n      containers:\n      - name: pi\n        image: perl:5.40\n      restartPolicy: Never\n';
  const fixed = applyFix(job, 'invalid-value', /Replace "extensions\/v1beta1" with "batch\/v1", removing spec\.selector \(batch\/v1 writes its own\)/).result;
  assert.deepEqual(check(fixed).filter((f) => f.severity === 'error'), []);
});
