import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, findings, yaml } from '../../helpers/check';
import { applyFix } from '../../helpers/fix';

const service = (containers: string, kind = 'Service', apiVersion = 'serving.knative.dev/v1'): string => yaml`
  apiVersion: ${apiVersion}
  kind: ${kind}
  metadata: {name: hello}
  spec:
    template:
      spec:
        containers:
        ${containers}
`;

const knative = (text: string) => findings(text, 'invalid-value').filter((f) => /Knative/.test(f.message));

test('a Knative Service with one serving port, a sidecar and PORT in the sidecar is clean', () => {
  const ok = service(`
        - name: app
          image: ghcr.io/example/app:1
          ports: [{name: h2c, containerPort: 8080}]
        - name: side
          image: ghcr.io/example/side:1
          env: [{name: PORT, value: "9000"}]`);
  assert.deepEqual(check(ok).filter((f) => f.severity !== 'information'), []);
  assert.deepEqual(knative(service(`
        - image: ghcr.io/example/app:1
          ports: [{containerPort: 8080, name: http1}]`)), []);
});

test('Knative webhook rejections: a second port, reserved ports, port names, reserved env and container names', () => {
  const text = service(`
        - name: app
          image: ghcr.io/example/app:1
          ports:
          - {name: http, containerPort: 9090}
          - {containerPort: 9100}
          env:
          - {name: PORT, value: "9090"}
          - {name: K_REVISION, value: x}
        - name: queue-proxy
          image: ghcr.io/example/side:1`);
  const found = knative(text).map((f) => [f.text, (/webhook: "(.*)"\.?/.exec(f.message) ?? [])[1]]);
  assert.deepEqual(found, [
    ['http', 'Port name http is not allowed: spec.template.spec.containers[0].ports'],
    ['9090', 'invalid value: 9090 is a reserved port: spec.template.spec.containers[0].ports.containerPort'],
    ['9100', 'more than one container port is set: spec.template.spec.containers[*].ports'],
    ['PORT', '"PORT" is a reserved environment variable: spec.template.spec.containers[0].env[0].name'],
    ['K_REVISION', '"K_REVISION" is a reserved environment variable: spec.template.spec.containers[0].env[1].name'],
    ['queue-proxy', '"queue-proxy" is a reserved container name: spec.template.spec.containers[1].name'],
  ]);
});

