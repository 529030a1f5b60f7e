/**
 * probe-port-elsewhere reads effective listeners: a probe on the port the container's process
 * really listens on (moved by args, env or its nginx ConfigMap) is fine; a probe on a port a
 * sibling's process listens on (even undeclared) is the finding; a sibling bound to 127.0.0.1 does
 * not answer the kubelet's probe on the pod IP, so it is not the one probed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings, yaml } from '../../helpers/check';
import { applyFix } from '../../helpers/fix';

const pod = (containers: string): string => yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: p}
  spec:
    containers:
${containers}
`;

const prometheusPair = (probe: number): string =>
  pod(`    - name: moved
      image: prom/prometheus:v2.53.0
      args: [--config.file=/etc/prometheus/prometheus.yml, --web.listen-address=:9091]
      readinessProbe: {httpGet: {path: /-/ready, port: ${probe}}}
    - name: main
      image: prom/prometheus:v2.53.0`);

test('probe-port-elsewhere: a probe on the port an arg moved the process to is fine; on the sibling\'s default it is the finding', () => {
  assert.equal(findings(prometheusPair(9091), 'probe-port-elsewhere').length, 0);
  const found = findings(prometheusPair(9090), 'probe-port-elsewhere');
  assert.equal(found.length, 1);
  assert.equal(found[0]?.text, '9090');
  assert.equal(found[0]?.data?.sibling, 'main');
  // The container's one real port is offered: 9091, where --web.listen-address put it.
  assert.equal(found[0]?.data?.own, 9091);
});

test('probe-port-elsewhere: a sibling listening undeclared is found; one bound to 127.0.0.1 is not what the kubelet probes', () => {
  const undeclared = pod(`    - name: app
      image: myorg/app
      ports: [{containerPort: 8080}]
      livenessProbe: {tcpSocket: {port: 80}}
    - name: proxy
      image: nginx:1.27
      ports: [{containerPort: 80, name: http}]
    - name: cache
      image: redis:7`);
  assert.equal(findings(undeclared, 'probe-port-elsewhere').length, 1);
  const onRedis = undeclared.replace('port: 80}', 'port: 6379}');
  const redis = findings(onRedis, 'probe-port-elsewhere');
  assert.equal(redis.length, 1);
  assert.equal(redis[0]?.data?.sibling, 'cache');
  const loopback = pod(`    - name: app
      image: myorg/app
      ports: [{containerPort: 8443}]
      livenessProbe: {tcpSocket: {port: 9100}}
    - name: exporter
      image: prom/node-exporter:v1.8.2
      args: [--web.listen-address=127.0.0.1:9100]`);
  assert.equal(findings(loopback, 'probe-port-elsewhere').length, 0);
  assert.equal(findings(loopback.replace('127.0.0.1:9100', '0.0.0.0:9100'), 'probe-port-elsewhere').length, 1);
});

test('probe-port-elsewhere: nginx probed on the port its ConfigMap listens on is fine', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: web-conf}
    data:
      default.conf: "server { listen 8081; }"
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        volumeMounts: [{name: conf, mountPath: /etc/nginx/conf.d}]
        readinessProbe: {httpGet: {path: /, port: 8081}}
      - name: app
        image: myorg/app
        ports: [{containerPort: 8081}]
      volumes:
      - {name: conf, configMap: {name: web-conf}}
  `;
  // web's nginx listens on 8081 itself (a clash with app, which the port rules report), so the probe is its own.
  assert.equal(findings(text, 'implicit-port-conflict').length, 1);
  assert.equal(findings(text, 'probe-port-elsewhere').length, 0);
  // Without its ConfigMap's listen, nginx is on 80 and the probe on 8081 tests app.
  assert.equal(findings(text.replace('listen 8081', 'listen 80'), 'probe-port-elsewhere').length, 1);
});

test('unknown-port-name: the port declared for the name is where the process really listens (an arg moved it)', () => {
  const text = pod(`    - name: grafana
      image: grafana/grafana:11.1.0
      env: [{name: GF_SERVER_HTTP_PORT, value: "3001"}]
      readinessProbe: {httpGet: {path: /api/health, port: http}}`);
  const { result } = applyFix(text, 'unknown-port-name', /Declare port 3001 named "http"/);
  assert.match(result, /- name: http\n\s+containerPort: 3001/);
  assert.equal(findings(result, 'unknown-port-name').length, 0);
  assert.equal(findings(result, 'port-not-served').length, 0);
});

test('probe-port-elsewhere: a health sidecar whose path names the container reports on it (kube-dns), so nothing is found', () => {
  const kubeDns = (path: string): string =>
    pod(`    - name: kubedns
      image: registry.k8s.io/k8s-dns-kube-dns:1.14.13
      livenessProbe: {httpGet: {path: ${path}, port: 10054}}
      ports: [{containerPort: 10053, protocol: UDP}]
    - name: sidecar
      image: registry.k8s.io/k8s-dns-sidecar:1.14.13
      args: [--probe=kubedns,127.0.0.1:10053,kubernetes.default.svc.cluster.local,5,SRV]
      ports: [{containerPort: 10054}]`);
  assert.deepEqual(findings(kubeDns('/healthcheck/kubedns'), 'probe-port-elsewhere'), []);
  // Another path tests the sidecar, not kubedns; a name inside a longer word is not a mention.
  assert.equal(findings(kubeDns('/metrics'), 'probe-port-elsewhere').length, 1);
  assert.equal(findings(kubeDns('/healthcheck/kubednsx'), 'probe-port-elsewhere').length, 1);
});

test('probe-port-elsewhere: a probe that sets httpGet.host, and one through a proxy in front of a loopback-only process, are fine', () => {
  const withHost = pod(`    - name: app
      image: grafana/grafana:11.1.0
      readinessProbe: {httpGet: {host: 10.0.0.5, path: /api/health, port: 8443}}
    - name: proxy
      image: example/tls-proxy
      ports: [{containerPort: 8443}]`);
  assert.equal(findings(withHost, 'probe-port-elsewhere').length, 0);
  const behindProxy = pod(`    - name: grafana
      image: grafana/grafana:11.1.0
      env: [{name: GF_SERVER_HTTP_ADDR, value: 127.0.0.1}]
      readinessProbe: {httpGet: {path: /api/health, port: 8443, scheme: HTTPS}}
    - name: proxy
      image: example/tls-proxy
      ports: [{containerPort: 8443}]`);
  assert.equal(findings(behindProxy, 'probe-port-elsewhere').length, 0);
  assert.equal(findings(behindProxy.replace('value: 127.0.0.1', 'value: 0.0.0.0'), 'probe-port-elsewhere').length, 1, 'grafana on every address: probe its own 3000');
});

test('probe-port-elsewhere: an HTTP probe through a reverse proxy that forwards it to this container tests it (nginx, oauth2-proxy)', () => {
  const nginxPod = (locations: string, probe = 'httpGet: {path: /healthz, port: 8443, scheme: HTTPS}'): string => yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: tls-proxy}
    data:
      default.conf: |
        upstream app { server 127.0.0.1:8080; }
        server {
          listen 8443 ssl;
          ${locations}
        }
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: through}
    spec:
      containers:
      - name: app
        image: example/app:1
        ports: [{containerPort: 8080}]
        readinessProbe:
          ${probe}
      - name: proxy
        image: nginx:1.27
        ports: [{containerPort: 8443}]
        volumeMounts: [{name: conf, mountPath: /etc/nginx/conf.d/default.conf, subPath: default.conf}]
      volumes:
      - {name: conf, configMap: {name: tls-proxy}}
  `;
  assert.equal(findings(nginxPod('location / { proxy_pass http://127.0.0.1:8080; }'), 'probe-port-elsewhere').length, 0);
  assert.equal(findings(nginxPod('location /health { proxy_pass http://app; }'), 'probe-port-elsewhere').length, 0, 'through an upstream block');
  // Still the finding: the proxy answers the path itself, forwards elsewhere, or the probe only opens a connection.
  assert.equal(findings(nginxPod('location / { proxy_pass http://127.0.0.1:8080; } location = /healthz { return 200; }'), 'probe-port-elsewhere').length, 1);
  assert.equal(findings(nginxPod('location / { proxy_pass http://127.0.0.1:9000; }'), 'probe-port-elsewhere').length, 1);
  assert.equal(findings(nginxPod('location /api { proxy_pass http://127.0.0.1:8080; }'), 'probe-port-elsewhere').length, 1, 'no location for /healthz');
  assert.equal(findings(nginxPod('location / { proxy_pass http://127.0.0.1:8080; }', 'tcpSocket: {port: 8443}'), 'probe-port-elsewhere').length, 1);
  const oauth2 = (args: string, path = '/actuator/health'): string => pod(`    - name: app
      image: example/spring:1
      ports: [{containerPort: 8080, name: http}]
      livenessProbe: {httpGet: {path: ${path}, port: 4180}}
    - name: oauth2-proxy
      image: quay.io/oauth2-proxy/oauth2-proxy:v7.6.0
      args: [--http-address=0.0.0.0:4180, --upstream=http://127.0.0.1:8080${args}]
      ports: [{containerPort: 4180, name: proxy}]`);
  assert.equal(findings(oauth2(', "--skip-auth-route=GET=^/actuator/health$"'), 'probe-port-elsewhere').length, 0);
  // Without the exemption the kubelet gets the sign-in page; /ping is oauth2-proxy's own.
  assert.equal(findings(oauth2(''), 'probe-port-elsewhere').length, 1);
  assert.equal(findings(oauth2(', "--skip-auth-regex=.*"', '/ping'), 'probe-port-elsewhere').length, 1);
});

test('probe-port-elsewhere: kube-rbac-proxy sends --ignore-paths to --upstream without a token, so a probe through it tests the manager', () => {
  const krp = (args: string, probe = 'httpGet: {path: /healthz, port: 8443, scheme: HTTPS}'): string => pod(`    - name: manager
      image: example.com/manager:v1
      ports: [{containerPort: 8081, name: health}]
      livenessProbe: {${probe}}
    - name: kube-rbac-proxy
      image: quay.io/brancz/kube-rbac-proxy:v0.18.1
      args: [--secure-listen-address=0.0.0.0:8443, ${args}]
      ports: [{containerPort: 8443, name: https}]`);
  assert.equal(findings(krp('--upstream=http://127.0.0.1:8081/, --ignore-paths=/healthz,/readyz'), 'probe-port-elsewhere').length, 0);
  assert.equal(findings(krp('--upstream=http://127.0.0.1:8081/, --ignore-paths=/health*'), 'probe-port-elsewhere').length, 0, 'a path.Match glob');
  // Still the finding: --allow-paths still asks the kubelet for a token, the path is not ignored,
  // the upstream is no loopback port of the pod, or the probe only opens a connection.
  assert.equal(findings(krp('--upstream=http://127.0.0.1:8081/, --allow-paths=/healthz'), 'probe-port-elsewhere').length, 1);
  assert.equal(findings(krp('--upstream=http://127.0.0.1:8081/, --ignore-paths=/metrics'), 'probe-port-elsewhere').length, 1);
  assert.equal(findings(krp('--upstream=http://127.0.0.1:8081/, --ignore-paths=/healthz/*'), 'probe-port-elsewhere').length, 1);
  assert.equal(findings(krp('--upstream=http://manager.default.svc:8081/, --ignore-paths=/healthz'), 'probe-port-elsewhere').length, 1);
  assert.equal(findings(krp('--upstream=http://127.0.0.1:8081/, --ignore-paths=/healthz', 'tcpSocket: {port: 8443}'), 'probe-port-elsewhere').length, 1);
});

test('probe-port-elsewhere: OpenShift oauth-proxy with single-dash -upstream and -skip-auth-regex forwards the probe', () => {
  const ose = (args: string, path = '/healthz', image = 'quay.io/openshift/origin-oauth-proxy:4.14'): string => pod(`    - name: app
      image: example.com/app:v1
      ports: [{containerPort: 8080}]
      readinessProbe: {httpGet: {path: ${path}, port: 8443, scheme: HTTPS}}
    - name: oauth-proxy
      image: ${image}
      args: [-provider=openshift, -https-address=:8443, -http-address=, ${args}, -tls-cert=/etc/tls/private/tls.crt]
      ports: [{containerPort: 8443, name: public}]`);
  assert.equal(findings(ose('-upstream=http://localhost:8080, -skip-auth-regex=^/healthz'), 'probe-port-elsewhere').length, 0);
  assert.equal(findings(ose('-upstream=http://localhost:8080, -bypass-auth-for=^/healthz', '/healthz', 'registry.redhat.io/openshift4/ose-oauth-proxy:v4.14'), 'probe-port-elsewhere').length, 0);
  // Still the finding: the path needs a login, is the proxy's own ping, or another upstream serves it.
  assert.equal(findings(ose('-upstream=http://localhost:8080'), 'probe-port-elsewhere').length, 1);
  assert.equal(findings(ose('-upstream=http://localhost:8080, -skip-auth-regex=.*', '/oauth/healthz'), 'probe-port-elsewhere').length, 1);
  assert.equal(findings(ose('-upstream=http://localhost:8080/api/, -skip-auth-regex=.*'), 'probe-port-elsewhere').length, 1);
});

test('probe-port-elsewhere: an app behind oauth2-proxy on an undeclared loopback port is the one the proxy reaches', () => {
  const undeclared = (extra = '', app = 'example.com/app:v1'): string => pod(`    - name: app
      image: ${app}
      args: ["--listen=127.0.0.1:8080"]
      livenessProbe: {httpGet: {path: /healthz, port: 4180}}
    - name: oauth2-proxy
      image: quay.io/oauth2-proxy/oauth2-proxy:v7.6.0
      args: ["--http-address=0.0.0.0:4180", "--upstream=http://127.0.0.1:8080/", "--skip-auth-route=^/healthz$"]
      ports: [{containerPort: 4180, name: http}]${extra}`);
  assert.equal(findings(undeclared(), 'probe-port-elsewhere').length, 0);
  // Still the finding: another container listens on the upstream port, so the proxy reaches it.
  assert.equal(findings(undeclared(`
    - name: exporter
      image: example.com/exporter:v1
      ports: [{containerPort: 8080}]`), 'probe-port-elsewhere').length, 1);
  // An app that declares its ports, none of them the upstream's: the proxy sends the probe elsewhere.
  assert.equal(findings(undeclared().replace('args: ["--listen=127.0.0.1:8080"]', 'ports: [{containerPort: 9090}]'), 'probe-port-elsewhere').length, 1);
});

test('probe-port-elsewhere: nginx forwards with fastcgi_pass, uwsgi_pass, through try_files to a named location or a URI; Envoy routes to its loopback cluster (sweep AJ)', () => {
  const nginxPod = (locations: string): string =>
    `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: front}\ndata:\n  default.conf: |\n    server {\n      listen 8080;\n      ${locations}\n    }\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: app\n    image: example/app:1\n    ports: [{containerPort: 9000}]\n    readinessProbe: {httpGet: {path: /healthz, port: 8080}}\n  - name: nginx\n    image: nginx:1.27\n    ports: [{containerPort: 8080}]\n    volumeMounts: [{name: conf, mountPath: /etc/nginx/conf.d/default.conf, subPath: default.conf}]\n  volumes:\n  - {name: conf, configMap: {name: front}}\n`;
  const warned = (text: string): number => findings(text, 'probe-port-elsewhere').length;
  assert.equal(warned(nginxPod('location / { try_files $uri $uri/ /index.php?$args; }\n      location ~ \\.php$ { fastcgi_pass 127.0.0.1:9000; }')), 0, 'php-fpm through its front controller');
  assert.equal(warned(nginxPod('location / { try_files $uri @app; }\n      location @app { proxy_pass http://127.0.0.1:9000; }')), 0);
  assert.equal(warned(nginxPod('location / { uwsgi_pass 127.0.0.1:9000; }')), 0);
  // Still the finding: the named location or the backend is elsewhere.
  assert.equal(warned(nginxPod('location / { try_files $uri @app; }\n      location @app { proxy_pass http://127.0.0.1:7000; }')), 1);
  assert.equal(warned(nginxPod('location / { fastcgi_pass unix:/run/php.sock; }')), 1);

  const envoy = (clusterPort: number, prefix = '/'): string =>
    `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: envoy-conf}\ndata:\n  envoy.yaml: |\n    static_resources:\n      listeners:\n      - name: ingress\n        address: {socket_address: {address: 0.0.0.0, port_value: 8443}}\n        filter_chains:\n        - filters:\n          - name: envoy.filters.network.http_connection_manager\n            typed_config:\n              stat_prefix: ingress\n              route_config:\n                virtual_hosts:\n                - name: app\n                  domains: ["*"]\n                  routes:\n                  - match: {prefix: "${prefix}"}\n                    route: {cluster: app}\n      clusters:\n      - name: app\n        load_assignment:\n          cluster_name: app\n          endpoints:\n          - lb_endpoints:\n            - endpoint: {address: {socket_address: {address: 127.0.0.1, port_value: ${clusterPort}}}}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: app\n    image: example/app:1\n    ports: [{containerPort: 8080}]\n    readinessProbe: {httpGet: {path: /healthz, port: 8443}}\n  - name: envoy\n    image: envoyproxy/envoy:v1.29.1\n    ports: [{containerPort: 8443}]\n    volumeMounts: [{name: conf, mountPath: /etc/envoy}]\n  volumes:\n  - {name: conf, configMap: {name: envoy-conf}}\n`;
  assert.equal(warned(envoy(8080)), 0);
  assert.equal(warned(envoy(7070)), 1, 'the cluster is not the app');
  assert.equal(warned(envoy(8080, '/api')), 1, 'no route for /healthz');
});

test('probe-port-elsewhere: a proxy sibling whose configuration is not in sight may forward the probe: unsure, silent (sweep AJ)', () => {
  const text = `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: app\n    image: example/app:1\n    ports: [{containerPort: 8080}]\n    readinessProbe: {httpGet: {path: /healthz, port: 8443}}\n  - name: tls-proxy\n    image: nginx:1.27\n    ports: [{containerPort: 8443}]\n    volumeMounts: [{name: conf, mountPath: /etc/nginx/conf.d}]\n  volumes:\n  - {name: conf, configMap: {name: not-in-this-file}}\n`;
  assert.equal(findings(text, 'probe-port-elsewhere').length, 0);
  // A TCP probe only opens a connection to the proxy: still the finding.
  assert.equal(findings(text.replace('httpGet: {path: /healthz, port: 8443}', 'tcpSocket: {port: 8443}'), 'probe-port-elsewhere').length, 1);
});

test('probe-port-elsewhere: Caddy forwarding to this container (reverse_proxy, php_fastcgi) and HAProxy, whose routes are not read, are not said to answer alone (sweep CB)', () => {
  const caddyPod = (site: string): string => yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: caddy}
    data:
      Caddyfile: |
        :80 {
          ${site}
        }
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: cloud}
    spec:
      containers:
      - name: app
        image: example/app:1
        ports: [{containerPort: 9000}]
        readinessProbe:
          httpGet: {path: /status.php, port: 80}
      - name: caddy
        image: caddy:2.8
        ports: [{containerPort: 80}]
        volumeMounts: [{name: conf, mountPath: /etc/caddy/Caddyfile, subPath: Caddyfile}]
      volumes:
      - {name: conf, configMap: {name: caddy}}
  `;
  assert.equal(findings(caddyPod('php_fastcgi 127.0.0.1:9000'), 'probe-port-elsewhere').length, 0);
  assert.equal(findings(caddyPod('reverse_proxy localhost:9000'), 'probe-port-elsewhere').length, 0);
  // Caddy answering by itself, or proxying to a port that is not this container's: the probe tests Caddy.
  assert.equal(findings(caddyPod('respond "ok" 200'), 'probe-port-elsewhere').length, 1);
  assert.equal(findings(caddyPod('reverse_proxy localhost:7000'), 'probe-port-elsewhere').length, 1);
  const haproxy = caddyPod('respond "ok" 200').replace('image: caddy:2.8', 'image: haproxy:3.0').replace('/etc/caddy/Caddyfile', '/usr/local/etc/haproxy/haproxy.cfg');
  assert.equal(findings(haproxy, 'probe-port-elsewhere').length, 0);
  // Probe BY: the block form's `to`, a bare port (localhost), and HAProxy's and Varnish's other images.
  assert.equal(findings(caddyPod('reverse_proxy {\n            to 127.0.0.1:9000\n          }'), 'probe-port-elsewhere').length, 0);
  assert.equal(findings(caddyPod('reverse_proxy :9000'), 'probe-port-elsewhere').length, 0);
  assert.equal(findings(haproxy.replace('image: haproxy:3.0', 'image: haproxytech/haproxy-debian:3.0'), 'probe-port-elsewhere').length, 0);
  assert.equal(findings(haproxy.replace('image: haproxy:3.0', 'image: varnish-software/varnish-plus:6.0'), 'probe-port-elsewhere').length, 0);
});

test('probe-port-elsewhere: httpd with ProxyPass to the probed container forwards the probe (probe BY)', () => {
  const text = (target: string): string => yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: httpd}
    data:
      httpd.conf: |
        Listen 80
        ProxyPass "/" "${target}"
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: app}
    spec:
      containers:
      - name: app
        image: tomcat:10.1
        livenessProbe: {httpGet: {path: /health, port: 80}}
      - name: httpd
        image: httpd:2.4
        volumeMounts: [{name: conf, mountPath: /usr/local/apache2/conf/httpd.conf, subPath: httpd.conf}]
      volumes: [{name: conf, configMap: {name: httpd}}]
  `;
  assert.equal(findings(text('http://127.0.0.1:8080/'), 'probe-port-elsewhere').length, 0);
  assert.equal(findings(text('http://127.0.0.1:9999/'), 'probe-port-elsewhere').length, 1);
});
