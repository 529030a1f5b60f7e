/** read-only-root-fs: nginx with a read-only root filesystem needs writable /var/cache/nginx and /var/run. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings, yaml } from '../../helpers/check';
import { applyFix, fixesOf } from '../../helpers/fix';

/** A Deployment of one container with a read-only root; `extra` goes into the container, `volumes` into the pod. */
const deployment = (image: string, extra = '', volumes = ''): string => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web}
  spec:
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: {app: web}}
      spec:
        containers:
        - name: web
          image: ${image}
          securityContext: {readOnlyRootFilesystem: true, allowPrivilegeEscalation: false}
          ${extra || '# container'}
        ${volumes || '# volumes'}
`;
const count = (text: string): number => findings(text, 'read-only-root-fs').length;
const mounts = (...paths: string[]): string => `volumeMounts: [${paths.map((p, i) => `{name: v${i}, mountPath: ${p}}`).join(', ')}]`;
const emptyDirs = (n: number): string => `volumes: [${Array.from({ length: n }, (_, i) => `{name: v${i}, emptyDir: {}}`).join(', ')}]`;

test('read-only-root-fs: nginx without writable /var/cache/nginx and /var/run exits at start', () => {
  const [f] = findings(deployment('nginx:1.27'), 'read-only-root-fs');
  assert.ok(f);
  assert.equal(f.text, 'true');
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /no writable volume is mounted at \/var\/cache\/nginx, \/var\/run/);
  assert.match(f.message, /Read-only file system/);
  assert.deepEqual(f.relatedText, ['nginx:1.27']);
  // One of the two mounted: the other is still missing.
  const [half] = findings(deployment('nginx:1.27', mounts('/var/cache/nginx'), emptyDirs(1)), 'read-only-root-fs');
  assert.match(half?.message ?? '', /mounted at \/var\/run:/);
  // The unprivileged image writes in /tmp.
  assert.match(findings(deployment('nginxinc/nginx-unprivileged:1.27-alpine'), 'read-only-root-fs')[0]?.message ?? '', /mounted at \/tmp:/);
});

test('read-only-root-fs: silent when the folders are writable or the program is not nginx with its own configuration', () => {
  assert.equal(count(deployment('nginx:1.27', mounts('/var/cache/nginx', '/var/run'), emptyDirs(2))), 0);
  // /run is where /var/run points; a mount above the folder holds it.
  assert.equal(count(deployment('nginx:1.27', mounts('/var/cache/nginx', '/run'), emptyDirs(2))), 0);
  // An empty /var/cache holds no nginx folder: still reported.
  assert.equal(count(deployment('nginx:1.27', mounts('/var/cache', '/run'), emptyDirs(2))), 1);
  assert.equal(count(deployment('nginxinc/nginx-unprivileged:1.27', mounts('/tmp'), emptyDirs(1))), 0);
  // Not writable: a ConfigMap, or a read-only mount.
  assert.equal(count(deployment('nginx:1.27', mounts('/var/cache/nginx', '/var/run'), 'volumes: [{name: v0, configMap: {name: c}}, {name: v1, emptyDir: {}}]')), 1);
  assert.equal(count(deployment('nginx:1.27', 'volumeMounts: [{name: v0, mountPath: /var/cache/nginx, readOnly: true}, {name: v1, mountPath: /var/run}]', emptyDirs(2))), 1);
  // Writable root, another image, another command, another configuration.
  assert.equal(count(deployment('nginx:1.27').replace('readOnlyRootFilesystem: true', 'readOnlyRootFilesystem: false')), 0);
  assert.equal(count(deployment('httpd:2.4')), 0);
  // (Its script's own write onto the read-only root is reported instead: read-only-script-writes.test.ts.)
  assert.deepEqual(findings(deployment('nginx:1.27', 'command: [sh, -c, "cp /cfg/* /etc/nginx && exec nginx"]'), 'read-only-root-fs').map((f) => /its own script writes \/etc\/nginx/.test(f.message)), [true]);
  assert.equal(count(deployment('nginx:1.27', 'args: [nginx, -c, /cfg/nginx.conf]')), 0);
  assert.equal(count(deployment('nginx:1.27', 'args: [nginx, -g, "pid /tmp/nginx.pid; daemon off;"]')), 0);
  assert.equal(count(deployment('nginx:1.27', 'args: [nginx, -g, "daemon off;"]')), 1);
  assert.equal(count(deployment('nginx:1.27', 'volumeMounts: [{name: conf, mountPath: /etc/nginx/nginx.conf, subPath: nginx.conf}]', 'volumes: [{name: conf, configMap: {name: c}}]')), 0);
  // A kustomize resource: an overlay may add the volumes.
  assert.equal(findings(deployment('nginx:1.27'), 'read-only-root-fs', { kustomizeResource: true }).length, 0);
});

test('read-only-root-fs fix: an emptyDir at each missing folder, in the lists already there or new ones', () => {
  const { result } = applyFix(deployment('nginx:1.27'), 'read-only-root-fs', /Mount an emptyDir at \/var\/cache\/nginx, \/var\/run/);
  assert.match(result, /volumeMounts:\n {8}- name: var-cache-nginx\n {10}mountPath: \/var\/cache\/nginx\n {8}- name: var-run\n {10}mountPath: \/var\/run\n/);
  assert.match(result, /volumes:\n {6}- name: var-cache-nginx\n {8}emptyDir: \{\}\n {6}- name: var-run\n {8}emptyDir: \{\}/);
  // Lists already there: both entries join them, in order.
  const existing = deployment('nginx:1.27', 'volumeMounts: [{name: data, mountPath: /data}]', 'volumes: [{name: data, emptyDir: {}}]');
  const joined = applyFix(existing, 'read-only-root-fs', /Mount an emptyDir/).result;
  assert.match(joined, /volumeMounts: \[\{name: data, mountPath: \/data\}, \{name: var-cache-nginx, mountPath: \/var\/cache\/nginx\}, \{name: var-run, mountPath: \/var\/run\}\]/);
});

test('read-only-root-fs: probe CL — an emptyDir above a folder hides it; read-only volumes; fixes beside existing mounts', () => {
  // An empty /var holds no /var/cache/nginx: nginx does not create the parents.
  assert.match(findings(deployment('nginx:1.27', mounts('/var'), emptyDirs(1)), 'read-only-root-fs')[0]?.message ?? '', /the emptyDir mounted at \/var starts empty, so \/var\/cache\/nginx, \/var\/run is not there.*No such file or directory/);
  // A claim above may hold them: not judged.
  assert.equal(count(deployment('nginx:1.27', mounts('/var'), 'volumes: [{name: v0, persistentVolumeClaim: {claimName: c}}]')), 0);
  // A claim mounted read-only is no scratch space.
  assert.equal(count(deployment('nginx:1.27', mounts('/var/cache/nginx', '/var/run'), 'volumes: [{name: v0, persistentVolumeClaim: {claimName: c, readOnly: true}}, {name: v1, emptyDir: {}}]')), 1);
  // An empty flow list gets both volumes with a comma between them.
  const fixed = applyFix(deployment('nginx:1.27', 'volumeMounts: []', 'volumes: []'), 'read-only-root-fs', /Mount an emptyDir/).result;
  assert.match(fixed, /volumes: \[\{name: var-cache-nginx, emptyDir: \{\}\}, \{name: var-run, emptyDir: \{\}\}\]/);
  // A read-only mount already at the folder: a second mount there would be refused, so no fix.
  const readOnly = deployment('nginx:1.27', 'volumeMounts: [{name: v0, mountPath: /var/cache/nginx, readOnly: true}, {name: v1, mountPath: /var/run}]', emptyDirs(2));
  assert.deepEqual(fixesOf(readOnly, 'read-only-root-fs').fixes.filter((f) => !/^Disable /.test(f.title)), []);
});

test('read-only-root-fs: a conf.d ConfigMap that moves every temporary path leaves only the pid folder (sweep CO)', () => {
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((d) => `${d}_temp_path /tmp/${d};`).join('\n    ');
  const cm = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: conf}\ndata:\n  default.conf: |\n    ${temp}\n    server { listen 80; }\n---\n`;
  const text = cm + deployment('nginx:1.27', 'volumeMounts: [{name: conf, mountPath: /etc/nginx/conf.d}, {name: tmp, mountPath: /tmp}]', 'volumes: [{name: conf, configMap: {name: conf}}, {name: tmp, emptyDir: {}}]');
  assert.match(findings(text, 'read-only-root-fs')[0]?.message ?? '', /mounted at \/var\/run:/);
  // Four of five moved: nginx still makes the fifth in /var/cache/nginx.
  assert.match(findings(text.replace('scgi_temp_path /tmp/scgi;', ''), 'read-only-root-fs')[0]?.message ?? '', /mounted at \/var\/cache\/nginx, \/var\/run:/);
  // A subPath mount shows one key only: the file that moves them is not the one mounted.
  const other = text.replace('  default.conf: |', '  other.conf: "server { listen 81; }"\n  default.conf: |').replace('{name: conf, mountPath: /etc/nginx/conf.d}', '{name: conf, mountPath: /etc/nginx/conf.d/other.conf, subPath: other.conf}');
  assert.match(findings(other, 'read-only-root-fs')[0]?.message ?? '', /mounted at \/var\/cache\/nginx, \/var\/run:/);
  // A file a template writes may move them: not judged.
  const templated = text.replace('    server { listen 80; }', '    {{- if .Values.x }}\n    server { listen 80; }\n    {{- end }}').replace('scgi_temp_path /tmp/scgi;', '');
  assert.match(findings(templated, 'read-only-root-fs')[0]?.message ?? '', /mounted at \/var\/run:/);
});

