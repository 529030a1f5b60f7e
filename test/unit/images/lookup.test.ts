import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lookupImage, mountImpact, normaliseMountPath, USER_SOURCE, validateUserImages, type UserImageInfo } from '../../../server/src/k8s/images';

const DIGEST = 'sha256:' + '0123456789abcdef'.repeat(4);
const portsOf = (image: string, extra?: Record<string, UserImageInfo>) => lookupImage(image, extra)?.ports.map((p) => p.port);
const dataDirsOf = (image: string) => lookupImage(image)?.dataDirs.map((d) => d.path);

test('lookup through registries, mirrors, tags and digests', () => {
  for (const image of ['nginx', 'nginx:1.27-alpine', `docker.io/library/nginx:1.27@${DIGEST}`, 'mirror.gcr.io/library/nginx', 'public.ecr.aws/docker/library/nginx:stable', 'localhost:5000/nginx:1.2']) {
    const r = lookupImage(image);
    assert.equal(r?.builtinRepository, 'nginx', image);
    assert.deepEqual(r?.ports.map((p) => [p.port, p.protocol, p.origin]), [[80, 'TCP', 'builtin']], image);
    assert.equal(r?.image, image);
  }
  assert.equal(lookupImage('NGINX'), undefined);
  assert.equal(lookupImage('myorg/nginx'), undefined, 'another namespace is another image');
  assert.equal(lookupImage('registry.example.com/team/unknown:1'), undefined);
  assert.equal(lookupImage('{{ .Values.image }}'), undefined);
});

test('aliases resolve to their entry', () => {
  for (const image of ['prom/prometheus:v2.53.0', 'quay.io/prometheus/prometheus:v3.0.0']) {
    assert.equal(lookupImage(image)?.builtinRepository, 'prom/prometheus', image);
  }
  for (const image of ['grafana/grafana', 'grafana/grafana-oss:10.4.0', 'docker.io/grafana/grafana-enterprise']) {
    assert.deepEqual(portsOf(image), [3000], image);
  }
  assert.deepEqual(portsOf('nginxinc/nginx-unprivileged:stable-alpine'), [8080]);
  assert.deepEqual(portsOf('bitnami/nginx:1.27'), [8080, 8443]);
  assert.deepEqual(portsOf('nodered/node-red:4.0'), [1880]);
  assert.deepEqual(portsOf('postgis/postgis:16-3.4'), [5432]);
});

test('postgres data directory depends on the major tag; unknown tags mean the newest', () => {
  for (const tag of ['17', '17.2', '17-alpine', '16-bookworm', '9.6']) {
    assert.deepEqual(dataDirsOf(`postgres:${tag}`), ['/var/lib/postgresql/data', '/docker-entrypoint-initdb.d'], tag);
    assert.equal(lookupImage(`postgres:${tag}`)?.variant, 'postgres 17 and older');
  }
  for (const image of ['postgres', 'postgres:18', 'postgres:18.1-trixie', 'postgres:latest', 'postgres:alpine', `postgres@${DIGEST}`]) {
    assert.deepEqual(dataDirsOf(image), ['/var/lib/postgresql', '/docker-entrypoint-initdb.d'], image);
    assert.equal(lookupImage(image)?.variant, undefined);
  }
  assert.match(lookupImage('postgres:17')?.source ?? '', /VOLUME \/var\/lib\/postgresql\/data/);
  assert.deepEqual(dataDirsOf('postgis/postgis:17-3.5-alpine')?.[0], '/var/lib/postgresql/data');
});

test('tag-word variants: php, wordpress, rabbitmq management', () => {
  assert.deepEqual(portsOf('php:8.3'), []);
  assert.deepEqual(portsOf('php:8.3-cli'), []);
  assert.deepEqual(portsOf('php:8.3-apache'), [80]);
  assert.deepEqual(portsOf('php:8.3-fpm-alpine'), [9000]);
  assert.deepEqual(portsOf('wordpress'), [80]);
  assert.deepEqual(portsOf('wordpress:6.8-php8.3-apache'), [80]);
  assert.deepEqual(portsOf('wordpress:fpm'), [9000]);
  assert.deepEqual(portsOf('wordpress:php8.3-fpm-alpine'), [9000]);
  assert.deepEqual(portsOf('wordpress:cli'), []);
  assert.ok(!portsOf('rabbitmq:4')?.includes(15672));
  assert.ok(portsOf('rabbitmq:4-management')?.includes(15672));
  assert.ok(portsOf('rabbitmq:management-alpine')?.includes(15672));
  assert.deepEqual(portsOf('influxdb:1.11'), [8086]);
  assert.deepEqual(portsOf('influxdb:3-core'), [8181]);
  assert.deepEqual(portsOf('influxdb:2'), [8086]);
});

