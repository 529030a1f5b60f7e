/**
 * invalid-value on scheduling terms the API server refuses: a pod (anti-)affinity term without a
 * topologyKey, a preferred term's weight outside 1–100 or missing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings, yaml } from '../../helpers/check';

const deployment = (affinity: string): string => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: proxy}
  spec:
    selector: {matchLabels: {app: proxy}}
    template:
      metadata: {labels: {app: proxy}}
      spec:
        containers:
        - name: proxy
          image: nginx:1.27
        affinity: ${affinity}
`;
const found = (affinity: string): { text: string; message: string }[] =>
  findings(deployment(affinity), 'invalid-value').map((f) => ({ text: f.text, message: f.message }));

test('a required pod affinity term without a topologyKey is refused (sweep EF: a homelab proxy)', () => {
  const missing = found('{podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{labelSelector: {matchLabels: {app: backend}}}]}}');
  assert.deepEqual(missing.map((f) => f.text), ['labelSelector']);
  assert.match(missing[0]!.message, /"spec\.template\.spec\.affinity\.podAffinity\.requiredDuringSchedulingIgnoredDuringExecution\[0\]\.topologyKey: Required value: can not be empty"/);
  assert.match(missing[0]!.message, /kubernetes\.io\/hostname/);
  const empty = found('{podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{labelSelector: {matchLabels: {app: proxy}}, topologyKey: ""}]}}');
  assert.deepEqual(empty.map((f) => f.text), ['""']);
  assert.deepEqual(found('{podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{labelSelector: {matchLabels: {app: backend}}, topologyKey: kubernetes.io/hostname}]}}'), []);
});

test('a preferred term: its podAffinityTerm needs a topologyKey, its weight must be 1–100', () => {
  const term = (weight: string, key = 'topologyKey: topology.kubernetes.io/zone'): string =>
    `{podAntiAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{${weight} podAffinityTerm: {labelSelector: {matchLabels: {app: proxy}}, ${key}}}]}}`;
  assert.deepEqual(found(term('weight: 100,')), []);
  assert.deepEqual(found(term('weight: 1,')), []);
  const heavy = found(term('weight: 200,'));
  assert.deepEqual(heavy.map((f) => f.text), ['200']);
  assert.match(heavy[0]!.message, /preferredDuringSchedulingIgnoredDuringExecution\[0\]\.weight: Invalid value: 200: must be in the range 1-100"/);
  const none = found(term(''));
  assert.deepEqual(none.map((f) => f.text), ['podAffinityTerm']);
  assert.match(none[0]!.message, /without one it is 0.*Invalid value: 0: must be in the range 1-100/);
  const noKey = found(term('weight: 50,', 'namespaces: [web]'));
  assert.match(noKey[0]?.message ?? '', /podAffinityTerm\.topologyKey: Required value: can not be empty/);
  // Node affinity's preferred terms are weighed the same way.
  const node = found('{nodeAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 0, preference: {matchExpressions: [{key: disk, operator: In, values: [ssd]}]}}]}}');
  assert.deepEqual(node.map((f) => f.text), ['0']);
});

test('templated terms, patches and custom resources are left alone', () => {
  const templated = deployment('{podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{labelSelector: {matchLabels: {app: proxy}}, topologyKey: "{{ .Values.topologyKey }}"}]}}');
  assert.deepEqual(findings(templated, 'invalid-value'), []);
  const missing = '{podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{labelSelector: {matchLabels: {app: backend}}}]}}';
  assert.deepEqual(findings(deployment(missing), 'invalid-value', { kustomizeResource: true }), []);
  const rollout = deployment(missing).replace('apiVersion: apps/v1\nkind: Deployment', 'apiVersion: example.com/v1\nkind: Proxy');
  assert.deepEqual(findings(rollout, 'invalid-value'), []);
});
