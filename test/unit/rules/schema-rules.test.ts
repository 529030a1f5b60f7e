import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { check, findings, yaml } from '../../helpers/check';
import { examplesDir } from '../../helpers/paths';

const example = (name: string): string => readFileSync(join(examplesDir, name), 'utf8');

test('unknown-field: the seed hostPath typo, on the key, with the kubectl message', () => {
  const found = findings(example('seed-hostpath-typo.yaml'), 'unknown-field');
  assert.equal(found.length, 1);
  assert.equal(found[0]?.text, 'Path');
  assert.deepEqual(found[0]?.range.start, { line: 28, character: 6 });
  assert.equal(found[0]?.data?.suggestion, 'path');
  assert.match(found[0]?.message ?? '', /strict decoding error: unknown field "spec\.volumes\[0\]\.hostPath\.Path"/);
});

test('unknown-field: mountpath in a CronJob template', () => {
  const found = findings(example('names.yaml'), 'unknown-field');
  assert.deepEqual(found.map((f) => [f.text, f.data?.suggestion]), [['mountpath', 'mountPath']]);
});

test('invalid-value: enums are case-sensitive; ports are left to invalid-port', () => {
  assert.deepEqual(findings(example('names.yaml'), 'invalid-value').map((f) => [f.text, f.data?.suggestion]), [['never', 'Never']]);
  assert.deepEqual(findings(example('volumes.yaml'), 'invalid-value').map((f) => [f.text, f.data?.suggestion]), [['memory', 'Memory']]);
  assert.equal(findings(example('ports.yaml'), 'invalid-value').length, 0);
  const hostPath = findings(yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      containers: [{name: a, image: x, env: [{name: N, value: 3}]}]
      volumes: [{name: v, hostPath: {path: /x, type: directory}}]
  `, 'invalid-value');
  assert.deepEqual(hostPath.map((f) => f.text), ['N', '3', 'directory']);
  assert.match(hostPath[0]?.message ?? '', /reads the unquoted N as the boolean false/);
});

test('invalid-value: a map key with a dot is named whole, and the value is shown as written', () => {
  const found = findings(yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: app-config
      labels:
        version: 1.0
        app.kubernetes.io/version: 2.10
      annotations:
        prometheus.io/scrape: true
        prometheus.io/port: 0x1F90
    data:
      a: b
  `, 'invalid-value');
  assert.deepEqual(found.map((f) => f.message.replace(/\. kubectl apply.*/, '')), [
    'labels[version] must be string, not 1.0',
    'labels[app.kubernetes.io/version] must be string, not 2.10',
    'annotations[prometheus.io/scrape] must be string, not true',
    'annotations[prometheus.io/port] must be string, not 0x1F90',
  ]);
});

test('schema checks reach Lists, merge keys and every workload kind', () => {
  const list = yaml`
    apiVersion: v1
    kind: List
    items:
    - apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: s}
      spec:
        serviceName: s
        selector: {matchLabels: {a: b}}
        template:
          metadata: {labels: {a: b}}
          spec:
            containers:
            - &base {name: a, image: x, imagePullpolicy: Always}
            - <<: *base
              name: b
  `;
  const found = findings(list, 'unknown-field');
  assert.deepEqual(found.map((f) => f.text), ['imagePullpolicy']);
  assert.equal(found[0]?.data?.suggestion, 'imagePullPolicy');
});

test('unknown-field: the sops block of a SOPS-encrypted file is removed by decryption before apply, so it is no field', () => {
  const secret = (sops: string): string => `apiVersion: v1\nkind: Secret\nmetadata: {name: app}\nstringData:\n  PASSWORD: ENC[AES256_GCM,data:axX2,iv:x,tag:y,type:str]\nsops:\n${sops}`;
  const block = '  age: [{recipient: age15uzr, enc: x}]\n  lastmodified: "2023-03-08T02:31:39Z"\n  mac: ENC[AES256_GCM,data:Zm9v,type:str]\n  version: 3.7.3\n';
  assert.deepEqual(findings(secret(block), 'unknown-field'), []);
  // Anything else under that name is a field kubectl rejects.
  assert.deepEqual(findings(secret('  enabled: true\n'), 'unknown-field').map((f) => f.text), ['sops']);
});

test('schema rules stay silent on a document that does not parse: kubectl stops at the YAML error', () => {
  // The sweep repro: children of labels/selector at column 1; the recovered parse put them on the Deployment.
  const broken = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: registry
      labels:
     app: registry
    spec:
      replicas: one
      selector:
     matchLabels:
       app: registry
      template:
        metadata:
          labels: {app: registry}
        spec:
          containers:
          - {name: registry, image: "registry:2", imagePullPolicy: always, ports: [{containerPort: 99999}]}
  `;
  const rules = (text: string): string[] => check(text).map((f) => f.rule);
  assert.ok(rules(broken).includes('yaml-syntax'));
  assert.deepEqual(rules(broken).filter((f) => ['unknown-field', 'invalid-value', 'invalid-port'].includes(f)), []);
  // The other documents of the file are still checked; so is one with only a duplicate key (a warning) or go-yaml's \' escape.
  const fine = 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  selector: {app: x}\n  ports: [{port: 80, targetport: 8080}]\n';
  assert.deepEqual(findings(`${broken}---\n${fine}`, 'unknown-field').map((f) => f.text), ['targetport']);
  assert.deepEqual(findings(fine.replace('metadata: {name: s}', 'metadata: {name: s}\nmetadata: {name: t}'), 'unknown-field').map((f) => f.text), ['targetport']);
  assert.deepEqual(findings(fine.replace('{name: s}', `{name: s, annotations: {a: "it\\'s"}}`), 'unknown-field').map((f) => f.text), ['targetport']);
});
