import assert from 'node:assert/strict';
import { test } from 'node:test';
import { yaml } from '../../helpers/check';
import { applyFix, fixesOf } from '../../helpers/fix';

test('port-conflict: flow style stays flow; probes of that container follow the new port', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      containers:
      - {name: a, image: nginx, ports: [{containerPort: 80}]}
      - name: b
        image: nginx
        ports: [{containerPort: 80, name: http}, {containerPort: 81}]
        readinessProbe: {httpGet: {port: 80, path: /}}   # keep this comment
  `;
  applyFix(text, 'port-conflict', /Change port 80 to 82/, text.replace('[{containerPort: 80, name: http}', '[{containerPort: 82, name: http}').replace('port: 80, path', 'port: 82, path'));
  applyFix(text, 'port-conflict', /Remove the duplicate/, text.replace('[{containerPort: 80, name: http}, {containerPort: 81}]', '[{containerPort: 81}]'));
});

test('port-conflict: the next free port skips ports implied by images running beside it', () => {
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
        image: nginx
        ports:
        - containerPort: 6380
      - name: cache
        image: memcached
  `;
  // 6380 is declared, 6381 is free (memcached implies 11211).
  const { fixes } = fixesOf(text, 'port-conflict');
  assert.equal(fixes[0]?.title, 'Change port 6379 to 6381 in container "redis" (the next port free in this pod)');
});

test('port-conflict: CRLF line endings stay CRLF, also when a whole declaration is removed', () => {
  const text = 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers:\r\n  - name: a\r\n    image: nginx\r\n    ports:\r\n    - containerPort: 80\r\n  - name: b\r\n    image: nginx\r\n    ports:\r\n    - containerPort: 80\r\n      protocol: TCP\r\n';
  applyFix(text, 'port-conflict', /Change port 80 to 81/, text.replace('    - containerPort: 80\r\n      protocol', '    - containerPort: 81\r\n      protocol'));
  applyFix(text, 'port-conflict', /Remove the duplicate/, text.replace('    ports:\r\n    - containerPort: 80\r\n      protocol: TCP\r\n', ''));
  const { result } = applyFix(text, 'port-conflict', /for this line/, undefined, { gone: false });
  assert.equal(result, text.replace('    - containerPort: 80\r\n      protocol', '    # podsight-disable-next-line port-conflict\r\n    - containerPort: 80\r\n      protocol'));
});

test('port-conflict: a port merged from another container\'s anchor is not changed (it would move both)', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      containers:
      - &web
        name: web
        image: nginx
        ports:
        - containerPort: 80
      - <<: *web
        name: web2
  `;
  const { fixes } = fixesOf(text, 'port-conflict');
  assert.deepEqual(fixes.map((f) => f.title), ['Disable port-conflict for this line', 'Disable port-conflict for this file']);
});

test('implicit-port-conflict: declare the implied port; or move the image with its documented env setting', () => {
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
  applyFix(text, 'implicit-port-conflict', /Declare port 3000\/TCP/, text + '        ports:\n        - containerPort: 3000\n');
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
  applyFix(text, 'implicit-port-conflict', /argument --port/, text.replace('{name: b, image: redis:7}', '{name: b, image: redis:7, args: [--port, "6380"], ports: [{containerPort: 6380}]}'));
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
  applyFix(text, 'port-conflict', /Remove the duplicate/, text.replace('    - containerPort: 80   # the duplicate\n', ''));
  applyFix(text, 'implicit-port-conflict', /Declare port 3000/, text.replace('{name: c, image: grafana/grafana, }', '{name: c, image: grafana/grafana, ports: [{containerPort: 3000}], }'));
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
