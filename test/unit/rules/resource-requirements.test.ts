/**
 * invalid-value on container resources as the API server validates them (sweep DD's misses): a
 * request above its limit, extended resources and hugepages (not overcommitable) without an equal
 * limit, extended resources in fractions, hugepages without cpu or memory.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings } from '../../helpers/check';
import { applyFix, fixesOf } from '../../helpers/fix';

const pod = (resources: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: nvidia/cuda:12.2.0-base-ubuntu22.04\n      resources:\n${resources}`;
const messages = (resources: string): string[] => findings(pod(resources), 'invalid-value').map((f) => f.message);

test('a request above its limit is refused; equal, below, or in other units is fine', () => {
  assert.match(messages('        requests: {memory: 1Gi}\n        limits: {memory: 512Mi}\n')[0] ?? '', /"spec\.containers\[0\]\.resources\.requests: Invalid value: "1Gi": must be less than or equal to memory limit of 512Mi"/);
  assert.match(messages('        requests: {cpu: "2"}\n        limits: {cpu: 1500m}\n')[0] ?? '', /cpu limit of 1500m/);
  for (const ok of ['        requests: {memory: 512Mi, cpu: 500m}\n        limits: {memory: 0.5Gi, cpu: "1"}\n', '        requests: {memory: 1G}\n        limits: {memory: 1Gi}\n', '        requests: {cpu: 100m}\n', '        requests: {cpu: 570m}\n        limits: {cpu: "0.57"}\n']) {
    assert.deepEqual(messages(ok), [], ok);
  }
});

test('extended resources and hugepages: a limit, equal to the request, in whole units; hugepages with cpu or memory', () => {
  assert.match(messages('        requests: {nvidia.com/gpu: 1}\n')[0] ?? '', /Limit must be set for non overcommitable resources/);
  assert.match(messages('        requests: {nvidia.com/gpu: 1}\n        limits: {nvidia.com/gpu: 2}\n')[0] ?? '', /must be equal to nvidia\.com\/gpu limit of 2/);
  assert.match(messages('        limits: {nvidia.com/gpu: 0.5}\n')[0] ?? '', /limits\[nvidia\.com\/gpu\]: Invalid value: "0\.5": must be an integer/);
  assert.match(messages('        limits: {hugepages-2Mi: 100Mi}\n')[0] ?? '', /HugePages require cpu or memory/);
  for (const ok of ['        limits: {nvidia.com/gpu: 1}\n', '        requests: {nvidia.com/gpu: "1"}\n        limits: {nvidia.com/gpu: 1}\n', '        limits: {hugepages-2Mi: 100Mi, memory: 200Mi}\n', '        requests: {memory: 2Gi}\n        limits: {kubernetes.io/foo: 1}\n']) {
    assert.deepEqual(messages(ok), [], ok);
  }
  // Templated amounts and kustomize resources are not judged.
  assert.deepEqual(messages('        requests: {memory: "{{ .Values.mem }}"}\n        limits: {memory: 512Mi}\n'), []);
  assert.deepEqual(findings(pod('        requests: {nvidia.com/gpu: 1}\n'), 'invalid-value', { kustomizeResource: true }), []);
});

test('fixes: the missing limit added; the request set to the limit or the limit to the request', () => {
  applyFix(pod('        requests: {nvidia.com/gpu: 1}\n'), 'invalid-value', /Add the limit nvidia\.com\/gpu: 1/, pod('        requests: {nvidia.com/gpu: 1}\n        limits:\n          nvidia.com/gpu: 1\n'));
  applyFix(pod('        requests: {memory: 1Gi}\n        limits: {memory: 512Mi}\n'), 'invalid-value', /request to the limit/, pod('        requests: {memory: 512Mi}\n        limits: {memory: 512Mi}\n'));
  applyFix(pod('        requests: {memory: 1Gi}\n        limits: {memory: 512Mi}\n'), 'invalid-value', /limit to the request/, pod('        requests: {memory: 1Gi}\n        limits: {memory: 1Gi}\n'));
  const { fixes } = fixesOf(pod('        requests: {memory: 1Gi}\n        limits: {memory: 512Mi}\n'), 'invalid-value');
  assert.equal(fixes.filter((f) => f.preferred).length, 0, 'which one was meant is not written');
});

test('an ephemeral container is not compared: resources there are refused outright (probe DN)', () => {
  const text = `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: app, image: nginx:1.27}\n  ephemeralContainers:\n  - name: debug\n    image: busybox:1.36\n    resources:\n      requests: {memory: 1Gi}\n      limits: {memory: 512Mi}\n`;
  assert.deepEqual(findings(text, 'invalid-value').filter((f) => /limit/.test(f.message)), []);
});
