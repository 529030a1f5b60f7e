/**
 * invalid-value on quantities: `512MB`, `1K`, `10gi`, `500 m` are refused when the object is
 * decoded; numbers, `512Mi`, `500m`, `1e3`, `.5` and placeholders are not. The fix keeps the
 * amount (`512MB` → `512M`), or gives the binary unit most sizes mean (`512Mi`).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quantityError, quantityRepairs } from '../../../server/src/k8s/quantity';
import { check, findings } from '../../helpers/check';
import { applyFix } from '../../helpers/fix';

const pod = (resources: string): string => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: app\n    image: myorg/app:1\n    resources: ${resources}\n`;

test('the quantities the decoder reads and refuses', () => {
  for (const ok of ['512Mi', '1Gi', '500m', '0.5', '.5', '1.', '1e3', '1E-2', '+1', '2k', '3E', ' 100m ']) assert.equal(quantityError(ok), undefined, ok);
  for (const [bad, why] of [['512MB', 'format'], ['10gi', 'format'], ['500 m', 'format'], ['', 'format'], ['1K', 'suffix'], ['1Mk', 'suffix']] as const) assert.equal(quantityError(bad), why, bad);
  assert.deepEqual(quantityRepairs('512MB'), ['512M', '512Mi']);
  assert.deepEqual(quantityRepairs('1GiB'), ['1Gi']);
  assert.deepEqual(quantityRepairs('2KB'), ['2k', '2Ki']);
  assert.deepEqual(quantityRepairs('500 m'), ['500m']);
  assert.deepEqual(quantityRepairs('lots'), []);
});

test('a container and a PVC with a quantity the decoder refuses; the fix keeps the amount', () => {
  const text = pod('{requests: {memory: 512MB, cpu: 250m}, limits: {memory: 1Gi, cpu: "1"}}');
  const found = findings(text, 'invalid-value');
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /^requests\[memory\] must be a quantity \(512Mi, 1Gi, 500m, 0\.5\), not "512MB": "quantities must match the regular expression '\^\(\[\+-\]\?\[0-9\.\]\+\)/);
  assert.match(found[0]!.message, /Did you mean "512M"\?$/);
  const fixed = applyFix(text, 'invalid-value', /Replace "512MB" with "512M"/, text.replace('512MB', '512M')).result;
  assert.deepEqual(check(fixed), []);
  applyFix(text, 'invalid-value', /Replace "512MB" with "512Mi"/, text.replace('512MB', '512Mi'));
  assert.match(findings(pod('{limits: {cpu: 1K}}'), 'invalid-value')[0]?.message ?? '', /"unable to parse quantity's suffix"/);
  const pvc = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec:\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 10GB}}\n';
  assert.equal(findings(pvc, 'invalid-value')[0]?.text, '10GB');
  // Numbers, valid strings, placeholders and templates: nothing to say.
  for (const resources of ['{requests: {cpu: 0.5, memory: 536870912}}', '{requests: {cpu: "1e3", memory: ".5Gi"}}', '{requests: {memory: "${MEMORY}"}}', '{limits: {memory: "{{ .Values.memory }}"}}']) {
    assert.deepEqual(findings(pod(resources), 'invalid-value'), [], resources);
  }
});

test('probe BG: nano and micro suffixes are quantities; `512 m` of memory has no fix (a fraction of a byte)', () => {
  for (const ok of ['250000000n', '500000u']) assert.equal(quantityError(ok), undefined, ok);
  assert.deepEqual(quantityRepairs('512 m', true), []);
  assert.deepEqual(quantityRepairs('500 m'), ['500m']);
  const memory = pod('{limits: {memory: "512 m"}}');
  assert.equal(findings(memory, 'invalid-value').length, 1);
  assert.deepEqual(check(memory).flatMap((f) => (f.rule === 'invalid-value' ? [f.message] : [])).filter((m) => /Did you mean/.test(m)), []);
});

test('sweep BB: memory in thousandths of a byte (`200m`): a limit stops the container, a request reserves nothing', () => {
  const text = pod('{limits: {cpu: "0.5", memory: "200m"}, requests: {cpu: "0.1", memory: "50m"}}');
  const found = findings(text, 'invalid-value');
  assert.deepEqual(found.map((f) => [f.severity, f.text]), [['error', '"200m"'], ['warning', '"50m"']]);
  assert.match(found[0]!.message, /fractional byte value "200m" is invalid, must be an integer".*cannot start.*Did you mean "200Mi"\?$/);
  applyFix(text, 'invalid-value', /Replace "200m" with "200Mi"/, text.replace('"200m"', '"200Mi"'));
  // Whole bytes, CPU in millicores, placeholders: nothing to say.
  for (const resources of ['{limits: {memory: 1000m, cpu: 200m}}', '{limits: {memory: 1.5Ki}}', '{limits: {memory: "${MEM}"}}', '{requests: {ephemeral-storage: 1Gi}}']) {
    assert.deepEqual(findings(pod(resources), 'invalid-value'), [], resources);
  }
  assert.equal(findings(pod('{limits: {memory: 1.5}}'), 'invalid-value').length, 1);
});
