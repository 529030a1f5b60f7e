/**
 * A server started at the end of a plain `sh -c` script is followed as a written `command` is
 * (k8s/script-program.ts): the seed's second nginx crashes on port 80 however it is started.
 * Scripts that branch, background, set variables, run other programs or write configuration keep
 * the old answer (declarations only), and no fix edits words inside a script.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze';
import { parseAllDocuments } from 'yaml';
import { applyEdits, fixesFor } from '../../../server/src/fixes';
import { findings } from '../../helpers/check';
import { listens } from './pod-with-config';

const pod = (...containers: string[]): string => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n${containers.map((c) => `    - ${c}\n`).join('')}`;
const nginx = '{name: web, image: "nginx:1.25", ports: [{containerPort: 80}]}';
const scripted = (script: string, image = 'nginx:1.25'): string => `{name: web2, image: "${image}", command: [/bin/sh, -c], args: [${JSON.stringify(script)}]}`;
const clashes = (text: string): string[] => findings(text, 'implicit-port-conflict').map((f) => f.message);

test('a plain script that ends by starting the server: its port is the server\'s', () => {
  for (const script of [
    "echo second > /usr/share/nginx/html/index.html; exec nginx -g 'daemon off;'",
    "mkdir -p /usr/share/nginx/html/x && echo ok > /usr/share/nginx/html/x/index.html && nginx -g 'daemon off;'",
    "set -e\nsleep 2\n/usr/sbin/nginx -g 'daemon off;'",
    // Comments, quoted text and $(hostname) hold no branch (probe).
    "echo \"Hello from $(hostname)\" > /usr/share/nginx/html/index.html && exec nginx -g 'daemon off;'",
    "# copy the page & start nginx (if it's there)\necho 'hi (if any) & more' > /usr/share/nginx/html/index.html\nexec nginx -g 'daemon off;'",
  ]) {
    assert.equal(clashes(pod(nginx, scripted(script))).length, 1, script);
  }
  assert.match(clashes(pod(nginx, scripted("exec nginx -g 'daemon off;'")))[0] ?? '', /Container "web2" \(nginx:1\.25\) listens on 80\/TCP \(the image default: its `sh -c` script ends by starting the server\)/);
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
    // Copies, moves and downloads may put a configuration in place (probe): their targets hide in flags, the working directory or a parent folder.
    "curl -sSLo /etc/nginx/conf.d/default.conf http://cfg/default.conf; exec nginx -g 'daemon off;'",
    "wget -qO /etc/nginx/conf.d/default.conf http://cfg/x; exec nginx -g 'daemon off;'",
    "cp -rt /etc/nginx/conf.d /cfg/default.conf; exec nginx -g 'daemon off;'",
    "cd /etc/nginx/conf.d; wget http://cfg.example/default.conf; exec nginx -g 'daemon off;'",
    "rm -f /etc/nginx/conf.d/default.conf; exec nginx -g 'daemon off;'",
    "mv /etc/nginx/conf.d/default.conf /tmp/; exec nginx -g 'daemon off;'",
    "cp -a /overlay/. /; exec nginx -g 'daemon off;'",
    "echo 'listen 81;' > default.conf; exec nginx -g 'daemon off;'",
    "echo x > /$DIR/default.conf; exec nginx -g 'daemon off;'",
    "sleep infinity; exec nginx -g 'daemon off;'",
    "set -- -c /cfg/nginx.conf; exec nginx -g 'daemon off;'",
    // Without `daemon off;` nginx forks to the background and the shell, the main process, exits (sweep EQ).
    'nginx',
    "echo hi > /usr/share/nginx/html/index.html; nginx",
  ]) {
    assert.deepEqual(clashes(pod(nginx, scripted(script))), [], script);
  }
  // Configuration outside /etc: Tomcat's conf, Keycloak's conf, postgres's data folder.
  const tomcat = '{name: t, image: "tomcat:10", ports: [{containerPort: 8080}]}';
  assert.deepEqual(clashes(pod(tomcat, scripted('echo "<Server/>" > /usr/local/tomcat/conf/server.xml; exec catalina.sh run', 'tomcat:10'))), []);
  const postgres = '{name: db, image: "postgres:16", ports: [{containerPort: 5432}]}';
  assert.deepEqual(clashes(pod(postgres, scripted("echo 'port = 5433' >> /var/lib/postgresql/data/postgresql.conf; exec postgres", 'postgres:16'))), []);
  // A variable of several words is split by the shell; `-` reads the configuration from stdin; a subcommand or --version does not serve.
  const redis = '{name: r, image: "redis:7", ports: [{containerPort: 6379}]}';
  assert.deepEqual(clashes(pod(redis, "{name: r2, image: \"redis:7\", command: [sh, -c, 'exec redis-server $OPTS'], env: [{name: OPTS, value: '--port 6380'}]}")), []);
  assert.deepEqual(clashes(pod(redis, scripted("echo 'port 6380' | redis-server -", 'redis:7'))), []);
  assert.deepEqual(clashes(pod(redis, scripted('sleep 5; redis-server --version', 'redis:7'))), []);
  assert.deepEqual(clashes(pod('{name: s, image: "solr:9", ports: [{containerPort: 8983}]}', scripted('sleep 30; solr create_core -c mycore', 'solr:9'))), []);
  // Written commands too: a client subcommand or --version binds nothing.
  assert.deepEqual(clashes(pod('{name: s, image: "solr:9", ports: [{containerPort: 8983}]}', '{name: s2, image: "solr:9", command: [solr, create_core, -c, mycore]}')), []);
  assert.deepEqual(clashes(pod('{name: m, image: "minio/minio", args: [server, /data]}', '{name: m2, image: "minio/minio", command: [minio, --version]}')), []);
  // A declaration does not make a server that exits bind: no clash with the image default beside it (probe).
  assert.deepEqual(clashes(pod(nginx.replace(', ports: [{containerPort: 80}]', ''), '{name: check, image: "nginx:1.25", command: [nginx, -t], ports: [{containerPort: 80}]}')), []);
  assert.deepEqual(clashes(pod('{name: k, image: "quay.io/keycloak/keycloak:26.0", args: [start-dev]}', '{name: b, image: "quay.io/keycloak/keycloak:26.0", command: [/opt/keycloak/bin/kc.sh, build]}')), []);
  // A program the image table does not know as its own (busybox httpd in an nginx image? no: a script that runs python).
  assert.deepEqual(clashes(pod(nginx, scripted('python3 -m http.server 80'))), []);
});

test('no fix edits a script: nginx moves through a ConfigMap, other servers get no move', () => {
  const text = pod(nginx, scripted("echo hi > /usr/share/nginx/html/index.html; exec nginx -g 'daemon off;'"));
  const analysis = analyzeText(text);
  const finding = analysis.findings.find((f) => f.rule === 'implicit-port-conflict')!;
  const titles = fixesFor(analysis, finding).map((f) => f.title);
  assert.ok(titles.some((t) => /Move the process of "web2" to port \d+: add ConfigMap/.test(t)), titles.join('\n'));
  const redisText = pod('{name: a, image: "redis:7"}', '{name: b, image: "redis:7", command: [sh, -c, "echo ok > /data/ok && exec redis-server --appendonly yes"]}');
  const redis = analyzeText(redisText);
  const clash = redis.findings.find((f) => f.rule === 'implicit-port-conflict');
  assert.ok(clash, 'both redis listen on 6379');
  for (const fix of fixesFor(redis, clash)) {
    for (const e of fix.edits) assert.ok(!redisText.slice(e.start, e.end).includes('redis-server'), `${fix.title} edits the script`);
    assert.doesNotMatch(fix.title, /^Move the process of "b"/);
  }
});

test('the nginx ConfigMap move of the last container of the last pod puts every line where it belongs', () => {
  for (const after of ['', '---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  selector: {app: x}\n  ports: [{port: 80}]\n']) {
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: seed\nspec:\n  containers:\n  - name: mycon1\n    image: nginx\n    ports:\n    - containerPort: 80\n  - name: mycon2\n    image: nginx\n${after}`;
    const analysis = analyzeText(text);
    const finding = analysis.findings.find((f) => f.rule === 'implicit-port-conflict')!;
    const fix = fixesFor(analysis, finding).find((f) => /Move the process of "mycon2"/.test(f.title))!;
    const fixed = applyEdits(text, fix.edits);
    const docs = parseAllDocuments(fixed).map((d) => d.toJS());
    const container = docs[0].spec.containers[1];
    assert.deepEqual(container.ports, [{ containerPort: 81 }], fixed);
    assert.equal(container.volumeMounts[0].mountPath, '/etc/nginx/conf.d/default.conf');
    assert.equal(docs[0].spec.volumes.length, 1);
    const configMap = docs.find((d) => d.kind === 'ConfigMap');
    assert.match(configMap.data['default.conf'], /listen 81;/);
    assert.doesNotMatch(configMap.data['default.conf'], /ports/);
    assert.deepEqual(analyzeText(fixed).findings.filter((f) => f.severity !== 'information').map((f) => f.rule), []);
  }
});

test('an undeclared image default counts only for the published image (a private namesake is its own build)', () => {
  const ecr = '{name: app, image: "187451058634.dkr.ecr.ap-south-1.amazonaws.com/wordpress:latest"}';
  assert.deepEqual(clashes(pod(ecr, '{name: nginx, image: nginx}')), []);
  assert.equal(clashes(pod('{name: app, image: "wordpress:latest"}', '{name: nginx, image: nginx}')).length, 1);
  // A public cache of Docker Hub serves Docker Hub's image under the single name.
  for (const image of ['mirror.gcr.io/nginx', 'docker.m.daocloud.io/nginx:1.27', 'public.ecr.aws/docker/library/nginx']) {
    assert.equal(clashes(pod(`{name: a, image: "${image}"}`, '{name: b, image: nginx}')).length, 1, image);
  }
  // Declared on the private side: the declaration says what it runs.
  assert.equal(findings(pod(ecr.replace('}', ', ports: [{containerPort: 80}]}'), '{name: nginx, image: nginx}'), 'implicit-port-conflict').length, 1);
});
