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

test('subPathExpr is a subPath: the kubelet expands its $(VAR) and mounts that one entry', () => {
  const withEnv = (mount: string, env: string): string => pod(mount).replace('      volumeMounts:', `      env: ${env}\n      volumeMounts:`);
  // The sweep repro: `subPathExpr: $(INI)` with INI a literal env value mounts the file grafana.ini.
  const literal = withEnv('{name: c, mountPath: /etc/nginx/nginx.conf, subPathExpr: $(CONF)}', '[{name: CONF, value: nginx.conf}]');
  assert.deepEqual(findings(literal, 'mount-shadows-image'), []);
  // A variable from a fieldRef, one set by envFrom, a placeholder or a Tekton param: the name is unknown, the mount is still one entry.
  assert.deepEqual(findings(withEnv('{name: c, mountPath: /etc/nginx/nginx.conf, subPathExpr: $(POD)}', '[{name: POD, valueFrom: {fieldRef: {fieldPath: metadata.name}}}]'), 'mount-shadows-image'), []);
  assert.deepEqual(findings(pod('{name: c, mountPath: /etc/nginx/nginx.conf, subPathExpr: $(FROM_ENV_FROM)}'), 'mount-shadows-image'), []);
  assert.deepEqual(findings(pod('{name: c, mountPath: /etc/nginx/nginx.conf, subPathExpr: "${FILE}"}'), 'mount-shadows-image'), []);
  assert.deepEqual(findings(pod('{name: c, mountPath: /etc/nginx/nginx.conf, subPath: "$(params.file)"}'), 'mount-shadows-image'), []);
  // An empty subPathExpr mounts the whole volume: still the error.
  assert.equal(findings(pod('{name: c, mountPath: /etc/nginx/nginx.conf, subPathExpr: ""}'), 'mount-shadows-image').length, 1);
});
