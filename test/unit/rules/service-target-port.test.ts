import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Analyzer } from '../../../server/src/core/analyze';
import { findings, yaml } from '../../helpers/check';

const service = (ports: string, selector = '{app: web}'): string => yaml`
  apiVersion: v1
  kind: Service
  metadata: {name: web}
  spec:
    selector: ${selector}
    ports:
    ${ports}
`;
const deployment = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web}
  spec:
    selector: {matchLabels: {app: web}}
    template:
      metadata:
        labels: {app: web, tier: front}
      spec:
        containers:
        - name: app
          image: myorg/app
          ports:
          - {name: http, containerPort: 8080}
          - {name: metrics, containerPort: 9090}
        - name: proxy
          image: nginx:1.27
`;
const file = (ports: string, selector?: string): string => `${service(ports, selector)}---\n${deployment}`;

test('service-target-port: a named targetPort nobody declares, with the closest name', () => {
  const found = findings(file('- {port: 80, targetPort: htp}'), 'service-target-port');
  assert.equal(found.length, 1);
  assert.equal(found[0]?.severity, 'warning');
  assert.equal(found[0]?.text, 'htp');
  assert.equal(found[0]?.data?.suggestion, 'http');
  assert.deepEqual(found[0]?.data?.declaredNames, ['http', 'metrics']);
  assert.deepEqual(found[0]?.relatedText, ['app', 'proxy']);
  assert.match(found[0]?.message ?? '', /Did you mean http\?/);
});

test('service-target-port: the suggested name is the one declared on the Service port, of its protocol; no guess otherwise (sweep CT)', () => {
  const pod = (ports: string): string => `apiVersion: v1\nkind: Pod\nmetadata: {name: ph, labels: {app: web}}\nspec:\n  containers:\n  - name: pihole\n    image: pihole/pihole\n    ports: ${ports}\n---\n`;
  const ports = '[{name: pihole-http, containerPort: 80}, {name: pihole-ssl, containerPort: 443}, {name: dns-udp, containerPort: 53, protocol: UDP}]';
  const found = (servicePorts: string) => findings(pod(ports) + service(servicePorts), 'service-target-port')[0];
  const suggestion = (servicePorts: string): unknown => found(servicePorts)?.data?.suggestion;
  // 443 is pihole-ssl's, though pihole-http is spelt closer to pihole-https: both, neither preferred.
  const either = found('- {port: 443, targetPort: pihole-https}');
  assert.equal(either?.data?.suggestion, undefined);
  assert.deepEqual(either?.data?.suggestions, ['pihole-ssl', 'pihole-http']);
  assert.match(either?.message ?? '', /Did you mean pihole-ssl \(declared on the Service's port 443\) or pihole-http \(spelt alike\)\?/);
  // On the port and nothing spelt alike: that one.
  assert.equal(suggestion('- {port: 443, targetPort: tls}'), 'pihole-ssl');
  // A UDP Service port is matched against UDP names only.
  assert.equal(suggestion('- {port: 53, protocol: UDP, targetPort: dns}'), 'dns-udp');
  // Nothing alike and nothing on the port: no suggestion (it was the first declared name).
  assert.equal(suggestion('- {port: 8443, targetPort: web}'), undefined);
  // Spelt alike, of the right protocol.
  assert.equal(suggestion('- {port: 8000, targetPort: pihole-htp}'), 'pihole-http');
});

test('service-target-port: numbers are checked against declared and implied ports', () => {
  assert.equal(findings(file('- {port: 80, targetPort: 8080}'), 'service-target-port').length, 0);
  assert.equal(findings(file('- {port: 80, targetPort: http}'), 'service-target-port').length, 0);
  // nginx declares nothing but listens on 80 by its image
  assert.equal(findings(file('- {port: 80}'), 'service-target-port').length, 0);
  const found = findings(file('- {port: 80, targetPort: 8081}'), 'service-target-port');
  assert.equal(found.length, 1);
  assert.equal(found[0]?.data?.suggestion, 8080);
  assert.equal(found[0]?.data?.field, 'targetPort');
  assert.equal(found[0]?.severity, 'information', 'declared ports are informational: the process may listen on more');
  assert.match(found[0]?.message ?? '', /Unless a process listens on 8081 anyway/, 'a note does not claim what it cannot know');
  const onlyImage = service('- {port: 80, targetPort: 8081}') + '---\n' + yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: web, labels: {app: web}}
    spec:
      containers:
      - {name: proxy, image: nginx:1.27}
  `;
  const known = findings(onlyImage, 'service-target-port');
  assert.equal(known[0]?.severity, 'warning', 'nginx listens on 80 only: a refused connection is certain');
  assert.match(known[0]?.message ?? '', /or listens on it\. Connections will be refused/);
  const byPort = findings(file('- {port: 9091}'), 'service-target-port');
  assert.equal(byPort[0]?.data?.field, 'port');
  assert.equal(byPort[0]?.data?.suggestion, 9090);
});

