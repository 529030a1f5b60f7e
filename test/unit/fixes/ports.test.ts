import assert from 'node:assert/strict';
import { test } from 'node:test';
import { yaml } from '../../helpers/check';
import { applyFix, fixesOf } from '../../helpers/fix';

test('port-conflict: the process moves with its setting; flow style stays flow; probes of that container follow', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      containers:
      - {name: a, image: grafana/grafana, ports: [{containerPort: 3000}]}
      - name: b
        image: grafana/grafana
        ports: [{containerPort: 3000, name: http}, {containerPort: 3001}]
        readinessProbe: {httpGet: {port: 3000, path: /}}   # keep this comment
  `;
  // 3001 is declared (and not served): the author meant grafana to listen there.
  const { fix } = applyFix(
    text,
    'port-conflict',
    /Move the process of "b" to port 3001: set GF_SERVER_HTTP_PORT=3001/,
    text
      .replace('[{containerPort: 3000, name: http}, {containerPort: 3001}]', '[{containerPort: 3001, name: http}, {containerPort: 3001}]')
      .replace('port: 3000, path', 'port: 3001, path')
      .replace('   # keep this comment\n', '   # keep this comment\n    env:\n    - name: GF_SERVER_HTTP_PORT\n      value: "3001"\n'),
  );
  assert.equal(fix.preferred, true);
});

test('port-conflict: the next free port skips ports other processes listen on; renumbering a declaration alone is never offered', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      containers:
      - name: a
        image: busybox
        ports:
        - containerPort: 6379
      - name: redis
        image: redis:7
        ports:
        - containerPort: 6379
      - name: other
        image: example/app
        ports:
        - containerPort: 6380
      - name: cache
        image: memcached
  `;
  const { fixes } = fixesOf(text, 'port-conflict');
  assert.deepEqual(fixes.filter((f) => !/^Disable/.test(f.title)).map((f) => f.title), ['Move the process of "redis" to port 6381: pass --port 6381']);
  assert.ok(!fixes.some((f) => /^Change port|Remove the duplicate/.test(f.title)));
});

test('port-conflict: CRLF line endings stay CRLF', () => {
  const text = 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers:\r\n  - name: a\r\n    image: redis\r\n    ports:\r\n    - containerPort: 6379\r\n  - name: b\r\n    image: redis\r\n    ports:\r\n    - containerPort: 6379\r\n      protocol: TCP\r\n';
  applyFix(text, 'port-conflict', /Move the process of "b" to port 6380/, text.replace('    - containerPort: 6379\r\n      protocol: TCP\r\n', '    - containerPort: 6380\r\n      protocol: TCP\r\n    args: [--port, "6380"]\r\n'));
  const { result } = applyFix(text, 'port-conflict', /for this line/, undefined, { gone: false });
  assert.equal(result, text.replace('    - containerPort: 6379\r\n      protocol', '    # podsight-disable-next-line port-conflict\r\n    - containerPort: 6379\r\n      protocol'));
});

test('port-conflict: a port merged from another container\'s anchor gets an override `ports:` in the merging container', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      containers:
      - &web
        name: web
        image: prom/node-exporter
        ports:
        - containerPort: 9100
          name: metrics
      - <<: *web
        name: web2
  `;
  applyFix(text, 'port-conflict', /Move the process of "web2" to port 9101/, text + '    args: [--web.listen-address=:9101]\n    ports:\n    - containerPort: 9101\n      name: metrics\n');
});

test('implicit-port-conflict: the image moves with its documented env setting and declares the new port', () => {
  const text = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: g}
    spec:
      selector: {matchLabels: {app: g}}
      template:
        metadata: {labels: {app: g}}
        spec:
          containers:
          - name: one
            image: grafana/grafana:11.0.0
            ports:
            - containerPort: 3000
          - name: two
            image: grafana/grafana:11.0.0
  `;
  const { fixes } = fixesOf(text, 'implicit-port-conflict');
  assert.ok(!fixes.some((f) => /^Declare port/.test(f.title)), 'declaring the implied port only turns this into a port-conflict');
  const { fix } = applyFix(text, 'implicit-port-conflict', /GF_SERVER_HTTP_PORT/, text + '        env:\n        - name: GF_SERVER_HTTP_PORT\n          value: "3001"\n        ports:\n        - containerPort: 3001\n');
  assert.equal(fix.preferred, true);
});

