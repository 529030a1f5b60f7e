/**
 * Keycloak and Tomcat: ports that a mode or a configuration file decides. Keycloak's production
 * mode (`kc.sh start`) opens HTTP only when http-enabled is true (or proxy=edge before 26), and
 * conf/keycloak.conf sets its options below args and KC_* variables; Tomcat binds the Connectors
 * of conf/server.xml. Each repro (sweep AD) is silent; each near variant that is a real clash is
 * still reported.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings } from '../../helpers/check';
import { listens, podWith } from './pod-with-config';

const pod = (...containers: string[]): string => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n${containers.map((c) => `    - ${c}\n`).join('')}`;
const proxy = '{name: proxy, image: "nginxinc/nginx-unprivileged:1.27"}';
const clashes = (text: string): number => findings(text, 'implicit-port-conflict').length + findings(text, 'port-conflict').length;
const kc = (tag: string, args: string, extra = ''): string => `{name: c, image: "quay.io/keycloak/keycloak:${tag}", args: ${args}${extra}}`;
/** One keycloak container `c` (no mounts) and its listeners. */
const kcListens = (tag: string, args: string, extra = ''): ReturnType<typeof listens> => listens(podWith(`"quay.io/keycloak/keycloak:${tag}"`, '[]', {}, `    args: ${args}\n${extra}`));

test('keycloak start (production mode) opens no HTTP listener unless http-enabled is true', () => {
  // Repro 01: TLS on 8443 beside an nginx-unprivileged proxy on 8080.
  const tls = '[start, --hostname=auth.bank.example, --https-certificate-file=/tls/tls.crt, --https-certificate-key-file=/tls/tls.key]';
  assert.equal(clashes(pod(kc('26.0', tls), proxy)), 0);
  assert.deepEqual(kcListens('26.0', tls).listens, ['image:8443/TCP']);
  assert.deepEqual(kcListens('25.0', '[start, --optimized]').listens, ['image:8443/TCP']);
  assert.deepEqual(kcListens('26.0', '[start, --http-enabled=false, --http-port=8180]').listens, ['image:8443/TCP']);
  // Near variants that do bind 8080: http-enabled in args or env, start-dev, proxy=edge before 26.
  assert.equal(clashes(pod(kc('26.0', '[start, --http-enabled=true]'), proxy)), 1);
  assert.equal(clashes(pod(kc('26.0', '[start, --http-enabled, "true"]'), proxy)), 1);
  assert.equal(clashes(pod(kc('26.0', '[start]', ', env: [{name: KC_HTTP_ENABLED, value: "true"}]'), proxy)), 1);
  assert.equal(clashes(pod(kc('26.0', '[start-dev]'), proxy)), 1);
  assert.equal(clashes(pod(kc('24.0', '[start, --proxy, edge]'), proxy)), 1);
  assert.equal(clashes(pod(kc('24.0', '[start]', ', env: [{name: KC_PROXY, value: edge}]'), proxy)), 1);
  assert.deepEqual(kcListens('26.0', '[start, --http-enabled=true, --http-port=8180]').listens, ['arg:8180/TCP', 'image:8443/TCP']);
  // Keycloak 26 removed proxy: edge no longer turns HTTP on.
  assert.deepEqual(kcListens('26.0', '[start]', '    env: [{name: KC_PROXY, value: edge}]\n').listens, ['image:8443/TCP']);
});

test('keycloak: a value Podsight cannot read decides nothing (unsure)', () => {
  const secret = kcListens('26.0', '[start]', '    env: [{name: KC_HTTP_ENABLED, valueFrom: {secretKeyRef: {name: s, key: k}}}]\n');
  assert.equal(secret.basis, 'unsure');
  assert.equal(kcListens('26.0', '[start]', '    envFrom: [{secretRef: {name: kc-env}}]\n').basis, 'unsure');
  assert.match(kcListens('26.0', '[start, --http-enabled=yes]').unsure ?? '', /--http-enabled=yes is not a value Podsight knows/);
  assert.equal(clashes(pod(kc('26.0', '[start, "--http-enabled=$(ON)"]', ', env: [{name: ON, valueFrom: {secretKeyRef: {name: s, key: k}}}]'), proxy)), 0);
  assert.equal(kcListens('26.0', '[--config-file=/etc/kc/kc.conf, start]').basis, 'unsure');
});

