/**
 * invalid-value: a probe or lifecycle hook takes exactly one handler (validateHandler), and a
 * Deployment's rollout settings that ValidateDeploymentSpec refuses (sweep EW: a tutorial's
 * probe with exec, tcpSocket and httpGet; Recreate with rollingUpdate; a deadline not above minReadySeconds).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings } from '../../helpers/check';
import { applyFix, fixesOf } from '../../helpers/fix';

const pod = (container: string, kind = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n'): string =>
  `${kind}  containers:\n  - name: a\n    image: nginx:1.27\n${container}`;
const messages = (text: string): string[] => findings(text, 'invalid-value').map((f) => `${f.text}: ${f.message}`);

test('a probe with several handlers: each one after the first is refused, in the API server\'s order', () => {
  const text = pod('    livenessProbe:\n      exec:\n        command: [ls]\n      tcpSocket:\n        port: 80\n      httpGet:\n        path: /\n        port: 80\n      periodSeconds: 5\n');
  const found = findings(text, 'invalid-value');
  assert.deepEqual(found.map((f) => f.text), ['tcpSocket', 'httpGet']);
  assert.match(found[0]!.message, /^spec\.containers\[0\]\.livenessProbe has several handlers \(exec, httpGet, tcpSocket\), and it takes exactly one: the API server rejects the pod with "spec\.containers\[0\]\.livenessProbe\.tcpSocket: Forbidden: may not specify more than 1 handler type"\./);
  // One fix per handler, none preferred: which check is meant is the author's.
  const { fixes } = fixesOf(text, 'invalid-value');
  assert.deepEqual(fixes.filter((f) => /^Keep/.test(f.title)).map((f) => [f.title, f.preferred]), [['Keep only exec', false], ['Keep only httpGet', false], ['Keep only tcpSocket', false]]);
  const kept = applyFix(text, 'invalid-value', /Keep only httpGet/).result;
  assert.equal(kept, pod('    livenessProbe:\n      httpGet:\n        path: /\n        port: 80\n      periodSeconds: 5\n'));
  assert.deepEqual(findings(kept, 'invalid-value'), []);
  // A handler left empty by a form (`tcpSocket: {}`) still counts; keeping the one that says something is preferred.
  const empty = pod('    readinessProbe:\n      httpGet: {path: /, port: 80}\n      tcpSocket: {}\n');
  assert.equal(fixesOf(empty, 'invalid-value').fixes.find((f) => f.preferred)?.title, 'Keep only httpGet');
  applyFix(empty, 'invalid-value', /Keep only httpGet/, pod('    readinessProbe:\n      httpGet: {path: /, port: 80}\n'));
  // Lifecycle hooks too, with `sleep` among their handlers.
  assert.deepEqual(findings(pod('    lifecycle:\n      preStop:\n        sleep: {seconds: 5}\n        exec: {command: [nginx, -s, quit]}\n'), 'invalid-value').map((f) => f.text), ['sleep']);
});

test('a probe or hook without a handler, in a built-in workload', () => {
  assert.match(messages(pod('    readinessProbe:\n      initialDelaySeconds: 5\n'))[0] ?? '', /^readinessProbe: spec\.containers\[0\]\.readinessProbe has no handler \(exec, httpGet, tcpSocket or grpc\).*"spec\.containers\[0\]\.readinessProbe: Required value: must specify a handler type"/);
  assert.match(messages(pod('    lifecycle:\n      preStop:\n        httpGet: null\n'))[0] ?? '', /^preStop: .*lifecycle\.preStop has no handler \(exec, httpGet, tcpSocket or sleep\)/);
  // A misspelt handler (`gRPC:`): unknown-field says so, once.
  assert.deepEqual(findings(pod('    livenessProbe:\n      gRPC: {port: 2379}\n      initialDelaySeconds: 10\n'), 'invalid-value'), []);
  // Knative fills in a handler-less readiness probe; a patch or a kustomize resource may add one.
  const knative = 'apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata: {name: k}\nspec:\n  template:\n    spec:\n      containers:\n      - image: ghcr.io/x/app:1\n        readinessProbe: {successThreshold: 1}\n';
  assert.deepEqual(findings(knative, 'invalid-value'), []);
  const twoHandlers = pod('    livenessProbe: {exec: {command: [ls]}, grpc: {port: 9000}}\n');
  assert.deepEqual(findings(twoHandlers, 'invalid-value', { kustomizeResource: true }), []);
  assert.deepEqual(findings(twoHandlers, 'invalid-value', { fragment: 'kustomize-patch' }), []);
  assert.equal(findings(twoHandlers, 'invalid-value').length, 1);
});

test('handlers Helm writes in if/else branches, or a templated handler, are not two', () => {
  const chart = pod('    livenessProbe:\n{{- if .Values.http }}\n      httpGet: {path: /, port: 80}\n{{- else }}\n      tcpSocket: {port: 80}\n{{- end }}\n      periodSeconds: {{ .Values.period }}\n');
  assert.deepEqual(findings(chart, 'invalid-value'), []);
  assert.deepEqual(findings(pod('    livenessProbe:\n      httpGet: {{ toYaml .Values.http | nindent 8 }}\n      tcpSocket: {port: 80}\n'), 'invalid-value').filter((f) => f.data?.probeHandlers), []);
  assert.deepEqual(findings(pod('    livenessProbe:\n      {{- include "probe" . | nindent 6 }}\n      periodSeconds: 5\n'), 'invalid-value'), []);
});

const deployment = (spec: string, apiVersion = 'apps/v1'): string =>
  `apiVersion: ${apiVersion}\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {app: d}}\n${spec}  template:\n    metadata: {labels: {app: d}}\n    spec:\n      containers: [{name: a, image: "nginx:1.27"}]\n`;

test('Deployment rollout settings the API server refuses', () => {
  const recreate = deployment('  strategy:\n    type: Recreate\n    rollingUpdate:\n      maxSurge: 2\n      maxUnavailable: 1\n');
  const [found] = findings(recreate, 'invalid-value');
  assert.equal(found?.text, 'rollingUpdate');
  assert.match(found!.message, /"spec\.strategy\.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"/);
  const fixed = applyFix(recreate, 'invalid-value', /Remove rollingUpdate/, deployment('  strategy:\n    type: Recreate\n')).fix;
  assert.equal(fixed.preferred, true);
  assert.deepEqual(findings(deployment('  strategy:\n    type: Recreate\n    rollingUpdate:\n'), 'invalid-value'), []);
  // Both zero: the rollout could never move.
  const zero = deployment('  strategy:\n    rollingUpdate: {maxSurge: 0, maxUnavailable: "0%"}\n');
  assert.match(messages(zero)[0] ?? '', /^"0%": maxSurge and maxUnavailable are both 0/);
  applyFix(zero, 'invalid-value', /Set maxSurge to 1/, deployment('  strategy:\n    rollingUpdate: {maxSurge: 1, maxUnavailable: "0%"}\n'));
  assert.deepEqual(findings(deployment('  strategy:\n    rollingUpdate: {maxUnavailable: 0}\n'), 'invalid-value'), [], 'maxSurge defaults to 25%');
  // The progress deadline must exceed minReadySeconds; apps/v1 defaults it to 600.
  assert.match(messages(deployment('  minReadySeconds: 10\n  progressDeadlineSeconds: 10\n'))[0] ?? '', /^10: progressDeadlineSeconds \(10\) must be greater than minReadySeconds \(10\).*"spec\.progressDeadlineSeconds: Invalid value: 10: must be greater than minReadySeconds"/);
  assert.match(messages(deployment('  minReadySeconds: 600\n'))[0] ?? '', /^600: minReadySeconds \(600\) is not less than the default progressDeadlineSeconds \(600\)/);
  for (const ok of ['  minReadySeconds: 10\n  progressDeadlineSeconds: 11\n', '  minReadySeconds: 599\n', '  minReadySeconds: {{ .Values.min }}\n  progressDeadlineSeconds: 10\n']) {
    assert.deepEqual(findings(deployment(ok), 'invalid-value'), [], ok);
  }
});

test('probe: a handler merged from an anchor gets no removal; an empty probe has no handler; a string "0" is no zero limit', () => {
  const merged = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: nginx:1.27\n    readinessProbe: &probe\n      exec: {command: [ls]}\n    livenessProbe:\n      <<: *probe\n      httpGet: {path: /, port: 80}\n';
  assert.equal(findings(merged, 'invalid-value').length, 1);
  assert.deepEqual(fixesOf(merged, 'invalid-value').fixes.filter((f) => /^Keep/.test(f.title)), []);
  assert.match(messages(pod('    livenessProbe: {}\n'))[0] ?? '', /has no handler/);
  assert.deepEqual(findings(deployment('  strategy:\n    rollingUpdate: {maxSurge: "0", maxUnavailable: "0"}\n'), 'invalid-value').filter((f) => f.data?.zeroRollingUpdate), []);
});

test('a DaemonSet surges or takes pods down, exactly one of the two; maxUnavailable defaults to 1 (probe)', () => {
  const ds = (rolling: string): string =>
    `apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec:\n  selector: {matchLabels: {app: agent}}\n  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate:\n${rolling}  template:\n    metadata: {labels: {app: agent}}\n    spec:\n      containers: [{name: a, image: "busybox:1.36"}]\n`;
  const alone = ds('      maxSurge: 1\n');
  assert.match(messages(alone)[0] ?? '', /^1: .*maxSurge is 1, and maxUnavailable, not written, defaults to 1\. kubectl apply rejects this with "spec\.updateStrategy\.rollingUpdate\.maxSurge: Invalid value: …: may not be set when maxUnavailable is non-zero"/);
  applyFix(alone, 'invalid-value', /Set maxUnavailable to 0/, ds('      maxSurge: 1\n      maxUnavailable: 0\n'));
  assert.equal(findings(ds('      maxSurge: "10%"\n      maxUnavailable: 1\n'), 'invalid-value').length, 1);
  const neither = ds('      maxSurge: 0\n      maxUnavailable: 0\n');
  assert.match(messages(neither)[0] ?? '', /cannot be 0 when maxSurge is 0/);
  applyFix(neither, 'invalid-value', /Set maxUnavailable to 1/, ds('      maxSurge: 0\n      maxUnavailable: 1\n'));
  for (const ok of ['      maxSurge: 1\n      maxUnavailable: 0\n', '      maxUnavailable: 2\n', '      maxSurge: {{ .Values.surge }}\n']) assert.deepEqual(findings(ds(ok), 'invalid-value'), [], ok);
  assert.deepEqual(findings(ds('      maxSurge: 1\n').replace('type: RollingUpdate', 'type: OnDelete'), 'invalid-value'), []);
});

test('probe 2: a DaemonSet on a host port surges never: the fix drops the surge; a null maxUnavailable is the default 1', () => {
  const ds = (rolling: string, ports = ''): string =>
    `apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec:\n  selector: {matchLabels: {app: agent}}\n  updateStrategy:\n    rollingUpdate:\n${rolling}  template:\n    metadata: {labels: {app: agent}}\n    spec:\n      containers:\n      - name: a\n        image: nginx:1.27\n${ports}`;
  const host = ds('      maxSurge: 1\n', '        ports: [{containerPort: 80, hostPort: 80}]\n');
  assert.match(messages(host)[0] ?? '', /cannot surge: a new pod would wait for the old one's port for ever\. Set maxSurge: 0 instead\.$/);
  applyFix(host, 'invalid-value', /Set maxSurge to 0/, ds('      maxSurge: 0\n', '        ports: [{containerPort: 80, hostPort: 80}]\n'));
  assert.equal(findings(ds('      maxSurge: 25%\n      maxUnavailable:\n'), 'invalid-value').length, 1);
});

test('a StatefulSet updated OnDelete takes no rollingUpdate settings (probe 1)', () => {
  const sts = (strategy: string): string =>
    `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  selector: {matchLabels: {app: db}}\n  serviceName: db\n  updateStrategy:\n${strategy}  template:\n    metadata: {labels: {app: db}}\n    spec:\n      containers: [{name: a, image: "busybox:1.36"}]\n`;
  const text = sts('    type: OnDelete\n    rollingUpdate:\n      partition: 0\n');
  assert.match(messages(text)[0] ?? '', /^rollingUpdate: .*only allowed for updateStrategy 'RollingUpdate'/);
  applyFix(text, 'invalid-value', /Remove rollingUpdate/, sts('    type: OnDelete\n'));
  assert.deepEqual(findings(sts('    type: RollingUpdate\n    rollingUpdate:\n      partition: 0\n'), 'invalid-value'), []);
  assert.deepEqual(findings(sts('    type: OnDelete\n    rollingUpdate:\n'), 'invalid-value'), []);
});
