/**
 * removed-api-version: the seccomp annotations nothing reads since Kubernetes 1.27 (sweep EU:
 * rootless BuildKit pods asked for `unconfined` and `localhost/…` profiles through them).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings } from '../../helpers/check';
import { applyFix, fixesOf } from '../../helpers/fix';

const deployment = (annotations: string, spec = '', container = ''): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {app: d}}\n  template:\n    metadata:\n      labels: {app: d}\n      annotations:\n${annotations}    spec:\n${spec}      containers:\n      - name: app\n        image: nginx:1.27\n${container}`;
const POD = '        seccomp.security.alpha.kubernetes.io/pod: runtime/default\n';

test('the pod annotation: a warning, and the fix moves the profile to the pod\'s securityContext', () => {
  const text = deployment(POD);
  const [found] = findings(text, 'removed-api-version');
  assert.equal(found?.severity, 'warning');
  assert.equal(found?.text, 'seccomp.security.alpha.kubernetes.io/pod');
  assert.match(found!.message, /^Nothing reads the annotation seccomp\.security\.alpha\.kubernetes\.io\/pod since Kubernetes 1\.27 \(kubectl apply warns: "non-functional in v1\.27\+; use the "seccompProfile" field instead"\): the pod's containers run without the seccomp profile "runtime\/default" it asks for/);
  const fixed = applyFix(text, 'removed-api-version', /Move to securityContext\.seccompProfile \(type: RuntimeDefault\)/).result;
  assert.equal(fixed, `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {app: d}}\n  template:\n    metadata:\n      labels: {app: d}\n    spec:\n      containers:\n      - name: app\n        image: nginx:1.27\n      securityContext:\n        seccompProfile:\n          type: RuntimeDefault\n`);
  assert.deepEqual(findings(fixed, 'removed-api-version'), []);
});

test('a container\'s annotation, a localhost profile, an existing securityContext; unconfined is a note', () => {
  const text = deployment('        team: a\n        container.seccomp.security.alpha.kubernetes.io/app: localhost/profiles/audit.json\n', '', '        securityContext:\n          runAsNonRoot: true\n');
  const [found] = findings(text, 'removed-api-version');
  assert.match(found?.message ?? '', /container "app" runs without the seccomp profile "localhost\/profiles\/audit\.json"/);
  const fixed = applyFix(text, 'removed-api-version', /type: Localhost/).result;
  assert.match(fixed, /      annotations:\n        team: a\n    spec:/);
  assert.match(fixed, /        securityContext:\n          runAsNonRoot: true\n          seccompProfile:\n            type: Localhost\n            localhostProfile: profiles\/audit\.json\n/);
  const unconfined = findings(deployment('        seccomp.security.alpha.kubernetes.io/pod: unconfined\n'), 'removed-api-version');
  assert.equal(unconfined[0]?.severity, 'information');
  assert.equal(fixesOf(deployment('        seccomp.security.alpha.kubernetes.io/pod: unconfined\n'), 'removed-api-version').fixes[0]?.preferred, true);
});

test('left alone: a profile set by the field too, a container that is not there, a templated value', () => {
  assert.deepEqual(findings(deployment(POD, '      securityContext:\n        seccompProfile: {type: RuntimeDefault}\n'), 'removed-api-version'), []);
  assert.deepEqual(findings(deployment('        container.seccomp.security.alpha.kubernetes.io/other: runtime/default\n'), 'removed-api-version'), []);
  assert.deepEqual(findings(deployment('        seccomp.security.alpha.kubernetes.io/pod: "{{ .Values.seccomp }}"\n'), 'removed-api-version'), []);
  // A value the annotation never took: reported, with no fix.
  assert.deepEqual(fixesOf(deployment('        seccomp.security.alpha.kubernetes.io/pod: default\n'), 'removed-api-version').fixes.filter((f) => !/^Disable/.test(f.title)), []);
});

test('probe 2: a profile from a field at the other level, a Windows pod: nothing; a null securityContext: no fix', () => {
  assert.deepEqual(findings(deployment('        container.seccomp.security.alpha.kubernetes.io/app: runtime/default\n', '      securityContext:\n        seccompProfile: {type: RuntimeDefault}\n'), 'removed-api-version'), []);
  assert.deepEqual(findings(deployment(POD, '', '        securityContext:\n          seccompProfile: {type: RuntimeDefault}\n'), 'removed-api-version'), []);
  assert.deepEqual(findings(deployment(POD, '      os: {name: windows}\n'), 'removed-api-version'), []);
  const empty = deployment(POD, '      securityContext:\n');
  assert.equal(findings(empty, 'removed-api-version').length, 1);
  assert.deepEqual(fixesOf(empty, 'removed-api-version').fixes.filter((f) => !/^Disable/.test(f.title)), []);
});

test('sweep FD: a securityContext a chart writes from its values may set the profile', () => {
  const chart = (spec: string): string => deployment(POD, spec);
  assert.deepEqual(findings(chart('      securityContext:\n        {{- toYaml .Values.podSecurityContext | nindent 8 }}\n'), 'removed-api-version'), []);
  assert.deepEqual(findings(chart('      securityContext: {{ toYaml .Values.podSecurityContext | nindent 8 }}\n'), 'removed-api-version'), []);
  assert.equal(findings(chart('      securityContext:\n        runAsNonRoot: true\n'), 'removed-api-version').length, 1);
});
