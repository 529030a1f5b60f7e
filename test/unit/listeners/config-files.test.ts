/**
 * Listens set in configuration files mounted from a ConfigMap: httpd `Listen`, Caddyfile site
 * addresses, Envoy's static listeners, Traefik's entry points. Each parser also has silent
 * cases: what it cannot follow leaves the container unsure (declarations only, no finding).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check } from '../../helpers/check';
import { listens, podWith } from './pod-with-config';

const HTTPD_CONF = '/usr/local/apache2/conf/httpd.conf';
const httpdFile = `[{name: conf, mountPath: ${HTTPD_CONF}, subPath: httpd.conf}]`;

test('httpd: Listen in a mounted httpd.conf replaces port 80; addresses, includes of ConfigMap files and of the image\'s httpd-ssl.conf', () => {
  assert.deepEqual(listens(podWith('httpd:2.4', httpdFile, { 'httpd.conf': 'ServerRoot "/usr/local/apache2"\nListen 8080\nListen 127.0.0.1:8081\n' })), {
    basis: 'image',
    listens: ['config:127.0.0.1:8081/TCP', 'config:8080/TCP'],
  });
  const withConfD = podWith('httpd:2.4', `[{name: conf, mountPath: ${HTTPD_CONF}, subPath: httpd.conf}, {name: conf, mountPath: /usr/local/apache2/conf.d}]`, {
    'httpd.conf': 'Listen 8080\nIncludeOptional conf.d/site-*.conf\nInclude conf/extra/httpd-ssl.conf\n',
    'site-admin.conf': 'Listen 9000\n',
  });
  assert.deepEqual(listens(withConfD).listens, ['config:443/TCP', 'config:8080/TCP', 'config:9000/TCP']);
  // A glob that includes httpd.conf itself loops (httpd refuses it): unsure.
  const loop = podWith('httpd:2.4', `[{name: conf, mountPath: ${HTTPD_CONF}, subPath: httpd.conf}, {name: conf, mountPath: /usr/local/apache2/conf.d}]`, { 'httpd.conf': 'Listen 8080\nInclude conf.d/*.conf\n' });
  assert.equal(listens(loop).basis, 'unsure');
  // httpd's ports are fully known: a declared 80 that httpd.conf moved away is not served.
  const declared = podWith('httpd:2.4', httpdFile, { 'httpd.conf': 'Listen 8080\n' }, '    ports: [{containerPort: 80}]\n');
  assert.deepEqual(check(declared).filter((f) => f.rule === 'port-not-served').length, 1);
});

test('httpd: sections, variables, no Listen, unknown image includes, -C and a missing ConfigMap stay unsure', () => {
  const unsure = (files: Record<string, string>, extra = '', mounts = httpdFile): string => listens(podWith('httpd:2.4', mounts, files, extra)).basis;
  assert.equal(unsure({ 'httpd.conf': '<IfModule ssl_module>\n  Listen 443\n</IfModule>\nListen 80\n' }), 'unsure');
  assert.equal(unsure({ 'httpd.conf': 'Listen ${PORT}\n' }), 'unsure');
  assert.equal(unsure({ 'httpd.conf': 'ServerName x\n' }), 'unsure');
  assert.equal(unsure({ 'httpd.conf': 'Listen 80\nInclude conf/other.conf\n' }), 'unsure');
  assert.equal(unsure({ 'httpd.conf': 'Listen 80\n' }, '    args: [httpd-foreground, -C, "Listen 81"]\n'), 'unsure');
  assert.equal(unsure({ 'other.conf': 'Listen 80\n' }, '', '[{name: conf, mountPath: /usr/local/apache2/conf}]'), 'unsure');
  // None of these claims a port: a declared 80 beside them is not "unserved".
  const silent = podWith('httpd:2.4', httpdFile, { 'httpd.conf': '<IfDefine X>\nListen 8080\n</IfDefine>\n' }, '    ports: [{containerPort: 80}]\n');
  assert.deepEqual(check(silent).filter((f) => f.rule === 'port-not-served'), []);
});

const CADDY = '[{name: conf, mountPath: /etc/caddy}]';

test('Caddy: site addresses, http_port, bind, the admin endpoint and {$VAR} placeholders', () => {
  assert.deepEqual(listens(podWith('caddy:2', CADDY, { Caddyfile: ':8080 {\n  respond "hi"\n}\n' })).listens, ['config:127.0.0.1:2019/TCP', 'config:8080/TCP']);
  assert.deepEqual(listens(podWith('caddy:2', CADDY, { Caddyfile: '{\n  http_port 8081\n  admin off\n}\nhttp://example.com {\n  bind 127.0.0.1\n}\nexample.org, :9000 {\n}\n' })).listens, [
    'config:127.0.0.1:8081/TCP',
    'config:443/TCP',
    'config:9000/TCP',
  ]);
  // A Caddyfile without braces is one site.
  assert.deepEqual(listens(podWith('caddy:2', CADDY, { Caddyfile: ':9001\nfile_server\n' })).listens, ['config:127.0.0.1:2019/TCP', 'config:9001/TCP']);
  // Two Caddy containers on :8080 in one pod really clash (and on the admin endpoint).
  const two = `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: a, image: caddy:2, volumeMounts: [{name: conf, mountPath: /etc/caddy}]}\n  - {name: b, image: caddy:2, volumeMounts: [{name: conf, mountPath: /etc/caddy}]}\n  volumes:\n  - {name: conf, configMap: {name: conf}}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: conf}\ndata:\n  Caddyfile: ":8080 {\\n}\\n"\n`;
  assert.ok(check(two).some((f) => f.rule === 'implicit-port-conflict' && /8080/.test(f.message)));
});

test('Caddy: imports, auto_https, unknown placeholders, other commands and a missing Caddyfile stay unsure', () => {
  const basis = (caddyfile: string, extra = ''): string => listens(podWith('caddy:2', CADDY, { Caddyfile: caddyfile }, extra)).basis;
  assert.equal(basis('import sites/*\n'), 'unsure');
  assert.equal(basis('{\n  auto_https off\n}\n:8080 {\n}\n'), 'unsure');
  // A placeholder makes the ConfigMap value unknown (it may be substituted before apply).
  assert.equal(basis(':{$PORT:8080} {\n}\n'), 'unsure');
  assert.equal(basis(':8080 {\n}\n', '    args: [caddy, reverse-proxy, --from, ":8080", --to, "localhost:3000"]\n'), 'unsure');
  assert.equal(listens(podWith('caddy:2', CADDY, { 'other.txt': 'x' })).basis, 'unsure');
  // args naming the mounted Caddyfile are read.
  assert.deepEqual(listens(podWith('caddy:2', CADDY, { Caddyfile: ':7000 {\n}\n' }, '    args: [caddy, run, --config, /etc/caddy/Caddyfile, --adapter, caddyfile]\n')).listens, ['config:127.0.0.1:2019/TCP', 'config:7000/TCP']);
});

const ENVOY = `static_resources:
  listeners:
  - name: ingress
    address:
      socket_address: {address: 0.0.0.0, port_value: 8080}
  - name: dns
    address:
      socket_address: {address: 127.0.0.1, port_value: 5353, protocol: UDP}
admin:
  address:
    socket_address: {address: 127.0.0.1, port_value: 9901}
`;

test('Envoy: static listeners and the admin address of the mounted envoy.yaml, or of the -c file', () => {
  assert.deepEqual(listens(podWith('envoyproxy/envoy:v1.31.0', '[{name: conf, mountPath: /etc/envoy}]', { 'envoy.yaml': ENVOY })).listens, [
    'config:127.0.0.1:5353/UDP',
    'config:127.0.0.1:9901/TCP',
    'config:8080/TCP',
  ]);
  const custom = podWith('envoyproxy/envoy:v1.31.0', '[{name: conf, mountPath: /config}]', { 'front.yaml': ENVOY }, '    args: [-c, /config/front.yaml, --log-level, info]\n');
  assert.equal(listens(custom).basis, 'image');
  assert.equal(listens(custom).listens.length, 3);
});

test('Envoy: LDS, --config-yaml, a -c file outside the ConfigMaps and a templated port stay unsure', () => {
  const basis = (yamlText: string, extra = '', mounts = '[{name: conf, mountPath: /etc/envoy}]'): string => listens(podWith('envoyproxy/envoy:v1.31.0', mounts, { 'envoy.yaml': yamlText }, extra)).basis;
  assert.equal(basis(`${ENVOY}dynamic_resources:\n  lds_config: {ads: {}}\n`), 'unsure');
  assert.equal(basis(ENVOY, '    args: [-c, /etc/envoy/envoy.yaml, --config-yaml, "{}"]\n'), 'unsure');
  assert.equal(basis(ENVOY, '    args: [-c, /srv/envoy.yaml]\n'), 'unsure');
  assert.equal(basis('static_resources:\n  listeners:\n  - address: {socket_address: {address: 0.0.0.0, port_value: "${PORT}"}}\n'), 'unsure');
});

const TRAEFIK = '[{name: conf, mountPath: /etc/traefik}]';

test('Traefik: the static file\'s entry points replace every flag; TOML too; the API adds :8080', () => {
  const file = { 'traefik.yml': 'entryPoints:\n  web: {address: ":8000"}\n  websecure:\n    address: ":8443"\n    http3: {}\napi: {insecure: true}\n' };
  assert.deepEqual(listens(podWith('traefik:v3.1', TRAEFIK, file, '    args: [--entryPoints.web.address=:80]\n')), {
    basis: 'image',
    listens: ['config:8000/TCP', 'config:8080/TCP', 'config:8443/TCP', 'config:8443/UDP'],
  });
  const toml = { 'traefik.toml': '[entryPoints]\n  [entryPoints.web]\n    address = ":8081"\n  [entryPoints.dns]\n    address = "127.0.0.1:53/udp"\n' };
  assert.deepEqual(listens(podWith('traefik:v3.1', TRAEFIK, toml)).listens, ['config:127.0.0.1:53/UDP', 'config:8081/TCP']);
  // No entry point defined: Traefik opens :80.
  assert.deepEqual(listens(podWith('traefik:v3.1', TRAEFIK, { 'traefik.yml': 'log: {level: INFO}\n' })).listens, ['config:80/TCP']);
  // --configFile names the file.
  const named = podWith('traefik:v3.1', '[{name: conf, mountPath: /config}]', { 'static.yaml': 'entryPoints:\n  web: {address: ":7000"}\n' }, '    args: [--configFile=/config/static.yaml]\n');
  assert.deepEqual(listens(named).listens, ['config:7000/TCP']);
});

test('Traefik: a templated address, a --configFile outside the ConfigMaps and an unreadable file stay unsure', () => {
  assert.equal(listens(podWith('traefik:v3.1', TRAEFIK, { 'traefik.yml': 'entryPoints:\n  web: {address: ":${PORT}"}\n' })).basis, 'unsure');
  assert.equal(listens(podWith('traefik:v3.1', TRAEFIK, { 'traefik.yml': 'entryPoints: [web]\n' })).basis, 'unsure');
  assert.equal(listens(podWith('traefik:v3.1', TRAEFIK, { 'traefik.yml': 'x' }, '    args: [--configFile=/srv/traefik.yml]\n')).basis, 'unsure');
});

test('nginx: a server block without listen takes 80 as root and 8000 without privileges (unprivileged image, runAsUser)', () => {
  const conf = { 'default.conf': 'server { location / { root /usr/share/nginx/html; } }' };
  const mount = '[{name: conf, mountPath: /etc/nginx/conf.d}]';
  assert.deepEqual(listens(podWith('nginx:1.27', mount, conf)).listens.map((l) => l.replace(/^\w+:/, '')), ['80/TCP']);
  assert.deepEqual(listens(podWith('nginxinc/nginx-unprivileged:1.27', mount, conf)).listens.map((l) => l.replace(/^\w+:/, '')), ['8000/TCP']);
  assert.deepEqual(listens(podWith('nginx:1.27', mount, conf, '    securityContext: {runAsUser: 101}\n')).listens.map((l) => l.replace(/^\w+:/, '')), ['8000/TCP']);
});
