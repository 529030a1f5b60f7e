/**
 * invalid-name on `metadata.name`: the API server's rule for each built-in kind (a subdomain for
 * most, an RFC 1035 label for a Service, an RFC 1123 label for a Namespace, 52 characters for a
 * CronJob). Custom resources, RBAC names, patches, kustomize resources and placeholders are not judged.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings } from '../../helpers/check';

const object = (apiVersion: string, kind: string, name: string): string => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${name}\n`;
/** The names invalid-name reports on, from its messages. */
const names = (text: string, options = {}): string[] => findings(text, 'invalid-name', options).map((f) => f.message.slice(1, f.message.indexOf('" is not')));

test('object names the API server refuses, with its own messages', () => {
  const deployment = findings(object('apps/v1', 'Deployment', 'My_App'), 'invalid-name');
  assert.equal(deployment.length, 1);
  assert.match(deployment[0]!.message, /^"My_App" is not a valid Deployment name\. kubectl apply rejects this: "metadata\.name: Invalid value: "My_App": a lowercase RFC 1123 subdomain must consist of/);
  const service = findings(object('v1', 'Service', '2nd-web'), 'invalid-name');
  assert.match(service[0]!.message, /"metadata\.name: Invalid value: "2nd-web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character/);
  // A dot is fine in a Deployment name, not in a Service's (it becomes a DNS label) or a Namespace's.
  assert.equal(findings(object('apps/v1', 'Deployment', 'web.v2'), 'invalid-name').length, 0);
  assert.equal(findings(object('v1', 'Service', 'web.v2'), 'invalid-name').length, 1);
  assert.equal(findings(object('v1', 'Namespace', 'team.a'), 'invalid-name').length, 1);
  const cron = findings(object('batch/v1', 'CronJob', 'x'.repeat(53)), 'invalid-name');
  assert.match(cron[0]!.message, /must be no more than 52 characters/);
  assert.equal(findings(object('batch/v1', 'CronJob', 'x'.repeat(52)), 'invalid-name').length, 0);
  assert.equal(findings(object('batch/v1', 'Job', 'x'.repeat(63)), 'invalid-name').length, 0);
  // The range is the name itself.
  assert.deepEqual(deployment[0]!.range, { start: { line: 3, character: 8 }, end: { line: 3, character: 14 } });
  // One finding a document, for a multi-document file.
  assert.equal(names([object('v1', 'ConfigMap', 'App_Config'), object('v1', 'Secret', 'ok-secret'), object('v1', 'ServiceAccount', 'Robot')].join('---\n')).length, 2);
});

test('names with other rules or set by other tools are not judged', () => {
  // Custom resources and RBAC objects follow other rules (`system:controller:x` is a valid ClusterRole).
  assert.deepEqual(names(object('rbac.authorization.k8s.io/v1', 'ClusterRole', 'system:controller:Thing')), []);
  assert.deepEqual(names(object('argoproj.io/v1alpha1', 'Rollout', 'My_Rollout')), []);
  assert.deepEqual(names(object('example.com/v1', 'Service', 'My_Service')), []);
  // Placeholders and template actions.
  for (const name of ['${APP_NAME}', '__NAME__', '<YOUR-APP>', 'refresh-%GIT_COMMIT_SHA%', '"#{Octopus.Name}"', '"{{ .Values.name }}"']) {
    assert.deepEqual(names(object('apps/v1', 'Deployment', name)), [], name);
  }
  // A kustomize patch selects its target by name (or not at all, with `target:`); a resource of a
  // kustomization may be renamed by a replacement.
  assert.deepEqual(names(object('apps/v1', 'Deployment', 'Any_Name'), { fragment: 'kustomize-patch' }), []);
  assert.deepEqual(names(object('apps/v1', 'Deployment', 'Any_Name'), { kustomizeResource: true }), []);
});

test('a StatefulSet named with a dot: accepted, but no pod can be created (its hostname is its name; probe AT)', () => {
  const found = findings(object('apps/v1', 'StatefulSet', 'db.v2'), 'invalid-name');
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /none of its pods can be created.*"spec\.hostname: Invalid value: "db\.v2-0": must not contain dots"/);
  assert.deepEqual(names(object('apps/v1', 'Deployment', 'db.v2')), []);
  assert.deepEqual(names(object('apps/v1', 'StatefulSet', 'db-v2')), []);
});

