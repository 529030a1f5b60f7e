/**
 * Configuration files in ConfigMaps that hold `$VAR`, `${VAR}` or `{{ }}`: the rules see such a
 * value as unknown, but the listener readers read the file as written. nginx's `$host` is
 * nginx's own variable, so a real nginx config is read; only a directive the reader needs that
 * holds a placeholder (`listen ${PORT}`, a template action) leaves the container unsure, never
 * a finding from a guessed port. Reasons are said in the user's language.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze';
import { configMapsOfAnalysis } from '../../../server/src/k8s/config-maps';
import { REASON_KEYS, reasonText } from '../../../server/src/k8s/listen-reasons';
import { containerListeners, listenerText } from '../../../server/src/k8s/listeners';
import { t, type Locale } from '../../../server/src/l10n';
import { check } from '../../helpers/check';

const PORT_RULES = ['port-conflict', 'implicit-port-conflict', 'port-not-served'];

/** A pod: container `web` (nginx unless said) mounting ConfigMap `conf` at `mount`, plus `others`; then the ConfigMap. */
function podWith(opts: { mount: string; files: Record<string, string>; image?: string; web?: string; others?: string; metadata?: string }): string {
  const data = Object.entries(opts.files)
    .map(([k, v]) => `  ${k}: |\n${v.replace(/^(?=.)/gm, '    ')}`)
    .join('\n');
  return `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: web\n    image: ${opts.image ?? 'nginx:1.27'}\n${opts.web ?? ''}    volumeMounts: ${opts.mount}\n${opts.others ?? ''}  volumes:\n  - {name: conf, configMap: {name: conf}}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: conf\n${opts.metadata ?? ''}data:\n${data}\n`;
}

function listenersOf(text: string, locale: Locale = 'en'): { basis: string; listens: string[]; why?: string } {
  const analysis = analyzeText(text);
  const pod = analysis.chunks.flatMap((c) => c.analysis.pods)[0]!;
  const c = pod.containers.find((x) => x.name === 'web')!;
  const of = containerListeners(pod, c, { configMaps: configMapsOfAnalysis(analysis) });
  return { basis: of.basis, listens: of.listeners.map((l) => `${l.source}:${listenerText(l)}`).sort(), ...(of.unsure ? { why: reasonText((k, a) => t(locale, k, a), of.unsure) } : {}) };
}

const portFindings = (text: string, locale: Locale = 'en'): { rule: string; message: string }[] => check(text, { locale }).filter((f) => PORT_RULES.includes(f.rule));

const DEFAULT_CONF = '[{name: conf, mountPath: /etc/nginx/conf.d/default.conf, subPath: default.conf}]';

/** A reverse proxy as found in real repositories: nginx variables everywhere, the port moved to `listen`. */
const proxyConf = (listen: string): string => `log_format main '$remote_addr - $remote_user [$time_local] "$request" '
                '$status $body_bytes_sent "$http_referer"';
map $http_upgrade $connection_upgrade {
  default upgrade;
  ''      close;
}
server {
  listen ${listen};
  server_name _;
  access_log /var/log/nginx/access.log main;
  location / {
    proxy_pass http://127.0.0.1:3000;
    proxy_set_header Host $host;
    proxy_set_header X-Real-IP $remote_addr;
    proxy_set_header X-Forwarded-For
        $proxy_add_x_forwarded_for;
    proxy_set_header Upgrade $http_upgrade;
    proxy_set_header Connection $connection_upgrade;
  }
  location /static/ { alias /srv/static/; try_files $uri $uri/ =404; }
}
`;

