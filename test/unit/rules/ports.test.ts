import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { check, findings, yaml } from '../../helpers/check';
import { examplesDir } from '../../helpers/paths';

const example = (name: string): string => readFileSync(join(examplesDir, name), 'utf8');

test('port-conflict: the seed article\'s second nginx on port 80', () => {
  const found = findings(example('seed-port-conflict.yaml'), 'port-conflict');
  assert.equal(found.length, 1);
  const [f] = found;
  assert.equal(f?.severity, 'error');
  assert.equal(f?.text, '80');
  assert.deepEqual(f?.range, { start: { line: 15, character: 21 }, end: { line: 15, character: 23 } });
  assert.match(f?.message ?? '', /"mycon1"/);
  assert.match(f?.message ?? '', /duplicate port definition with spec\.containers\[0\]\.ports\[0\]/);
  assert.deepEqual(f?.relatedText, ['80']);
});

test('port-conflict: TCP and UDP on one number do not conflict; UDP twice does', () => {
  const pod = (p2: string): string => yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: dns}
    spec:
      containers:
      - name: a
        image: x
        ports: [{containerPort: 53, protocol: UDP}]
      - name: b
        image: z
        ports: [{containerPort: 53${p2}}]
  `;
  assert.equal(findings(pod(''), 'port-conflict').length, 0);
  assert.equal(findings(pod(', protocol: TCP'), 'port-conflict').length, 0);
  assert.equal(findings(pod(', protocol: UDP'), 'port-conflict').length, 1);
});

test('port-conflict: plain init containers never conflict, sidecars do', () => {
  const found = findings(example('sidecars.yaml'), 'port-conflict');
  assert.equal(found.length, 1);
  assert.match(found[0]?.message ?? '', /"proxy"/);
  assert.equal(found[0]?.range.start.line, 20);
});

test('port-conflict: a plain init container conflicts with a sidecar started before it', () => {
  const found = findings(yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      initContainers:
      - {name: proxy, image: p, restartPolicy: Always, ports: [{containerPort: 15001}]}
      - {name: setup, image: s, ports: [{containerPort: 15001}]}
      containers:
      - {name: app, image: a}
  `, 'port-conflict');
  assert.equal(found.length, 1);
  assert.match(found[0]?.message ?? '', /Init containers run beside the sidecars/);
});

test('port-conflict: separate pods in one file do not conflict with each other', () => {
  const two = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: a}
    spec:
      containers: [{name: web, image: nginx, ports: [{containerPort: 80}]}]
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: b}
    spec:
      containers: [{name: web, image: nginx, ports: [{containerPort: 80}]}]
  `;
  assert.deepEqual(check(two), []);
});

test('implicit-port-conflict: nginx without containerPort beside a declared 80', () => {
  const found = findings(example('implicit-port-conflict.yaml'), 'implicit-port-conflict');
  assert.equal(found.length, 1);
  assert.equal(found[0]?.severity, 'warning');
  assert.equal(found[0]?.text, 'nginx:1.27');
  assert.deepEqual(found[0]?.relatedText, ['80']);
});

test('implicit-port-conflict: two nginx without ports report once; an overridden command implies nothing', () => {
  const pod = (command: string): string => yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      containers:
      - name: one
        image: docker.io/library/nginx:1.27@sha256:0000000000000000000000000000000000000000000000000000000000000000
      - name: two
        image: nginx
        ${command}
  `;
  const both = findings(pod(''), 'implicit-port-conflict');
  assert.equal(both.length, 1);
  assert.equal(both[0]?.text, 'nginx');
  assert.equal(findings(pod('command: ["sh", "-c", "tail -f /dev/null"]'), 'implicit-port-conflict').length, 0);
});

