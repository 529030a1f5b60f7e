/**
 * read-only-root-fs: a container's own script writing onto a read-only root filesystem, where no
 * writable volume is mounted, fails with "Read-only file system" (sweep ED).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings, yaml } from '../../helpers/check';

const pod = (script: string, mounts = '[]', volumes = '[]'): string => yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: t}
  spec:
    restartPolicy: Never
    containers:
    - name: a
      image: busybox:1.36
      command: [sh, -c, ${JSON.stringify(script)}]
      securityContext: {readOnlyRootFilesystem: true}
      volumeMounts: ${mounts}
    volumes: ${volumes}
`;
const found = (script: string, mounts?: string, volumes?: string): string[] => findings(pod(script, mounts, volumes), 'read-only-root-fs').map((f) => f.message);

test('a script that writes onto the read-only root is reported, with the paths', () => {
  const messages = found('touch /test.go && echo ok > /etc/app.conf');
  assert.equal(messages.length, 1);
  assert.match(messages[0]!, /Container "a" has a read-only root filesystem, but its own script writes \/test\.go, \/etc\/app\.conf, where no writable volume is mounted: the write fails with "Read-only file system"/);
});

test('writes under a writable volume, to devices or the kubelet\'s files, or unknown paths are fine', () => {
  assert.deepEqual(found('echo hi > /tmp/x', '[{name: tmp, mountPath: /tmp}]', '[{name: tmp, emptyDir: {}}]'), []);
  assert.deepEqual(found('echo hi > /dev/stdout; echo ok > /dev/termination-log; echo 1.2.3.4 db >> /etc/hosts'), []);
  assert.deepEqual(found('cd "$HOME" && touch x; echo hi'), [], 'a path Podsight cannot resolve is no write');
  // A ConfigMap is mounted read-only: writing into it fails as well.
  assert.equal(found('echo x > /config/a', '[{name: cfg, mountPath: /config}]', '[{name: cfg, configMap: {name: c}}]').length, 1);
  // Without readOnlyRootFilesystem, nothing to say.
  assert.deepEqual(findings(pod('touch /test.go').replace('readOnlyRootFilesystem: true', 'readOnlyRootFilesystem: false'), 'read-only-root-fs'), []);
});

test('scripts whose writes are conditional or elsewhere, and the termination message file, are left alone (probe EK)', () => {
  for (const script of [
    'if [ -w /etc/app ]; then echo x > /etc/app/c.conf; fi',
    'cp /src/c /etc/app/c 2>/dev/null || cp /src/c /data/c',
    'echo x > "${DATA_DIR:=/var/lib/app}/marker"; exec app',
    '(cd /opt/app && ./check.sh); ./run.sh > /opt/run.log',
    'pushd /data; echo x > out.txt; popd',
    'mount -t tmpfs tmpfs /work && echo x > /work/a',
    'save() { echo x > /etc/app/c; }; exec app',
  ]) {
    assert.deepEqual(found(script), [], script);
  }
  const text = pod('run || echo failed > /tmp/termination-log').replace('    securityContext:', '    terminationMessagePath: /tmp/termination-log\n    securityContext:');
  assert.deepEqual(findings(text.replace('run || ', 'run; '), 'read-only-root-fs'), []);
});
