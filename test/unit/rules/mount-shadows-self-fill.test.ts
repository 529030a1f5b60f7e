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
