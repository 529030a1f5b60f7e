/**
 * What a process really listens on, from sweeps of hand-written database, cache, broker and
 * sidecar manifests: redis's config file under any name, valkey-sentinel, nats without its
 * bundled config, Galera and Group Replication, rabbitmq's TLS ports, Envoy's `bind_to_port:
 * false`, the settings that turn TCP off (memcached `-s`, postgres `-h ''`, mysqld
 * `--loose-skip-networking`) and case-sensitive short flags. Each repro is silent; each near
 * variant that is a real problem is still reported.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, findings } from '../../helpers/check';
import { listens, podWith } from './pod-with-config';

const PORT_RULES = ['port-conflict', 'implicit-port-conflict', 'port-not-served'];
const portFindings = (text: string): string[] => check(text).filter((f) => PORT_RULES.includes(f.rule)).map((f) => `${f.rule}: ${f.message.slice(0, 120)}`);
const pod = (...containers: string[]): string => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n${containers.map((c) => `    - ${c}\n`).join('')}`;
const beside = (c: string, port: number): string => pod(c, `{name: side, image: example/side, ports: [{containerPort: ${port}}]}`);
const served = (text: string): number => findings(text, 'port-not-served').length;
const clashes = (text: string): number => findings(text, 'implicit-port-conflict').length;

test('redis: the first argument after the program is the config file, whatever its name', () => {
  const conf = { 'redis-config': 'port 6380\nmaxmemory 2mb\n' };
  const mount = '[{name: conf, mountPath: /redis-master}]';
  assert.deepEqual(listens(podWith('redis:7.2', mount, conf, '    command: [redis-server, /redis-master/redis-config]\n')), { basis: 'image', listens: ['config:6380/TCP'] });
  assert.deepEqual(listens(podWith('redis:7.2', mount, conf, '    args: [redis-server, /redis-master/redis-config, --maxmemory, 2mb]\n')).listens, ['config:6380/TCP']);
  // A flag first: no file, the default stands (and the declaration of 6380 is not served).
  assert.deepEqual(listens(podWith('redis:7.2', mount, conf, '    args: [redis-server, --maxmemory, 2mb]\n')).listens, ['image:6379/TCP']);
  const declared = (port: number): string => podWith('redis:7.2', mount, conf, `    command: [redis-server, /redis-master/redis-config]\n    ports: [{containerPort: ${port}}]\n`);
  assert.equal(served(declared(6380)), 0);
  assert.match(findings(declared(6379), 'port-not-served')[0]?.message ?? '', /listens on 6380\/TCP \(from port 6380 \(ConfigMap "conf", redis-config\)\), not on 6379\/TCP/);
});

test('valkey-sentinel runs Sentinel on 26379, like redis-sentinel', () => {
  const conf = { 'sentinel.conf': 'sentinel monitor primary valkey-0.valkey 6379 2\n' };
  const mount = '[{name: conf, mountPath: /conf}]';
  assert.deepEqual(listens(podWith('valkey/valkey:8.0', mount, conf, '    command: [valkey-sentinel, /conf/sentinel.conf]\n')).listens, ['config:26379/TCP']);
  const moved = listens(podWith('valkey/valkey:8.0', mount, { 'sentinel.conf': 'port 6379\n' }, '    command: [valkey-sentinel, /conf/sentinel.conf]\n'));
  assert.deepEqual(moved.listens, ['config:6379/TCP'], 'a port line still moves it');
});

test('nats: args replace the CMD and its bundled config, so cluster and monitoring listen only when asked', () => {
  const nats = (args: string, ports: string): string => `{name: nats, image: "nats:2.10-alpine", args: ${args}, ports: ${ports}}`;
  assert.deepEqual(portFindings(pod(nats('[-js, -p, "4222", -m, "8222"]', '[{containerPort: 4222}, {containerPort: 8222}]'), nats('[-p, "4223", -m, "8223"]', '[{containerPort: 4223}, {containerPort: 8223}]'))), []);
  assert.equal(clashes(beside('{name: nats, image: "nats:2.10-alpine", args: [--jetstream, --store_dir, /data]}', 8222)), 0);
  // The converse: 8222 declared with args that do not turn monitoring on is served by nothing.
  assert.match(findings(pod(nats('[-js]', '[{containerPort: 4222}, {containerPort: 8222}]')), 'port-not-served')[0]?.message ?? '', /declares 8222\/TCP, but nats:2.10-alpine listens on 4222\/TCP/);
  // Without args, or with args that load the bundled file again, its ports stand.
  assert.equal(clashes(beside('{name: nats, image: "nats:2.10-alpine"}', 8222)), 1);
  assert.equal(clashes(beside('{name: nats, image: "nats:2.10", args: [--config, nats-server.conf, -js]}', 6222)), 1);
  assert.equal(clashes(beside('{name: nats, image: "nats:2.10", args: [-js, --cluster, "nats://0.0.0.0:6222"]}', 6222)), 1);
  assert.equal(served(pod(nats('[-js, -ms, "8443", --profile, "6060"]', '[{containerPort: 4222}, {containerPort: 8443}, {containerPort: 6060}]'))), 0);
});

test('MariaDB Galera and MySQL Group Replication flags make the listeners unsure', () => {
  const galera = '[--wsrep-on=ON, --wsrep-provider=/usr/lib/galera/libgalera_smm.so, "--wsrep-cluster-address=gcomm://g-0.g,g-1.g"]';
  assert.deepEqual(portFindings(pod(`{name: m, image: "mariadb:11.4", args: ${galera}, ports: [{containerPort: 3306}, {containerPort: 4567}, {containerPort: 4568}, {containerPort: 4444}]}`)), []);
  assert.match(listens(podWith('mariadb:11.4', '[]', {}, `    args: ${galera}\n`)).unsure ?? '', /--wsrep-on=ON turns on a feature that opens listeners of its own/);
  const gr = '[--plugin-load-add=group_replication.so, "--loose-group-replication-local-address=$(POD_NAME).gr:33061", --loose-group-replication-start-on-boot=ON]';
  assert.deepEqual(portFindings(pod(`{name: m, image: "mysql:8.0", args: ${gr}, ports: [{containerPort: 3306}, {containerPort: 33061}]}`)), []);
  // Without those flags the ports are not served.
  assert.equal(served(pod('{name: m, image: "mariadb:11.4", args: [--binlog-format=ROW], ports: [{containerPort: 3306}, {containerPort: 4567}]}')), 1);
  assert.equal(served(pod('{name: m, image: "mysql:8.0", args: [--plugin-load-add=group_replication.so], ports: [{containerPort: 3306}, {containerPort: 33061}]}')), 1);
});

test('rabbitmq: the TLS ports it EXPOSEs listen only when configured', () => {
  const rabbit = '{name: rabbitmq, image: "rabbitmq:3.13-management"}';
  for (const port of [5671, 15671, 15691]) assert.equal(clashes(beside(rabbit, port)), 0, String(port));
  assert.equal(clashes(beside(rabbit, 5672)), 1);
  assert.equal(clashes(beside(rabbit, 15672)), 1);
});

test('Envoy: a listener with bind_to_port: false binds nothing', () => {
  const envoy = (bind: string): string => `static_resources:\n  listeners:\n  - name: virtual\n    address: {socket_address: {address: 0.0.0.0, port_value: 8080}}\n${bind}  - name: real\n    address: {socket_address: {address: 0.0.0.0, port_value: 15001}}\n`;
  const mount = '[{name: conf, mountPath: /etc/envoy}]';
  assert.deepEqual(listens(podWith('envoyproxy/envoy:v1.31-latest', mount, { 'envoy.yaml': envoy('    bind_to_port: false\n') })).listens, ['config:15001/TCP']);
  assert.deepEqual(listens(podWith('envoyproxy/envoy:v1.31-latest', mount, { 'envoy.yaml': envoy('    bind_to_port: true\n') })).listens, ['config:15001/TCP', 'config:8080/TCP']);
});

test('settings that turn TCP off: memcached -s, postgres -h \'\' and --listen_addresses=, mysqld --loose-skip-networking', () => {
  const silent = (c: string, port: number): void => assert.deepEqual(portFindings(beside(c, port)), [], c);
  silent('{name: mc, image: "memcached:1.6", args: [-s, /sock/memcached.sock, -a, "0766"]}', 11211);
  silent('{name: mc, image: "memcached:1.6", args: [--unix-socket=/sock/memcached.sock]}', 11211);
  silent('{name: mc, image: "memcached:1.6", args: [-s/sock/memcached.sock]}', 11211);
  silent('{name: db, image: "postgres:16", args: [-h, ""]}', 5432);
  silent('{name: db, image: "postgres:16", args: [--listen_addresses=]}', 5432);
  silent('{name: db, image: "postgres:16", args: [-c, "listen-addresses="]}', 5432);
  silent('{name: db, image: "mysql:8.4", args: [--loose-skip-networking]}', 3306);
  silent('{name: db, image: "mariadb:11", args: [--loose_skip_networking=ON]}', 3306);
  // Other values leave TCP on: the clash stands.
  assert.equal(clashes(beside('{name: mc, image: "memcached:1.6", args: [-S, -vv]}', 11211)), 1, '-S is SASL, not -s');
  assert.equal(clashes(beside('{name: db, image: "postgres:16", args: [-h, "*"]}', 5432)), 1);
  assert.equal(clashes(beside('{name: db, image: "postgres:16", args: [--listen_addresses=0.0.0.0]}', 5432)), 1);
  assert.equal(clashes(beside('{name: db, image: "mysql:8.4", args: [--loose-skip-networking=OFF]}', 3306)), 1);
  // The flip side: a declared TCP port is served by nothing.
  for (const c of ['{name: mc, image: "memcached:1.6", args: [-s, /sock/mc.sock], ports: [{containerPort: 11211}]}', '{name: db, image: "postgres:16", args: [-h, ""], ports: [{containerPort: 5432}]}', '{name: db, image: "mysql:8.4", args: [--loose-skip-networking], ports: [{containerPort: 3306}]}']) {
    assert.match(findings(pod(c), 'port-not-served')[0]?.message ?? '', /listens on no port with these settings/, c);
  }
  // --loose- before any option: --loose-port moves the port.
  assert.equal(served(pod('{name: db, image: "mysql:8.4", args: [--loose-port=3307], ports: [{containerPort: 3307}]}')), 0);
});

test('short flags are case-sensitive: memcached -u (user) is not -U (UDP port), -P (pidfile) is not -p', () => {
  const mc = '{name: mc, image: "memcached:1.6", args: [-u, memcache, -P, /tmp/mc.pid, -m, "64"]}';
  assert.deepEqual(listens(podWith('memcached:1.6', '[]', {}, '    args: [-u, memcache, -P, /tmp/mc.pid]\n')), { basis: 'image', listens: ['image:11211/TCP'] });
  assert.equal(clashes(beside(mc, 11211)), 1, 'memcached still binds 11211');
  assert.equal(served(pod('{name: mc, image: "memcached:1.6", args: [-u, memcache], ports: [{containerPort: 11212}]}')), 1);
  // Long flags still match in any case.
  assert.equal(served(pod('{name: m, image: "mysql:8.4", args: [--PORT=3307], ports: [{containerPort: 3307}]}')), 0);
});