test('service-target-port: silent when nothing is selected, without selector, or when a container may listen anywhere', () => {
  assert.equal(findings(file('- {port: 80, targetPort: nope}', '{app: other}'), 'service-target-port').length, 0);
  assert.equal(findings(file('- {port: 80, targetPort: nope}', '{}'), 'service-target-port').length, 0);
  const unknownImage = file('- {port: 80, targetPort: 1234}').replace('image: nginx:1.27', 'image: myorg/unknown');
  assert.equal(findings(unknownImage, 'service-target-port').length, 0);
  // a name must be declared even then
  assert.equal(findings(unknownImage.replace('targetPort: 1234', 'targetPort: web'), 'service-target-port').length, 1);
  // An image whose ports the table knows only in part (jaeger's all-in-one serves 14250, 4317, 9411...).
  const partly = (image: string): string =>
    service('- {port: 14250}') + '---\n' + `apiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: web}}\nspec:\n  containers:\n    - {name: jaeger, image: ${image}}\n`;
  assert.equal(findings(partly('jaegertracing/all-in-one:1.57'), 'service-target-port').length, 0);
  assert.equal(findings(partly('nginx:1.27'), 'service-target-port').length, 1, 'nginx is known completely');
});

test('service-target-port: pods from peer files of the folder count', () => {
  const analyzer = new Analyzer();
  const pods = new Analyzer().analyze(deployment).chunks.flatMap((c) => c.analysis.pods);
  const alone = analyzer.analyze(service('- {port: 80, targetPort: htp}'));
  assert.equal(alone.findings.filter((f) => f.rule === 'service-target-port').length, 0);
  const withPeers = analyzer.analyze(service('- {port: 80, targetPort: htp}'), {}, [{ source: 'deploy.yaml', pods }]);
  const found = withPeers.findings.filter((f) => f.rule === 'service-target-port');
  assert.equal(found.length, 1);
  assert.deepEqual(found[0]?.related, []);
});

test('service-target-port: can be turned off and suppressed by a directive', () => {
  assert.equal(findings(file('- {port: 80, targetPort: htp}'), 'service-target-port', { rules: { 'service-target-port': 'off' } }).length, 0);
  const text = file('- {port: 80, targetPort: htp}').replace('ports:\n  - {port', 'ports:\n  # podsight-disable-next-line service-target-port\n  - {port');
  assert.match(text, /podsight-disable-next-line/);
  assert.equal(findings(text, 'service-target-port').length, 0);
  assert.equal(findings(text, 'unused-disable-directive').length, 0);
});

