/** mount-shadows-image at nginx's conf.d: the only server block is there, so an empty volume leaves nginx listening nowhere. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings } from '../../helpers/check';

const pod = (image: string, mounts: string, volumes: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: nginx\n    image: ${image}\n    volumeMounts:\n${mounts}  volumes:\n${volumes}`;
const confd = '    - {name: conf, mountPath: /etc/nginx/conf.d}\n';

test('mount-shadows-image: an emptyDir at /etc/nginx/conf.d hides default.conf, the only server block', () => {
  for (const image of ['nginx:1.27', 'nginxinc/nginx-unprivileged:1.27-alpine']) {
    const [finding, ...rest] = findings(pod(image, confd, '  - {name: conf, emptyDir: {}}\n'), 'mount-shadows-image');
    assert.equal(rest.length, 0, image);
    assert.equal(finding?.severity, 'warning');
    assert.match(finding?.message ?? '', /\/etc\/nginx\/conf\.d: default\.conf \(the only server block: .*listens on no port\)/);
  }
});

test('mount-shadows-image: conf.d filled or configured is left alone', () => {
  // Templates the entrypoint renders into conf.d (the usual way with a read-only root filesystem).
  const templates = confd + '    - {name: templates, mountPath: /etc/nginx/templates}\n';
  assert.deepEqual(findings(pod('nginx:1.27', templates, '  - {name: conf, emptyDir: {}}\n  - {name: templates, configMap: {name: t}}\n'), 'mount-shadows-image'), []);
  // A ConfigMap of server blocks is the documented way to configure nginx: not even a note.
  assert.deepEqual(findings(pod('nginx:1.27', confd, '  - {name: conf, configMap: {name: nginx-conf}}\n'), 'mount-shadows-image'), []);
  // Below conf.d hides nothing; read-only templates mount still renders (the output is conf.d).
  assert.deepEqual(findings(pod('nginx:1.27', '    - {name: conf, mountPath: /etc/nginx/conf.d/extra}\n', '  - {name: conf, emptyDir: {}}\n'), 'mount-shadows-image'), []);
  // Another container writes the server blocks (a config generator sidecar).
  const sidecar = pod('nginx:1.27', confd, '  - {name: conf, emptyDir: {}}\n').replace('  volumes:\n', '  - name: gen\n    image: busybox:1.36\n    volumeMounts: [{name: conf, mountPath: /out}]\n  volumes:\n');
  assert.deepEqual(findings(sidecar, 'mount-shadows-image'), []);
});

test('mount-shadows-image: conf.d filled, or nginx not reading it (probe BL)', () => {
  const empty = '  - {name: conf, emptyDir: {}}\n';
  const quiet = (text: string, why: string): void => assert.deepEqual(findings(text, 'mount-shadows-image'), [], why);
  quiet(pod('nginx:1.27', confd + '    - {name: site, mountPath: /etc/nginx/conf.d/default.conf, subPath: default.conf}\n', empty + '  - {name: site, configMap: {name: site}}\n'), 'a file mounted inside it');
  quiet(pod('nginx:1.27', confd + '    - {name: main, mountPath: /etc/nginx/nginx.conf, subPath: nginx.conf}\n', empty + '  - {name: main, configMap: {name: main}}\n'), 'an nginx.conf of its own');
  quiet(pod('nginx:1.27', confd, empty).replace('    volumeMounts:', '    env: [{name: NGINX_ENVSUBST_TEMPLATE_DIR, value: /config/templates}]\n    volumeMounts:'), 'templates from elsewhere');
  quiet(pod('nginx:1.27', confd, empty).replace('    volumeMounts:', '    args: [nginx, -c, /config/nginx.conf, -g, "daemon off;"]\n    volumeMounts:'), 'started with another configuration');
  quiet(pod('nginx:1.27', confd, empty).replace('    volumeMounts:', '    command: [nginx, -t]\n    volumeMounts:'), 'a test run serves nothing');
  const snapshot = '  - name: conf\n    ephemeral:\n      volumeClaimTemplate:\n        spec:\n          accessModes: [ReadWriteOnce]\n          resources: {requests: {storage: 1Gi}}\n          dataSource: {name: conf-snap, kind: VolumeSnapshot, apiGroup: snapshot.storage.k8s.io}\n';
  quiet(pod('nginx:1.27', confd, snapshot), 'an ephemeral volume made from a snapshot starts with its files');
  quiet(pod('nginx:1.27', confd, empty).replace('    volumeMounts:', '    command: [sh, -c, \'for f in /t/*; do envsubst < "$f" > "/etc/nginx/conf.d/$(basename "$f")"; done; exec nginx -g "daemon off;"\']\n    volumeMounts:'), 'its own loop writes each file');
});

test('mount-shadows-image: conf.d still empty — templates the entrypoint never renders, NGINX\'s own registries (probe BL)', () => {
  const templates = confd + '    - {name: templates, mountPath: /etc/nginx/templates}\n';
  const skipped = pod('nginx:1.27', templates, '  - {name: conf, emptyDir: {}}\n  - {name: templates, configMap: {name: t}}\n').replace('    volumeMounts:', '    command: [nginx, -g, "daemon off;"]\n    volumeMounts:');
  assert.equal(findings(skipped, 'mount-shadows-image').length, 1, 'command skips the entrypoint that renders them');
  for (const image of ['public.ecr.aws/nginx/nginx:1.27', 'quay.io/nginx/nginx-unprivileged:1.27']) {
    assert.equal(findings(pod(image, confd, '  - {name: conf, emptyDir: {}}\n'), 'mount-shadows-image').length, 1, image);
  }
});

test('mount-shadows-image: a ConfigMap at /etc/caddy is how Caddy is configured; an empty volume there hides the Caddyfile', () => {
  const caddy = (volume: string): string =>
    `apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: caddy\n    image: caddy:2.8-alpine\n    volumeMounts:\n    - {name: conf, mountPath: /etc/caddy}\n  volumes:\n  - ${volume}\n`;
  assert.deepEqual(findings(caddy('{name: conf, configMap: {name: caddy-conf}}'), 'mount-shadows-image'), []);
  assert.equal(findings(caddy('{name: conf, emptyDir: {}}'), 'mount-shadows-image').length, 1);
});
