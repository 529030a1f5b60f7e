import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseRepository, parseImageRef, tagMajor, tagVersion, tagWords } from '../../../server/src/k8s/images/image-ref';

const DIGEST = 'sha256:' + 'a'.repeat(64);

test('official images normalise to their bare name on Docker Hub and its aliases', () => {
  for (const ref of [
    'nginx',
    'nginx:1.27',
    'library/nginx',
    'docker.io/nginx',
    'docker.io/library/nginx:1.27',
    `docker.io/library/nginx:1.27@${DIGEST}`,
    `nginx@${DIGEST}`,
    'index.docker.io/library/nginx:latest',
    'registry-1.docker.io/library/nginx',
    'registry.hub.docker.com/library/nginx',
  ]) {
    assert.equal(normaliseRepository(ref), 'nginx', ref);
  }
  assert.equal(parseImageRef('index.docker.io/library/nginx')?.registry, 'docker.io');
});

test('mirrors and registries with ports resolve to the repository path', () => {
  assert.equal(normaliseRepository('mirror.gcr.io/library/nginx'), 'nginx');
  assert.equal(normaliseRepository('public.ecr.aws/docker/library/nginx:1.27-alpine'), 'nginx');
  assert.equal(normaliseRepository('harbor.example.com/dockerhub-proxy/library/redis:7'), 'redis');
  assert.equal(normaliseRepository('localhost:5000/nginx:1.2'), 'nginx');
  assert.equal(normaliseRepository('localhost/nginx'), 'nginx');
  assert.equal(normaliseRepository('[::1]:5000/team/app:v1'), 'team/app');
  assert.equal(normaliseRepository('quay.io/prometheus/prometheus:v3.0.0'), 'prometheus/prometheus');
  assert.equal(normaliseRepository('grafana/grafana-oss:11.0.0'), 'grafana/grafana-oss');
  const ref = parseImageRef('localhost:5000/nginx:1.2');
  assert.deepEqual(ref, { raw: 'localhost:5000/nginx:1.2', registry: 'localhost:5000', implicitRegistry: false, path: 'nginx', repository: 'nginx', tag: '1.2' });
});

test('tags and digests are split off', () => {
  const ref = parseImageRef(`registry.example.com:443/team/app:2.1-alpine@${DIGEST}`);
  assert.equal(ref?.registry, 'registry.example.com:443');
  assert.equal(ref?.path, 'team/app');
  assert.equal(ref?.tag, '2.1-alpine');
  assert.equal(ref?.digest, DIGEST);
  const digestOnly = parseImageRef(`postgres@${DIGEST}`);
  assert.equal(digestOnly?.tag, undefined);
  assert.equal(digestOnly?.implicitRegistry, true);
  assert.equal(digestOnly?.registry, 'docker.io');
});

test('a library/ component elsewhere in the path is kept', () => {
  assert.equal(normaliseRepository('myorg/library/tools/app'), 'myorg/library/tools/app');
  assert.equal(normaliseRepository('library'), 'library');
});

test('invalid references match nothing: uppercase paths, templates, spaces, bad digests', () => {
  for (const ref of ['NGINX', 'Nginx:1.27', 'docker.io/library/NGINX', '', '  ', '{{ .Values.image }}', '${IMAGE}', 'ngi nx', 'nginx@sha256', 'nginx:', 'nginx:-bad', '/nginx', 'nginx/', 'a//b', 'registry.example.com/']) {
    assert.equal(parseImageRef(ref), undefined, JSON.stringify(ref));
    assert.equal(normaliseRepository(ref), undefined, JSON.stringify(ref));
  }
  // Trailing whitespace is trimmed (YAML values are usually already trimmed).
  assert.equal(normaliseRepository('nginx:1.27 '), 'nginx');
  // An uppercase first component is a registry host, as in the runtimes' grammar.
  assert.equal(normaliseRepository('MyRegistry/nginx'), 'nginx');
  assert.equal(parseImageRef('MyRegistry/nginx')?.registry, 'myregistry');
});

test('tagMajor and tagWords', () => {
  assert.equal(tagMajor('17'), 17);
  assert.equal(tagMajor('17.2'), 17);
  assert.equal(tagMajor('17-alpine'), 17);
  assert.equal(tagMajor('9.6.24-bookworm'), 9);
  assert.equal(tagMajor('v3.1.0'), 3);
  assert.equal(tagMajor('latest'), undefined);
  assert.equal(tagMajor('alpine3.20'), undefined);
  assert.equal(tagMajor('18beta1'), undefined);
  assert.equal(tagMajor(undefined), undefined);
  assert.deepEqual(tagWords('8.3-fpm-alpine'), ['8.3', 'fpm', 'alpine']);
  assert.deepEqual(tagWords('php8.3-fpm'), ['php8.3', 'fpm']);
  assert.deepEqual(tagWords(undefined), []);
});

test('tagVersion: the leading major.minor, for the 0.x projects', () => {
  assert.deepEqual(tagVersion('v0.14.0'), [0, 14]);
  assert.deepEqual(tagVersion('0.15-debian'), [0, 15]);
  assert.equal(tagVersion('v0'), undefined);
  assert.equal(tagVersion('latest'), undefined);
  assert.equal(tagVersion(undefined), undefined);
});
