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
