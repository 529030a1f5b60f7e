/**
 * nats-server's --config file, redis Sentinel and cluster nodes, and a `command` that starts the
 * image's own server: what the process binds, not what the containers declare.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConf } from '../../../server/src/k8s/listen-nats';
import { check, findings, yaml } from '../../helpers/check';
import { listens, podWith } from './pod-with-config';

const NATS_MOUNT = '[{name: conf, mountPath: /etc/nats-config}]';
const natsCommand = '    command: [nats-server, --config, /etc/nats-config/nats.conf]\n';

const NATS_CONF = `pid_file: "/var/run/nats/nats.pid"
http: 8222
cluster {
  port: 6222
  routes [
    nats://nats-0.nats.default.svc:6222   # a URL, not a comment
  ]
  cluster_advertise: $CLUSTER_ADVERTISE
}
leafnodes {
  # no port: only connects out to remotes
  remotes = [ { url: "nats://hub:7422" } ]
}
websocket: { port = 8080, no_tls: true }
`;

test('nats: a --config file mounted from a ConfigMap sets every listener; blocks without a port open none', () => {
  assert.deepEqual(listens(podWith('nats:2.10-alpine', NATS_MOUNT, { 'nats.conf': NATS_CONF }, natsCommand)), {
    basis: 'image',
    listens: ['config:4222/TCP', 'config:6222/TCP', 'config:8080/TCP', 'config:8222/TCP'],
  });
  // Keys in any case, `listen` with a host, `=` and whitespace separators, host for a block.
  const other = 'PORT = 4333\nmonitor_port 9222\nleaf { listen: "127.0.0.1:7422" }\ngateway { name: a, port: 7522, host: 10.0.0.1 }\n';
  assert.deepEqual(listens(podWith('nats:2.10', NATS_MOUNT, { 'nats.conf': other }, '    args: [-c, /etc/nats-config/nats.conf]\n')).listens, [
    'config:10.0.0.1:7522/TCP',
    'config:127.0.0.1:7422/TCP',
    'config:4333/TCP',
    'config:9222/TCP',
  ]);
});

test('nats: include, a variable port, a port flag beside --config and an unmounted file are unsure, with the reason', () => {
  const reasonOf = (conf: string, command = natsCommand): string | undefined => listens(podWith('nats:2.10', NATS_MOUNT, { 'nats.conf': conf }, command)).unsure;
  assert.match(reasonOf('port: 4222\ninclude "accounts/resolver.conf"\n') ?? '', /include "accounts\/resolver.conf"/);
  assert.match(reasonOf('port: $PORT\n') ?? '', /port: \$PORT/);
  assert.match(reasonOf('cluster { port: -1 }\n') ?? '', /cluster \{ port: -1 \}/);
  assert.match(reasonOf('port: 4222\n', '    command: [nats-server, --config, /etc/nats-config/nats.conf, -p, "5222"]\n') ?? '', /-p 5222 overrides the port settings/);
  assert.match(reasonOf('port: 4222\n', '    command: [nats-server, --config, /etc/other/nats.conf]\n') ?? '', /--config \/etc\/other\/nats.conf names a file/);
  // The image's own configuration file: its defaults (client, monitoring, cluster).
  assert.deepEqual(listens(podWith('nats:2.10', NATS_MOUNT, { 'x.conf': '' }, '    args: [--config, /etc/nats/nats-server.conf]\n')), {
    basis: 'image',
    listens: ['image:4222/TCP', 'image:6222/TCP', 'image:8222/TCP'],
  });
  assert.equal(typeof parseConf('a { b: 1\n'), 'string');
  // Deep nesting is unreadable, not a stack overflow.
  assert.equal(typeof parseConf('a: ' + '{'.repeat(100_000)), 'string');
  assert.equal(typeof parseConf('a: ' + '['.repeat(100_000)), 'string');
});

const natsWithExporter = (conf: string, natsPorts: string): string => yaml`
  apiVersion: v1
  kind: ConfigMap
  metadata: {name: nats-config}
  data:
    nats.conf: |
${conf.replace(/^/gm, '      ')}
  ---
  apiVersion: v1
  kind: Pod
  metadata: {name: nats}
  spec:
    volumes: [{name: config, configMap: {name: nats-config}}]
    containers:
    - name: nats
      image: nats:2.6.5-alpine
      command: [nats-server, --config, /etc/nats-config/nats.conf]
      ports: ${natsPorts}
      volumeMounts: [{name: config, mountPath: /etc/nats-config}]
    - name: metrics
      image: natsio/prometheus-nats-exporter:0.9.0
      args: [-varz, "http://localhost:8222/"]
      ports: [{containerPort: 7777, name: metrics}]
`;

test('nats-io/k8s: the server and its exporter both declare 7777; only the exporter binds it', () => {
  const text = natsWithExporter('http: 8222', '[{containerPort: 4222}, {containerPort: 8222}, {containerPort: 7777, name: metrics}]');
  assert.deepEqual(findings(text, 'port-conflict'), []);
  assert.deepEqual(findings(text, 'port-not-served'), [], 'the exporter serves 7777 in the shared network namespace');
  // Without the exporter, the declaration is served by nothing.
  const alone = text.replace(/\n\s*- name: metrics[\s\S]*$/, '\n');
  assert.match(findings(alone, 'port-not-served')[0]?.message ?? '', /declares 7777\/TCP, but nats:2.6.5-alpine listens on 4222\/TCP \(from port 4222 \(the default\) \(ConfigMap "nats-config", nats.conf\)\), 8222\/TCP/);
  // A configuration Podsight cannot follow: the clash is possible, not certain, so a note.
  const unsure = findings(natsWithExporter('http: 8222\ninclude auth.conf', '[{containerPort: 7777}]'), 'port-conflict');
  assert.equal(unsure.length, 1);
  assert.equal(unsure[0]!.severity, 'information');
  assert.match(unsure[0]!.message, /Whether nats:2.6.5-alpine in container "nats" really listens there is not known: `include auth.conf` in nats.conf/);
  // Two processes known to bind 7777 still clash, as an error.
  const both = natsWithExporter('http: 8222\nport: 7777', '[{containerPort: 7777}]');
  assert.deepEqual(findings(both, 'port-conflict').map((f) => f.severity), ['error']);
});

const redisPod = (conf: string, args: string, ports: string, extra = ''): string => yaml`
  apiVersion: v1
  kind: ConfigMap
  metadata: {name: conf}
  data:
    redis.conf: |
${conf.replace(/^/gm, '      ')}
  ---
  apiVersion: v1
  kind: Pod
  metadata: {name: r}
  spec:
    volumes: [{name: conf, configMap: {name: conf}}]
    containers:
    - {name: redis, image: "redis:7", args: ${args}, ports: ${ports}, volumeMounts: [{name: conf, mountPath: /etc/redis}]}
${extra}
`;

test('redis Sentinel listens on 26379 unless its file sets a port; it no longer clashes with the server beside it', () => {
  const sentinel = '    - {name: sentinel, image: "redis:7", args: [/etc/redis/redis.conf, --sentinel], ports: [{containerPort: 26379}], volumeMounts: [{name: conf, mountPath: /etc/redis}]}';
  const text = redisPod('sentinel monitor mymaster redis-0.redis 6379 2\nbind 0.0.0.0', '[]', '[{containerPort: 6379}]', sentinel);
  assert.deepEqual(check(text).filter((f) => f.severity !== 'information'), []);
  const viaProgram = listens(podWith('redis:7', '[{name: conf, mountPath: /etc/redis}]', { 'sentinel.conf': 'port 26380\n' }, '    command: [redis-sentinel, /etc/redis/sentinel.conf]\n'));
  assert.deepEqual(viaProgram, { basis: 'image', listens: ['config:26380/TCP'] });
});

test('redis cluster nodes also bind the bus port: client port + 10000, or cluster-port', () => {
  assert.deepEqual(check(redisPod('cluster-enabled yes\nappendonly yes', '[/etc/redis/redis.conf]', '[{containerPort: 6379}, {containerPort: 16379, name: gossip}]')), []);
  const moved = listens(podWith('redis:7', '[{name: conf, mountPath: /conf}]', { 'redis.conf': 'port 7000\ncluster-enabled yes\n' }, '    args: [/conf/redis.conf]\n'));
  assert.deepEqual(moved.listens, ['config:17000/TCP', 'config:7000/TCP']);
  const flags = listens(podWith('redis:7', '[{name: conf, mountPath: /conf}]', { 'x.conf': '' }, '    args: [--cluster-enabled, "yes", --cluster-port, "16000"]\n'));
  assert.deepEqual(flags.listens, ['config:16000/TCP', 'image:6379/TCP']);
  // The bus port is a real bind: another process on it clashes.
  const clash = redisPod('cluster-enabled yes', '[/etc/redis/redis.conf]', '[{containerPort: 6379}]', '    - {name: other, image: "redis:7", args: [--port, "16379"]}');
  assert.match(findings(clash, 'implicit-port-conflict')[0]?.message ?? '', /16379\/TCP \(from cluster-enabled yes: the bus port, client port \+ 10000 \(ConfigMap "conf", redis.conf\)\)/);
});

test('a command that starts the image\'s own server is read like args, also at the end of a plain script; any other command leaves the declarations', () => {
  const asArgs = listens(podWith('redis:7', '[{name: conf, mountPath: /conf}]', { 'redis.conf': 'port 6380\n' }, '    command: [/usr/local/bin/redis-server, /conf/redis.conf]\n'));
  assert.deepEqual(asArgs, { basis: 'image', listens: ['config:6380/TCP'] });
  const shell = listens(podWith('redis:7', '[{name: conf, mountPath: /conf}]', { 'redis.conf': 'port 6380\n' }, '    command: [sh, -c, redis-server /conf/redis.conf]\n    ports: [{containerPort: 6380}]\n'));
  assert.deepEqual(shell, { basis: 'image', listens: ['config:6380/TCP'] });
  const other = listens(podWith('redis:7', '[{name: conf, mountPath: /conf}]', { 'redis.conf': 'port 6380\n' }, '    command: [sh, -c, "redis-server /conf/redis.conf || sleep 60"]\n    ports: [{containerPort: 6380}]\n'));
  assert.deepEqual(other, { basis: 'command', listens: ['declared:6380/TCP'] });
});
