/**
 * run-as-non-root: `runAsNonRoot: true` the kubelet cannot verify (an image that starts as root or
 * names its user, with no runAsUser; or runAsUser 0). The container's setting wins over the pod's;
 * images outside the table, placeholders, Windows pods and kustomize patches are not judged.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings } from '../../helpers/check';
import { applyFix, fixesOf } from '../../helpers/fix';

const pod = (podContext: string, containers: string): string => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext: ${podContext}\n  containers:\n${containers}`;
const container = (name: string, image: string, context = ''): string => `    - name: ${name}\n      image: ${image}\n${context ? `      securityContext: ${context}\n` : ''}`;
const reported = (text: string, options = {}): string[] => findings(text, 'run-as-non-root', options).map((f) => f.message.slice(11, f.message.indexOf('"', 11)));

test('an image that starts as root, or names its user, with runAsNonRoot and no runAsUser', () => {
  const text = pod('{runAsNonRoot: true}', container('web', 'nginx:1.27') + container('prom', 'quay.io/prometheus/prometheus:v3.1.0') + container('app', 'example.com/team/app:1.0'));
  const found = findings(text, 'run-as-non-root');
  assert.deepEqual(found.map((f) => f.message.slice(0, 30)), ['Container "web" will not start', 'Container "prom" will not star']);
  assert.match(found[0]!.message, /nginx:1\.27 starts as root .*"container has runAsNonRoot and image will run as root".*CreateContainerConfigError/);
  assert.match(found[1]!.message, /names it "nobody" .*"container has runAsNonRoot and image has non-numeric user \(nobody\), cannot verify user is non-root".*Set runAsUser: 65534/);
  // On the image, with the runAsNonRoot it comes from as related information; an error.
  assert.equal(found[0]!.severity, 'error');
  assert.equal(text.split('\n')[found[0]!.range.start.line]!.trim(), 'image: nginx:1.27');
});

test('runAsUser decides: the container\'s over the pod\'s; 0 is refused whatever the image', () => {
  assert.deepEqual(reported(pod('{runAsNonRoot: true, runAsUser: 101}', container('web', 'nginx:1.27'))), []);
  assert.deepEqual(reported(pod('{runAsNonRoot: true}', container('web', 'nginx:1.27', '{runAsUser: 101}'))), []);
  assert.deepEqual(reported(pod('{runAsNonRoot: true, runAsUser: 101}', container('web', 'grafana/grafana:11.0.0', '{runAsUser: 0}'))), ['web']);
  // The container may turn the pod's runAsNonRoot off, or set it alone.
  assert.deepEqual(reported(pod('{runAsNonRoot: true}', container('web', 'nginx:1.27', '{runAsNonRoot: false}'))), []);
  assert.deepEqual(reported(pod('{}', container('web', 'redis:7', '{runAsNonRoot: true}'))), ['web']);
  // Init containers are checked too.
  const init = pod('{runAsNonRoot: true, runAsUser: 1000}', container('app', 'example/app:1')).replace('  containers:', '  initContainers:\n    - name: fix\n      image: busybox:1.36\n      securityContext: {runAsUser: 0}\n  containers:');
  assert.deepEqual(reported(init), ['fix']);
});

test('not judged: unknown images, placeholders, Windows, kustomize patches and resources', () => {
  assert.deepEqual(reported(pod('{runAsNonRoot: true}', container('app', 'example.com/app:1'))), []);
  // An image whose USER is numeric passes (grafana runs as 472).
  assert.deepEqual(reported(pod('{runAsNonRoot: true}', container('g', 'grafana/grafana:11.0.0'))), []);
  assert.deepEqual(reported(pod('{runAsNonRoot: true, runAsUser: "${UID}"}', container('web', 'nginx:1.27'))), []);
  assert.deepEqual(reported(pod('{runAsNonRoot: "${NON_ROOT}"}', container('web', 'nginx:1.27'))), []);
  assert.deepEqual(reported(pod('{runAsNonRoot: true}', container('web', '"${IMAGE}"'))), []);
  const helm = pod('{runAsNonRoot: true}', container('web', 'nginx:1.27')).replace('      image: nginx:1.27\n', '      image: nginx:1.27\n      securityContext:\n        {{- toYaml .Values.securityContext | nindent 8 }}\n');
  assert.deepEqual(reported(helm), []);
  assert.deepEqual(reported(pod('{runAsNonRoot: true, windowsOptions: {runAsUserName: ContainerUser}}', container('web', 'nginx:1.27'))), []);
  const text = pod('{runAsNonRoot: true}', container('web', 'nginx:1.27'));
  assert.deepEqual(reported(text, { fragment: 'kustomize-patch' }), []);
  assert.deepEqual(reported(text, { kustomizeResource: true }), []);
});

test('fix: run as the UID of the user the image names (preferred); none for root images', () => {
  const text = pod('{runAsNonRoot: true}', container('prom', 'prom/prometheus:v3.1.0') + container('mc', 'memcached:1.6', '{allowPrivilegeEscalation: false}'));
  const { fix } = applyFix(text, 'run-as-non-root', /UID 65534/, text.replace('      image: prom/prometheus:v3.1.0\n', '      image: prom/prometheus:v3.1.0\n      securityContext:\n        runAsUser: 65534\n'));
  assert.equal(fix.preferred, true);
  applyFix(text, 'run-as-non-root', /UID 11211/, text.replace('{allowPrivilegeEscalation: false}', '{allowPrivilegeEscalation: false, runAsUser: 11211}'), { nth: 1 });
  const root = fixesOf(pod('{runAsNonRoot: true}', container('web', 'nginx:1.27')), 'run-as-non-root');
  assert.deepEqual(root.fixes.filter((f) => !/^Disable /.test(f.title)), []);
});

test('probe AT: Windows by node selector, affinity or image tag; custom resources; runAsUser left empty; wordpress:cli', () => {
  const base = pod('{runAsNonRoot: true}', container('web', 'traefik:v3.1'));
  assert.deepEqual(reported(base.replace('spec:\n', 'spec:\n  nodeSelector: {kubernetes.io/os: windows}\n')), []);
  const affinity = '  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n        nodeSelectorTerms:\n        - matchExpressions: [{key: kubernetes.io/os, operator: In, values: [windows]}]\n';
  assert.deepEqual(reported(base.replace('spec:\n', `spec:\n${affinity}`)), []);
  assert.deepEqual(reported(pod('{runAsNonRoot: true}', container('web', 'caddy:2.8-windowsservercore-ltsc2022'))), []);
  // A Linux node selector changes nothing.
  assert.deepEqual(reported(base.replace('spec:\n', 'spec:\n  nodeSelector: {kubernetes.io/os: linux}\n')), ['web']);
  // Custom resources merge security settings from elsewhere (Argo's templateDefaults, Tekton's podTemplate).
  const rollout = `apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: r}\nspec:\n  selector: {matchLabels: {app: r}}\n  template:\n    metadata: {labels: {app: r}}\n    spec:\n      securityContext: {runAsNonRoot: true}\n      containers:\n      - name: web\n        image: nginx:1.27\n`;
  assert.deepEqual(reported(rollout), []);
  // `runAsUser:` with nothing after it is not set.
  assert.deepEqual(reported(pod('{runAsNonRoot: true, runAsUser: }', container('web', 'nginx:1.27'))), ['web']);
  // wordpress's cli tags run as www-data.
  assert.deepEqual(reported(pod('{runAsNonRoot: true}', container('wp', 'wordpress:cli-2.11'))), []);
  assert.deepEqual(reported(pod('{runAsNonRoot: true}', container('wp', 'wordpress:6.6-apache'))), ['wp']);
});

test('official language images start as root too (sweep DE): node, python, golang; not a namesake elsewhere', () => {
  for (const image of ['node:20-alpine', 'python:3.12-slim', 'docker.io/library/golang:1.23', 'public.ecr.aws/docker/library/node:20']) {
    assert.deepEqual(reported(pod('{runAsNonRoot: true}', container('app', image))), ['app'], image);
  }
  assert.deepEqual(reported(pod('{runAsNonRoot: true, runAsUser: 1000}', container('app', 'node:20'))), []);
  assert.deepEqual(reported(pod('{runAsNonRoot: true}', container('app', 'ghcr.io/example/node:20'))), []);
  assert.deepEqual(reported(pod('{runAsNonRoot: true}', container('app', 'bitnami/node:20'))), []);
});