test('user knowledge extends unknown images and overrides built-in ones', () => {
  const { images, errors } = validateUserImages({
    'registry.example.com/team/api': { ports: [8080, { port: 9090, protocol: 'udp' }], populatedDirs: ['/app/static/'], dataDirs: ['/var/lib/api'] },
    'docker.io/library/nginx': { ports: [8081], dataDirs: ['/usr/share/nginx/html'] },
    'postgres': { populatedDirs: ['/docker-entrypoint-initdb.d', '/etc/postgresql'] },
  });
  assert.deepEqual(errors, []);
  assert.deepEqual(Object.keys(images).sort(), ['nginx', 'postgres', 'team/api']);

  const api = lookupImage('team/api:1.0', images);
  assert.ok(api);
  assert.equal(api.fromUser, true);
  assert.equal(api.fromBuiltin, false);
  assert.equal(api.source, USER_SOURCE);
  assert.deepEqual(api.ports.map((p) => [p.port, p.protocol, p.origin]), [[8080, 'TCP', 'user'], [9090, 'UDP', 'user']]);
  assert.deepEqual(api.populatedDirs.map((d) => [d.path, d.origin]), [['/app/static', 'user']]);

  const nginx = lookupImage('nginx:1.27', images);
  assert.ok(nginx);
  assert.deepEqual(nginx.ports.map((p) => [p.port, p.origin]), [[8081, 'user']]);
  assert.equal(nginx.portsSource, USER_SOURCE);
  assert.ok(!nginx.populatedDirs.some((d) => d.path === '/usr/share/nginx/html'), 're-classified as a data dir');
  assert.ok(nginx.populatedDirs.some((d) => d.path === '/etc/nginx' && d.origin === 'builtin'));
  assert.ok(nginx.dataDirs.some((d) => d.path === '/usr/share/nginx/html' && d.origin === 'user'));
  assert.match(nginx.source, /docker-nginx.*extended by user/);

  const pg = lookupImage('postgres:16', images);
  assert.deepEqual(pg?.ports.map((p) => [p.port, p.origin]), [[5432, 'builtin']], 'ports kept when the user gives none');
  assert.deepEqual(pg?.dataDirs.map((d) => d.path), ['/var/lib/postgresql/data']);
  assert.deepEqual(pg?.populatedDirs.map((d) => [d.path, d.origin]), [['/docker-entrypoint-initdb.d', 'user'], ['/etc/postgresql', 'user']]);
});

test('user entries keyed by an alias apply to the other names of the image', () => {
  const images = { 'prom/prometheus': { ports: [9091] } };
  assert.deepEqual(portsOf('quay.io/prometheus/prometheus', images), [9091]);
  assert.deepEqual(portsOf('busybox', { busybox: { ports: [] } }), []);
  assert.equal(lookupImage('busybox', { busybox: { ports: [] } })?.fromUser, true);
});

test('invalid user input never throws and is reported', () => {
  for (const bad of [42, 'nginx', [], true]) {
    const r = validateUserImages(bad);
    assert.deepEqual(r.images, {});
    assert.equal(r.errors.length, 1, String(bad));
  }
  assert.deepEqual(validateUserImages(undefined), { images: {}, errors: [] });
  assert.deepEqual(validateUserImages(null), { images: {}, errors: [] });

  const { images, errors } = validateUserImages({
    NGINX: { ports: [80] },
    'bad ref': {},
    'redis:7': { ports: [6380, 0, 70000, 1.5, '80', { port: 6381, protocol: 'QUIC' }, { port: 6382, protocol: 'tcp', extra: 1 }, null] },
    memcached: 'not an object',
    mongo: { ports: 27017, populatedDirs: ['relative/path', 7, '/data//db/'], dataDirs: 'x', typo: true },
    constructor: { ports: [1] },
  });
  assert.deepEqual(Object.keys(images).sort(), ['constructor', 'mongo', 'redis']);
  assert.deepEqual(images['redis'], { ports: [{ port: 6380, protocol: 'TCP' }, { port: 6382, protocol: 'TCP' }] });
  assert.deepEqual(images['mongo'], { populatedDirs: ['/data/db'] });
  const text = errors.join('\n');
  for (const needle of ['"NGINX"', '"bad ref"', 'tag or digest is ignored', 'ports[1]', 'ports[2]', 'ports[3]', 'ports[4]', 'ports[5].protocol', 'unknown field "extra"', 'ports[7]', '"memcached"', '"mongo".ports', 'populatedDirs[0]', 'populatedDirs[1]', '"mongo".dataDirs', 'unknown field "typo"']) {
    assert.ok(text.includes(needle), `missing error mentioning ${needle}:\n${text}`);
  }
  // Unvalidated input passed straight to lookupImage is validated on the way.
  assert.deepEqual(portsOf('redis', { redis: { ports: [0, 6390] } } as unknown as Record<string, UserImageInfo>), [6390]);
  assert.deepEqual(portsOf('redis', 'garbage' as unknown as Record<string, UserImageInfo>), [6379]);
  // A key named like an Object.prototype member is not confused with it.
  assert.equal(lookupImage('constructor'), undefined);
  assert.equal(lookupImage('toString', {}), undefined);
});