test('read-only-root-fs: the official nginx image run as another user cannot write its root-owned folders (sweep DS)', () => {
  const asUser = (extra = '', volumes = '', image = 'nginx:1.27'): string => deployment(image, extra, volumes).replace('readOnlyRootFilesystem: true, ', 'runAsUser: 1000, ');
  const [f, ...rest] = findings(asUser(), 'read-only-root-fs');
  assert.equal(rest.length, 0);
  assert.equal(f?.text, '1000');
  assert.match(f?.message ?? '', /runs as user 1000.*belong to root.*"mkdir\(\) "\/var\/cache\/nginx\/client_temp" failed \(13: Permission denied\)"/);
  // nginx listens on 80 by default: below 1024 the runtime must allow it.
  assert.match(f?.message ?? '', /It also listens on 80: .*net\.ipv4\.ip_unprivileged_port_start/);
  // The pod's runAsUser counts too; with the temporary folders mounted the pid file is next.
  const podLevel = deployment('nginx:1.27', mounts('/var/cache/nginx'), `${emptyDirs(1)}\n        securityContext: {runAsUser: 101}`).replace('readOnlyRootFilesystem: true, ', '');
  assert.match(findings(podLevel, 'read-only-root-fs')[0]?.message ?? '', /runs as user 101.*"open\(\) "\/run\/nginx\.pid" failed \(13: Permission denied\)"/);
  // Silent: root; a template; the unprivileged image (its /tmp is anyone's); the folders mounted; the port settled.
  assert.equal(count(asUser().replace('runAsUser: 1000', 'runAsUser: 0')), 0);
  assert.equal(count(asUser().replace('runAsUser: 1000', 'runAsUser: "{{ .Values.uid }}"')), 0);
  assert.equal(count(asUser('', '', 'nginxinc/nginx-unprivileged:1.27')), 0);
  assert.equal(count(asUser(mounts('/var/cache/nginx', '/var/run'), emptyDirs(2))), 0);
  const sysctl = `${emptyDirs(1)}\n        securityContext: {sysctls: [{name: net.ipv4.ip_unprivileged_port_start, value: "0"}]}`;
  assert.doesNotMatch(findings(asUser(mounts('/var/cache/nginx'), sysctl), 'read-only-root-fs')[0]?.message ?? '', /It also listens/);
});