test('nginx config with $host and friends is read: the moved listen decides, a declared 80 is not served, a clash is found', () => {
  const moved = podWith({ mount: DEFAULT_CONF, files: { 'default.conf': proxyConf('9000') }, web: '    ports: [{containerPort: 80}]\n' });
  assert.deepEqual(listenersOf(moved), { basis: 'image', listens: ['config:9000/TCP'] });
  const found = portFindings(moved);
  assert.deepEqual(found.map((f) => f.rule), ['port-not-served']);
  assert.match(found[0]!.message, /listens on 9000\/TCP \(from listen 9000 \(ConfigMap "conf", default\.conf\)\)/);
  // The same config moved onto node-exporter's 9100: an implicit clash only reading the file shows.
  const clash = podWith({ mount: DEFAULT_CONF, files: { 'default.conf': proxyConf('9100') }, others: '  - {name: ne, image: prom/node-exporter}\n' });
  assert.deepEqual(portFindings(clash).map((f) => f.rule), ['implicit-port-conflict']);
  // Moved away from a sidecar nginx on 80: no finding.
  const apart = podWith({ mount: DEFAULT_CONF, files: { 'default.conf': proxyConf('8080') }, others: '  - {name: side, image: nginx:1.27}\n' });
  assert.deepEqual(portFindings(apart), []);
});

test('an envsubst template (`listen ${PORT}`, `listen $PORT`, a placeholder standing for statements) leaves nginx unsure: no finding', () => {
  for (const conf of [proxyConf('${PORT}'), proxyConf('$PORT'), proxyConf('${PORT:-8080}'), `\${SERVER_BLOCKS}\nserver {\n  listen 8080;\n  location / { return 200 $host; }\n}\n`]) {
    const text = podWith({ mount: DEFAULT_CONF, files: { 'default.conf': conf }, web: '    ports: [{containerPort: 80}]\n', others: '  - {name: ne, image: prom/node-exporter, ports: [{containerPort: 9100}]}\n' });
    const of = listenersOf(text);
    assert.equal(of.basis, 'unsure', conf);
    assert.deepEqual(of.listens, ['declared:80/TCP'], conf);
    assert.match(of.why ?? '', /in default\.conf holds a placeholder, filled in only when the file is rendered or deployed/);
    assert.deepEqual(portFindings(text), [], conf);
  }
  assert.match(listenersOf(podWith({ mount: DEFAULT_CONF, files: { 'default.conf': proxyConf('${PORT}') } })).why ?? '', /^`listen \$\{PORT\}` in default\.conf/);
});

test('nginx templates (/etc/nginx/templates): rendered with the container env as the image does; an unset variable stays unsure', () => {
  const mount = '[{name: conf, mountPath: /etc/nginx/templates}]';
  const template = { 'default.conf.template': proxyConf('${NGINX_PORT}') };
  const set = podWith({ mount, files: template, web: '    env: [{name: NGINX_PORT, value: "8081"}]\n    ports: [{containerPort: 8081}]\n' });
  // The template replaces the image's default.conf in conf.d (80 is gone); $host is left to nginx.
  assert.deepEqual(listenersOf(set).listens, ['config:8081/TCP']);
  assert.deepEqual(portFindings(set), []);
  const unset = podWith({ mount, files: template, web: '    ports: [{containerPort: 8081}]\n' });
  assert.equal(listenersOf(unset).basis, 'unsure');
  assert.deepEqual(portFindings(unset), []);
  // conf.d from a ConfigMap too: read-only, so the entrypoint cannot render into it.
  const readOnly = podWith({ mount: `[{name: conf, mountPath: /etc/nginx/templates}, {name: conf, mountPath: /etc/nginx/conf.d/default.conf, subPath: other.conf}]`, files: { ...template, 'other.conf': 'server { listen 8081; }\n' }, web: '    env: [{name: NGINX_PORT, value: "8081"}]\n    ports: [{containerPort: 8081}]\n' });
  assert.match(listenersOf(readOnly).why ?? '', /read-only ConfigMap volume/);
});