test('a named targetPort is looked up with the Service port protocol: declared only for the other protocol, the port gets no backends', () => {
  const pod = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: dns, labels: {app: dns}}
    spec:
      containers:
      - name: coredns
        image: coredns/coredns:1.11.1
        ports:
        - {name: dns, containerPort: 53, protocol: UDP}
        - {name: dns-tcp, containerPort: 53}
        - {name: metrics, containerPort: 9153}
  `;
  const svc = (ports: string): string => `apiVersion: v1\nkind: Service\nmetadata: {name: dns}\nspec:\n  selector: {app: dns}\n  ports:\n${ports}---\n${pod}`;
  const right = svc('  - {name: dns, port: 53, protocol: UDP, targetPort: dns}\n  - {name: dns-tcp, port: 53, targetPort: dns-tcp}\n  - {name: metrics, port: 9153, protocol: TCP, targetPort: metrics}\n');
  assert.deepEqual(findings(right, 'service-target-port'), []);
  const swapped = findings(svc('  - {name: dns, port: 53, targetPort: dns}\n  - {name: metrics, port: 9153, protocol: UDP, targetPort: metrics}\n'), 'service-target-port');
  assert.equal(swapped.length, 2);
  assert.match(swapped[0]!.message, /sends TCP traffic to the port named "dns".*declare "dns" only as dns\/UDP.*by name and protocol.*Did you mean dns-tcp\?/);
  assert.equal(swapped[0]!.data?.suggestion, 'dns-tcp', 'the same number, named for TCP');
  assert.equal(swapped[1]!.data?.suggestion, undefined, 'no name for 9153/UDP, and the bare number would still send UDP to a TCP listener');
  // A templated protocol is not judged.
  assert.deepEqual(findings(svc('  - {name: dns, port: 53, protocol: "{{ .Values.proto }}", targetPort: dns}\n'), 'service-target-port'), []);
  // Sweep DF: a name declared for two other protocols, by two containers: the message names both.
  const twice = `${pod.trimEnd()}\n  - name: other\n    image: example/sctp:1\n    ports: [{name: dns, containerPort: 5353, protocol: SCTP}]\n`;
  const both = findings(`apiVersion: v1\nkind: Service\nmetadata: {name: dns}\nspec:\n  selector: {app: dns}\n  ports:\n  - {name: dns, port: 53, protocol: TCP, targetPort: dns}\n---\n${twice}`, 'service-target-port');
  assert.match(both[0]?.message ?? '', /declare "dns" only as dns\/UDP, dns\/SCTP\./);
});

test('service-target-port: the ports of a mesh proxy the webhook injects (Istio, Linkerd) are served, unless the pod opts out', () => {
  const pod = (meta: string, extra = ''): string => yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
    spec:
      selector: {matchLabels: {app: web}}
      template:
        metadata: ${meta}
        spec:
          ${extra || 'dnsPolicy: ClusterFirst'}
          containers:
          - {name: nginx, image: "nginx:1.27"}
  `;
  const svc = (targetPort: string | number, meta = '{labels: {app: web, sidecar.istio.io/inject: "true"}}', extra = ''): string =>
    `apiVersion: v1\nkind: Service\nmetadata: {name: stats}\nspec:\n  selector: {app: web}\n  ports:\n  - {port: 9999, targetPort: ${targetPort}}\n---\n${pod(meta, extra)}`;
  for (const target of [15090, 'http-envoy-prom', 15020, 15021, 'linkerd-admin', 4191, 'linkerd-proxy']) assert.deepEqual(findings(svc(target), 'service-target-port'), [], String(target));
  // Injection switched on for the namespace: no mark on the pod.
  assert.deepEqual(findings(svc('http-envoy-prom', '{labels: {app: web}}'), 'service-target-port'), []);
  assert.deepEqual(findings(svc('linkerd-admin', '{labels: {app: web}, annotations: {linkerd.io/inject: enabled}}'), 'service-target-port'), []);
  // Opted out, or on the host network: no proxy.
  assert.equal(findings(svc('http-envoy-prom', '{labels: {app: web, sidecar.istio.io/inject: "false"}}'), 'service-target-port').length, 1);
  assert.equal(findings(svc(15090, '{labels: {app: web}, annotations: {sidecar.istio.io/inject: "false"}}'), 'service-target-port').length, 1);
  assert.equal(findings(svc('linkerd-admin', '{labels: {app: web}, annotations: {linkerd.io/inject: disabled}}'), 'service-target-port').length, 1);
  assert.equal(findings(svc('http-envoy-prom', '{labels: {app: web}}', 'hostNetwork: true'), 'service-target-port').length, 1);
  // Other names and numbers are still the app's.
  assert.equal(findings(svc('http-envoy'), 'service-target-port').length, 1);
  assert.equal(findings(svc(15091), 'service-target-port').length, 1);
  // Dapr injects daprd only where the pod asks (sweep AJ: eShopOnDapr's Services publish 3500 and 50001).
  const dapr = '{labels: {app: web, sidecar.istio.io/inject: "false"}, annotations: {linkerd.io/inject: disabled, dapr.io/enabled: "true"}}';
  for (const target of [3500, 50001, 'dapr-http', 'dapr-grpc']) assert.deepEqual(findings(svc(target, dapr), 'service-target-port'), [], String(target));
  assert.equal(findings(svc(3500, dapr.replace('dapr.io/enabled: "true"', 'dapr.io/enabled: "false"')), 'service-target-port').length, 1);
});

