import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { check, findings, yaml } from '../../helpers/check';
import { examplesDir } from '../../helpers/paths';

const volumes = readFileSync(join(examplesDir, 'volumes.yaml'), 'utf8');

test('the seed shared-disk pod is clean', () => {
  assert.deepEqual(check(readFileSync(join(examplesDir, 'seed-shared-disk.yaml'), 'utf8')), []);
  assert.deepEqual(check(readFileSync(join(examplesDir, 'seed-shared-ip.yaml'), 'utf8')), []);
});

test('mount-shadows-image: emptyDir over nginx html', () => {
  const found = findings(volumes, 'mount-shadows-image');
  assert.equal(found.length, 1);
  assert.equal(found[0]?.text, '/usr/share/nginx/html');
  assert.equal(found[0]?.severity, 'warning');
  assert.match(found[0]?.message ?? '', /never copies image files/);
});

test('mount-shadows-image: not raised when another container fills the volume, at data dirs, info for configMaps', () => {
  const pod = (extra: string, mount = '/usr/share/nginx/html', source = 'emptyDir: {}', image = 'nginx'): string => yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      containers:
      - name: web
        image: ${image}
        volumeMounts: [{name: site, mountPath: ${mount}}]
      ${extra}
      volumes:
      - name: site
        ${source}
  `;
  assert.equal(findings(pod(''), 'mount-shadows-image').length, 1);
  assert.equal(findings(pod('- {name: sync, image: git-sync, volumeMounts: [{name: site, mountPath: /git}]}'), 'mount-shadows-image').length, 0);
  assert.equal(findings(pod('- {name: sync, image: git-sync, volumeMounts: [{name: site, mountPath: /git, readOnly: true}]}'), 'mount-shadows-image').length, 1);
  assert.equal(findings(pod('', '/data', 'emptyDir: {}', 'redis:7'), 'mount-shadows-image').length, 0);
  const config = findings(pod('', '/etc/nginx', 'configMap: {name: conf}'), 'mount-shadows-image');
  assert.equal(config[0]?.severity, 'information');
  assert.equal(findings(pod('', '/etc/nginx/conf.d/extra'), 'mount-shadows-image').length, 0);
});

test('nested-mount-path and duplicate-mount-path (normalised)', () => {
  const nested = findings(volumes, 'nested-mount-path');
  assert.deepEqual(nested.map((f) => f.text), ['/var/cache/app/tmp']);
  assert.deepEqual(nested[0]?.relatedText, ['/var/cache/app']);
  const dup = findings(volumes, 'duplicate-mount-path');
  assert.deepEqual(dup.map((f) => f.text), ['/var/log/app/']);
  assert.match(dup[0]?.message ?? '', /compares mountPath as strings/);
  const exact = findings(yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      containers:
      - {name: a, image: x, volumeMounts: [{name: v, mountPath: /data}, {name: w, mountPath: /data}]}
      volumes: [{name: v, emptyDir: {}}, {name: w, emptyDir: {}}]
  `, 'duplicate-mount-path');
  assert.match(exact[0]?.message ?? '', /Invalid value: "\/data": must be unique/);
});

test('undefined-volume suggests the closest name; claim templates count as defined', () => {
  const found = findings(volumes, 'undefined-volume');
  assert.equal(found.length, 1);
  assert.equal(found[0]?.text, 'confg');
  assert.match(found[0]?.message ?? '', /Did you mean "config"\?/);
  assert.match(found[0]?.message ?? '', /Not found: "confg"/);
  const sts = yaml`
    apiVersion: apps/v1
    kind: StatefulSet
    metadata: {name: db}
    spec:
      serviceName: db
      selector: {matchLabels: {app: db}}
      template:
        metadata: {labels: {app: db}}
        spec:
          containers:
          - {name: db, image: postgres:16, volumeMounts: [{name: data, mountPath: /var/lib/postgresql/data}]}
      volumeClaimTemplates:
      - metadata: {name: data}
        spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
  `;
  assert.deepEqual(check(sts), []);
});

test('unused-volume is information, tagged unnecessary', () => {
  const found = findings(volumes, 'unused-volume');
  assert.deepEqual(found.map((f) => f.text), ['config', 'spare']); // config: its mount is misspelt
  assert.equal(found[0]?.severity, 'information');
  assert.deepEqual(found[0]?.tags, ['unnecessary']);
});

test('duplicate names and invalid names in a CronJob template', () => {
  const text = readFileSync(join(examplesDir, 'names.yaml'), 'utf8');
  assert.deepEqual(findings(text, 'duplicate-container-name').map((f) => f.text), ['uploader']);
  assert.deepEqual(findings(text, 'duplicate-volume-name').map((f) => f.text), ['out']);
  const invalid = findings(text, 'invalid-name');
  assert.deepEqual(invalid.map((f) => f.text), ['Report']);
  assert.match(invalid[0]?.message ?? '', /spec\.jobTemplate\.spec\.template\.spec\.containers\[0\]\.name/);
});

