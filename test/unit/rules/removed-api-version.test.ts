/**
 * removed-api-version: the release that stopped serving the apiVersion/kind and what to use instead;
 * a kind that was renamed (PetSet) is named with its new kind, and gets no fix.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, findings, yaml } from '../../helpers/check';

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