test('service-target-port: a kubebuilder manager listens where --metrics-bind-address says; its health-probe port is no hint', () => {
  const manager = (args: string, command = '[/manager]'): string => yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: controller-manager}
    spec:
      selector: {matchLabels: {control-plane: controller-manager}}
      template:
        metadata: {labels: {control-plane: controller-manager}}
        spec:
          containers:
          - name: manager
            image: example.com/demo-operator:v0.1.0
            command: ${command}
            args: ${args}
            ports: [{containerPort: 9443, name: webhook-server, protocol: TCP}]
    ---
    apiVersion: v1
    kind: Service
    metadata: {name: controller-manager-metrics-service}
    spec:
      selector: {control-plane: controller-manager}
      ports:
      - {name: https, port: 8443, protocol: TCP, targetPort: 8443}
  `;
  assert.equal(findings(manager('[--metrics-bind-address=:8443, --leader-elect, --health-probe-bind-address=:8081]'), 'service-target-port').length, 0);
  assert.equal(findings(manager('[--metrics-bind-address, "0.0.0.0:8443"]'), 'service-target-port').length, 0);
  // Still reported: metrics on another port (the hint is that port, not the webhook's or the
  // health probe's), on loopback only, or not a `/manager` whose flags Podsight reads.
  const moved = findings(manager('[--metrics-bind-address=:8080, --health-probe-bind-address=:8081]'), 'service-target-port');
  assert.equal(moved.length, 1);
  assert.match(moved[0]!.message, /Did you mean 8080\?/);
  // On loopback only the manager does listen there, out of the Service's reach (sweep DO: the
  // kube-rbac-proxy scaffold's flag left behind when the proxy was removed).
  const loopback = findings(manager('[--metrics-bind-address=127.0.0.1:8443]'), 'service-target-port');
  assert.equal(loopback.length, 1);
  assert.match(loopback[0]!.message, /binds it on the pod's loopback only \(--metrics-bind-address=127\.0\.0\.1:8443\)/);
  assert.equal(findings(manager('[--metrics-bind-address=:8443]', '[/bin/sh, -c]'), 'service-target-port').length, 1);
  // A manager binary of another name, or the image's entrypoint, reads the same flags (sweep BW: kube-green).
  assert.equal(findings(manager('[--metrics-bind-address=:8443]', '[/kube-green]'), 'service-target-port').length, 0);
  assert.equal(findings(manager('[--metrics-bind-address=:8443]', '[]'), 'service-target-port').length, 0);
  assert.equal(findings(manager('[--metrics-bind-address=:8443]', '[python3]'), 'service-target-port').length, 1);
  // Probe BX: flags written in `command` count; the last of a repeated flag counts (`0` turns metrics off).
  assert.equal(findings(manager('[--leader-elect]', '[/manager, --metrics-bind-address=:8443]'), 'service-target-port').length, 0);
  assert.equal(findings(manager('[--metrics-bind-address=:8443, --metrics-bind-address=0]'), 'service-target-port').length, 1);
  // No metrics flag: kubebuilder v3's default is :8080 (v4's is off), so 8080 may serve (sweep BW: argocd-operator).
  const v3 = manager('[--leader-elect]').replace('targetPort: 8443', 'targetPort: 8080');
  assert.ok(v3.includes('targetPort: 8080'));
  assert.deepEqual(findings(v3, 'service-target-port'), []);
});

test('service-target-port: an image default that gave way to another declaration may still listen (sweep AX: adminer declaring 8083)', () => {
  const pod = (image: string, declared: number): string =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ui}\nspec:\n  selector: {matchLabels: {app: ui}}\n  template:\n    metadata: {labels: {app: ui}}\n    spec:\n      containers:\n      - name: ui\n        image: ${image}\n        ports: [{containerPort: ${declared}}]\n`;
  const svc = (target: number): string => `apiVersion: v1\nkind: Service\nmetadata: {name: ui}\nspec:\n  selector: {app: ui}\n  ports: [{port: 80, targetPort: ${target}}]\n---\n`;
  // adminer serves 8080 whatever is declared; mongo-express 8081: the Service on the default is not refused.
  assert.deepEqual(findings(svc(8080) + pod('adminer', 8083), 'service-target-port'), []);
  assert.deepEqual(findings(svc(8081) + pod('mongo-express:1.0', 8082), 'service-target-port'), []);
  // A number that is neither declared nor an image default is still refused.
  assert.equal(findings(svc(9999) + pod('adminer', 8083), 'service-target-port').length, 1);
});

