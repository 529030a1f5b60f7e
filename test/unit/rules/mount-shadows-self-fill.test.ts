/**
 * mount-shadows-image stays silent when the container fills the volume itself: its own shell
 * script (command/args `sh -c`, a postStart exec, Tekton's `script`) writes under the mount path
 * before the content is needed. A script that only mentions the path keeps the finding.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings, yaml } from '../../helpers/check';
import { shellCommands } from '../../../server/src/k8s/shell-words';

/** An nginx pod whose html directory is an emptyDir; `lines` are more keys of the container. */
const pod = (lines: string, mount = '{name: html, mountPath: /usr/share/nginx/html}'): string => yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: self-fill}
  spec:
    containers:
    - name: web
      image: nginx:1.25
      ${lines.split('\n').join('\n      ')}
      volumeMounts:
      - ${mount}
    volumes:
    - {name: html, emptyDir: {}}
`;
const count = (lines: string, mount?: string): number => findings(pod(lines, mount), 'mount-shadows-image').length;
const sh = (script: string): string => `command: ["sh", "-c", ${JSON.stringify(script)}]`;

test('mount-shadows-image: the repro: the shell writes index.html before nginx starts, or a postStart hook does', () => {
  assert.equal(count(sh("echo hello > /usr/share/nginx/html/index.html && exec nginx -g 'daemon off;'")), 0);
  assert.equal(count('lifecycle: {postStart: {exec: {command: ["/bin/sh", "-c", "echo Hello from postStart > /usr/share/nginx/html/index.html"]}}}'), 0);
});

test('mount-shadows-image: the ways a script writes there (cd, variables, env, cp, tee, curl, args after a shell command)', () => {
  const silent = [
    sh('cd /usr/share/nginx/html && echo hi > index.html; exec nginx -g "daemon off;"'),
    sh('D=/usr/share/nginx/html\ncat > "$D/index.html" <<EOF\n<h1>hi</h1>\nEOF\nnginx -g "daemon off;"'),
    `env: [{name: SITE, value: /usr/share/nginx/html}]\n${sh('printf "%s" ok >> ${SITE}/index.html; nginx -g "daemon off;"')}`,
    `env: [{name: SITE, value: /usr/share/nginx/html}]\ncommand: [/bin/bash, -ec]\nargs: ["echo ok > $(SITE)/index.html && nginx -g 'daemon off;'"]`,
    sh('cp -r /config/site/. /usr/share/nginx/html/ && nginx -g "daemon off;"'),
    sh('hostname | tee /usr/share/nginx/html/index.html; nginx -g "daemon off;"'),
    sh('curl -sSL -o /usr/share/nginx/html/index.html https://example.com/ && nginx -g "daemon off;"'),
    sh('git clone --depth 1 https://example.com/site.git /usr/share/nginx/html && nginx -g "daemon off;"'),
  ];
  assert.deepEqual(silent.map((lines) => count(lines)), silent.map(() => 0));
});

test('mount-shadows-image: a script that only mentions the path, writes elsewhere or cannot write keeps the finding', () => {
  const kept = [
    sh('ls /usr/share/nginx/html && exec nginx -g "daemon off;"'),
    sh('cat /usr/share/nginx/html/index.html > /tmp/copy.html; nginx -g "daemon off;"'),
    sh('echo hi > /tmp/index.html; nginx -g "daemon off;"'),
    sh('cp /usr/share/nginx/html/index.html /tmp/; nginx -g "daemon off;"'),
    sh('echo hi > "$UNSET_DIR/index.html"; nginx -g "daemon off;"'),
    sh('cat <<EOF > /tmp/x\necho hi > /usr/share/nginx/html/index.html\nEOF\nnginx -g "daemon off;"'),
    sh('tar -czf /tmp/site.tgz -C /usr/share/nginx/html .; nginx'),
    'command: [nginx, -g, "daemon off;"]\nargs: ["> /usr/share/nginx/html/index.html"]',
  ];
  assert.deepEqual(kept.map((lines) => count(lines)), kept.map(() => 1));
  // A read-only mount: the write fails, the directory stays empty.
  assert.equal(count(sh('echo hi > /usr/share/nginx/html/index.html; nginx'), '{name: html, mountPath: /usr/share/nginx/html, readOnly: true}'), 1);
});

test('shellCommands: redirections, here-document bodies, comments and quotes', () => {
  const script = 'cat <<"EOF" > /a/b # c > /d\nx > /e\nEOF\necho "a;b" 2>/dev/null >&2 | tee -a /f';
  assert.deepEqual(shellCommands(script), [
    { words: ['cat'], outputs: ['/a/b'] },
    { words: ['echo', '"a;b"'], outputs: ['/dev/null'] },
    { words: ['tee', '-a', '/f'], outputs: [] },
  ]);
});

test('mount-shadows-image: a container that only waits (a debug or keep-alive sidecar) fills nothing (sweep ED)', () => {
  const withSidecar = (sidecar: string): string => yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: debug}
    spec:
      containers:
      - name: nginx
        image: nginx:alpine
        volumeMounts: [{name: html, mountPath: /usr/share/nginx/html}]
      - name: sidecar
        image: busybox:1.36
        ${sidecar}
        volumeMounts: [{name: html, mountPath: /data}]
      volumes:
      - {name: html, emptyDir: {}}
  `;
  const count = (sidecar: string): number => findings(withSidecar(sidecar), 'mount-shadows-image').length;
  for (const waits of ['command: ["sh", "-c", "while true; do sleep 3600; done"]', 'command: [sleep, infinity]', 'command: ["/bin/sh"]\n        args: ["-c", "tail -f /dev/null"]', 'command: [sh, -c]\n        args: ["echo ready; sleep 1d"]']) {
    assert.equal(count(waits), 1, waits);
  }
  // Anything more may write the volume: a redirection, another program, a hook, the image's own entrypoint.
  for (const fills of [
    'command: ["sh", "-c", "while true; do date > /data/index.html; sleep 10; done"]',
    'command: ["sh", "-c", "git-sync --root /data; sleep infinity"]',
    'command: [sleep, infinity]\n        lifecycle: {postStart: {exec: {command: [sh, -c, "echo hi > /data/index.html"]}}}',
    'env: [{name: A, value: b}]',
    'command: ["sh", "-c", ""]',
  ]) {
    assert.equal(count(fills), 0, fills);
  }
});