test('implicit-port-conflict: users extend the image table', () => {
  const pod = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      containers:
      - {name: api, image: registry.example.com/myorg/api:3}
      - {name: dev, image: node:22, ports: [{containerPort: 8080}]}
  `;
  assert.equal(findings(pod, 'implicit-port-conflict').length, 0);
  assert.equal(findings(pod, 'implicit-port-conflict', { images: { 'myorg/api': { ports: [8080] } } }).length, 1);
});

test('host-port-conflict and host-network-port-mismatch', () => {
  const text = example('ports.yaml');
  const host = findings(text, 'host-port-conflict');
  assert.equal(host.length, 1);
  assert.match(host[0]?.message ?? '', /Duplicate value: "TCP\/\/9100"/);
  const mismatch = findings(text, 'host-network-port-mismatch');
  assert.equal(mismatch.length, 1);
  assert.equal(mismatch[0]?.text, '80');
  assert.match(mismatch[0]?.message ?? '', /must match `containerPort` when `hostNetwork` is true/);
});

test('host-port-conflict and host-network-port-mismatch: init containers and sidecars publish no host port', () => {
  const pod = (init: string, network = ''): string => yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: agent}
    spec:
      ${network || 'dnsPolicy: ClusterFirst'}
      initContainers:
      - {name: proxy, image: myorg/proxy, ${init}}
      containers:
      - {name: main, image: myorg/agent, ports: [{containerPort: 9100, hostPort: 9100}]}
  `;
  // The kubelet maps only spec.containers' ports: the sidecar's hostPort is never taken.
  assert.equal(findings(pod('restartPolicy: Always, ports: [{containerPort: 9101, hostPort: 9100}]'), 'host-port-conflict').length, 0);
  assert.equal(findings(pod('ports: [{containerPort: 9101, hostPort: 9100}]'), 'host-port-conflict').length, 0);
  // A repeat inside one init container is still rejected by the API server.
  const inside = findings(pod('restartPolicy: Always, ports: [{containerPort: 9101, hostPort: 9300}, {containerPort: 9102, hostPort: 9300}]'), 'host-port-conflict');
  assert.equal(inside.length, 1);
  assert.match(inside[0]?.message ?? '', /Duplicate value: "TCP\/\/9300"/);
  // validatePodHostNetworkDeps looks at spec.containers only.
  assert.equal(findings(pod('ports: [{containerPort: 8080, hostPort: 80}]', 'hostNetwork: true'), 'host-network-port-mismatch').length, 0);
  assert.equal(findings(pod('restartPolicy: Always, ports: [{containerPort: 8080, hostPort: 80}]', 'hostNetwork: true'), 'host-network-port-mismatch').length, 0);
  const app = pod('ports: [{containerPort: 8080}]', 'hostNetwork: true').replace('{containerPort: 9100, hostPort: 9100}', '{containerPort: 9100, hostPort: 9200}');
  assert.equal(findings(app, 'host-network-port-mismatch').length, 1);
});

test('host-port-conflict: two app containers still clash when a sidecar holds the same hostPort first', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: agent}
    spec:
      initContainers:
      - {name: proxy, image: myorg/proxy, restartPolicy: Always, ports: [{containerPort: 9101, hostPort: 9100}]}
      containers:
      - {name: a, image: myorg/a, ports: [{containerPort: 9100, hostPort: 9100}]}
      - {name: b, image: myorg/b, ports: [{containerPort: 9200, hostPort: 9100}]}
  `;
  const found = findings(text, 'host-port-conflict');
  assert.equal(found.length, 1);
  assert.match(found[0]?.message ?? '', /container "a"/);
});

test('invalid-port: range, protocol case, IANA names, duplicate names', () => {
  const found = findings(example('ports.yaml'), 'invalid-port');
  assert.deepEqual(found.map((f) => f.text), ['70000', 'tcp', 'Metrics_Port']);
  assert.match(found[0]?.message ?? '', /must be between 1 and 65535, inclusive/);
  assert.match(found[1]?.message ?? '', /supported values: "SCTP", "TCP", "UDP"/);
  const dup = findings(yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      containers:
      - name: a
        image: x
        ports: [{containerPort: 1, name: http}, {containerPort: 2, name: http}, {containerPort: "3"}, {name: nope}]
  `, 'invalid-port');
  assert.deepEqual(dup.map((f) => f.data?.field), ['name', 'containerPort', 'containerPort']);
});