test('keycloak: conf/keycloak.conf mounted from a ConfigMap moves the ports, below args and KC_* variables', () => {
  const mount = '[{name: conf, mountPath: /opt/keycloak/conf/keycloak.conf, subPath: keycloak.conf}]';
  const conf = { 'keycloak.conf': 'http-port=8180\nhealth-enabled=true\n' };
  // Repro 04: start-dev binds 8180, so the proxy can have 8080 (health-enabled opens the management port, 25+).
  const moved = podWith('"quay.io/keycloak/keycloak:25.0"', mount, conf, '    args: [start-dev]\n');
  assert.deepEqual(listens(moved).listens, ['config:8180/TCP', 'image:8443/TCP', 'image:9000/TCP']);
  assert.equal(clashes(moved.replace('  volumes:', `  - {name: proxy, image: "nginxinc/nginx-unprivileged:1.27-alpine", ports: [{containerPort: 8080}]}\n  volumes:`)), 0);
  // The variable and the flag win over the file.
  const env = podWith('"quay.io/keycloak/keycloak:25.0"', mount, conf, '    args: [start-dev]\n    env: [{name: KC_HTTP_PORT, value: "8080"}]\n');
  assert.deepEqual(listens(env).listens, ['env:8080/TCP', 'image:8443/TCP', 'image:9000/TCP']);
  assert.deepEqual(listens(podWith('"quay.io/keycloak/keycloak:25.0"', mount, conf, '    args: [start-dev, --http-port=8280]\n')).listens, ['arg:8280/TCP', 'image:8443/TCP', 'image:9000/TCP']);
  // http-enabled in the file turns HTTP on in production mode; other keys leave the default.
  const enabled = { 'keycloak.conf': '# production\nhttp-enabled = true\nhostname=auth.example\n' };
  assert.deepEqual(listens(podWith('"quay.io/keycloak/keycloak:26.0"', mount, enabled, '    args: [start]\n')).listens, ['image:8080/TCP', 'image:8443/TCP']);
  assert.deepEqual(listens(podWith('"quay.io/keycloak/keycloak:26.0"', mount, { 'keycloak.conf': 'db=postgres\n' }, '    args: [start-dev]\n')).listens, ['image:8080/TCP', 'image:8443/TCP']);
  // A property Keycloak fills in when it starts, or a profile's value: unsure.
  assert.match(listens(podWith('"quay.io/keycloak/keycloak:26.0"', mount, { 'keycloak.conf': 'http-port=${PORT:8180}\n' }, '    args: [start-dev]\n')).unsure ?? '', /http-port=\$\{PORT:8180\}/);
  assert.equal(listens(podWith('"quay.io/keycloak/keycloak:26.0"', mount, { 'keycloak.conf': '%dev.http-port=8180\n' }, '    args: [start-dev]\n')).basis, 'unsure');
  // A Secret holding the file: unsure.
  const secret = podWith('"quay.io/keycloak/keycloak:26.0"', mount, conf, '    args: [start-dev]\n').replace('configMap: {name: conf}', 'secret: {secretName: conf}');
  assert.equal(listens(secret).basis, 'unsure');
});

const SERVER_XML = (connectors: string): Record<string, string> => ({
  'server.xml': `<?xml version="1.0" encoding="UTF-8"?>\n<Server port="-1" shutdown="SHUTDOWN">\n  <Service name="Catalina">\n${connectors}\n    <Engine name="Catalina" defaultHost="localhost"/>\n  </Service>\n</Server>\n`,
});
const tomcatMount = '[{name: conf, mountPath: /usr/local/tomcat/conf/server.xml, subPath: server.xml}]';