test('Knative: several containers and none with a port; a Revision too; not for other groups', () => {
  const none = service(`
        - {name: a, image: ghcr.io/example/a:1}
        - {name: b, image: ghcr.io/example/b:1}`);
  assert.deepEqual(knative(none).map((f) => f.text), ['a']);
  const revision = yaml`
    apiVersion: serving.knative.dev/v1
    kind: Revision
    metadata: {name: r}
    spec:
      containers:
      - {name: app, image: ghcr.io/example/app:1, ports: [{containerPort: 8012}]}
  `;
  assert.deepEqual(knative(revision).map((f) => f.text), ['8012']);
  const deployment = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: d}
    spec:
      selector: {matchLabels: {app: d}}
      template:
        metadata: {labels: {app: d}}
        spec:
          containers:
          - {name: queue-proxy, image: busybox, ports: [{name: http, containerPort: 9090}, {containerPort: 9091}], env: [{name: PORT, value: "1"}]}
  `;
  assert.deepEqual(knative(deployment), []);
});

test('Knative: "/", "/dev" and "/dev/log" are reserved mount paths (as path.Clean leaves them)', () => {
  const mounted = (path: string): string => service(`
        - image: ghcr.io/example/app:1
          volumeMounts: [{name: v, mountPath: "${path}"}]
      volumes: [{name: v, emptyDir: {}}]`.replace('      volumes', '        volumes'));
  const found = knative(mounted('/dev/log/'));
  assert.equal(found.length, 1);
  assert.match(found[0]?.message ?? '', /mountPath "\/dev\/log" is a reserved path: spec\.template\.spec\.containers\[0\]\.volumeMounts\[0\]\.mountPath/);
  assert.equal(knative(mounted('/')).length, 1);
  assert.equal(knative(mounted('//dev')).length, 1);
  for (const ok of ['/tmp', '/var/log', '/dev/shm', '/data']) assert.equal(knative(mounted(ok)).length, 0, ok);
  // A Deployment may mount /dev (device plugins do).
  assert.equal(findings(mounted('/dev').replace('serving.knative.dev/v1', 'apps/v1'), 'invalid-value').filter((f) => /reserved path/.test(f.message)).length, 0);
});

test('port-not-served: a Knative container without a port gets requests on 8080, where nginx does not listen', () => {
  const one = (container: string): string => service(container);
  const nginx = one(`
        - image: nginx:1.27`);
  const found = findings(nginx, 'port-not-served');
  assert.equal(found.length, 1);
  assert.equal(found[0]?.text, 'nginx:1.27');
  assert.match(found[0]?.message ?? '', /forwards requests to port 8080 .*listens on 80\/TCP/);
  const { result } = applyFix(nginx, 'port-not-served', /Declare containerPort 80/);
  assert.match(result, /ports:\n {8}- containerPort: 80\n/);
  // Silent: the port declared; an image on 8080; an image that reads PORT; an unknown image; a Deployment.
  assert.equal(findings(one(`
        - image: nginx:1.27
          ports: [{containerPort: 80}]`), 'port-not-served').length, 0);
  assert.equal(findings(one(`
        - image: nginxinc/nginx-unprivileged:1.27`), 'port-not-served').length, 0);
  assert.equal(findings(one(`
        - image: nodered/node-red:4.0`), 'port-not-served').length, 0);
  assert.equal(findings(one(`
        - image: ghcr.io/example/app:1`), 'port-not-served').length, 0);
  assert.equal(findings(nginx.replace('serving.knative.dev/v1', 'apps/v1').replace('kind: Service', 'kind: Deployment'), 'port-not-served').length, 0);
});

test('Knative: a serving port without containerPort is defaulted to 8080; mount paths are cleaned like Go', () => {
  const named = service(`
        - image: ghcr.io/example/app:1
          ports: [{name: h2c}]`);
  assert.equal(findings(named, 'invalid-port').length, 0);
  const mounted = (path: string): string => service(`
        - image: ghcr.io/example/app:1
          volumeMounts: [{name: v, mountPath: "${path}"}]
      volumes: [{name: v, emptyDir: {}}]`.replace('      volumes', '        volumes'));
  assert.equal(knative(mounted('/dev/../dev')).length, 1);
  assert.equal(knative(mounted('/var/..')).length, 1);
});

test('Knative: the serving port may be 0 (made 8080) and must be TCP; "udp" is offered no UDP fix (probe CX)', () => {
  const port = (p: string): string => service(`
        - name: app
          image: ghcr.io/example/app:1
          ports: [${p}]`);
  assert.deepEqual(check(port('{containerPort: 0}')).filter((f) => f.severity !== 'information'), []);
  assert.match(knative(port('{containerPort: 8080, protocol: UDP}'))[0]?.message ?? '', /serving port must be TCP, not UDP.*"invalid value: UDP: spec\.template\.spec\.containers\[0\]\.ports\.protocol"/);
  const lower = findings(port('{containerPort: 8080, protocol: udp}'), 'invalid-port');
  assert.equal(lower[0]?.data?.suggestion, undefined);
  assert.equal(findings(port('{containerPort: 8080, protocol: tcp}'), 'invalid-port')[0]?.data?.suggestion, 'TCP');
});

test('Knative: a container without an image is refused by the webhook; an unnamed one is named by Knative (probe CX)', () => {
  const text = service(`
        - ports: [{containerPort: 8080}]
          env: [{name: A, value: b}]`);
  const missing = findings(text, 'invalid-value');
  assert.equal(missing.length, 1);
  assert.match(missing[0]?.message ?? '', /has no image, and every container needs one\. Inside a Knative Service, Knative's validating webhook refuses this at kubectl apply/);
});