test('unknown-port-name: probes and lifecycle handlers, with a suggestion', () => {
  const found = findings(example('ports.yaml'), 'unknown-port-name');
  assert.equal(found.length, 1);
  assert.equal(found[0]?.text, 'metrics');
  const ok = findings(yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      containers:
      - name: a
        image: x
        ports: [{containerPort: 8080, name: http}]
        livenessProbe: {httpGet: {port: http}}
        readinessProbe: {tcpSocket: {port: htp}}
        lifecycle: {preStop: {httpGet: {port: 8080}}}
  `, 'unknown-port-name');
  assert.equal(ok.length, 1);
  assert.match(ok[0]?.message ?? '', /Did you mean "http"\?/);
});

test('port-conflict: two programs Podsight does not know, each only declaring the port, give a warning that says so', () => {
  // sweep X: a Pi-hole pod whose cloudflared sidecar declares 53 but listens on 5054 (its image's PORT).
  const pod = (first: string, second: string, port = 53): string => yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: dns}
    spec:
      containers:
      - {name: cloudflared, image: ${first}, ports: [{containerPort: ${port}}]}
      - {name: pihole, image: ${second}, ports: [{containerPort: ${port}}]}
  `;
  const unknown = findings(pod('visibilityspots/cloudflared:latest', 'example/dns:1'), 'port-conflict');
  assert.deepEqual(unknown.map((f) => [f.severity, f.text]), [['warning', '53']]);
  assert.match(unknown[0]?.message ?? '', /Only the declarations say what these programs listen on/);
  assert.match(unknown[0]?.message ?? '', /kubectl apply only warns: "spec\.containers\[1\]\.ports\[0\]: duplicate port definition/);
  // A program Podsight knows on either side listens there for sure: the error stays.
  assert.deepEqual(findings(pod('example/web:1', 'nginx:1.27', 80), 'port-conflict').map((f) => f.severity), ['error']);
  assert.deepEqual(findings(pod('nginx:1.27', 'nginx:1.27', 80), 'port-conflict').map((f) => f.severity), ['error']);
});

test('host-port-conflict: under hostNetwork two containers declaring one containerPort both take it on the node (sweep CD)', () => {
  const pod = (kind: string, hostNetwork = 'true'): string => {
    const spec = `hostNetwork: ${hostNetwork}\n  containers:\n  - name: plugin\n    image: example/csi-plugin:1\n    ports: [{name: healthz, containerPort: 9808}]\n  - name: liveness-probe\n    image: registry.k8s.io/sig-storage/livenessprobe:v2.12.0\n    ports: [{containerPort: 9808}]\n`;
    return kind === 'Pod'
      ? `apiVersion: v1\nkind: Pod\nmetadata: {name: csi}\nspec:\n  ${spec}`
      : `apiVersion: apps/v1\nkind: ${kind}\nmetadata: {name: csi}\nspec:\n  selector: {matchLabels: {app: csi}}\n  template:\n    metadata: {labels: {app: csi}}\n    spec:\n      ${spec.replace(/\n/g, '\n    ')}`;
  };
  const [onPod, ...rest] = findings(pod('Pod'), 'host-port-conflict');
  assert.equal(rest.length, 0);
  assert.equal(onPod?.severity, 'error');
  assert.equal(onPod?.text, '9808');
  assert.match(onPod?.message ?? '', /kubectl apply rejects this: "spec\.containers\[1\]\.ports\[0\]\.hostPort: Duplicate value: "TCP\/\/9808""/);
  // A DaemonSet is accepted; each pod its controller creates is refused, with the pod's path.
  const [onDaemonSet] = findings(pod('DaemonSet'), 'host-port-conflict');
  assert.match(onDaemonSet?.message ?? '', /when the DaemonSet's controller creates a pod.*FailedCreate: "spec\.containers\[1\]\.ports\[0\]\.hostPort: Duplicate value: "TCP\/\/9808""/);
  // The error replaces port-conflict's "only warns"; without hostNetwork that warning stays.
  assert.deepEqual(findings(pod('Pod'), 'port-conflict'), []);
  assert.deepEqual(findings(pod('Pod', 'false'), 'host-port-conflict'), []);
  assert.equal(findings(pod('Pod', 'false'), 'port-conflict').length, 1);
  assert.deepEqual(findings(pod('Pod', '"{{ .Values.hostNetwork }}"'), 'host-port-conflict'), []);
});