test('Helm templates: a value action outside listen is read; one in listen, a block action or a masked template value is unsure', () => {
  const helm = (conf: string): string => podWith({ mount: DEFAULT_CONF, files: { 'default.conf': conf }, web: '    ports: [{containerPort: 80}]\n' });
  const valueOnly = helm('server {\n  listen 8080;\n  server_name {{ .Values.host | quote }};\n  location / { proxy_pass http://{{ .Values.backend }}:{{ .Values.backendPort }}; proxy_set_header Host $host; }\n}\n');
  assert.deepEqual(listenersOf(valueOnly).listens, ['config:8080/TCP']);
  assert.deepEqual(portFindings(valueOnly).map((f) => f.rule), ['port-not-served']);
  const inListen = helm('server {\n  listen {{ .Values.service.port }};\n  location / { return 200 $host; }\n}\n');
  assert.equal(listenersOf(inListen).basis, 'unsure');
  assert.deepEqual(portFindings(inListen), []);
  const block = helm('server {\n  listen 8080;\n  {{- if .Values.tls }}\n  listen 8443 ssl;\n  {{- end }}\n}\n');
  assert.match(listenersOf(block).why ?? '', /default\.conf is a template: `\{\{- if \.Values\.tls \}\}` may render what it wraps zero or many times/);
  assert.deepEqual(portFindings(block), []);
  const statement = helm('server {\n  listen 8080;\n  {{ .Values.extraConfig | nindent 2 }}\n}\n');
  assert.equal(listenersOf(statement).basis, 'unsure');
  // A chart file that only parses once its actions are masked: the value's text is gone, so it is never read.
  const masked = podWith({ mount: DEFAULT_CONF, files: { 'default.conf': 'server {\n  listen {{ .Values.port }};\n}\n' }, metadata: '  labels:\n    chart: {{ .Chart.Name }}\n', web: '    ports: [{containerPort: 80}]\n' });
  assert.equal(listenersOf(masked).basis, 'unsure');
  assert.deepEqual(portFindings(masked), []);
});

test('other readers take no placeholder at face value: redis port, httpd Listen, Caddy admin, Envoy address; env from a placeholder is unknown', () => {
  const redis = podWith({ image: 'redis:7', mount: '[{name: conf, mountPath: /conf}]', web: '    args: [/conf/redis.conf]\n    ports: [{containerPort: 6379}]\n', files: { 'redis.conf': 'port ${REDIS_PORT}\nrequirepass $REDIS_PASSWORD\n' } });
  assert.equal(listenersOf(redis).basis, 'unsure');
  const redisRead = podWith({ image: 'redis:7', mount: '[{name: conf, mountPath: /conf}]', web: '    args: [/conf/redis.conf]\n    ports: [{containerPort: 6379}]\n', files: { 'redis.conf': 'port 6380\nrequirepass ${REDIS_PASSWORD}\n' } });
  assert.deepEqual(listenersOf(redisRead).listens, ['config:6380/TCP']);
  assert.deepEqual(portFindings(redisRead).map((f) => f.rule), ['port-not-served']);
  const httpdMount = '[{name: conf, mountPath: /usr/local/apache2/conf/httpd.conf, subPath: httpd.conf}]';
  const httpd = podWith({ image: 'httpd:2.4', mount: httpdMount, web: '    ports: [{containerPort: 80}]\n', files: { 'httpd.conf': 'ServerRoot "/usr/local/apache2"\nListen 8080\nErrorLog ${APACHE_LOG_DIR}/error.log\nLogFormat "%h %l %u %t \\"%r\\"" common\n' } });
  assert.deepEqual(listenersOf(httpd).listens, ['config:8080/TCP']);
  assert.deepEqual(portFindings(httpd).map((f) => f.rule), ['port-not-served']);
  const caddy = podWith({ image: 'caddy:2', mount: '[{name: conf, mountPath: /etc/caddy}]', files: { Caddyfile: '{\n  admin $ADMIN_ADDR\n}\n:8080 {\n  reverse_proxy {$UPSTREAM}\n}\n' } });
  assert.equal(listenersOf(caddy).basis, 'unsure');
  const caddyRead = podWith({ image: 'caddy:2', mount: '[{name: conf, mountPath: /etc/caddy}]', files: { Caddyfile: ':8080 {\n  reverse_proxy {$UPSTREAM}\n  header X-Host {host}\n}\n' } });
  assert.deepEqual(listenersOf(caddyRead).listens, ['config:127.0.0.1:2019/TCP', 'config:8080/TCP']);
  const envoy = podWith({ image: 'envoyproxy/envoy:v1.31.0', mount: '[{name: conf, mountPath: /etc/envoy}]', files: { 'envoy.yaml': 'static_resources:\n  listeners:\n  - address: {socket_address: {address: "${POD_IP}", port_value: 10000}}\n' } });
  assert.equal(listenersOf(envoy).basis, 'unsure');
  const grafana = `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: web, image: grafana/grafana, envFrom: [{configMapRef: {name: env}}], ports: [{containerPort: 3000}]}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: env}\ndata:\n  GF_SERVER_HTTP_PORT: \${GRAFANA_PORT}\n`;
  assert.equal(listenersOf(grafana).basis, 'unsure');
  assert.deepEqual(portFindings(grafana), []);
});