test('implicit-port-conflict: an image moved by a command-line argument gets args (flow container stays flow)', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: r}
    spec:
      containers:
      - {name: a, image: redis:7, ports: [{containerPort: 6379}]}
      - {name: b, image: redis:7}
  `;
  applyFix(text, 'implicit-port-conflict', /pass --port 6380/, text.replace('{name: b, image: redis:7}', '{name: b, image: redis:7, args: [--port, "6380"], ports: [{containerPort: 6380}]}'));
});

test('implicit-port-conflict: an argument the container already passes is changed; a Service that meant it follows', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: r, labels: {app: r}}
    spec:
      containers:
      - name: a
        image: prom/prometheus
        args: [--web.listen-address=:9100]
        ports: [{containerPort: 9100, name: web}]
      - name: b
        image: prom/node-exporter
    ---
    apiVersion: v1
    kind: Service
    metadata: {name: r}
    spec:
      selector: {app: r}
      ports:
      - port: 9100
  `;
  // node-exporter (b) has no declaration: it is reported, and moved first.
  applyFix(text, 'implicit-port-conflict', /Move the process of "b" to port 9101/, text.replace('    image: prom/node-exporter\n', '    image: prom/node-exporter\n    args: [--web.listen-address=:9101]\n    ports:\n    - containerPort: 9101\n'));
  applyFix(
    text,
    'implicit-port-conflict',
    /Move the process of "a" to port 9101: change --web.listen-address=:9100 to --web.listen-address=:9101/,
    text.replace('args: [--web.listen-address=:9100]', 'args: [--web.listen-address=:9101]').replace('{containerPort: 9100, name: web}', '{containerPort: 9101, name: web}').replace('  - port: 9100\n', '  - port: 9100\n    targetPort: 9101\n'),
  );
});

test('host-port-conflict and host-network-port-mismatch', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: h}
    spec:
      containers:
      - name: a
        image: busybox
        ports:
        - {containerPort: 9100, hostPort: 9100}
      - name: b
        image: busybox
        ports:
        - {containerPort: 9200, hostPort: 9100}
  `;
  applyFix(text, 'host-port-conflict', /Change hostPort 9100 to 9101/, text.replace('{containerPort: 9200, hostPort: 9100}', '{containerPort: 9200, hostPort: 9101}'));
  const net = text.replace('spec:\n', 'spec:\n  hostNetwork: true\n');
  applyFix(net, 'host-network-port-mismatch', /Set hostPort to 9200/, net.replace('{containerPort: 9200, hostPort: 9100}', '{containerPort: 9200, hostPort: 9200}'));
});

test('invalid-port: protocol case, a valid name (probes follow), out of range, a quoted number', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: x}
    spec:
      containers:
      - name: a
        image: busybox
        ports:
        - containerPort: 70000
        - containerPort: "8080"
        - containerPort: 9090
          protocol: 'tcp'
          name: "Metrics_Port"
        livenessProbe:
          httpGet: {port: "Metrics_Port", path: /healthz}
  `;
  applyFix(text, 'invalid-port', /Set containerPort to 65535/, text.replace('70000', '65535'));
  applyFix(text, 'invalid-port', /Set containerPort to 8080/, text.replace('"8080"', '8080'), { nth: 1 });
  applyFix(text, 'invalid-port', /Replace "tcp" with "TCP"/, text.replace("'tcp'", "'TCP'"), { nth: 2 });
  applyFix(text, 'invalid-port', /Rename "Metrics_Port" to "metrics-port"/, text.replace(/"Metrics_Port"/g, '"metrics-port"'), { nth: 3 });
});

test('invalid-port: a quoted number where a port is referred to becomes the number', () => {
  const text = yaml`
    apiVersion: v1
    kind: Service
    metadata: {name: web}
    spec:
      selector: {app: web}
      ports: [{port: 80, targetPort: "8080"}]
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: web, labels: {app: web}}
    spec:
      containers:
      - name: web
        image: example/web:1
        ports: [{containerPort: 8080}]
        livenessProbe:
          tcpSocket: {port: '8080'}
  `;
  const { fix } = applyFix(text, 'invalid-port', /Write 8080 as a number/, text.replace('"8080"', '8080'));
  assert.equal(fix.preferred, true);
  applyFix(text, 'invalid-port', /Write 8080 as a number/, text.replace("'8080'", '8080'), { nth: 1 });
});