test('unused-volume: the gke-gcsfuse-* volumes of a pod that asks GKE for its Cloud Storage FUSE sidecar are that sidecar\'s', () => {
  const job = (annotation: string): string => yaml`
    apiVersion: batch/v1
    kind: Job
    metadata: {name: train}
    spec:
      template:
        metadata:
          annotations: {${annotation}}
        spec:
          restartPolicy: Never
          containers:
          - {name: train, image: python:3.12, volumeMounts: [{name: data, mountPath: /data}]}
          volumes:
          - {name: data, csi: {driver: gcsfuse.csi.storage.gke.io, volumeAttributes: {bucketName: b}}}
          - {name: gke-gcsfuse-cache, emptyDir: {medium: Memory}}
          - {name: gke-gcsfuse-tmp, emptyDir: {}}
  `;
  assert.deepEqual(findings(job('gke-gcsfuse/volumes: "true"'), 'unused-volume'), []);
  assert.deepEqual(findings(job('other: x'), 'unused-volume').map((f) => f.text), ['gke-gcsfuse-cache', 'gke-gcsfuse-tmp']);
});

test('unused-volume: Tekton merges stepTemplate.volumeMounts into every step (a step\'s own mount at that path wins)', () => {
  const task = (stepMounts: string): string => yaml`
    apiVersion: tekton.dev/v1
    kind: Task
    metadata: {name: st}
    spec:
      stepTemplate:
        image: alpine:3.19
        volumeMounts: [{name: cache, mountPath: /cache}]
      steps:
      - {name: one, script: ls /cache}
      - {name: two, script: ls /cache, volumeMounts: ${stepMounts}}
      volumes:
      - {name: cache, emptyDir: {}}
      - {name: cache2, emptyDir: {}}
  `;
  assert.equal(findings(task('[{name: cache2, mountPath: /cache2}]'), 'unused-volume').length, 0);
  // The step's own mount at /cache replaces the template's: no duplicate path.
  assert.equal(findings(task('[{name: cache2, mountPath: /cache}]'), 'duplicate-mount-path').length, 0);
  // A volume nobody mounts is still unused.
  const unused = findings(task('[]'), 'unused-volume');
  assert.deepEqual(unused.map((f) => f.text), ['cache2']);
});

