/**
 * invalid-value for what one container may not have: a probe or hook on a plain init container,
 * Bidirectional mount propagation without privilege; and the quick fixes (neither preferred).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings, yaml } from '../../helpers/check';
import { applyFix, fixesOf } from '../../helpers/fix';

const daemonSet = (init: string, main: string): string => yaml`
  apiVersion: apps/v1
  kind: DaemonSet
  metadata: {name: csi-node}
  spec:
    selector: {matchLabels: {app: csi}}
    template:
      metadata: {labels: {app: csi}}
      spec:
        initContainers:
        - name: setup
          image: busybox:1.36
          command: [sh, -c, 'mkdir -p /data/x']
${init}
        containers:
        - name: driver
          image: example/csi:1
          volumeMounts:
          - name: kubelet
            mountPath: /var/lib/kubelet
            mountPropagation: Bidirectional
${main}
        volumes:
        - {name: kubelet, hostPath: {path: /var/lib/kubelet}}
`;
const messages = (text: string): string[] => findings(text, 'invalid-value').map((f) => f.message);
const readiness = '          readinessProbe:\n            exec: {command: [cat, /tmp/ready]}';

test('a probe or hook on an init container that is not a sidecar is forbidden', () => {
  const found = findings(daemonSet(readiness, '          securityContext: {privileged: true}'), 'invalid-value');
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /Init container "setup" runs to completion.*"spec\.template\.spec\.initContainers\[0\]\.readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always"/);
  assert.equal(found[0]!.text, 'readinessProbe');
  // A sidecar may have one; a templated restartPolicy may make it one.
  assert.deepEqual(messages(daemonSet(`          restartPolicy: Always\n${readiness}`, '          securityContext: {privileged: true}')), []);
  assert.deepEqual(messages(daemonSet(`          restartPolicy: "{{ .Values.policy }}"\n${readiness}`, '          securityContext: {privileged: true}')), []);
});

test('Bidirectional propagation needs a privileged container', () => {
  const found = messages(daemonSet('', ''));
  assert.equal(found.length, 1);
  assert.match(found[0]!, /only a privileged container may use it.*"spec\.template\.spec\.containers\[0\]\.volumeMounts\.mountPropagation: Forbidden: Bidirectional mount propagation is available only to privileged containers"/);
  for (const fine of ['          securityContext: {privileged: true}', '          securityContext:\n            privileged: "{{ .Values.privileged }}"', '          securityContext: ${SECURITY_CONTEXT}']) assert.deepEqual(messages(daemonSet('', fine)), [], fine);
  assert.deepEqual(messages(daemonSet('', '').replace('Bidirectional', 'HostToContainer')), []);
  // Custom resources and kustomize patches are not judged (an overlay may add the privilege).
  assert.deepEqual(findings(daemonSet('', ''), 'invalid-value', { kustomizeResource: true }), []);
});

test('the fixes: make the init container a sidecar or remove the probe; HostToContainer or privileged', () => {
  const init = daemonSet(readiness, '          securityContext: {privileged: true}');
  const { fix } = applyFix(init, 'invalid-value', /Make "setup" a sidecar/, init.replace('/tmp/ready]}\n', '/tmp/ready]}\n        restartPolicy: Always\n'));
  assert.notEqual(fix.preferred, true);
  applyFix(init, 'invalid-value', /Remove readinessProbe/, init.replace('        readinessProbe:\n          exec: {command: [cat, /tmp/ready]}\n', ''));
  const bidi = daemonSet('', '');
  applyFix(bidi, 'invalid-value', /Replace "Bidirectional" with "HostToContainer"/, bidi.replace('Bidirectional', 'HostToContainer'));
  applyFix(bidi, 'invalid-value', /Run "driver" privileged/, bidi.replace('mountPropagation: Bidirectional\n', 'mountPropagation: Bidirectional\n        securityContext:\n          privileged: true\n'));
  const off = daemonSet('', '          securityContext: {privileged: false}');
  applyFix(off, 'invalid-value', /Run "driver" privileged/, off.replace('privileged: false', 'privileged: true'));
  assert.ok(fixesOf(bidi, 'invalid-value').fixes.every((f) => f.preferred !== true));
});

test('restartPolicy on a regular container is accepted (ContainerRestartRules, on by default since Kubernetes 1.35; sweep AK); a Deployment\'s pods must restart Always', () => {
  const deployment = (podPolicy: string, containerPolicy: string): string => yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: plex}
    spec:
      selector: {matchLabels: {app: plex}}
      template:
        metadata: {labels: {app: plex}}
        spec:
          ${podPolicy}
          containers:
          - name: plex
            image: example/plex:1
            ${containerPolicy}
  `;
  assert.deepEqual(findings(deployment('', 'restartPolicy: OnFailure'), 'invalid-value'), []);
  assert.deepEqual(findings(deployment('', 'restartPolicy: Never'), 'unknown-field'), []);
  const pod = findings(deployment('restartPolicy: Never', ''), 'invalid-value');
  assert.deepEqual(pod.map((f) => f.text), ['Never']);
  assert.match(pod[0]?.message ?? '', /"spec\.template\.spec\.restartPolicy: Unsupported value: "Never": supported values: "Always""/);
  applyFix(deployment('restartPolicy: Never', ''), 'invalid-value', /Replace "Never" with "Always"/, deployment('restartPolicy: Always', ''));
  assert.deepEqual(findings(deployment('restartPolicy: Always', ''), 'invalid-value'), []);
  // A bare Pod may stop: Never and OnFailure are its to choose; an init container takes a restartPolicy.
  const bare = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      restartPolicy: Never
      initContainers: [{name: side, image: example/side:1, restartPolicy: Always}]
      containers: [{name: a, image: example/a:1}]
  `;
  assert.deepEqual(findings(bare, 'invalid-value'), []);
});

test('activeDeadlineSeconds in a long-running workload\'s pod template is forbidden; the fix removes it (probe BX)', () => {
  const workload = (kind: string, extra = '      activeDeadlineSeconds: 600\n'): string =>
    `apiVersion: apps/v1\nkind: ${kind}\nmetadata: {name: web}\nspec:\n  serviceName: web\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n${extra}      containers:\n      - {name: web, image: nginx:1.27}\n`;
  const deployment = findings(workload('Deployment'), 'invalid-value');
  assert.equal(deployment.length, 1);
  assert.equal(deployment[0]?.text, 'activeDeadlineSeconds');
  assert.match(deployment[0]?.message ?? '', /kubectl apply rejects this: "spec\.template\.spec\.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported"/);
  // A StatefulSet's own validation checks it on apply (not only its controller's pods).
  assert.match(findings(workload('StatefulSet'), 'invalid-value')[0]?.message ?? '', /kubectl apply rejects this: "spec\.template\.spec\.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in StatefulSet is not Supported"/);
  assert.deepEqual(findings(workload('Deployment', '      activeDeadlineSeconds: ${DEADLINE}\n'), 'invalid-value'), []);
  const { fix } = applyFix(workload('DaemonSet'), 'invalid-value', /Remove activeDeadlineSeconds/, workload('DaemonSet', ''));
  assert.equal(fix.preferred, true);
});

test('invalid-value: a liveness or startup probe with successThreshold other than 1 is refused; readiness may count', () => {
  const pod = (probe: string, threshold: number, init = false): string => yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      ${init ? 'initContainers' : 'containers'}:
      - name: web
        image: nginx
        ${init ? 'restartPolicy: Always' : '# app'}
        ${probe}: {httpGet: {path: /, port: 80}, successThreshold: ${threshold}}
      ${init ? 'containers: [{name: app, image: busybox}]' : ''}
  `;
  const found = findings(pod('livenessProbe', 5), 'invalid-value');
  assert.equal(found.length, 1);
  assert.equal(found[0]?.text, '5');
  assert.match(found[0]?.message ?? '', /spec\.containers\[0\]\.livenessProbe\.successThreshold: Invalid value: 5: must be 1/);
  assert.equal(findings(pod('startupProbe', 2), 'invalid-value').length, 1);
  assert.equal(findings(pod('livenessProbe', 2, true), 'invalid-value').length, 1);
  assert.equal(findings(pod('readinessProbe', 5), 'invalid-value').length, 0);
  assert.equal(findings(pod('livenessProbe', 1), 'invalid-value').length, 0);
  // 0 is defaulted to 1 before validation.
  assert.equal(findings(pod('livenessProbe', 0), 'invalid-value').length, 0);
  applyFix(pod('livenessProbe', 5), 'invalid-value', /successThreshold to 1/);
});

test('invalid-value: a successThreshold merged into a liveness probe from a readiness anchor is reported at the alias, without a fix', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      containers:
      - name: web
        image: nginx
        readinessProbe: &probe {httpGet: {path: /, port: 80}, successThreshold: 2}
        livenessProbe: *probe
  `;
  const found = findings(text, 'invalid-value');
  assert.deepEqual(found.map((f) => f.text), ['*probe']);
  assert.deepEqual(fixesOf(text, 'invalid-value').fixes.filter((f) => !/^Disable /.test(f.title)), []);
});