test('unknown-port-name: the closest name; or name the only unnamed port; or declare the implied port', () => {
  const base = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: u}
    spec:
      containers:
      - name: a
        image: nginx
        PORTS
        readinessProbe:
          httpGet: {port: http, path: /}
  `;
  const close = base.replace('PORTS', 'ports: [{name: htp, containerPort: 80}]');
  applyFix(close, 'unknown-port-name', /Replace "http" with "htp"/, close.replace('{port: http,', '{port: htp,'));
  const unnamed = base.replace('PORTS', 'ports:\n    - containerPort: 8080');
  applyFix(unnamed, 'unknown-port-name', /Name port 8080 "http"/, unnamed.replace('- containerPort: 8080', '- containerPort: 8080\n      name: http'));
  const none = base.replace('    PORTS\n', '');
  applyFix(none, 'unknown-port-name', /Declare port 80 named "http"/, none.replace('    image: nginx\n', '    image: nginx\n').replace('path: /}\n', 'path: /}\n    ports:\n    - name: http\n      containerPort: 80\n'));
});

test('edits keep comments between items, trailing flow commas, and quote YAML 1.1 look-alikes', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      containers:
      - name: a
        image: nginx
        ports:
        - containerPort: 80
      - name: b
        image: nginx
        ports:
        - containerPort: 80   # the duplicate
        # the metrics port comes next
        - containerPort: 9090
      - {name: c, image: grafana/grafana, }
      - {name: d, image: grafana/grafana, ports: [{containerPort: 3000}, ]}
  `;
  applyFix(text, 'implicit-port-conflict', /GF_SERVER_HTTP_PORT/, text.replace('{name: c, image: grafana/grafana, }', '{name: c, image: grafana/grafana, env: [{name: GF_SERVER_HTTP_PORT, value: "3001"}], ports: [{containerPort: 3001}], }'));
  const onName = text.replace('- name: b', '- name: "yes"').replace('- name: a', '- name: "yes"');
  applyFix(onName, 'duplicate-container-name', /Rename "yes" to "yes-2"/);
});

test('service-target-port: the closest declared port (a name, keeping quotes)', () => {
  const text = yaml`
    apiVersion: v1
    kind: Service
    metadata: {name: web}
    spec:
      selector: {app: web}
      ports:
      - port: 80
        targetPort: "htp"
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
    spec:
      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: {app: web}}
        spec:
          containers:
          - name: web
            image: nginx
            ports:
            - {name: http, containerPort: 80}
  `;
  applyFix(text, 'service-target-port', /Replace "htp" with "http"/, text.replace('"htp"', '"http"'));
});

test('service-target-port: a named port declared for the other protocol: the same number by its name for this protocol, not the bare number', () => {
  const text = yaml`
    apiVersion: v1
    kind: Service
    metadata: {name: dns}
    spec:
      selector: {app: dns}
      ports:
      - {name: dns, port: 53, targetPort: dns}
      - {name: metrics, port: 9153, protocol: UDP, targetPort: "metrics"}
    ---
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
  applyFix(text, 'service-target-port', /Replace "dns" with "dns-tcp"/, text.replace('targetPort: dns}', 'targetPort: dns-tcp}'));
  // Nothing declares 9153 for UDP: the number would still send UDP where coredns listens on TCP only.
  const metrics = fixesOf(text, 'service-target-port', 1).fixes.filter((f) => !/^Disable /.test(f.title));
  assert.deepEqual(metrics, []);
});

test('service-target-port: a name on the Service port and another spelt alike: both offered, neither preferred (probe CX)', () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: api, labels: {app: api}}\nspec:\n  containers:\n  - name: api\n    image: example/api:1\n    ports: [{name: grpc, containerPort: 9090}, {name: metrics, containerPort: 9100}]\n---\napiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec:\n  selector: {app: api}\n  ports: [{name: metrics, port: 9090, targetPort: metrcs}]\n';
  const fixes = fixesOf(text, 'service-target-port').fixes.filter((f) => !/^Disable /.test(f.title));
  assert.deepEqual(fixes.map((f) => [f.title, f.preferred]), [['Replace "metrcs" with "grpc"', false], ['Replace "metrcs" with "metrics"', false]]);
});
