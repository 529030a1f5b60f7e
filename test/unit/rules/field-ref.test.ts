/**
 * invalid-value: a downward-API fieldPath the API server cannot convert or does not offer there
 * (sweep ET: KubeRay's fluent-bit sample read `metadata.labels["ray.io/cluster"]`).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings } from '../../helpers/check';
import { applyFix } from '../../helpers/fix';

const env = (path: string, extra = ''): string =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: busybox:1.36\n    env:\n    - name: X\n      valueFrom:\n        fieldRef:\n${extra}          fieldPath: ${path}\n`;
const found = (text: string): string[] => findings(text, 'invalid-value').map((f) => f.message);

test('a field path the API server cannot convert: double quotes, dots, misspellings', () => {
  const [quoted] = found(env(`'metadata.labels["ray.io/cluster"]'`));
  assert.match(quoted ?? '', /^"metadata\.labels\["ray\.io\/cluster"\]" is not a pod field the downward API can read: the API server rejects the pod with "spec\.containers\[0\]\.env\[0\]\.valueFrom\.fieldRef\.fieldPath: Invalid value: "metadata\.labels\["ray\.io\/cluster"\]": error converting fieldPath: field label not supported: metadata\.labels\["ray\.io\/cluster"\]"\. One label or annotation is read as metadata\.labels\['key'\], the key in single quotes\. Did you mean "metadata\.labels\['ray\.io\/cluster'\]"\?$/);
  applyFix(env(`'metadata.labels["ray.io/cluster"]'`), 'invalid-value', /ray\.io\/cluster/, env(`"metadata.labels['ray.io/cluster']"`));
  assert.match(found(env('metadata.labels.app'))[0] ?? '', /Did you mean "metadata\.labels\['app'\]"\?/);
  assert.match(found(env('status.podIp'))[0] ?? '', /Did you mean "status\.podIP"\?/);
  assert.doesNotMatch(found(env('metadata.foo'))[0] ?? '', /single quotes|Did you mean/);
});

test('a path converted but not offered there: env takes no whole labels or phase; a volume file no node name', () => {
  assert.match(found(env('status.phase'))[0] ?? '', /^"status\.phase" cannot be read here: the API server rejects the pod with ".*fieldPath: Unsupported value: "status\.phase": supported values: "metadata\.name", "metadata\.namespace", "metadata\.uid", "spec\.nodeName", "spec\.serviceAccountName", "status\.hostIP", "status\.hostIPs", "status\.podIP", "status\.podIPs""\.$/);
  assert.equal(found(env('metadata.labels')).length, 1);
  const volume = (path: string): string =>
    `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: "busybox:1.36"}]\n  volumes:\n  - name: info\n    projected:\n      sources:\n      - downwardAPI:\n          items:\n          - {path: f, fieldRef: {fieldPath: ${path}}}\n`;
  assert.match(found(volume('spec.nodeName'))[0] ?? '', /spec\.volumes\[0\]\.projected\.sources\[0\]\.downwardAPI\.items\[0\]\.fieldRef\.fieldPath: Unsupported value: "spec\.nodeName"/);
  assert.deepEqual(found(volume('metadata.labels')), []);
});

test('valid, templated and other-version paths are left alone', () => {
  for (const path of ['metadata.name', 'status.podIPs', "\"metadata.labels['app.kubernetes.io/name']\"", "metadata.annotations['x']", '"{{ .Values.path }}"', '$(FIELD)', '${FIELD_PATH}']) {
    assert.deepEqual(found(env(path)), [], path);
  }
  assert.deepEqual(found(env('metadata.foo', '          apiVersion: v2\n')), []);
});

test('probe: spec.host is still converted to spec.nodeName; volume lists are sorted as the API server prints them', () => {
  assert.deepEqual(found(env('spec.host')), []);
  const volume = `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: "busybox:1.36"}]\n  volumes:\n  - name: info\n    downwardAPI:\n      items:\n      - {path: f, fieldRef: {fieldPath: spec.host}}\n`;
  assert.match(found(volume)[0] ?? '', /Unsupported value: "spec\.nodeName": supported values: "metadata\.annotations", "metadata\.labels", "metadata\.name", "metadata\.namespace", "metadata\.uid""\.$/);
});

test('probe 2: a subscript on another field: "does not support subscript"', () => {
  assert.match(found(env(`"metadata.name['x']"`))[0] ?? '', /field label does not support subscript: metadata\.name\['x'\]/);
});