test('mount-shadows-image: a volume with a name only is the emptyDir the API server makes of it', () => {
  const pod = (volume: string, partial = ''): string => yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: www}
    spec:
      volumes:
      - ${volume}
      containers:
      - name: nginx
        image: nginx:1.27
        volumeMounts: [{name: www, mountPath: /usr/share/nginx/html}]
      ${partial}
  `;
  const found = findings(pod('name: www'), 'mount-shadows-image');
  assert.deepEqual(found.map((f) => f.severity), ['warning']);
  assert.match(found[0]!.message, /volume "www" \(no source written, so the API server makes it an emptyDir\)/);
  assert.deepEqual(findings(pod('{name: www, persistentVolumeClaim: {claimName: site}}'), 'mount-shadows-image').map((f) => f.severity), ['information']);
  assert.deepEqual(findings(pod('name: www'), 'mount-shadows-image', { kustomizeResource: true }).map((f) => f.severity), ['information'], 'an overlay may give it a source');
});

test('mount-shadows-image: a name-only volume that a StatefulSet claim template replaces, or in a custom resource, is no emptyDir (probe EG)', () => {
  const sts = yaml`
    apiVersion: apps/v1
    kind: StatefulSet
    metadata: {name: web}
    spec:
      serviceName: web
      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: {app: web}}
        spec:
          containers:
          - {name: web, image: nginx:1.27, volumeMounts: [{name: www, mountPath: /usr/share/nginx/html}]}
          volumes:
          - name: www
      volumeClaimTemplates:
      - metadata: {name: www}
        spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
  `;
  assert.deepEqual(findings(sts, 'mount-shadows-image').map((f) => f.severity), ['information']);
  const knative = yaml`
    apiVersion: serving.knative.dev/v1
    kind: Service
    metadata: {name: web}
    spec:
      template:
        spec:
          containers:
          - {image: nginx:1.27, volumeMounts: [{name: www, mountPath: /usr/share/nginx/html}]}
          volumes:
          - name: www
  `;
  assert.ok(findings(knative, 'mount-shadows-image').every((f) => !/makes it an emptyDir/.test(f.message) && f.severity !== 'warning'));
});