test('service-target-port: a port the pods bind on their loopback only refuses the Service; not behind a mesh that forwards to 127.0.0.1', () => {
  const text = (annotations = ''): string => `apiVersion: v1
kind: ConfigMap
metadata: {name: conf}
data:
  default.conf: |
    server { listen 127.0.0.1:80; }
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}${annotations}}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        volumeMounts: [{name: conf, mountPath: /etc/nginx/conf.d}]
      volumes: [{name: conf, configMap: {name: conf}}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 8080, targetPort: 80}]
`;
  const found = findings(text(), 'service-target-port');
  assert.equal(found.length, 1);
  assert.equal(found[0]?.severity, 'warning');
  assert.match(found[0]?.message ?? '', /sends traffic to port 80 \(targetPort 80\), but container "nginx" binds it on the pod's loopback only \(listen 127\.0\.0\.1:80/);
  assert.deepEqual(findings(text(', annotations: {linkerd.io/inject: enabled}'), 'service-target-port'), []);
  assert.deepEqual(findings(text().replace('listen 127.0.0.1:80;', 'listen 80;'), 'service-target-port'), []);
  // A sibling that declares the port may serve it on the pod's IP (a socat forwarding to the loopback);
  // a plain init container's bind has ended; a client flag of a sidecar binds nothing (probe DB).
  const sibling = (container: string): string => text().replace('      volumes: [{name: conf', `${container}\n      volumes: [{name: conf`);
  assert.deepEqual(findings(sibling('      - {name: fwd, image: alpine/socat, args: ["TCP-LISTEN:80,bind=$(POD_IP),fork", "TCP:127.0.0.1:80"], ports: [{containerPort: 80}]}'), 'service-target-port'), []);
  const init = text().replace("listen 127.0.0.1:80;", 'listen 80;').replace('      containers:', '      initContainers:\n      - {name: migrate, image: example/migrate:1, args: ["--listen-address=127.0.0.1:80"]}\n      containers:');
  assert.deepEqual(findings(init, 'service-target-port'), []);
  // Under hostNetwork the Service's endpoint is the node's IP: a loopback bind refuses it as well.
  assert.equal(findings(text().replace('    spec:\n      containers:', '    spec:\n      hostNetwork: true\n      containers:'), 'service-target-port').length, 1);
});

test('service-target-port: redis-server reads the words after --bind as one line: 127.0.0.1 and the pod IP reach the Service (probe DB)', () => {
  const text = (args: string): string => `apiVersion: v1\nkind: Pod\nmetadata: {name: r1, labels: {app: r1}}\nspec:\n  containers:\n  - name: redis\n    image: redis:7.2\n    env: [{name: POD_IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}]\n    args: ${args}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: r1}\nspec: {selector: {app: r1}, ports: [{port: 6379}]}\n`;
  assert.deepEqual(findings(text('["--bind", "127.0.0.1", "$(POD_IP)"]'), 'service-target-port'), []);
  assert.equal(findings(text('["--bind", "127.0.0.1", "--protected-mode", "no"]'), 'service-target-port').length, 1);
});

test('service-target-port: an image whose listeners are all known is judged by them, declarations or not (sweep ED: http-echo)', () => {
  const app = (args: string, ports: string): string => yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: webapp}
    spec:
      selector: {matchLabels: {app: webapp}}
      template:
        metadata: {labels: {app: webapp}}
        spec:
          containers:
          - name: webapp
            image: hashicorp/http-echo:1.0.0
            args: ${args}
            ports: ${ports}
    ---
    apiVersion: v1
    kind: Service
    metadata: {name: webapp-service}
    spec:
      selector: {app: webapp}
      ports: [{name: http, port: 80, targetPort: 80}]
  `;
  const found = findings(app('["-text=hello", "-listen=:8080"]', '[{containerPort: 8080}]'), 'service-target-port');
  assert.deepEqual(found.map((f) => [f.text, f.severity]), [['80', 'warning']]);
  assert.match(found[0]!.message, /no container there declares 80 or listens on it\. Connections will be refused\. Declared: 8080\..*Did you mean 8080\?/);
  assert.deepEqual(findings(app('["-text=hello", "-listen=:80"]', '[{containerPort: 80}]'), 'service-target-port'), []);
  // Without -listen it serves 5678.
  assert.deepEqual(findings(app('["-text=hello"]', '[]'), 'service-target-port').map((f) => f.severity), ['warning']);
  // An image Podsight knows only in part keeps the note.
  const partial = app('["-text=hello", "-listen=:8080"]', '[{containerPort: 8080}]').replace('hashicorp/http-echo:1.0.0', 'example/echo:1');
  assert.deepEqual(findings(partial, 'service-target-port').map((f) => f.severity), ['information']);
});

test('service-target-port: a port written in a bind address, or a locally built image, keeps the note (probe EG)', () => {
  const pod = (image: string, extra: string): string => yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: cache, labels: {app: cache}}
    spec:
      containers:
      - name: cache
        image: ${image}
        ${extra}
        ports: [{containerPort: 11211}]
    ---
    apiVersion: v1
    kind: Service
    metadata: {name: cache}
    spec:
      selector: {app: cache}
      ports: [{port: 11212, targetPort: 11212}]
  `;
  // memcached reads the port after the colon of `-l` (server_sockets()).
  assert.deepEqual(findings(pod('memcached:1.6', 'args: ["-l", "0.0.0.0:11212"]'), 'service-target-port'), []);
  assert.deepEqual(findings(pod('memcached:1.6', 'args: ["-l", "0.0.0.0"]'), 'service-target-port').map((f) => f.severity), ['warning']);
  // `imagePullPolicy: Never`: an image built on the node under the official name may run anything.
  assert.deepEqual(findings(pod('memcached:1.6', 'imagePullPolicy: Never'), 'service-target-port').map((f) => f.severity), ['information']);
});