test('a Job name over 63 characters, a generateName prefix and a reserved PriorityClass name', () => {
  // The Job controller copies the name into its pods' job-name label (at most 63 characters).
  const job = findings(object('batch/v1', 'Job', 'x'.repeat(64)), 'invalid-name');
  assert.equal(job.length, 1);
  assert.match(job[0]!.message, /has 64 characters.*"spec\.template\.labels: Invalid value: "x{64}": must be no more than 63 characters"/);
  // With a selector of its own (manualSelector) no label is generated.
  assert.equal(findings(`${object('batch/v1', 'Job', 'x'.repeat(64))}spec:\n  manualSelector: true\n`, 'invalid-name').length, 0);
  assert.equal(findings(object('apps/v1', 'Deployment', 'x'.repeat(64)), 'invalid-name').length, 0);

  // generateName is a prefix: its trailing dash is fine, its length is shortened to fit.
  const generated = (name: string): string => `apiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: ${name}\n`;
  const upper = findings(generated('Nightly-Report-'), 'invalid-name');
  assert.equal(upper.length, 1);
  assert.match(upper[0]!.message, /^"Nightly-Report-" is not a valid Job name prefix\. The API server rejects this: "metadata\.generateName: Invalid value: "Nightly-Report-": a lowercase RFC 1123 subdomain/);
  assert.deepEqual(upper[0]!.range, { start: { line: 3, character: 16 }, end: { line: 3, character: 31 } });
  assert.equal(findings(generated('nightly-report-'), 'invalid-name').length, 0);
  // The API server checks a prefix ending in `-` without its last two characters, plus `a` (probe BG).
  const service = (prefix: string): string => `apiVersion: v1\nkind: Service\nmetadata:\n  generateName: ${prefix}\n`;
  assert.equal(findings(service('web.-'), 'invalid-name').length, 0);
  assert.equal(findings(`apiVersion: v1\nkind: Namespace\nmetadata:\n  generateName: ${'x'.repeat(63)}-\n`, 'invalid-name').length, 0);
  assert.equal(findings(generated(`${'x'.repeat(80)}-`), 'invalid-name').length, 0);
  // The field itself is validated, length included: a Namespace's prefix is at most 63 characters.
  const namespace = findings(`apiVersion: v1\nkind: Namespace\nmetadata:\n  generateName: ${'x'.repeat(70)}-\n`, 'invalid-name');
  assert.match(namespace[0]?.message ?? '', /must be no more than 63 characters/);
  // A PodDisruptionBudget's name is not validated beyond a path segment (probe BF).
  assert.deepEqual(findings(object('policy/v1', 'PodDisruptionBudget', 'checkoutService_PDB'), 'invalid-name'), []);
  assert.equal(findings(generated('${PREFIX}-'), 'invalid-name').length, 0);

  // Only Kubernetes' own two PriorityClasses may start with "system-".
  const reserved = findings(object('scheduling.k8s.io/v1', 'PriorityClass', 'system-high'), 'invalid-name');
  assert.equal(reserved.length, 1);
  assert.match(reserved[0]!.message, /priority class names with 'system-' prefix are reserved for system use only/);
  assert.equal(findings(object('scheduling.k8s.io/v1', 'PriorityClass', 'system-node-critical'), 'invalid-name').length, 0);
  assert.equal(findings(object('scheduling.k8s.io/v1', 'PriorityClass', 'high-priority'), 'invalid-name').length, 0);
});

test('invalid-name: a name holding a token a script replaces (CLUSTER_NAME) is a template, not judged (sweep CP)', () => {
  assert.equal(findings(object('v1', 'PersistentVolumeClaim', 'pg-data-CLUSTER_NAME-DISK_INDEX'), 'invalid-name').length, 0);
  // Mixed case or one capital word is still a name someone wrote.
  assert.equal(findings(object('apps/v1', 'Deployment', 'My_App'), 'invalid-name').length, 1);
  assert.equal(findings(object('apps/v1', 'Deployment', 'WebApp'), 'invalid-name').length, 1);
});