test('duplicate keys after normalisation are merged and reported', () => {
  const { images, errors } = validateUserImages({ nginx: { ports: [81], dataDirs: ['/srv'] }, 'docker.io/library/nginx': { ports: [82] } });
  assert.deepEqual(images['nginx'], { ports: [{ port: 82, protocol: 'TCP' }], dataDirs: ['/srv'] });
  assert.equal(errors.length, 1);
});

test('mountImpact: hidden content, data directories, mounts inside populated dirs', () => {
  const nginx = lookupImage('nginx');
  assert.ok(nginx);
  assert.deepEqual(mountImpact(nginx, '/usr/share/nginx/html/').hidden.map((d) => d.path), ['/usr/share/nginx/html']);
  assert.deepEqual(mountImpact(nginx, '/usr/share').hidden.map((d) => d.path), ['/usr/share/nginx/html']);
  assert.deepEqual(mountImpact(nginx, '/etc/nginx').hidden.map((d) => d.path), ['/etc/nginx']);
  // conf.d holds the only server block: a populated dir of its own, told alone (not again as part of /etc/nginx).
  const confd = mountImpact(nginx, '/etc/nginx/conf.d');
  assert.deepEqual(confd.hidden.map((d) => d.path), ['/etc/nginx/conf.d']);
  assert.deepEqual(confd.within, []);
  const extra = mountImpact(nginx, '/etc/nginx/conf.d/extra');
  assert.deepEqual([extra.hidden, extra.within.map((d) => d.path)], [[], ['/etc/nginx/conf.d']]);
  const html = mountImpact(nginx, '/etc/nginx/html');
  assert.deepEqual([html.hidden, html.within.map((d) => d.path)], [[], ['/etc/nginx']]);
  assert.deepEqual(mountImpact(nginx, '/var/cache/nginx').dataDir?.path, '/var/cache/nginx');
  assert.deepEqual(mountImpact(nginx, '/etc/nginxfoo').hidden, []);
  assert.deepEqual(mountImpact(nginx, 'relative').hidden, []);

  const pg = lookupImage('postgres:16');
  assert.ok(pg);
  const pgData = mountImpact(pg, '/var/lib/postgresql/data');
  assert.equal(pgData.dataDir?.path, '/var/lib/postgresql/data');
  assert.deepEqual(pgData.hidden, []);
  assert.equal(mountImpact(lookupImage('postgres:18')!, '/var/lib/postgresql/data').dataDir, undefined);
  assert.deepEqual(mountImpact(lookupImage('redis')!, '/data').dataDir?.path, '/data');
  const es = mountImpact(lookupImage('docker.elastic.co/elasticsearch/elasticsearch:8.15.0')!, '/usr/share/elasticsearch/data');
  assert.equal(es.dataDir?.path, '/usr/share/elasticsearch/data');
  assert.deepEqual([es.hidden, es.within], [[], []], 'a data dir inside a populated dir is meant to be mounted');
  assert.deepEqual(mountImpact(lookupImage('elasticsearch:8.15.0')!, '/usr/share/elasticsearch/config').hidden.map((d) => d.path), ['/usr/share/elasticsearch/config']);
});

test('normaliseMountPath', () => {
  assert.equal(normaliseMountPath('/a//b/./c/'), '/a/b/c');
  assert.equal(normaliseMountPath('/a/b/../c'), '/a/c');
  assert.equal(normaliseMountPath('/'), '/');
  assert.equal(normaliseMountPath('a/b'), undefined);
});