test('undefined-volume: a volumeDevice naming no volume is rejected too (Not found); claim templates and the right name are clean', () => {
  const sts = (device: string): string => yaml`
    apiVersion: apps/v1
    kind: StatefulSet
    metadata: {name: db}
    spec:
      serviceName: db
      selector: {matchLabels: {app: db}}
      template:
        metadata: {labels: {app: db}}
        spec:
          containers:
          - name: db
            image: busybox
            volumeDevices: [{name: ${device}, devicePath: /dev/xvda}]
      volumeClaimTemplates:
      - metadata: {name: block}
        spec: {accessModes: [ReadWriteOnce], volumeMode: Block, resources: {requests: {storage: 1Gi}}}
  `;
  assert.deepEqual(check(sts('block')), []);
  const found = findings(sts('blok'), 'undefined-volume');
  assert.equal(found.length, 1);
  assert.equal(found[0]?.text, 'blok');
  assert.match(found[0]?.message ?? '', /as a block device \(volumeDevices\)/);
  // A StatefulSet: the pod its controller creates is refused, with a path from the pod.
  assert.match(found[0]?.message ?? '', /FailedCreate: "spec\.containers\[0\]\.volumeDevices\[0\]\.name: Not found: "blok"/);
  assert.match(found[0]?.message ?? '', /Did you mean "block"\?/);
  // unused-volume counts a device as a use
  assert.equal(findings(sts('block'), 'unused-volume').length, 0);
});

test('an apps/v1 Deployment without spec.selector is a patch (server-side apply, a kustomization not in sight): its mounts may name the live object\'s volumes (sweep AG, Argo CD partial objects)', () => {
  const deployment = (selector: string): string => yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: argocd-server, namespace: argocd}
    spec:
      ${selector}
      template:
        spec:
          initContainers:
            - name: inject-ca-certs
              image: alpine:3.23
              command: [sh, -c, "cat /app/config/tls/* > /shared-certs/ca.crt"]
              volumeMounts:
                - {name: ca-bundle, mountPath: /shared-certs}
                - {name: tls-certs, mountPath: /app/config/tls}
          containers:
            - name: argocd-server
              volumeMounts: [{name: ca-bundle, mountPath: /shared-certs}]
          volumes: [{name: ca-bundle, emptyDir: {}}]
  `;
  assert.deepEqual(check(deployment('replicas: 1')), []);
  // A whole Deployment (with its selector) must define what it mounts.
  assert.deepEqual(findings(deployment('selector: {matchLabels: {app: a}}'), 'undefined-volume').map((f) => f.text), ['tls-certs']);
});

test('nested-mount-path: nothing hidden when the inner mount shows what it covers (sweeps ET, EW)', () => {
  const pod = (mounts: string, volumes: string): string =>
    `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: busybox:1.36\n    volumeMounts:\n${mounts}  volumes:\n${volumes}`;
  const hostDir = '  - {name: dir, hostPath: {path: /var/local/aaa, type: DirectoryOrCreate}}\n';
  // The Kubernetes docs' FileOrCreate example: the file's hostPath is inside the directory's.
  const sameHost = pod('    - {name: dir, mountPath: /var/local/aaa}\n    - {name: file, mountPath: /var/local/aaa/1.txt}\n', `${hostDir}  - {name: file, hostPath: {path: /var/local/aaa/1.txt, type: FileOrCreate}}\n`);
  assert.deepEqual(findings(sameHost, 'nested-mount-path'), []);
  // Another host file, or at another place: hidden.
  assert.equal(findings(sameHost.replace('path: /var/local/aaa/1.txt', 'path: /etc/1.txt'), 'nested-mount-path').length, 1);
  assert.equal(findings(sameHost.replace('mountPath: /var/local/aaa/1.txt', 'mountPath: /var/local/aaa/2.txt'), 'nested-mount-path').length, 1);
  // The same volume at the matching subPath (a PVC's logs folder mounted again, read-only).
  const claim = '  - {name: data, persistentVolumeClaim: {claimName: d}}\n';
  assert.deepEqual(findings(pod('    - {name: data, mountPath: /data, subPath: app}\n    - {name: data, mountPath: /data/logs, subPath: app/logs, readOnly: true}\n', claim), 'nested-mount-path'), []);
  assert.equal(findings(pod('    - {name: data, mountPath: /data}\n    - {name: data, mountPath: /data/logs, subPath: other}\n', claim), 'nested-mount-path').length, 1);
  assert.equal(findings(pod('    - {name: data, mountPath: /data}\n    - {name: cache, mountPath: /data/logs}\n', `${claim}  - {name: cache, emptyDir: {}}\n`), 'nested-mount-path').length, 1);
});

test('nested-mount-path: two volumes of one claim at matching places hide nothing (probe)', () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: busybox:1.36\n    volumeMounts:\n    - {name: data, mountPath: /data}\n    - {name: logs, mountPath: /data/logs, subPath: logs}\n  volumes:\n  - {name: data, persistentVolumeClaim: {claimName: d}}\n  - {name: logs, persistentVolumeClaim: {claimName: d}}\n';
  assert.deepEqual(findings(text, 'nested-mount-path'), []);
  assert.equal(findings(text.replace('claimName: d}}\n', 'claimName: d}}\n').replace(/(logs, persistentVolumeClaim: \{claimName: )d/, '$1other'), 'nested-mount-path').length, 1);
});

test('undefined-volume: the volume meant is not one the container mounts already; an unused volume named inside the mount\'s name is (sweep FB: Airflow)', () => {
  const pod = (mounts: string, volumes: string): string =>
    `apiVersion: v1\nkind: Pod\nmetadata: {name: worker}\nspec:\n  containers:\n  - name: base\n    image: apache/airflow:2.7.1\n    volumeMounts:\n${mounts}  volumes:\n${volumes}`;
  const volumes = '  - {name: dags, persistentVolumeClaim: {claimName: dags}}\n  - {name: airflow-logs, emptyDir: {}}\n';
  const suggestion = (text: string): unknown => findings(text, 'undefined-volume')[0]?.data?.suggestion;
  assert.equal(suggestion(pod('    - {name: airflow-logs, mountPath: /opt/airflow/logs}\n    - {name: airflow-dags, mountPath: /opt/airflow/dags}\n', volumes)), 'dags');
  assert.equal(suggestion(pod('    - {name: airflow-dags, mountPath: /opt/airflow/dags}\n', '  - {name: dags, emptyDir: {}}\n')), 'dags');
  // Spelt nearly alike still wins; nothing alike and nothing unused: no guess.
  assert.equal(suggestion(pod('    - {name: dag, mountPath: /d}\n', volumes)), 'dags');
  assert.equal(suggestion(pod('    - {name: dags, mountPath: /d}\n    - {name: cache, mountPath: /c}\n', volumes)), undefined);
});
