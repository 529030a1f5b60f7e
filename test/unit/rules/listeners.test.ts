/** Effective listeners: what really listens, from image defaults, args, env, mounted config; bind addresses. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, findings, yaml } from '../../helpers/check';

const PORT_RULES = ['port-conflict', 'implicit-port-conflict', 'port-not-served'];
const portRules = (text: string): string[] => check(text).filter((f) => PORT_RULES.includes(f.rule)).map((f) => f.rule);

const pod = (containers: string, extra = ''): string => yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: p}
  spec:
    containers:
${containers}
${extra}
`;

test('bind addresses: 127.0.0.1 and the pod IP do not clash on one port; 127.0.0.1 and every address do', () => {
  const apart = pod(`    - {name: ne, image: prom/node-exporter, args: [--web.listen-address=127.0.0.1:9100]}
    - name: proxy
      image: quay.io/brancz/kube-rbac-proxy:v0.18.0
      args: ["--secure-listen-address=[$(IP)]:9100", --upstream=http://127.0.0.1:9100/]
      env: [{name: IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}]
      ports: [{containerPort: 9100, name: https}]`);
  assert.deepEqual(portRules(apart), []);
  const clash = pod(`    - {name: ne, image: prom/node-exporter, args: [--web.listen-address=127.0.0.1:9100]}
    - {name: ne2, image: prom/node-exporter, args: ["--web.listen-address", "0.0.0.0:9100"]}`);
  const found = findings(clash, 'implicit-port-conflict');
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /listens on 9100\/TCP \(set by --web.listen-address 0.0.0.0:9100\), and container "ne" on 127\.0\.0\.1:9100\/TCP/);
});

test('settings move the default: env, --flag value, -p value, $(VAR) from env; the issue\'s node-exporter and grafana cases are silent', () => {
  const text = pod(`    - {name: g, image: grafana/grafana, env: [{name: GF_SERVER_HTTP_PORT, value: "3001"}], ports: [{containerPort: 3001}]}
    - {name: app, image: example/app, ports: [{containerPort: 3000}]}
    - {name: pg, image: postgres:16, args: [-p, "5433"], ports: [{containerPort: 5433}]}
    - {name: pg2, image: postgres:16, env: [{name: PORT, value: "5434"}], args: [-c, "port=$(PORT)"], ports: [{containerPort: 5434}]}
    - {name: pg3, image: postgres:16}
    - {name: ne, image: prom/node-exporter, args: [--web.listen-address=127.0.0.1:9101]}
    - {name: proxy, image: example/proxy, ports: [{containerPort: 9100}]}`);
  assert.deepEqual(portRules(text), []);
});

test('command replaces the entrypoint: the image default no longer holds, the declaration stands in and is said so', () => {
  const text = pod(`    - {name: a, image: nginx, ports: [{containerPort: 80}]}
    - {name: b, image: nginx, command: [sh, -c, "python3 -m http.server 80"], ports: [{containerPort: 80}]}
    - {name: c, image: redis, command: [sleep, infinity]}`);
  assert.deepEqual(check(text).filter((f) => PORT_RULES.includes(f.rule)).map((f) => f.rule), ['port-conflict']);
});

test('unreadable settings make Podsight unsure, not wrong: envFrom a Secret, a ConfigMap outside the file, a volume over the config', () => {
  const text = pod(`    - {name: a, image: grafana/grafana}
    - {name: b, image: grafana/grafana, envFrom: [{secretRef: {name: s}}], ports: [{containerPort: 3001}]}
    - {name: c, image: nginx}
    - {name: d, image: nginx, volumeMounts: [{name: elsewhere, mountPath: /etc/nginx/conf.d}], ports: [{containerPort: 8080}]}
    - {name: e, image: mysql, volumeMounts: [{name: cnf, mountPath: /etc/mysql/conf.d}], ports: [{containerPort: 3307}]}`, `    volumes:
    - {name: elsewhere, configMap: {name: not-in-this-file}}
    - {name: cnf, configMap: {name: my-cnf}}`);
  assert.deepEqual(portRules(text), []);
});

test('redis.conf port and bind, and a conf.d file beside the image default', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      containers:
      - {name: a, image: nginx, ports: [{containerPort: 80}]}
      - name: c
        image: nginx
        volumeMounts: [{name: extra, mountPath: /etc/nginx/conf.d/extra.conf, subPath: extra.conf}]
      - {name: r, image: redis:7}
      - {name: r2, image: redis:7, args: [redis-server, /conf/redis.conf, --bind, 127.0.0.1], volumeMounts: [{name: redis, mountPath: /conf}]}
      volumes:
      - {name: extra, configMap: {name: extra}}
      - {name: redis, configMap: {name: redis}}
    ---
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: extra}
    data:
      extra.conf: |
        server { listen 9000; }
    ---
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: redis}
    data:
      redis.conf: |
        port 6379
  `;
  // c keeps the image's default.conf (80, clashing with a) and adds 9000; r2 binds 127.0.0.1:6379, clashing with r on every address.
  const found = check(text).filter((f) => PORT_RULES.includes(f.rule));
  assert.deepEqual(found.map((f) => `${f.rule} ${/^Container "([^"]+)"/.exec(f.message)?.[1] ?? ''}`), ['implicit-port-conflict c', 'implicit-port-conflict r2']);
  assert.match(found[1]!.message, /listens on 127\.0\.0\.1:6379\/TCP/);
});

test('port-not-served: a declaration nothing serves on a known image; silent when another container serves it', () => {
  const text = pod(`    - {name: web, image: nginx, ports: [{containerPort: 8080}]}`);
  const [f] = findings(text, 'port-not-served');
  assert.ok(f);
  assert.equal(f.text, '8080');
  assert.match(f.message, /declares 8080\/TCP, but nginx listens on 80\/TCP \(the image default\), not on 8080\/TCP\. .*connection refused/);
  const served = pod(`    - {name: web, image: nginx, ports: [{containerPort: 8080}]}
    - {name: app, image: example/app, ports: [{containerPort: 8080}]}`);
  assert.deepEqual(findings(served, 'port-not-served'), []);
  // A namesake on another registry is not the official image: its declarations are trusted.
  assert.deepEqual(findings(pod(`    - {name: s, image: registry.k8s.io/redis:v1, ports: [{containerPort: 26379}]}`), 'port-not-served'), []);
});

test('messages in Simplified Chinese', () => {
  const [f] = findings(pod(`    - {name: web, image: nginx, ports: [{containerPort: 8080}]}`), 'port-not-served', { locale: 'zh-cn' });
  assert.match(f?.message ?? '', /声明了 8080\/TCP，但 nginx 实际监听的是 80\/TCP（来源：镜像默认端口）/);
});

test('getopt programs take a short flag\'s value in the same argument; redis splits "--port 6380"; other programs do not', () => {
  const text = pod(`    - {name: m1, image: "memcached:1.6", args: ["-p11212", "-m", "64"], ports: [{containerPort: 11212}]}
    - {name: m2, image: "memcached:1.6", args: ["-p 11213", "-l0.0.0.0"], ports: [{containerPort: 11213}]}
    - {name: pg, image: "postgres:16", args: ["-p5433"], ports: [{containerPort: 5433}]}
    - {name: pg2, image: "postgres:16", args: ["-cport=5434"], ports: [{containerPort: 5434}]}
    - {name: pg3, image: "postgres:16", args: ["-c port=5435"], ports: [{containerPort: 5435}]}
    - {name: r, image: "redis:7", args: ["--port 6380"], ports: [{containerPort: 6380}]}`);
  assert.deepEqual(portRules(text), []);
  // nats-server parses flags with Go's flag package: `-p4223` is no port flag, so 4222 stays.
  const nats = pod(`    - {name: n, image: "nats:2.10", args: ["-p4223"], ports: [{containerPort: 4223}]}`);
  assert.deepEqual(portRules(nats), ['port-not-served']);
});

test('args that replace the image\'s command with another program listen on nothing known; the server\'s own programs and subcommands still do', () => {
  // A native sidecar that only waits for the broker: rabbitmqctl binds nothing.
  const waiter = pod(`    - {name: rabbitmq, image: "rabbitmq:3.13-management", ports: [{containerPort: 5672}, {containerPort: 15672}]}
    - {name: wait-ready, image: "rabbitmq:3.13-management", args: [rabbitmqctl, await_startup]}`);
  assert.deepEqual(portRules(waiter), []);
  // zkServer.sh start-foreground is the server: two of them clash.
  const zookeepers = pod(`    - {name: zk, image: "zookeeper:3.9", args: [zkServer.sh, start-foreground]}
    - {name: zk2, image: "zookeeper:3.9"}`);
  assert.ok(portRules(zookeepers).includes('implicit-port-conflict'));
  // keycloak's start-dev and minio's server are subcommands of the server.
  const servers = pod(`    - {name: kc, image: "quay.io/keycloak/keycloak:25.0", args: [start-dev]}
    - {name: kc2, image: "quay.io/keycloak/keycloak:25.0", args: [start, --optimized]}`);
  assert.ok(portRules(servers).includes('implicit-port-conflict'));
});

test('nginx -c names another configuration file: what it listens on is unsure, not the image default', () => {
  const text = pod(`    - name: nginx
      image: "nginx:1.27"
      command: [nginx, -c, /etc/nginx/custom/nginx.conf, -g, "daemon off;"]
      ports: [{containerPort: 9090}]`);
  assert.deepEqual(portRules(text), []);
});

test('kbudde/rabbitmq_exporter listens on 9419 unless PUBLISH_PORT moves it (sweep AS: a sidecar declared 9090)', () => {
  const exporter = (extra: string): string => pod(`    - {name: exporter, image: ghcr.io/kbudde/rabbitmq_exporter:1.0.0, ${extra}}`);
  assert.deepEqual(portRules(exporter('ports: [{containerPort: 9090}]')), ['port-not-served']);
  assert.deepEqual(portRules(exporter('ports: [{containerPort: 9419}]')), []);
  assert.deepEqual(portRules(exporter('env: [{name: PUBLISH_PORT, value: "9090"}], ports: [{containerPort: 9090}]')), []);
  // A configuration file may set the port: unsure, no finding.
  assert.deepEqual(portRules(exporter('args: [-config-file, /conf/rabbitmq.conf], ports: [{containerPort: 9090}]')), []);
});