test('why a container is unsure, in English and Simplified Chinese', () => {
  // web is unsure (listen ${PORT}) and declares 9100; node-exporter listens there undeclared: the message says why web is unsure.
  const text = podWith({ mount: DEFAULT_CONF, files: { 'default.conf': proxyConf('${PORT}') }, web: '    ports: [{containerPort: 9100}]\n', others: '  - {name: ne, image: prom/node-exporter}\n' });
  const [en] = portFindings(text);
  assert.match(en?.message ?? '', /Podsight cannot tell what the process binds: `listen \$\{PORT\}` in default\.conf holds a placeholder/);
  const [zh] = portFindings(text, 'zh-cn');
  assert.match(zh?.message ?? '', /Podsight 无法确定进程绑定的端口：default\.conf 中的 `listen \$\{PORT\}` 含有占位符，要到渲染或部署时才会被替换/);
  const missing = podWith({ mount: '[{name: other, mountPath: /etc/nginx/conf.d}]', files: {}, web: '' }).replace('  volumes:\n', '  volumes:\n  - {name: other, configMap: {name: elsewhere}}\n');
  assert.equal(listenersOf(missing, 'zh-cn').why, '在此文件、所在文件夹及其 kustomize base 中（按 Pod 的命名空间）都找不到 ConfigMap "elsewhere"（挂载于 /etc/nginx/conf.d）');
});

test('args and env holding placeholders are unknown, not absent: no finding from the image default', () => {
  const pod = (container: string): string => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n${container}  - {name: ne, image: prom/node-exporter}\n`;
  // Each would move node-exporter's sidecar neighbour... or not: Podsight cannot tell, so no implicit conflict on 9100.
  for (const c of [
    '  - {name: web, image: prom/node-exporter, args: ["--web.listen-address=:${PORT}"], ports: [{containerPort: 9200}]}\n',
    '  - {name: web, image: prom/node-exporter, args: ["${EXTRA_ARGS}"], ports: [{containerPort: 9200}]}\n',
    '  - {name: web, image: grafana/grafana, env: [{name: GF_SERVER_HTTP_PORT, value: "${PORT:-9100}"}], ports: [{containerPort: 9200}]}\n',
  ]) {
    const text = pod(c);
    assert.equal(listenersOf(text).basis, 'unsure', c);
    assert.deepEqual(portFindings(text), [], c);
  }
  // A placeholder in an unrelated arg changes nothing: the default holds and the clash is real.
  const unrelated = pod('  - {name: web, image: prom/node-exporter, args: ["--log.level=${LEVEL}"]}\n');
  assert.deepEqual(portFindings(unrelated).map((f) => f.rule), ['implicit-port-conflict']);
});

test('every reason a reader can give has a message in English and Simplified Chinese', () => {
  for (const key of REASON_KEYS) {
    const en = t('en', `listener.why.${key}`);
    const zh = t('zh-cn', `listener.why.${key}`);
    assert.notEqual(en, `listener.why.${key}`, key);
    assert.notEqual(zh, en, key);
    assert.match(zh, /[\u4e00-\u9fff]/, key);
  }
});
