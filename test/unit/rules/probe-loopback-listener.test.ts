/** port-not-served: a probe on a port the pod binds on its loopback only is refused (sweeps BT and BU's misses). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings } from '../../helpers/check';
import { applyFix, fixesOf } from '../../helpers/fix';

const pod = (container: string, spec = ''): string => `apiVersion: apps/v1
kind: Deployment
metadata: {name: m}
spec:
  selector: {matchLabels: {app: m}}
  template:
    metadata: {labels: {app: m}}
    spec:
${spec}      containers:
${container}`;
const manager = (bind: string, probePort = '8081', extra = ''): string => `      - name: manager
        image: example.com/operator:v1
        command: [/manager]
        args: ["${bind}", --leader-elect]
        ports: [{name: healthz, containerPort: 8081}]
        livenessProbe:
          httpGet: {path: /healthz, port: ${probePort}}
${extra}`;

test('port-not-served: a probe on a port bound to 127.0.0.1 only, by a listen flag of any image', () => {
  const [finding, ...rest] = findings(pod(manager('--health-probe-bind-address=127.0.0.1:8081')), 'port-not-served');
  assert.equal(rest.length, 0);
  assert.equal(finding?.severity, 'warning');
  assert.equal(finding?.text, '8081');
  assert.match(finding?.message ?? '', /Container "manager" listens on port 8081 on the pod's loopback only \(--health-probe-bind-address=127\.0\.0\.1:8081\), but the kubelet sends livenessProbe\.httpGet to the pod's IP/);
  assert.match(finding?.related[0]?.message ?? '', /bound to loopback only here/);
  // By port name, `localhost`, `[::1]`, and a flag whose value is the next word.
  assert.equal(findings(pod(manager('--health-probe-bind-address=localhost:8081', 'healthz')), 'port-not-served').length, 1);
  assert.equal(findings(pod(manager('--health-probe-bind-address=[::1]:8081')), 'port-not-served').length, 1);
  const tunnel = '      - name: tunnel\n        image: cloudflare/cloudflared:2023.6.1\n        args: [tunnel, --metrics, "localhost:2000", run]\n        livenessProbe:\n          httpGet: {path: /ready, port: 2000}\n';
  assert.match(findings(pod(tunnel), 'port-not-served')[0]?.message ?? '', /\(--metrics localhost:2000\)/);
  // A URL list (etcd): loopback only when every address of that port is.
  const etcd = (urls: string): string => `      - name: etcd\n        image: quay.io/coreos/etcd:v3.5.9\n        command: [etcd, "--listen-client-urls=${urls}"]\n        readinessProbe:\n          tcpSocket: {port: 2379}\n`;
  assert.equal(findings(pod(etcd('http://127.0.0.1:2379')), 'port-not-served').length, 1);
  assert.deepEqual(findings(pod(etcd('http://127.0.0.1:2379,http://0.0.0.0:2379')), 'port-not-served'), []);
});

test('port-not-served: a known image moved to loopback by its setting (prometheus --web.listen-address)', () => {
  const prometheus = '      - name: prometheus\n        image: prom/prometheus:v2.53.0\n        args: ["--config.file=/etc/prometheus/prometheus.yml", "--web.listen-address=127.0.0.1:9090"]\n        readinessProbe: {httpGet: {path: /-/ready, port: 9090}}\n';
  assert.equal(findings(pod(prometheus), 'port-not-served').length, 1);
});

test('port-not-served: a sibling of a known image holding the probed port on loopback', () => {
  const sibling = manager('--health-probe-bind-address=:8081', '9090', '      - name: prometheus\n        image: prom/prometheus:v2.53.0\n        args: ["--web.listen-address=127.0.0.1:9090"]\n');
  const [finding] = findings(pod(sibling), 'port-not-served');
  assert.match(finding?.message ?? '', /Container "prometheus" holds port 9090 on the pod's loopback only .* livenessProbe\.httpGet of container "manager"/);
  // A sibling's flag is read from its name alone: it may be where a client connects (Consul's CLI `-http-addr`), so it says nothing of others' probes (probe BX).
  const client = manager('--health-probe-bind-address=:8081', '8500', '      - name: cli\n        image: example.com/consul-cli:1\n        args: ["-listen-addr=127.0.0.1:8500"]\n');
  assert.deepEqual(findings(pod(client), 'port-not-served'), []);
});

test('port-not-served: silent when the probe reaches the port', () => {
  for (const bind of ['--health-probe-bind-address=:8081', '--health-probe-bind-address=0.0.0.0:8081', '--health-probe-bind-address=${PROBE_ADDR}', '--upstream=http://127.0.0.1:8081/', '--health-probe-bind-address=127.0.0.1:9999']) {
    assert.deepEqual(findings(pod(manager(bind)), 'port-not-served'), [], bind);
  }
  // Probe BX: the last of a repeated flag counts; a UDP listener; a list with the pod's IP; Istio's legacy localhost probes.
  assert.deepEqual(findings(pod(manager('--health-probe-bind-address=127.0.0.1:8081", "--health-probe-bind-address=:8081')), 'port-not-served'), []);
  assert.deepEqual(findings(pod(manager('--statsd.listen-udp=127.0.0.1:8081')), 'port-not-served'), []);
  assert.deepEqual(findings(pod(manager('--listen-client-urls=http://127.0.0.1:8081,http://$(POD_IP):8081')), 'port-not-served'), []);
  const etcd = '      - name: etcd\n        image: quay.io/coreos/etcd:v3.5.9\n        env: [{name: POD_IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}]\n        command: [etcd, "--listen-client-urls=http://127.0.0.1:2379,http://$(POD_IP):2379"]\n        readinessProbe:\n          tcpSocket: {port: 2379}\n';
  assert.deepEqual(findings(pod(etcd), 'port-not-served'), [], 'the known image listens on the pod IP too');
  const istio = pod(manager('--health-probe-bind-address=127.0.0.1:8081')).replace('    metadata: {labels: {app: m}}', '    metadata:\n      labels: {app: m}\n      annotations:\n        proxy.istio.io/config: |\n          proxyMetadata:\n            REWRITE_PROBE_LEGACY_LOCALHOST_DESTINATION: "true"');
  assert.ok(istio.includes('proxy.istio.io/config'));
  assert.deepEqual(findings(istio, 'port-not-served'), []);
  // The node's network: the probe goes to the node's address, no loopback either (probe BX's miss).
  assert.equal(findings(pod(manager('--health-probe-bind-address=127.0.0.1:8081'), '      hostNetwork: true\n'), 'port-not-served').length, 1);
  const withHost = pod(manager('--health-probe-bind-address=127.0.0.1:8081').replace('{path: /healthz, port: 8081}', '{host: 127.0.0.1, path: /healthz, port: 8081}'));
  assert.deepEqual(findings(withHost, 'port-not-served').filter((f) => /loopback only/.test(f.message)), [], 'the loopback host is its own finding');
  const exec = manager('--health-probe-bind-address=127.0.0.1:8081').replace('httpGet: {path: /healthz, port: 8081}', 'exec: {command: [wget, -qO-, "http://127.0.0.1:8081/healthz"]}');
  assert.deepEqual(findings(pod(exec), 'port-not-served'), []);
  // A Knative revision's readiness probe runs in queue-proxy, inside the pod.
  const knative = 'apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata: {name: k}\nspec:\n  template:\n    spec:\n      containers:\n      - image: example.com/app:1\n        args: ["--listen=127.0.0.1:8080"]\n        readinessProbe:\n          httpGet: {path: /ready, port: 8080}\n';
  assert.deepEqual(findings(knative, 'port-not-served'), []);
});

test('port-not-served: the fix binds the listen flag on every address (preferred for a health listener), and the probe then passes', () => {
  const before = pod(manager('--health-probe-bind-address=127.0.0.1:8081'));
  const after = pod(manager('--health-probe-bind-address=0.0.0.0:8081'));
  const { fix } = applyFix(before, 'port-not-served', /Listen on every address: --health-probe-bind-address=0\.0\.0\.0:8081/, after);
  assert.equal(fix.preferred, true);
  assert.deepEqual(findings(after, 'port-not-served'), []);
  // A metrics listener may be on loopback on purpose (behind an authenticating proxy): offered, not preferred.
  const tunnel = pod('      - name: tunnel\n        image: cloudflare/cloudflared:2023.6.1\n        args: [tunnel, --metrics, "localhost:2000", run]\n        livenessProbe:\n          httpGet: {path: /ready, port: 2000}\n');
  const offered = fixesOf(tunnel, 'port-not-served', 0, {}).fixes.filter((f) => !/^Disable/.test(f.title));
  assert.deepEqual(offered.map((f) => [f.title, f.preferred ?? false]), [['Listen on every address: 0.0.0.0:2000', false]]);
});

test('port-not-served: repeatable listen flags, meshes that probe over loopback, a probe host, and the node network (probe BY)', () => {
  // gunicorn binds every --bind; node-exporter every --web.listen-address: one on the pod IP answers.
  const gunicorn = '      - name: app\n        image: example.com/django:1\n        command: [gunicorn, --bind, "$(POD_IP):8000", --bind, "127.0.0.1:8000", app.wsgi]\n        readinessProbe: {tcpSocket: {port: 8000}}\n';
  assert.deepEqual(findings(pod(gunicorn), 'port-not-served'), []);
  const exporter = '      - name: exporter\n        image: prom/node-exporter:v1.8.1\n        args: ["--web.listen-address=127.0.0.1:9100", "--web.listen-address=$(POD_IP):9100"]\n        livenessProbe: {httpGet: {path: /, port: 9100}}\n';
  assert.deepEqual(findings(pod(exporter), 'port-not-served'), []);
  // Consul's injector rewrites probes to Envoy, which sends them to 127.0.0.1.
  const consul = pod(manager('--health-probe-bind-address=127.0.0.1:8081')).replace('    metadata: {labels: {app: m}}', '    metadata:\n      labels: {app: m}\n      annotations: {consul.hashicorp.com/connect-inject: "true"}');
  assert.ok(consul.includes('connect-inject'));
  assert.deepEqual(findings(consul, 'port-not-served'), []);
  // oauth2-proxy's --http-address is where it listens.
  const proxy = '      - name: oauth2-proxy\n        image: quay.io/oauth2-proxy/oauth2-proxy:v7.6.0\n        args: ["--http-address=127.0.0.1:4180"]\n        readinessProbe: {httpGet: {path: /ping, port: 4180}}\n';
  assert.equal(findings(pod(proxy), 'port-not-served').length, 1);
});

test('port-not-served: on the node network the preferred fix probes the loopback, and a tcpSocket host is read (probe BY)', () => {
  const hostNet = pod(manager('--health-probe-bind-address=127.0.0.1:8081'), '      hostNetwork: true\n');
  const [finding] = findings(hostNet, 'port-not-served');
  assert.match(finding?.message ?? '', /on the node's network that is the node's loopback.*Probe the loopback with host: 127\.0\.0\.1/);
  const { fix } = applyFix(hostNet, 'port-not-served', /Probe the node's loopback: host: 127\.0\.0\.1/, hostNet.replace('{path: /healthz, port: 8081}', '{path: /healthz, port: 8081, host: 127.0.0.1}'));
  assert.equal(fix.preferred, true);
  const offered = fixesOf(hostNet, 'port-not-served', 0, {}).fixes.filter((f) => !/^Disable/.test(f.title));
  assert.deepEqual(offered.map((f) => f.preferred ?? false), [true, false], 'rebinding every address is offered, not preferred');
  const tcp = pod(manager('--health-probe-bind-address=127.0.0.1:8081').replace('httpGet: {path: /healthz, port: 8081}', 'tcpSocket: {host: 127.0.0.1, port: 8081}'), '      hostNetwork: true\n');
  assert.deepEqual(findings(tcp, 'port-not-served'), []);
});