test('read-only-root-fs fix for another user: the emptyDirs and the sysctl for ports below 1024; then the pod is right', () => {
  const text = deployment('nginx:1.27').replace('readOnlyRootFilesystem: true, ', 'runAsUser: 1000, ');
  const { result, fix } = applyFix(text, 'read-only-root-fs', /Mount an emptyDir at \/var\/cache\/nginx, \/var\/run, and set the pod's sysctl net\.ipv4\.ip_unprivileged_port_start=0/);
  assert.equal(fix.preferred, true);
  assert.match(result, /securityContext:\n {8}sysctls:\n {8}- name: net\.ipv4\.ip_unprivileged_port_start\n {10}value: "0"/);
  assert.equal(count(result), 0);
  // hostNetwork: the node's setting applies and the pod cannot change it; the mounts alone are not preferred.
  const host = text.replace('      containers:', '      hostNetwork: true\n      containers:');
  assert.match(findings(host, 'read-only-root-fs')[0]?.message ?? '', /on the node's network \(hostNetwork\).*Run the container as root, or make it listen above 1023/);
  const mountsOnly = applyFix(host, 'read-only-root-fs', /^Mount an emptyDir at \/var\/cache\/nginx, \/var\/run \(/);
  assert.match(mountsOnly.result, /- name: var-run\n/);
  assert.notEqual(mountsOnly.fix.preferred, true);
  // A read-only root as well: the read-only message, with the ports, and the fix adds the sysctl too.
  const both = deployment('nginx:1.27').replace('readOnlyRootFilesystem: true, ', 'readOnlyRootFilesystem: true, runAsUser: 1000, ');
  assert.match(findings(both, 'read-only-root-fs')[0]?.message ?? '', /read-only root filesystem.*It also listens on 80/);
  assert.equal(count(applyFix(both, 'read-only-root-fs', /and set the pod's sysctl/).result), 0);
});

test('read-only-root-fs as another user, probe DY: exit flags, old Alpine tags, private builds, the pid path by version', () => {
  const asUser = (extra = '', image = 'nginx:1.27'): string => deployment(image, extra).replace('readOnlyRootFilesystem: true, ', 'runAsUser: 101, ');
  // `nginx -V` prints and exits; `nginx -t` opens the pid file.
  assert.equal(count(asUser('command: [nginx, -V]')), 0);
  assert.equal(count(asUser('command: [nginx, -t]')), 1);
  // Alpine before 1.17 gave /var/cache/nginx to the nginx user; later ones and Debian keep it root's.
  assert.equal(count(asUser('', 'nginx:1.14-alpine')), 0);
  assert.equal(count(asUser('', 'nginx:1.19-alpine')), 1);
  // A single name on a private registry is often a build FROM nginx; Docker Hub's mirrors are the image.
  assert.equal(count(asUser('', '123456789012.dkr.ecr.eu-west-1.amazonaws.com/nginx:v3')), 0);
  assert.equal(count(asUser('', 'localhost:5000/nginx')), 0);
  assert.equal(count(asUser('', 'public.ecr.aws/nginx/nginx:1.27')), 1);
  // The pid file moved from /var/run/nginx.pid to /run/nginx.pid in 1.27.5.
  const pidOnly = (image: string): string => findings(asUser(mounts('/var/cache/nginx'), image).replace('        # volumes', `        ${emptyDirs(1)}`), 'read-only-root-fs')[0]?.message ?? '';
  assert.match(pidOnly('nginx:1.25.3'), /open\(\) "\/var\/run\/nginx\.pid" failed/);
  assert.match(pidOnly('nginx:1.27.5'), /open\(\) "\/run\/nginx\.pid" failed/);
  assert.match(pidOnly('nginx:latest'), /open\(\) "\/run\/nginx\.pid" failed/);
});

test('read-only-root-fs: an emptyDir above the folders that an init container prepares is fine (probe DY)', () => {
  const init = 'initContainers: [{name: prep, image: busybox:1.36, command: [mkdir, -p, /var/cache/nginx/client_temp], volumeMounts: [{name: v0, mountPath: /var/cache}]}]';
  assert.equal(count(deployment('nginx:1.27', mounts('/var/cache', '/run'), `${emptyDirs(2)}\n        ${init}`)), 0);
  assert.equal(count(deployment('nginx:1.27', mounts('/var/cache', '/run'), emptyDirs(2))), 1);
});

test('read-only-root-fs: an nginx.conf from a ConfigMap leaves nginx its compiled-in paths unless it moves them (sweep DZ)', () => {
  const conf = (body: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: conf}\ndata:\n  nginx.conf: |\n    ${body.split('\n').join('\n    ')}\n---\n`;
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((d) => `${d}_temp_path /tmp/${d};`).join('\n');
  const withConf = (body: string, image = 'nginxinc/nginx-unprivileged:1.25-alpine'): string =>
    conf(body) + deployment(image, 'volumeMounts: [{name: conf, mountPath: /etc/nginx/nginx.conf, subPath: nginx.conf}, {name: tmp, mountPath: /tmp}, {name: cache, mountPath: /var/cache/nginx}]', 'volumes: [{name: conf, configMap: {name: conf}}, {name: tmp, emptyDir: {}}, {name: cache, emptyDir: {}}]');
  const [f] = findings(withConf(`events {}\nhttp { ${temp} server { listen 8080; } }`), 'read-only-root-fs');
  assert.match(f?.message ?? '', /no writable volume is mounted at \/var\/run: .*"open\(\) "\/var\/run\/nginx\.pid" failed \(30: Read-only file system\)"/);
  assert.deepEqual(f?.relatedText, ['/etc/nginx/nginx.conf']);
  // A `pid` directive moves it; a ConfigMap not in sight may say anything.
  assert.equal(count(withConf(`pid /tmp/nginx.pid;\nevents {}\nhttp { ${temp} }`)), 0);
  assert.equal(count(withConf(`events {}`).replace(/^apiVersion: v1\nkind: ConfigMap[\s\S]*?---\n/, '')), 0);
  // The official image: the temporary folder is compiled in too.
  assert.match(findings(withConf('events {}', 'nginx:1.27').replace(', {name: cache, mountPath: /var/cache/nginx}', ''), 'read-only-root-fs')[0]?.message ?? '', /mounted at \/var\/cache\/nginx, \/var\/run:/);
});
