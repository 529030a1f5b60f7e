/**
 * mount-shadows-image, a mount the entrypoint refuses: PostgreSQL 18 and later (postgres:latest,
 * an untagged or unversioned tag) exit with "there appears to be PostgreSQL data in:
 * /var/lib/postgresql/data (unused mount/volume)" when that path is a mount point and PGDATA is
 * left at its default (sweep AL: a real Odoo repository on postgres:latest).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings } from '../../helpers/check';
import { applyFix } from '../../helpers/fix';

const pod = (image: string, extra = '', mountPath = '/var/lib/postgresql/data'): string =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: db}\nspec:\n  containers:\n    - name: postgres\n      image: ${image}\n${extra}      volumeMounts:\n        - {name: data, mountPath: ${mountPath}}\n  volumes:\n    - {name: data, persistentVolumeClaim: {claimName: data}}\n`;
const refused = (text: string): string[] => findings(text, 'mount-shadows-image').filter((f) => f.severity === 'error').map((f) => f.text);

test('postgres 18 and later refuse a mount at /var/lib/postgresql/data; 17 and older keep their data there', () => {
  for (const image of ['postgres', 'postgres:latest', 'postgres:18', 'postgres:18.1-alpine', 'postgres:alpine', 'postgis/postgis:18-3.6']) {
    assert.deepEqual(refused(pod(image)), ['/var/lib/postgresql/data'], image);
  }
  // postgis/postgis's `latest` pairs a PostgreSQL release that may be older: judged only with a version (sweep AO).
  for (const image of ['postgis/postgis', 'postgis/postgis:latest', 'postgis/postgis:17-3.5', 'postgres:17', 'postgres:16-alpine', 'postgres@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef']) {
    assert.deepEqual(refused(pod(image)), [], image);
  }
  // PGDATA set (or maybe set by envFrom), a replaced entrypoint, a mount at /var/lib/postgresql: no refusal.
  assert.deepEqual(refused(pod('postgres:18', '      env: [{name: PGDATA, value: /var/lib/postgresql/data/pgdata}]\n')), []);
  assert.deepEqual(refused(pod('postgres:18', '      envFrom: [{configMapRef: {name: db}}]\n')), []);
  assert.deepEqual(refused(pod('postgres:18', '      command: [postgres]\n')), []);
  assert.deepEqual(refused(pod('postgres:18', '', '/var/lib/postgresql')), []);
  // args that run another program: the entrypoint executes it without the check (sweep AM).
  assert.deepEqual(refused(pod('postgres:18', '      args: [sleep, infinity]\n')), []);
  assert.deepEqual(refused(pod('postgres:18', '      args: [sh, -c, "chown -R 999:999 /var/lib/postgresql/data"]\n')), []);
  // The server's own args still start it.
  assert.deepEqual(refused(pod('postgres:18', '      args: [postgres, -c, max_connections=200]\n')), ['/var/lib/postgresql/data']);
  assert.deepEqual(refused(pod('postgres:18', '      args: [-c, max_connections=200]\n')), ['/var/lib/postgresql/data']);
});

test('the fixes: mount the volume at /var/lib/postgresql (preferred), or set PGDATA into this mount; both clear the finding', () => {
  const text = pod('postgres:latest');
  const moved = applyFix(text, 'mount-shadows-image', /Mount "data" at \/var\/lib\/postgresql$/);
  assert.equal(moved.fix.preferred, true);
  assert.match(moved.result, /mountPath: \/var\/lib\/postgresql\}/);
  const kept = applyFix(text, 'mount-shadows-image', /Set PGDATA=\/var\/lib\/postgresql\/data\/pgdata/).result;
  assert.match(kept, /env:\n\s+- name: PGDATA\n\s+value: \/var\/lib\/postgresql\/data\/pgdata/);
  assert.deepEqual(refused(kept), []);
});
