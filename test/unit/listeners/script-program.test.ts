/**
 * A server started at the end of a plain `sh -c` script is followed as a written `command` is
 * (k8s/script-program.ts): the seed's second nginx crashes on port 80 however it is started.
 * Scripts that branch, background, set variables, run other programs or write configuration keep
 * the old answer (declarations only), and no fix edits words inside a script.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze';
import { fixesFor } from '../../../server/src/fixes';
import { findings } from '../../helpers/check';
import { listens } from './pod-with-config';

const pod = (...containers: string[]): string => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n${containers.map((c) => `    - ${c}\n`).join('')}`;
const nginx = '{name: web, image: "nginx:1.25", ports: [{containerPort: 80}]}';
const scripted = (script: string, image = 'nginx:1.25'): string => `{name: web2, image: "${image}", command: [/bin/sh, -c], args: [${JSON.stringify(script)}]}`;
const clashes = (text: string): string[] => findings(text, 'implicit-port-conflict').map((f) => f.message);

test('a plain script that ends by starting the server: its port is the server\'s', () => {
  for (const script of [
    "echo second > /usr/share/nginx/html/index.html; exec nginx -g 'daemon off;'",
    "mkdir -p /usr/share/nginx/html/x && cp /tmp/a /usr/share/nginx/html/x/ && nginx -g 'daemon off;'",
    "set -e\nsleep 2\n/usr/sbin/nginx -g 'daemon off;'",
  ]) {
    assert.equal(clashes(pod(nginx, scripted(script))).length, 1, script);
  }
  assert.match(clashes(pod(nginx, scripted("exec nginx -g 'daemon off;'")))[0] ?? '', /Container "web2" \(nginx:1\.25\) listens on 80\/TCP \(the image default\)/);
  // Flags of the server in the script count; the container's args after the script are the shell's $0, $1.
  const redis = listens(pod('{name: c, image: "redis:7", command: [sh, -c, "mkdir -p /data/x && redis-server --port 6380", ignored, --port, "7000"]}'));
  assert.deepEqual(redis.listens, ['arg:6380/TCP']);
  assert.equal(findings(pod('{name: r, image: "redis:7", command: [sh, -c, "redis-server --port 6380"], ports: [{containerPort: 6379}]}'), 'port-not-served').length, 1);
});

test('scripts Podsight does not follow keep the declarations only', () => {
  for (const script of [
    "if [ -f /x ]; then nginx -g 'daemon off;'; fi",
    "nginx -g 'daemon off;' || sleep 3600",
    "sleep 1 & nginx -g 'daemon off;'",
    "envsubst < /tmpl/default.conf > /etc/nginx/conf.d/default.conf && nginx -g 'daemon off;'",
    "sed -i s/80/8080/ /etc/nginx/conf.d/default.conf && nginx -g 'daemon off;'",
    "export NGINX_PORT=8080; nginx -g 'daemon off;'",
    "cp /config/default.conf /etc/nginx/conf.d/ && nginx -g 'daemon off;'",
    "nginx -g 'daemon off;' > /var/log/out.log",
    'exec nginx "$@"',
    "/docker-entrypoint.sh nginx -g 'daemon off;'",
    "echo hello",
  ]) {
    assert.deepEqual(clashes(pod(nginx, scripted(script))), [], script);
  }
  // A program the image table does not know as its own (busybox httpd in an nginx image? no: a script that runs python).
  assert.deepEqual(clashes(pod(nginx, scripted('python3 -m http.server 80'))), []);
});

test('no fix edits a script: nginx moves through a ConfigMap, other servers get no move', () => {
  const text = pod(nginx, scripted("echo hi > /usr/share/nginx/html/index.html; exec nginx -g 'daemon off;'"));
  const analysis = analyzeText(text);
  const finding = analysis.findings.find((f) => f.rule === 'implicit-port-conflict')!;
  const titles = fixesFor(analysis, finding).map((f) => f.title);
  assert.ok(titles.some((t) => /Move the process of "web2" to port \d+: add ConfigMap/.test(t)), titles.join('\n'));
  const redisText = pod('{name: a, image: "redis:7"}', '{name: b, image: "redis:7", command: [sh, -c, "touch /data/ok && exec redis-server --appendonly yes"]}');
  const redis = analyzeText(redisText);
  const clash = redis.findings.find((f) => f.rule === 'implicit-port-conflict');
  assert.ok(clash, 'both redis listen on 6379');
  for (const fix of fixesFor(redis, clash)) {
    for (const e of fix.edits) assert.ok(!redisText.slice(e.start, e.end).includes('redis-server'), `${fix.title} edits the script`);
    assert.doesNotMatch(fix.title, /^Move the process of "b"/);
  }
});

test('an undeclared image default counts only for the published image (a private namesake is its own build)', () => {
  const ecr = '{name: app, image: "187451058634.dkr.ecr.ap-south-1.amazonaws.com/wordpress:latest"}';
  assert.deepEqual(clashes(pod(ecr, '{name: nginx, image: nginx}')), []);
  assert.equal(clashes(pod('{name: app, image: "wordpress:latest"}', '{name: nginx, image: nginx}')).length, 1);
  // Declared on the private side: the declaration says what it runs.
  assert.equal(findings(pod(ecr.replace('}', ', ports: [{containerPort: 80}]}'), '{name: nginx, image: nginx}'), 'implicit-port-conflict').length, 1);
});