test('tomcat: the Connectors of a mounted server.xml are its listeners', () => {
  // Repro 03: one Connector on 127.0.0.1:8081; the proxy has 8080.
  const moved = podWith('"tomcat:10.1-jdk17"', tomcatMount, SERVER_XML('    <Connector port="8081" protocol="HTTP/1.1" address="127.0.0.1" connectionTimeout="20000"/>'));
  assert.deepEqual(listens(moved).listens, ['config:127.0.0.1:8081/TCP']);
  const beside = (text: string): string => text.replace('  volumes:', `  - {name: proxy, image: "nginxinc/nginx-unprivileged:1.27-alpine", ports: [{containerPort: 8080}]}\n  volumes:`);
  assert.equal(clashes(beside(moved)), 0);
  // Comments do not count; HTTP and AJP Connectors both listen.
  const two = SERVER_XML('    <!-- <Connector port="8080" protocol="HTTP/1.1"/> -->\n    <Connector port="8090" protocol="HTTP/1.1"\n               redirectPort="8443"/>\n    <Connector protocol="AJP/1.3" port=\'8009\'/>');
  assert.deepEqual(listens(podWith('tomcat:9.0', tomcatMount, two)).listens, ['config:8009/TCP', 'config:8090/TCP']);
  // Near variants: a server.xml that keeps 8080, or none mounted (context.xml only), clash with the proxy.
  assert.equal(clashes(beside(podWith('"tomcat:10.1-jdk17"', tomcatMount, SERVER_XML('    <Connector port="8080" protocol="HTTP/1.1"/>')))), 1);
  const context = podWith('"tomcat:10.1-jdk17"', '[{name: conf, mountPath: /usr/local/tomcat/conf/context.xml, subPath: context.xml}]', { 'context.xml': '<Context/>\n' });
  assert.deepEqual(listens(context).listens, ['image:8080/TCP']);
  assert.equal(clashes(beside(context)), 1);
});

test('tomcat: a port Podsight cannot read from server.xml makes the listeners unsure', () => {
  assert.match(listens(podWith('tomcat:10.1', tomcatMount, SERVER_XML('    <Connector port="${port.http}" protocol="HTTP/1.1"/>'))).unsure ?? '', /Connector port="\$\{port\.http\}"/);
  assert.equal(listens(podWith('tomcat:10.1', tomcatMount, SERVER_XML('    <Executor name="x"/>'))).basis, 'unsure');
  assert.equal(listens(podWith('tomcat:10.1', tomcatMount, { 'server.xml': '<!DOCTYPE server [<!ENTITY c SYSTEM "c.xml">]>\n<Server>&c;</Server>\n' })).basis, 'unsure');
  assert.equal(listens(podWith('tomcat:10.1', '[]', {}, '    env: [{name: CATALINA_BASE, value: /opt/base}]\n')).basis, 'unsure');
});

test('keycloak 25+: the management interface (9000) opens when health or metrics is enabled (sweep AW)', () => {
  const health = '    env: [{name: KC_HEALTH_ENABLED, value: "true"}]\n';
  assert.deepEqual(kcListens('26.2', '[start-dev]', health).listens, ['image:8080/TCP', 'image:8443/TCP', 'image:9000/TCP']);
  assert.deepEqual(kcListens('26.2', '[start, --metrics-enabled=true, --http-management-port=9090]').listens, ['arg:9090/TCP', 'image:8443/TCP']);
  // Off by default, and before 25 /health was served on the HTTP port.
  assert.deepEqual(kcListens('26.2', '[start-dev]').listens, ['image:8080/TCP', 'image:8443/TCP']);
  assert.deepEqual(kcListens('24.0', '[start-dev]', health).listens, ['image:8080/TCP', 'image:8443/TCP']);
  // Repro 01: a Service on 9000 with health enabled is served; on Keycloak 24 it is not.
  const service = (tag: string): string =>
    `apiVersion: v1\nkind: Service\nmetadata: {name: kc}\nspec:\n  selector: {app: kc}\n  ports: [{port: 9000, targetPort: 9000}]\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: kc}\nspec:\n  selector: {matchLabels: {app: kc}}\n  template:\n    metadata: {labels: {app: kc}}\n    spec:\n      containers:\n      - name: kc\n        image: quay.io/keycloak/keycloak:${tag}\n        args: [start-dev]\n        env: [{name: KC_HEALTH_ENABLED, value: "true"}]\n        ports: [{name: http, containerPort: 8080}]\n`;
  assert.deepEqual(findings(service('26.2'), 'service-target-port'), []);
  assert.equal(findings(service('24.0'), 'service-target-port').length, 1);
});
