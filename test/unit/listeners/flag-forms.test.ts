/**
 * Listener settings a sweep of real manifests (and probes built from them) found misread: port 0
 * and redis `tls-port`, etcd's URL lists, mysqld's attached `-P3308` and admin interface,
 * MariaDB's `--extra-port`, memcached's UDP port, repeatable `--web.listen-address`, Go's
 * single-dash long flags, grafana's `GF_PATHS_CONFIG` and `__FILE` variables. Each is either read
 * as the process reads it or left unsure; none gives a port finding that is not true.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, findings } from '../../helpers/check';

const PORT_RULES = ['port-conflict', 'implicit-port-conflict', 'port-not-served'];
const portFindings = (text: string): string[] => check(text).filter((f) => PORT_RULES.includes(f.rule)).map((f) => `${f.rule}: ${f.message.slice(0, 120)}`);
const pod = (...containers: string[]): string => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n${containers.map((c) => `    - ${c}\n`).join('')}`;

test('redis: --port 0 turns the plain listener off, --tls-port (flag or file) listens', () => {
  assert.deepEqual(portFindings(pod('{name: r, image: "redis:7", args: [--port, "0", --tls-port, "6379"], ports: [{containerPort: 6379}]}')), []);
  assert.deepEqual(portFindings(pod('{name: v, image: "valkey/valkey:8", args: ["--port 0", "--tls-port 6380"], ports: [{containerPort: 6380}]}')), []);
  const conf = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: rc}\ndata:\n  redis.conf: |\n    port 0\n    tls-port 6379\n---\n`;
  const mounted = pod('{name: r, image: "redis:7", args: [/conf/redis.conf], ports: [{containerPort: 6379}], volumeMounts: [{name: c, mountPath: /conf}]}') + '  volumes: [{name: c, configMap: {name: rc}}]\n';
  assert.deepEqual(portFindings(conf + mounted), []);
  // Still true: the plain port moved while the declaration stayed.
  const moved = findings(pod('{name: r, image: "redis:7", args: [--port, "0", --tls-port, "6380"], ports: [{containerPort: 6379}]}'), 'port-not-served');
  assert.match(moved[0]?.message ?? '', /listens on 6380\/TCP \(set by --tls-port 6380\), not on 6379\/TCP/);
});

test('etcd: --listen-client-urls and --listen-peer-urls move 2379 and 2380; etcd beside etcd-events is no clash', () => {
  const text = pod(
    '{name: etcd, image: "registry.k8s.io/etcd:3.5.12-0", command: [etcd], args: [--listen-client-urls=http://127.0.0.1:2379, --listen-peer-urls=http://127.0.0.1:2380]}',
    '{name: etcd-events, image: "registry.k8s.io/etcd:3.5.12-0", command: [etcd], args: ["--listen-client-urls=http://127.0.0.1:4002,http://localhost:4002", --listen-peer-urls=http://127.0.0.1:2381]}',
  );
  assert.deepEqual(portFindings(text), []);
  const clash = pod('{name: a, image: "quay.io/coreos/etcd:v3.5.0"}', '{name: b, image: "quay.io/coreos/etcd:v3.5.0", args: [--listen-peer-urls=http://0.0.0.0:2381]}');
  assert.equal(findings(clash, 'implicit-port-conflict').length, 1, 'the client ports still clash');
});

test('mysqld and mariadbd: -P3308, the admin interface and --extra-port', () => {
  assert.deepEqual(portFindings(pod('{name: m, image: "mysql:8.4", args: [-P3308], ports: [{containerPort: 3308}]}')), []);
  assert.deepEqual(portFindings(pod('{name: m, image: "mysql:8.4", args: [--admin-address=0.0.0.0], ports: [{containerPort: 3306}, {containerPort: 33062}]}')), []);
  assert.deepEqual(portFindings(pod('{name: m, image: "mariadb:11", args: [--port=3308, --extra-port=3309], ports: [{containerPort: 3308}, {containerPort: 3309}]}')), []);
  assert.equal(findings(pod('{name: m, image: "mariadb:11", args: [--extra-port=0], ports: [{containerPort: 3306}, {containerPort: 3309}]}'), 'port-not-served').length, 1, 'extra port 0: none');
});

test('mysql 5.7 has no X Plugin unless it loads one: 33060 is not served (sweep DC)', () => {
  const [served] = findings(pod('{name: m, image: "mysql:5.7.21", ports: [{containerPort: 3306}, {containerPort: 33060}]}'), 'port-not-served');
  assert.match(served?.message ?? '', /mysql:5\.7\.21 listens on 3306\/TCP \(the image default\), not on 33060\/TCP/);
  assert.deepEqual(portFindings(pod('{name: m, image: "mysql:5.7", args: [--plugin-load-add=mysqlx=mysqlx.so], ports: [{containerPort: 33060}]}')), []);
  assert.deepEqual(portFindings(pod('{name: m, image: "mysql:8.0", ports: [{containerPort: 3306}, {containerPort: 33060}]}')), []);
});

test('memcached: -U opens the UDP port; the message names the protocol it is not served on', () => {
  assert.deepEqual(portFindings(pod('{name: c, image: "memcached:1.6", args: [-p, "11216", -U, "11216"], ports: [{containerPort: 11216}, {containerPort: 11216, protocol: UDP}]}')), []);
  const [udp] = findings(pod('{name: c, image: "memcached:1.6", args: [-p, "11216"], ports: [{containerPort: 11216, protocol: UDP}]}'), 'port-not-served');
  assert.match(udp?.message ?? '', /listens on 11216\/TCP \(set by -p 11216\), not on 11216\/UDP\./);
});

test('repeatable --web.listen-address and single-dash Go flags leave the ports unsure', () => {
  assert.deepEqual(portFindings(pod('{name: prom, image: "prom/prometheus:v3.0.0", args: [--web.listen-address=:9090, --web.listen-address=:9095], ports: [{containerPort: 9090}]}')), []);
  assert.deepEqual(portFindings(pod('{name: ne, image: "prom/node-exporter:v1.8.0", args: [--web.listen-address=:9100, --web.listen-address=127.0.0.1:9101], ports: [{containerPort: 9100}]}')), []);
  assert.deepEqual(portFindings(pod('{name: prom, image: "prom/prometheus:v1.8.2", args: [-web.listen-address=:9091], ports: [{containerPort: 9091}]}')), []);
  // One --web.listen-address is read as before.
  assert.equal(findings(pod('{name: prom, image: "prom/prometheus:v3.0.0", args: [--web.listen-address=:9095], ports: [{containerPort: 9090}]}'), 'port-not-served').length, 1);
});

test('grafana: GF_PATHS_CONFIG and GF_*__FILE variables leave the port unsure', () => {
  assert.deepEqual(portFindings(pod('{name: g, image: "grafana/grafana:11.1.0", env: [{name: GF_PATHS_CONFIG, value: /config/grafana.ini}], ports: [{containerPort: 3002}]}')), []);
  assert.deepEqual(portFindings(pod('{name: g, image: "grafana/grafana:11.1.0", env: [{name: GF_SERVER_HTTP_PORT__FILE, value: /etc/secrets/port}], ports: [{containerPort: 3007}]}')), []);
  assert.equal(findings(pod('{name: g, image: "grafana/grafana:11.1.0", ports: [{containerPort: 3007}]}'), 'port-not-served').length, 1);
});

test('settings that turn TCP off: mysqld --skip-networking, postgres -c listen_addresses=, grafana GF_SERVER_PROTOCOL=socket', () => {
  const beside = (c: string): string => pod(c, '{name: router, image: example/router, ports: [{containerPort: 3306}, {containerPort: 5432}, {containerPort: 3000}]}');
  assert.deepEqual(portFindings(beside('{name: m, image: "mysql:8.4", args: [--skip-networking]}')), []);
  assert.deepEqual(portFindings(beside('{name: m, image: "mariadb:11", args: [--skip_networking=ON]}')), []);
  assert.deepEqual(portFindings(beside('{name: p, image: "postgres:16", args: [-c, "listen_addresses="]}')), []);
  assert.deepEqual(portFindings(beside('{name: g, image: "grafana/grafana:11.1.0", env: [{name: GF_SERVER_PROTOCOL, value: socket}]}')), []);
  // Networking left on is read as before; a declared port is not served with TCP off.
  assert.equal(findings(beside('{name: m, image: "mysql:8.4", args: [--skip-networking=0]}'), 'implicit-port-conflict').length, 1);
  const [unserved] = findings(pod('{name: m, image: "mysql:8.4", args: [--skip-networking], ports: [{containerPort: 3306}]}'), 'port-not-served');
  assert.match(unserved?.message ?? '', /listens on no port with these settings, not on 3306\/TCP/);
});

test('data platforms: settings that move or drop the default ports leave them unsure (no clash with a sidecar on the default)', () => {
  const beside = (c: string, port: number): string => pod(c, `{name: side, image: example/side, ports: [{containerPort: ${port}}]}`);
  const silent = (c: string, port: number): void => assert.deepEqual(portFindings(beside(c, port)), [], c);
  silent('{name: zk, image: "zookeeper:3.9", env: [{name: ZOO_ADMINSERVER_ENABLED, value: "false"}]}', 8080);
  silent('{name: zk, image: "zookeeper:3.9", env: [{name: ZOO_CFG_EXTRA, value: "admin.serverPort=8081"}]}', 8080);
  silent('{name: k, image: "apache/kafka:3.8.0", env: [{name: KAFKA_LISTENERS, value: "PLAINTEXT://:9094"}]}', 9092);
  silent('{name: f, image: "flink:1.20", args: [jobmanager], env: [{name: FLINK_PROPERTIES, value: "rest.port: 8082"}]}', 8081);
  silent('{name: j, image: "jupyter/base-notebook:2024-01-01", args: [start-notebook.py, --ServerApp.port=8890]}', 8888);
  silent('{name: es, image: "elasticsearch:7.17.0", args: [elasticsearch, -Ehttp.port=9201]}', 9200);
  silent('{name: es, image: "elasticsearch:8.15.0", env: [{name: http.port, value: "9201"}]}', 9200);
  // Without those settings the default stands, and the sidecar's declaration clashes with it.
  assert.equal(findings(beside('{name: zk, image: "zookeeper:3.9"}', 8080), 'implicit-port-conflict').length, 1);
  assert.equal(findings(beside('{name: j, image: "jupyter/base-notebook:2024-01-01"}', 8888), 'implicit-port-conflict').length, 1);
});
