/**
 * Documented settings that move or bind an image's listener, from sweeps of application
 * manifests: phpMyAdmin's APACHE_PORT, Jenkins's --httpPort (in args or JENKINS_OPTS),
 * redis-stack's REDIS_ARGS, Alertmanager before 0.15 (mesh on 6783, no 9094), and the loopback
 * binds of Kibana (SERVER_HOST, --server.host) and Jupyter (--ip, --ServerApp.ip). Each repro is
 * silent; each near variant that is a real problem is still reported.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings } from '../../helpers/check';
import { applyFix } from '../../helpers/fix';
import { listens, podWith } from './pod-with-config';

const pod = (...containers: string[]): string => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n${containers.map((c) => `    - ${c}\n`).join('')}`;
const clashes = (text: string): string[] => findings(text, 'implicit-port-conflict').map((f) => f.message.slice(0, 200));
const served = (text: string): string[] => findings(text, 'port-not-served').map((f) => f.message);
const probes = (text: string): number => findings(text, 'probe-port-elsewhere').length;

test('phpmyadmin: APACHE_PORT moves Apache off 80', () => {
  const pma = (env: string): string => pod('{name: proxy, image: "nginx:1.27", ports: [{containerPort: 80}]}', `{name: phpmyadmin, image: "phpmyadmin:5.2", env: [${env}]}`);
  assert.deepEqual(clashes(pma('{name: APACHE_PORT, value: "8081"}, {name: PMA_HOST, value: mysql}')), []);
  assert.equal(clashes(pma('{name: PMA_HOST, value: mysql}')).length, 1, 'without it Apache keeps 80');
  const onto = pod('{name: proxy, image: "nginxinc/nginx-unprivileged:1.27"}', '{name: phpmyadmin, image: "phpmyadmin:5.2", env: [{name: APACHE_PORT, value: "8080"}]}');
  assert.match(clashes(onto)[0] ?? '', /listens on 8080\/TCP \(set by APACHE_PORT=8080\)/);
});

test('jenkins: --httpPort in args or in JENKINS_OPTS moves the web port; the last one wins', () => {
  const proxy = '{name: proxy, image: "nginxinc/nginx-unprivileged:1.27"}';
  assert.deepEqual(clashes(pod('{name: jenkins, image: "jenkins/jenkins:lts", env: [{name: JENKINS_OPTS, value: "--httpPort=8081"}]}', proxy)), []);
  assert.deepEqual(clashes(pod('{name: jenkins, image: "jenkins/jenkins:lts", args: ["--httpPort=8081"]}', proxy)), []);
  assert.equal(clashes(pod('{name: jenkins, image: "jenkins/jenkins:lts", args: ["--prefix=/jenkins"]}', proxy)).length, 1);
  // jenkins.sh passes JENKINS_OPTS before the args: an arg given after it wins.
  const back = pod('{name: jenkins, image: "jenkins/jenkins:lts", env: [{name: JENKINS_OPTS, value: "--httpPort=8081"}], args: ["--httpPort=8080"]}', proxy);
  assert.match(clashes(back)[0] ?? '', /8080/);
  const other = pod('{name: jenkins, image: "jenkins/jenkins:lts", env: [{name: JENKINS_OPTS, value: "--prefix=/j --httpPort=8081"}]}', '{name: other, image: example/x, ports: [{containerPort: 8081}]}');
  assert.match(clashes(other)[0] ?? '', /listens on 8081\/TCP \(set by JENKINS_OPTS=--prefix=\/j --httpPort=8081\)/);
  // The fix edits the port inside the variable, keeping its other flags.
  const { result } = applyFix(other, 'implicit-port-conflict', /Move the process of "jenkins"/);
  assert.match(result, /value: "--prefix=\/j --httpPort=8082"/);
  // A variable Podsight cannot read may hold --httpPort: unsure, so silent.
  assert.deepEqual(clashes(pod('{name: jenkins, image: "jenkins/jenkins:lts", env: [{name: JENKINS_OPTS, valueFrom: {secretKeyRef: {name: s, key: k}}}]}', proxy)), []);
});

test('redis-stack: REDIS_ARGS reaches redis-server through the CMD script, and args replace that script', () => {
  const redis = '{name: redis, image: "redis:7"}';
  const stack = (more: string): string => pod(redis, `{name: stack, image: "redis/redis-stack-server:7.2.0-v10"${more}}`);
  assert.deepEqual(clashes(stack(', env: [{name: REDIS_ARGS, value: "--port 6380"}]')), []);
  assert.match(clashes(stack(', env: [{name: REDIS_ARGS, value: "--requirepass x --port 6379"}]'))[0] ?? '', /set by REDIS_ARGS=--requirepass x --port 6379/);
  // args run redis-server themselves: REDIS_ARGS goes unread, their own --port counts.
  assert.equal(clashes(stack(', args: [redis-server, --save, "60 1"], env: [{name: REDIS_ARGS, value: "--port 6380"}]')).length, 1);
  assert.deepEqual(clashes(stack(', args: [redis-server, --port, "6380"]')), []);
  assert.deepEqual(listens(podWith('redis/redis-stack-server:7.2.0-v10', '[]', {}, '    args: [--port, "6380"]\n')).basis, 'unsure', 'a flag alone replaces the CMD script');
  // RedisInsight (8001) comes with the CMD.
  assert.equal(clashes(pod('{name: ui, image: example/ui, ports: [{containerPort: 8001}]}', '{name: stack, image: "redis/redis-stack:7.2.0-v10"}')).length, 1);
  assert.equal(clashes(pod('{name: ui, image: example/ui, ports: [{containerPort: 8001}]}', '{name: stack, image: "redis/redis-stack:7.2.0-v10", args: [redis-server]}')).length, 0);
  // The fix sets REDIS_ARGS (args would replace the script), or appends to the flags there.
  const { result } = applyFix(stack(''), 'implicit-port-conflict', /Move the process of "stack"/);
  assert.match(result, /name: REDIS_ARGS,?\s+value: --port 6380\b/);
  assert.doesNotMatch(result, /args:/);
  const appended = applyFix(stack(', env: [{name: REDIS_ARGS, value: "--requirepass x"}]'), 'implicit-port-conflict', /Move the process of "stack"/).result;
  assert.match(appended, /value: "--requirepass x --port 6380"/);
});

test('alertmanager before 0.15 gossips over mesh on 6783, not on 9094', () => {
  const am = (tag: string, more: string): string => `{name: alertmanager, image: "prom/alertmanager:${tag}"${more}}`;
  const meshArgs = ', args: [--config.file=/etc/alertmanager/config.yml, "--mesh.listen-address=:6783"], ports: [{containerPort: 9093}, {containerPort: 6783}]';
  assert.deepEqual(served(pod(am('v0.14.0', meshArgs))), []);
  const neighbour = (tag: string, port: number): string => pod(am(tag, ', ports: [{containerPort: 9093}]'), `{name: other, image: "example/app:1", ports: [{containerPort: ${port}}]}`);
  assert.deepEqual(clashes(neighbour('v0.14.0', 9094)), []);
  assert.equal(clashes(neighbour('v0.14.0', 6783)).length, 1, 'the mesh default clashes');
  assert.equal(clashes(neighbour('v0.15.0', 9094)).length, 1, 'memberlist from 0.15');
  assert.equal(clashes(neighbour('v0.4.2', 6783)).length, 0, 'no clustering before 0.5');
  assert.match(served(pod(am('v0.15.0', meshArgs)))[0] ?? '', /declares 6783\/TCP/);
  assert.match(served(pod(am('v0.14.0', ', ports: [{containerPort: 9093}, {containerPort: 9094}]')))[0] ?? '', /declares 9094\/TCP, but prom\/alertmanager:v0.14.0 listens on 9093\/TCP \(the image default\), 6783\/TCP/);
});

test('kibana and jupyter bound to loopback behind a proxy are probed through it', () => {
  const behind = (app: string, probePort: number): string => pod(`${app}, readinessProbe: {httpGet: {path: /api, port: ${probePort}}}}`, `{name: proxy, image: "example/proxy:1", ports: [{containerPort: ${probePort}}]}`);
  const kibana = (more: string): string => `{name: kibana, image: "docker.elastic.co/kibana/kibana:8.13.4"${more}`;
  assert.equal(probes(behind(kibana(', env: [{name: SERVER_HOST, value: "127.0.0.1"}]'), 8443)), 0);
  assert.equal(probes(behind(kibana(', args: ["--server.host=localhost"]'), 8443)), 0);
  assert.equal(probes(behind(kibana(', env: [{name: SERVER_HOST, value: "0.0.0.0"}]'), 8443)), 1);
  assert.equal(probes(behind(kibana(''), 8443)), 1);
  const jupyter = (args: string): string => `{name: notebook, image: "jupyter/base-notebook:latest", args: [${args}]`;
  assert.equal(probes(behind(jupyter('start-notebook.py, "--ServerApp.ip=127.0.0.1"'), 8080)), 0);
  assert.equal(probes(behind(jupyter('start-notebook.py, --ip, "127.0.0.1"'), 8080)), 0);
  assert.equal(probes(behind(jupyter('start-notebook.py, "--NotebookApp.ip=localhost"'), 8080)), 0);
  assert.equal(probes(behind(jupyter('start-notebook.py, "--ip=0.0.0.0"'), 8080)), 1);
});

test('zookeeper before 3.5 has no AdminServer on 8080; rabbitmq before 3.9 ships /etc/rabbitmq empty (sweep AH)', () => {
  const zk = (tag: string): string => pod('{name: app, image: "tomcat:9"}', `{name: zookeeper, image: "zookeeper:${tag}"}`);
  assert.deepEqual(clashes(zk('3.4.14')), []);
  assert.equal(clashes(zk('3.5.9')).length, 1, 'the AdminServer is on 8080 from 3.5');
  const rabbit = (tag: string, volume = 'emptyDir: {}'): string =>
    `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: rabbitmq\n      image: "rabbitmq:${tag}"\n      volumeMounts: [{name: etc, mountPath: /etc/rabbitmq}]\n  volumes: [{name: etc, ${volume}}]\n`;
  const shadows = (text: string): string[] => findings(text, 'mount-shadows-image').map((f) => `${f.severity}: ${f.message.slice(0, 200)}`);
  assert.deepEqual(shadows(rabbit('3.7')), []);
  assert.deepEqual(shadows(rabbit('3.8.3', 'persistentVolumeClaim: {claimName: etc}')), []);
  // The management tags enable their plugin into /etc/rabbitmq; from 3.9 the defaults live there too.
  assert.match(shadows(rabbit('3.7-management'))[0] ?? '', /^warning: .*enabled_plugins/);
  assert.match(shadows(rabbit('3.13'))[0] ?? '', /^warning: .*conf\.d\/10-defaults\.conf/);
});

test('zookeeper: -Dzookeeper.admin.serverPort in JVMFLAGS or SERVER_JVMFLAGS moves the AdminServer off 8080 (sweep AX)', () => {
  const ui = '{name: ui, image: "provectuslabs/kafka-ui", ports: [{containerPort: 8080}]}';
  const zk = (env: string): string => pod(`{name: zk, image: "zookeeper:3.8", env: [${env}]}`, ui);
  assert.deepEqual(clashes(zk('{name: SERVER_JVMFLAGS, value: "-Dzookeeper.admin.serverPort=8181"}')), []);
  assert.deepEqual(clashes(zk('{name: JVMFLAGS, value: "-Xmx512m -Dzookeeper.admin.serverPort=8181"}')), []);
  // JVM flags that leave the AdminServer alone: the clash stays.
  assert.match(clashes(zk('{name: JVMFLAGS, value: "-Xmx512m"}'))[0] ?? '', /"zk" \(zookeeper:3\.8\) listens on 8080\/TCP/);
  // A known image whose ports are not all known: its declaration stands for a process of it, and the message says so.
  const declaredByKnown = pod('{name: zookeeper, image: "zookeeper:3.8", ports: [{containerPort: 9092}]}', '{name: broker, image: "apache/kafka:3.7.0"}');
  assert.match(findings(declaredByKnown, 'implicit-port-conflict')[0]?.message ?? '', /declared; Podsight does not know every port this image can open/);
});
