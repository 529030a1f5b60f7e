/**
 * What runs when `args` replace the image's CMD, and where the process reads its port: a client
 * the entrypoint execs instead of the server (`psql -p 5432`), a server mode that exits
 * (`nginx -t`), the registry's config.yml (`http.addr`), SonarQube's sonar.properties and
 * Jenkins's JENKINS_SLAVE_AGENT_PORT. Each repro is silent; each near variant that is a real
 * problem is still reported.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings } from '../../helpers/check';
import { listens, podWith } from './pod-with-config';

const pod = (...containers: string[]): string => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n${containers.map((c) => `    - ${c}\n`).join('')}`;
const clashes = (text: string): string[] => findings(text, 'implicit-port-conflict').map((f) => f.message);

test('args that start with a client program: the entrypoint execs it, its port flags are the port it connects to', () => {
  const cases: [string, string][] = [
    ['postgres:16', '[psql, -h, localhost, -p, "5432", -U, postgres, -c, "select 1"]'],
    ['mysql:8', '[mysql, -h, db, -P, "3306", -e, "select 1"]'],
    ['mysql:8', '[mysqladmin, ping, --port=3306]'],
    ['mariadb:11', '[mariadb-admin, ping, --port=3306]'],
    ['redis:7', '[redis-cli, --port, "6379", ping]'],
    ['mongo:7', '[mongosh, --port, "27017", --eval, "1"]'],
    ['memcached:1.6', '[memcached-tool, -p, "11211"]'],
  ];
  for (const [image, args] of cases) {
    const text = pod(`{name: server, image: "${image}"}`, `{name: client, image: "${image}", args: ${args}}`);
    assert.deepEqual(clashes(text), [], `${image} ${args}`);
  }
  // The server itself, by name or with flags only, still binds the port.
  assert.equal(clashes(pod('{name: db, image: "postgres:16"}', '{name: db2, image: "postgres:16", args: [postgres, -p, "5432"]}')).length, 1);
  assert.equal(clashes(pod('{name: db, image: "postgres:16"}', '{name: db2, image: "postgres:16", args: [-c, max_connections=10]}')).length, 1);
  // A client that declares the port: the declaration stands for it, as with a replaced command.
  const declared = clashes(pod('{name: db, image: "postgres:16"}', '{name: wait, image: "postgres:16", args: [psql, -p, "5432"], ports: [{containerPort: 5432}]}'));
  assert.match(declared[0] ?? '', /declared; args run "psql" instead of the image's server/);
  // An image without programs (its ENTRYPOINT is the server binary) keeps reading the words as the server's: unsure, as before.
  assert.equal(listens(pod('{name: c, image: "hashicorp/vault:1.15", args: [server]}')).basis, 'unsure');
});

test('nginx -t (and -v, -V, -s) tests or prints and exits: no listener', () => {
  for (const args of ['[nginx, -t]', '[nginx, -T]', '[nginx, -V]', '[nginx, -s, reload]', '[nginx, -c, /etc/nginx/nginx.conf, -tq]']) {
    assert.deepEqual(clashes(pod('{name: nginx, image: "nginx:1.25"}', `{name: test, image: "nginx:1.25", args: ${args}}`)), [], args);
  }
  assert.deepEqual(clashes(pod('{name: db, image: "postgres:16"}', '{name: v, image: "postgres:16", args: [postgres, --version]}')), []);
  assert.equal(clashes(pod('{name: nginx, image: "nginx:1.25"}', '{name: n2, image: "nginx:1.25", args: [nginx, -g, "daemon off;"]}')).length, 1);
});

const REGISTRY_CONF = 'version: 0.1\nhttp:\n  addr: 127.0.0.1:5001\n';

test('registry: http.addr of the mounted config.yml (2.x path, 3.x path, or the file args name)', () => {
  const v2 = podWith('registry:2', '[{name: conf, mountPath: /etc/docker/registry/config.yml, subPath: config.yml}]', { 'config.yml': REGISTRY_CONF });
  assert.deepEqual(listens(v2).listens, ['config:127.0.0.1:5001/TCP']);
  const v3 = podWith('registry:3', '[{name: conf, mountPath: /etc/distribution}]', { 'config.yml': 'http:\n  addr: :5002\n  debug:\n    addr: :5003\n' });
  assert.deepEqual(listens(v3).listens, ['config:5002/TCP', 'config:5003/TCP']);
  const serve = podWith('registry:3', '[{name: conf, mountPath: /etc/registry}]', { 'config.yml': REGISTRY_CONF }, '    args: [serve, /etc/registry/config.yml]\n');
  assert.deepEqual(listens(serve).listens, ['config:127.0.0.1:5001/TCP']);
  const yml = podWith('registry:3', '[{name: conf, mountPath: /etc/registry}]', { 'config.yml': REGISTRY_CONF }, '    args: [/etc/registry/config.yml]\n');
  assert.deepEqual(listens(yml).listens, ['config:127.0.0.1:5001/TCP']);
  // REGISTRY_HTTP_ADDR overrides the file.
  const env = podWith('registry:3', '[{name: conf, mountPath: /etc/distribution}]', { 'config.yml': REGISTRY_CONF }, '    env: [{name: REGISTRY_HTTP_ADDR, value: ":6000"}]\n');
  assert.deepEqual(listens(env).listens, ['env:6000/TCP']);
  // A file in a Secret, a templated address, a file args do not name: unsure.
  const secret = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: registry:3\n    args: [serve, /etc/registry/config.yml]\n    volumeMounts: [{name: s, mountPath: /etc/registry}]\n  volumes:\n  - {name: s, secret: {secretName: reg}}\n';
  assert.equal(listens(secret).basis, 'unsure');
  assert.equal(listens(podWith('registry:3', '[{name: conf, mountPath: /etc/distribution}]', { 'config.yml': 'http:\n  addr: ":${PORT}"\n' })).basis, 'unsure');
  assert.match(listens(podWith('registry:3', '[]', {}, '    args: [serve]\n')).unsure ?? '', /name no configuration file/);
  // Nothing mounted: the bundled file's :5000.
  assert.deepEqual(listens(podWith('registry:3', '[]', {})).listens, ['image:5000/TCP']);
});

test('registry repros: an auth proxy on 5000 in front of a registry moved by its config.yml is no clash; one on the new port is', () => {
  const text = (addr: string, proxy: number): string =>
    `${podWith('registry:2', '[{name: conf, mountPath: /etc/docker/registry/config.yml, subPath: config.yml}]', { 'config.yml': `http:\n  addr: ${addr}\n` }).replace('  volumes:', `  - {name: proxy, image: example/proxy, ports: [{containerPort: ${proxy}}]}\n  volumes:`)}`;
  assert.deepEqual(clashes(text('127.0.0.1:5001', 5000)), []);
  assert.equal(clashes(text('127.0.0.1:5001', 5001)).length, 1);
  assert.equal(clashes(text(':5000', 5000)).length, 1);
});

test('sonarqube: a mounted conf/sonar.properties may set sonar.web.port; SONAR_WEB_PORT still decides', () => {
  const mounted = podWith('sonarqube:lts', '[{name: conf, mountPath: /opt/sonarqube/conf/sonar.properties, subPath: sonar.properties}]', { 'sonar.properties': 'sonar.web.port=9003\n' });
  assert.equal(listens(mounted).basis, 'unsure');
  const env = podWith('sonarqube:lts', '[{name: conf, mountPath: /opt/sonarqube/conf/sonar.properties, subPath: sonar.properties}]', { 'sonar.properties': 'x=1\n' }, '    env: [{name: SONAR_WEB_PORT, value: "9001"}]\n');
  assert.deepEqual(listens(env).listens, ['env:9001/TCP']);
  assert.equal(clashes(pod('{name: sonarqube, image: "sonarqube:lts"}', '{name: proxy, image: example/proxy, ports: [{containerPort: 9000}]}')).length, 1);
});

test('jenkins: JENKINS_SLAVE_AGENT_PORT moves the inbound agent listener off 50000', () => {
  const side = (port: number): string => `{name: side, image: example/proxy, ports: [{containerPort: ${port}}]}`;
  const jenkins = '{name: jenkins, image: "jenkins/jenkins:lts", env: [{name: JENKINS_SLAVE_AGENT_PORT, value: "50001"}]}';
  assert.deepEqual(clashes(pod(jenkins, side(50000))), []);
  assert.match(clashes(pod(jenkins, side(50001)))[0] ?? '', /listens on 50001\/TCP \(set by JENKINS_SLAVE_AGENT_PORT=50001\)/);
  assert.equal(clashes(pod('{name: jenkins, image: "jenkins/jenkins:lts"}', side(50000))).length, 1);
});
