/** invalid-value: a subPath or items path must stay inside its volume (sweep BR's miss). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings } from '../../helpers/check';
import { applyFix, fixesOf } from '../../helpers/fix';

const pod = (mount: string, volume = '  - {name: data, emptyDir: {}}\n'): string =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: db}\nspec:\n  containers:\n  - name: mysql\n    image: mysql:8.0\n    volumeMounts:\n    - {name: data, mountPath: /var/lib/mysql, ${mount}}\n  volumes:\n${volume}`;

test('invalid-value: an absolute or backstepping subPath, subPathExpr or items path is refused', () => {
  const [absolute, ...rest] = findings(pod('subPath: /mysql'), 'invalid-value');
  assert.equal(rest.length, 0);
  assert.equal(absolute?.severity, 'error');
  assert.equal(absolute?.text, '/mysql');
  assert.match(absolute?.message ?? '', /kubectl apply rejects this: "spec\.containers\[0\]\.volumeMounts\.subPath: Invalid value: "\/mysql": must be a relative path"/);
  assert.match(findings(pod('subPath: data/../../etc'), 'invalid-value')[0]?.message ?? '', /must not contain '\.\.'/);
  assert.match(findings(pod('subPathExpr: /$(POD_NAME)'), 'invalid-value')[0]?.message ?? '', /volumeMounts\.subPathExpr: Invalid value: "\/\$\(POD_NAME\)": must be a relative path/);
  const items = (path: string): string => pod('subPath: x', `  - name: data\n    configMap:\n      name: cfg\n      items: [{key: my.cnf, path: ${path}}]\n`);
  assert.match(findings(items('/etc/my.cnf'), 'invalid-value')[0]?.message ?? '', /spec\.volumes\[0\]\.configMap\.items\[0\]\.path: Invalid value: "\/etc\/my\.cnf": must be a relative path/);
  assert.match(findings(items('..data'), 'invalid-value')[0]?.message ?? '', /must not start with '\.\.'/);
  const projected = pod('subPath: x', '  - name: data\n    projected:\n      sources:\n      - secret: {name: s, items: [{key: k, path: ../k}]}\n');
  assert.match(findings(projected, 'invalid-value')[0]?.message ?? '', /spec\.volumes\[0\]\.projected\.sources\[0\]\.secret\.items\[0\]\.path: Invalid value: "\.\.\/k": must not contain/);
  // Probe BX: a projected token's path too (named `projected.path` by the server).
  const token = pod('subPath: x', '  - name: data\n    projected:\n      sources:\n      - serviceAccountToken: {path: /var/run/token, expirationSeconds: 3600}\n');
  assert.match(findings(token, 'invalid-value')[0]?.message ?? '', /spec\.volumes\[0\]\.projected\.path: Invalid value: "\/var\/run\/token": must be a relative path/);
});

test('invalid-value: relative paths, dotted names and placeholders are fine', () => {
  for (const mount of ['subPath: mysql', 'subPath: a/b..c', 'subPath: ..hidden', 'subPathExpr: $(POD_NAME)', 'subPath: "${DATA_DIR}"', 'subPath: "{{ .Values.sub }}"']) {
    assert.deepEqual(findings(pod(mount), 'invalid-value'), [], mount);
  }
});

test('invalid-value: the fix writes an absolute subPath relative (the same folder of the volume)', () => {
  const { fix } = applyFix(pod('subPath: /mysql'), 'invalid-value', /Replace "\/mysql" with "mysql"/, pod('subPath: mysql'));
  assert.equal(fix.preferred, true);
  assert.deepEqual(fixesOf(pod('subPath: ../mysql'), 'invalid-value', 0, {}).fixes.filter((f) => !/^Disable/.test(f.title)), [], 'no guess for a backstep');
});

test('invalid-value: an NFS path is absolute on the server; a StorageClass names its provisioner (sweep CB)', () => {
  const nfs = (path: string): string => pod('readOnly: true', `  - name: data\n    nfs: {server: 192.168.1.10, path: ${path}}\n`);
  const [relative] = findings(nfs('volume1/media'), 'invalid-value');
  assert.match(relative?.message ?? '', /kubectl apply rejects this: "spec\.volumes\[0\]\.nfs\.path: Invalid value: "volume1\/media": must be an absolute path"/);
  assert.deepEqual(findings(nfs('/volume1/media'), 'invalid-value'), []);
  assert.deepEqual(findings(nfs('"${NFS_PATH}"'), 'invalid-value'), []);
  applyFix(nfs('volume1/media'), 'invalid-value', /Replace "volume1\/media" with "\/volume1\/media"/, nfs('/volume1/media'));
  const pv = 'apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: media}\nspec:\n  capacity: {storage: 1Ti}\n  accessModes: [ReadWriteMany]\n  nfs: {server: nas, path: media}\n';
  assert.match(findings(pv, 'invalid-value')[0]?.message ?? '', /"spec\.nfs\.path: Invalid value: "media": must be an absolute path"/);
  const storageClass = (extra: string): string => `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: media-storage}\n${extra}reclaimPolicy: Retain\n`;
  const [missing] = findings(storageClass(''), 'invalid-value');
  assert.equal(missing?.text, 'kind');
  assert.match(missing?.message ?? '', /kubectl apply rejects this: "provisioner: Required value"/);
  assert.deepEqual(findings(storageClass('provisioner: kubernetes.io/no-provisioner\n'), 'invalid-value'), []);
  assert.deepEqual(findings(storageClass(''), 'invalid-value', { kustomizeResource: true }), []);
});

test('invalid-value: reserved `..` names, a hostPath that steps back, an empty provisioner, privileged without escalation (probe BY, sweep CD)', () => {
  const items = pod('subPath: x', '  - name: data\n    downwardAPI:\n      items: [{path: ..labels, fieldRef: {fieldPath: metadata.labels}}]\n');
  assert.match(findings(items, 'invalid-value')[0]?.message ?? '', /starts with "\.\.", which a volume keeps for the kubelet's own entries/);
  const host = pod('readOnly: true', '  - name: data\n    hostPath: {path: /var/lib/../log}\n');
  assert.match(findings(host, 'invalid-value')[0]?.message ?? '', /"spec\.volumes\[0\]\.hostPath\.path: Invalid value: "\/var\/lib\/\.\.\/log": must not contain '\.\.'"/);
  for (const empty of ['provisioner: ""\n', 'provisioner:\n']) {
    assert.equal(findings(`apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: s}\n${empty}`, 'invalid-value').length, 1, empty);
  }
  const privileged = pod('readOnly: true').replace('    image: mysql:8.0\n', '    image: mysql:8.0\n    securityContext: {privileged: true, allowPrivilegeEscalation: false}\n');
  assert.match(findings(privileged, 'invalid-value')[0]?.message ?? '', /"spec\.containers\[0\]\.securityContext: Invalid value: …: cannot set `allowPrivilegeEscalation` to false and `privileged` to true"/);
  assert.deepEqual(findings(privileged.replace('allowPrivilegeEscalation: false', 'allowPrivilegeEscalation: true'), 'invalid-value'), []);
});
