import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  SCHEMA_VERSION,
  apiReferenceUrl,
  describeType,
  enumAccepts,
  fieldNames,
  getField,
  getType,
  rootKinds,
  rootTypeFor,
  typeNames,
} from '../../../server/src/schema';
import type { FieldType } from '../../../server/src/schema';

test('schema version is Kubernetes 1.30 or later', () => {
  const [major, minor] = SCHEMA_VERSION.split('.').map(Number);
  assert.equal(major, 1);
  assert.ok((minor ?? 0) >= 30, SCHEMA_VERSION);
});

test('root kinds resolve to types', () => {
  assert.equal(rootTypeFor('v1', 'Pod'), 'core.v1.Pod');
  assert.equal(rootTypeFor('apps/v1', 'Deployment'), 'apps.v1.Deployment');
  assert.equal(rootTypeFor('batch/v1', 'CronJob'), 'batch.v1.CronJob');
  assert.equal(rootTypeFor('v1', 'List'), 'core.v1.List');
  assert.equal(rootTypeFor('apps/v1', 'Pod'), undefined);
  assert.equal(rootTypeFor('v1', 'pod'), undefined);
  assert.equal(rootTypeFor(undefined, 'Pod'), undefined);
  const kinds = rootKinds().map((r) => `${r.apiVersion}/${r.kind}`).sort();
  for (const k of [
    'v1/Pod', 'v1/PodTemplate', 'v1/ReplicationController', 'v1/Service', 'v1/ConfigMap', 'v1/Secret', 'v1/List',
    'apps/v1/Deployment', 'apps/v1/ReplicaSet', 'apps/v1/StatefulSet', 'apps/v1/DaemonSet', 'batch/v1/Job', 'batch/v1/CronJob',
  ]) {
    assert.ok(kinds.includes(k), k);
  }
  for (const r of rootKinds()) assert.ok(getType(r.typeName), r.typeName);
});

test('every referenced type exists', () => {
  const names = new Set(typeNames());
  const refs = (t: FieldType): string[] =>
    t.kind === 'ref' ? [t.name] : t.kind === 'array' ? refs(t.items) : t.kind === 'map' ? refs(t.values) : [];
  for (const name of names) {
    for (const f of getType(name)?.fields.values() ?? []) {
      for (const r of refs(f.type)) assert.ok(names.has(r), `${name}.${f.name} → ${r}`);
    }
  }
});

test('fields carry types, descriptions, enums and required flags', () => {
  const path = getField('core.v1.HostPathVolumeSource', 'path');
  assert.ok(path);
  assert.equal(path.required, true);
  assert.match(path.description ?? '', /directory on the host/);
  const type = getField('core.v1.HostPathVolumeSource', 'type');
  assert.deepEqual(type?.enum, ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket']);
  assert.equal(type?.required, false);
  assert.equal(describeType(getField('core.v1.PodSpec', 'containers')!.type), '[]Container');
  assert.equal(describeType(getField('core.v1.ResourceRequirements', 'limits')!.type), 'map[string]quantity');
  assert.equal(describeType(getField('core.v1.ServicePort', 'targetPort')!.type), 'int-or-string');
  assert.equal(describeType(getField('core.v1.ContainerPort', 'containerPort')!.type), 'integer');
  assert.equal(describeType(getField('meta.v1.ObjectMeta', 'labels')!.type), 'map[string]string');
  assert.deepEqual(getField('core.v1.ContainerPort', 'protocol')?.enum, ['SCTP', 'TCP', 'UDP']);
  assert.ok(getField('core.v1.Container', 'imagePullPolicy')?.enum?.includes('IfNotPresent'));
  assert.ok(getType('core.v1.Container')?.description);
  assert.ok(fieldNames('core.v1.VolumeMount').includes('mountPath'));
  assert.equal(getField('core.v1.VolumeMount', 'mountpath'), undefined);
  assert.equal(getType('nope'), undefined);
  assert.deepEqual(fieldNames('nope'), []);
});

test('enum patterns', () => {
  const medium = getField('core.v1.EmptyDirVolumeSource', 'medium')?.enum ?? [];
  assert.ok(enumAccepts(medium, ''));
  assert.ok(enumAccepts(medium, 'Memory'));
  assert.ok(enumAccepts(medium, 'HugePages-2Mi'));
  assert.ok(!enumAccepts(medium, 'HugePages-'));
  assert.ok(!enumAccepts(medium, 'memory'));
});

test('API reference URLs', () => {
  const v = `v${SCHEMA_VERSION.split('.').slice(0, 2).join('.')}`;
  assert.equal(
    apiReferenceUrl('core.v1.Container'),
    `https://kubernetes.io/docs/reference/generated/kubernetes-api/${v}/#container-v1-core`,
  );
  assert.equal(
    apiReferenceUrl('apps.v1.Deployment', 'v1.30'),
    'https://kubernetes.io/docs/reference/generated/kubernetes-api/v1.30/#deployment-v1-apps',
  );
  assert.match(apiReferenceUrl('meta.v1.ObjectMeta') ?? '', /#objectmeta-v1-meta$/);
  assert.equal(apiReferenceUrl('core.v1.List'), undefined);
  assert.equal(apiReferenceUrl('nope'), undefined);
});
