/**
 * The kinds that come with pods (Namespace, ServiceAccount, PVC, PV, Ingress, NetworkPolicy, HPA,
 * PDB, RBAC, StorageClass, PriorityClass, LimitRange, ResourceQuota) are validated against the
 * schema like the workloads: a misspelt field or a wrong value fails the same `kubectl apply`.
 * A v2 HPA with v1's CPU target gets the v2 form, and a quick fix that keeps the target.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, findings } from '../../helpers/check';
import { applyFix } from '../../helpers/fix';

const pvc = (spec: string): string => `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n${spec}`;

test('misspelt fields and wrong values in the kinds around a pod', () => {
  const typo = findings(pvc('  accessMode: [ReadWriteOnce]\n  resources:\n    requests: {storage: 1Gi}\n'), 'unknown-field');
  assert.equal(typo.length, 1);
  assert.match(typo[0]!.message, /^Unknown field "accessMode" in PersistentVolumeClaimSpec\. Did you mean "accessModes"\?.*unknown field "spec\.accessMode"/);
  applyFix(pvc('  accessMode: [ReadWriteOnce]\n'), 'unknown-field', /Replace "accessMode" with "accessModes"/, pvc('  accessModes: [ReadWriteOnce]\n'));
  const mode = findings(pvc('  accessModes: [ReadWriteOne]\n  resources: {requests: {storage: 1Gi}}\n'), 'invalid-value');
  assert.match(mode[0]!.message, /Unsupported value "ReadWriteOne" for accessModes\[0\]/);
  const role = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: reader}\nrules:\n- apiGroups: [""]\n  resources: [pods]\n  verb: [get]\n';
  assert.match(findings(role, 'unknown-field')[0]!.message, /Unknown field "verb" in PolicyRule\. Did you mean "verbs"\?/);
  const policy = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: db}\nspec:\n  podSelector: {matchLabels: {app: db}}\n  ingress:\n  - from:\n    - podSelector: {matchLabels: {app: web}}\n    podSelector: {matchLabels: {app: api}}\n';
  assert.match(findings(policy, 'unknown-field')[0]!.message, /Unknown field "podSelector" in NetworkPolicyIngressRule/);
  // YAML 1.1 reads `no` as a boolean: a Namespace named `no` cannot be decoded.
  assert.match(findings('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: no\n', 'invalid-value')[0]!.message, /reads the unquoted no as the boolean false/);
  // Correct objects of every added kind: nothing to say.
  const correct = [
    pvc('  accessModes: [ReadWriteOnce]\n  storageClassName: standard\n  resources:\n    requests: {storage: 1Gi}\n'),
    'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: robot}\nautomountServiceAccountToken: false\n',
    'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec:\n  minAvailable: 1\n  selector: {matchLabels: {app: web}}\n',
    'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: fast}\nprovisioner: kubernetes.io/no-provisioner\nvolumeBindingMode: WaitForFirstConsumer\nallowVolumeExpansion: true\n',
    'apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: high}\nvalue: 1000000\nglobalDefault: false\ndescription: Important pods\n',
    'apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  maxReplicas: 3\n  targetCPUUtilizationPercentage: 80\n',
    'apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: q}\nspec:\n  hard: {pods: "10", requests.cpu: "4"}\n',
  ];
  for (const text of correct) assert.deepEqual(check(text).map((f) => `${f.rule}: ${f.message}`), [], text);
});

const hpa = (spec: string): string =>
  `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  minReplicas: 2\n  maxReplicas: 10\n${spec}`;

test('a v2 HPA with the v1 CPU target: the v2 form in the message, and a fix that keeps the target', () => {
  const text = hpa('  targetCPUUtilizationPercentage: 70\n');
  const found = findings(text, 'unknown-field');
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /it is the autoscaling\/v1 form; autoscaling\/v2 writes a CPU target as `metrics: \[\{type: Resource, resource: \{name: cpu, target: \{type: Utilization, averageUtilization: 70\}\}\}\]`/);
  const fixed = applyFix(
    text,
    'unknown-field',
    /Write the v2 metric: CPU utilization 70%/,
    hpa('  metrics:\n  - type: Resource\n    resource:\n      name: cpu\n      target:\n        type: Utilization\n        averageUtilization: 70\n'),
  ).result;
  assert.deepEqual(check(fixed), []);
  // Metrics already there: the message, but no fix that would write a second list.
  const both = hpa('  targetCPUUtilizationPercentage: 70\n  metrics:\n  - type: Resource\n    resource: {name: memory, target: {type: Utilization, averageUtilization: 60}}\n');
  assert.equal(findings(both, 'unknown-field').length, 1);
  assert.throws(() => applyFix(both, 'unknown-field', /Write the v2 metric/));
});

test('probe BF: the HPA message and fix in flow style, with metrics beside it, and `80%`', () => {
  const flow = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}, maxReplicas: 5, targetCPUUtilizationPercentage: 60}\n';
  const fixed = applyFix(flow, 'unknown-field', /Write the v2 metric: CPU utilization 60%/, flow.replace('targetCPUUtilizationPercentage: 60', 'metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 60}}}]')).result;
  assert.deepEqual(check(fixed), []);
  assert.match(findings(flow, 'unknown-field')[0]!.message, /the autoscaler targets its default, 80% CPU\.$/);
  const both = hpa('  targetCPUUtilizationPercentage: 70\n  metrics:\n  - type: Resource\n    resource: {name: memory, target: {type: Utilization, averageUtilization: 60}}\n');
  assert.match(findings(both, 'unknown-field')[0]!.message, /the field is dropped: the autoscaler scales on the other metrics only\.$/);
  assert.match(findings(hpa('  targetCPUUtilizationPercentage: 80%\n'), 'unknown-field')[0]!.message, /averageUtilization: 80\}/);
});

test('probe BF and sweep BC: empty reclaim policies are defaulted, Recycle is a PV\'s alone, HPA types are exact, 0o octal is an integer', () => {
  const sc = (policy: string): string => `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: fast}\nprovisioner: example.com/csi\nreclaimPolicy: ${policy}\n`;
  assert.deepEqual(findings(sc('""'), 'invalid-value'), []);
  assert.match(findings(sc('Recycle'), 'invalid-value')[0]?.message ?? '', /use one of "Delete", "Retain"/);
  const pv = 'apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: pv}\nspec:\n  capacity: {storage: 1Gi}\n  accessModes: [ReadWriteOnce]\n  persistentVolumeReclaimPolicy: ""\n  hostPath: {path: /data}\n';
  assert.deepEqual(findings(pv, 'invalid-value'), []);
  const lower = hpa('  metrics:\n  - type: resource\n    resource: {name: cpu, target: {type: utilization, averageUtilization: 70}}\n');
  assert.deepEqual(findings(lower, 'invalid-value').map((f) => f.text), ['resource', 'utilization']);
  const octal = hpa('  metrics:\n  - type: Resource\n    resource: {name: cpu, target: {type: Utilization, averageUtilization: 0o62}}\n').replace('maxReplicas: 10', 'maxReplicas: 0o12');
  assert.deepEqual(findings(octal, 'invalid-value'), []);
});

test('sweep BD: what the API server requires of PVCs, PVs and PriorityClasses', () => {
  const pvcNoStorage = pvc('  accessModes: [ReadWriteOnce]\n  storageClassName: standard\n');
  const found = findings(pvcNoStorage, 'invalid-value');
  assert.equal(found.length, 1);
  assert.equal(found[0]!.text, 'spec');
  assert.match(found[0]!.message, /"spec\.resources\[storage\]: Required value"/);
  assert.deepEqual(findings(pvcNoStorage, 'invalid-value', { kustomizeResource: true }), []);
  assert.deepEqual(findings(pvc('  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: "${SIZE}"}}\n'), 'invalid-value'), []);
  const pv = (spec: string): string => `apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: pv}\nspec:\n  accessModes: [ReadWriteOnce]\n${spec}`;
  assert.match(findings(pv('  hostPath: {path: /data}\n'), 'invalid-value')[0]?.message ?? '', /"spec\.capacity: Required value"/);
  const local = findings(pv('  capacity: {storage: 10Gi}\n  local: {path: /mnt/disks/ssd1}\n'), 'invalid-value');
  assert.equal(local[0]?.text, 'local');
  assert.match(local[0]?.message ?? '', /Local volume requires node affinity/);
  assert.deepEqual(findings(pv('  capacity: {storage: 10Gi}\n  local: {path: /mnt/disks/ssd1}\n  nodeAffinity:\n    required:\n      nodeSelectorTerms:\n      - matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [node-1]}]\n'), 'invalid-value'), []);
  const priority = (name: string, value: number): string => `apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: ${name}}\nvalue: ${value}\n`;
  assert.match(findings(priority('critical-apps', 2000000000), 'invalid-value')[0]?.message ?? '', /maximum allowed value of a user defined priority is 1000000000/);
  assert.deepEqual(findings(priority('critical-apps', 1000000000), 'invalid-value'), []);
});
