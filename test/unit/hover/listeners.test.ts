/**
 * Port hovers read the effective-listener model: where a port is set (arg, env, a ConfigMap's
 * `listen`), a bind address that keeps it inside the pod, and declarations nothing serves.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { yaml } from '../../helpers/check';
import { mustHover } from './helpers';

const exporter = yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: ne}
  spec:
    containers:
    - name: ne
      image: prom/node-exporter:v1.8.2
      args: [--web.listen-address=127.0.0.1:9101]
      ports: [{containerPort: 9101}]
    - name: proxy
      image: quay.io/brancz/kube-rbac-proxy:v0.18.0
      args: [--secure-listen-address=0.0.0.0:9100, --upstream=http://127.0.0.1:9101/]
      ports: [{containerPort: 9100}]
`;

test('a port moved by an arg: the hover says what sets it and that 127.0.0.1 keeps it inside the pod', () => {
  const h = mustHover(exporter, 'containerPort: 9101');
  assert.match(h.markdown, /^\*\*`9101\/TCP`\*\* · node-exporter in `ne` binds 9101 \(set by `--web\.listen-address=127\.0\.0\.1:9101`\) on 127\.0\.0\.1 only: reachable from this pod's containers, not from outside\./);
  assert.match(h.markdown, /From `proxy` this is `localhost:9101`; from outside the pod nothing reaches it\./);
  assert.doesNotMatch(h.markdown, /<pod IP>:9101/);
  assert.match(h.markdown, /\| `localhost:9101` \| \*\*`ne`\*\* \| set by `--web\.listen-address=127\.0\.0\.1:9101`, on 127\.0\.0\.1 only: this pod's localhost \|/);
  assert.doesNotMatch(h.markdown, /clash/);
  assert.ok(h.markdown.length < 1200, `${h.markdown.length} characters`);
  const zh = mustHover(exporter, 'containerPort: 9101', { locale: 'zh-cn' });
  assert.match(zh.markdown, /（由 `--web\.listen-address=127\.0\.0\.1:9101` 设置），且仅监听 127\.0\.0\.1：本 Pod 的容器可以访问，Pod 外无法访问。/);
});

test('a declaration nginx does not serve: the hover names what it really binds and what fails', () => {
  const pod = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports: [{containerPort: 81}]
  `;
  const h = mustHover(pod, 'containerPort');
  assert.match(h.markdown, /^\*\*`81\/TCP`\*\* · `web` declares 81, but its nginx listens on `80`\./);
  assert.match(h.markdown, /Services and probes aimed at 81 get "connection refused"\./);
  assert.match(h.markdown, /\| `localhost:80` \| \*\*`web`\*\* \| nginx image default \|/);
  assert.match(h.markdown, /\| `localhost:81` \| \*\*`web`\*\* \| declared; nothing listens there \|/);
  const zh = mustHover(pod, 'containerPort', { locale: 'zh-cn' });
  assert.match(zh.markdown, /`web` 声明了 81，但其中的 nginx 监听的是 `80`。/);
});

test('nginx moved by its ConfigMap: the table says the listen directive sets the port, and no clash with an nginx on 80', () => {
  const pod = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: alt}
    data:
      default.conf: |
        server { listen 8081; }
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: two}
    spec:
      containers:
      - name: a
        image: nginx:1.27
        ports: [{containerPort: 80}]
      - name: b
        image: nginx:1.27
        ports: [{containerPort: 8081}]
        volumeMounts: [{name: conf, mountPath: /etc/nginx/conf.d}]
      volumes:
      - {name: conf, configMap: {name: alt}}
  `;
  const h = mustHover(pod, 'containerPort: 8081');
  assert.match(h.markdown, /nginx in `b` binds 8081 \(set by `listen 8081`\)\./);
  assert.match(h.markdown, /\| `localhost:80` \| `a` \| nginx image default \|/);
  assert.doesNotMatch(h.markdown, /clash/);
});
