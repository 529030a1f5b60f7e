/**
 * mount-shadows-image: a directory volume mounted without subPath over a file the image ships
 * (nginx.conf, prometheus.yml) keeps the container from being created; the fix mounts one key.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings, yaml } from '../../helpers/check';
import { applyFix } from '../../helpers/fix';

const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ngx}\ndata:\n  nginx.conf: |\n    events {}\n    http { server { listen 8080; } }\n';
const pod = (mount: string, volume = '{name: c, configMap: {name: ngx}}', image = 'nginx:1.25'): string => yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: ngx}
  spec:
    containers:
    - name: nginx
      image: ${image}
      volumeMounts:
      - ${mount}
    volumes:
    - ${volume}
`;

test('a ConfigMap directory mounted over nginx.conf: the container is never created', () => {
  const found = findings(pod('{name: c, mountPath: /etc/nginx/nginx.conf}'), 'mount-shadows-image');
  assert.equal(found.length, 1);
  assert.equal(found[0]!.severity, 'error');
  assert.match(found[0]!.message, /Volume "c" \(configMap\) is a directory.*mounts it at \/etc\/nginx\/nginx\.conf, which nginx:1\.25 ships as a file.*never created.*subPath: nginx\.conf/);
  assert.match(findings(pod('{name: d, mountPath: /etc/prometheus/prometheus.yml}', '{name: d, emptyDir: {}}', 'prom/prometheus:v2.53.0'), 'mount-shadows-image')[0]?.message ?? '', /ships as a file/);
  // With subPath, a hostPath (may be a file on the node), a path the image has no file at, another image: nothing.
  assert.deepEqual(findings(pod('{name: c, mountPath: /etc/nginx/nginx.conf, subPath: nginx.conf}'), 'mount-shadows-image'), []);
  assert.deepEqual(findings(pod('{name: c, mountPath: /etc/nginx/nginx.conf}', '{name: c, hostPath: {path: /srv/nginx.conf, type: File}}'), 'mount-shadows-image'), []);
  assert.deepEqual(findings(pod('{name: c, mountPath: /etc/nginx/site.conf}'), 'mount-shadows-image'), []);
  assert.deepEqual(findings(pod('{name: c, mountPath: /etc/nginx/nginx.conf}', undefined, 'example/app:1'), 'mount-shadows-image'), []);
  // A kustomize patch: the base's mount at that path may have the subPath.
  assert.deepEqual(findings(pod('{name: c, mountPath: /etc/nginx/nginx.conf}'), 'mount-shadows-image', { fragment: 'kustomize-patch' }), []);
});

test('the fix mounts the key named like the file; preferred when the ConfigMap in the file holds it', () => {
  const text = `${configMap}---\n${pod('{name: c, mountPath: /etc/nginx/nginx.conf}')}`;
  const { fix } = applyFix(text, 'mount-shadows-image', /Mount only the key "nginx\.conf" there/, text.replace('mountPath: /etc/nginx/nginx.conf}', 'mountPath: /etc/nginx/nginx.conf, subPath: nginx.conf}'));
  assert.equal(fix.preferred, true);
  const other = text.replace('  nginx.conf: |', '  default.conf: |');
  assert.notEqual(applyFix(other, 'mount-shadows-image', /Mount only the key/).fix.preferred, true, 'no such key: the kubelet would make an empty directory');
});