test('service-target-port: image defaults that gave way to declarations are listed, and no guess between ports alike (sweep EV)', () => {
  const jaeger = (ports: string, image = 'jaegertracing/all-in-one', args = '[]'): string => yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: jaeger}
    spec:
      selector: {matchLabels: {app: jaeger}}
      template:
        metadata: {labels: {app: jaeger}}
        spec:
          containers:
          - {name: jaeger, image: ${image}, args: ${args}, ports: [{containerPort: 16686}]}
    ---
    apiVersion: v1
    kind: Service
    metadata: {name: collector}
    spec:
      selector: {app: jaeger}
      ports: ${ports}
  `;
  // TChannel 14267 is served no more; 14268 and 14269 are both a digit away: which one is meant is not a number's guess.
  const [tchannel] = findings(jaeger('[{name: tchannel, port: 14267}]'), 'service-target-port');
  assert.match(tchannel?.message ?? '', /Declared: 16686\. Listening without a declaration \(image defaults and settings\): 4317, 4318, 14250, 14268, 14269, 5778, 6831, 6832\.$/);
  assert.equal(tchannel?.data?.suggestion, undefined);
  assert.deepEqual(findings(jaeger('[{name: grpc, port: 14250}]'), 'service-target-port'), []);
  // The OpenTelemetry Collector listens where its configuration says: with --config, Podsight cannot tell.
  const collector = (args: string): string => jaeger('[{name: otlp-http, port: 4318}]', 'otel/opentelemetry-collector-contrib:0.95.0', args).replace(/16686/g, '4317');
  assert.deepEqual(findings(collector('["--config=/conf/config.yaml"]'), 'service-target-port'), []);
  assert.deepEqual(findings(collector('[]'), 'service-target-port'), [], 'the image\'s own configuration opens 4318');
});

test('service-target-port: no suggestion of a port another port of the same Service already sends to (sweep FB: NATS)', () => {
  const text = yaml`
    apiVersion: apps/v1
    kind: StatefulSet
    metadata: {name: nats}
    spec:
      selector: {matchLabels: {app: nats}}
      serviceName: nats
      template:
        metadata: {labels: {app: nats}}
        spec:
          containers:
          - name: nats
            image: example.com/nats-like:1
            ports: [{containerPort: 4222, name: client}, {containerPort: 7422, name: leafnodes}]
    ---
    apiVersion: v1
    kind: Service
    metadata: {name: nats}
    spec:
      selector: {app: nats}
      ports: [{name: client, port: 4222}, {name: leafnodes, port: 7422}, {name: gateways, port: 7522}]
  `;
  const [found] = findings(text, 'service-target-port');
  assert.match(found?.message ?? '', /port 7522/);
  assert.equal(found?.data?.suggestion, undefined);
});

test('probe 2: a port another port of the Service sends to by name is no suggestion either', () => {
  const text = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: api}
    spec:
      selector: {matchLabels: {app: api}}
      template:
        metadata: {labels: {app: api}}
        spec:
          containers:
          - name: api
            image: example.com/api:1
            ports: [{containerPort: 8080, name: http}, {containerPort: 9000, name: admin}]
    ---
    apiVersion: v1
    kind: Service
    metadata: {name: api}
    spec:
      selector: {app: api}
      ports: [{name: http, port: 80, targetPort: http}, {name: alt, port: 8081, targetPort: 8081}]
  `;
  const [found] = findings(text, 'service-target-port');
  assert.match(found?.message ?? '', /port 8081/);
  assert.equal(found?.data?.suggestion, undefined, '8080 is the nearest, and taken: no guess');
});
