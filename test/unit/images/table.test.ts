import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allKnownImages, findBuiltinImage, normaliseRepository } from '../../../server/src/k8s/images';

test('the table has at least 25 entries, each with a title and a source', () => {
  const images = allKnownImages();
  assert.ok(images.length >= 25, `only ${images.length} images`);
  for (const info of images) {
    assert.ok(info.title.trim().length > 0, `${info.repository}: title`);
    assert.ok(info.source.trim().length > 10, `${info.repository}: source`);
  }
});

test('repositories and aliases are normalised keys and never collide', () => {
  const owner = new Map<string, string>();
  for (const info of allKnownImages()) {
    assert.equal(normaliseRepository(info.repository), info.repository, `${info.repository} is not in normal form`);
    for (const name of [info.repository, ...(info.aliases ?? [])]) {
      const key = normaliseRepository(name);
      assert.ok(key, `${info.repository}: alias ${name} does not parse`);
      const prev = owner.get(key);
      assert.ok(prev === undefined || prev === info.repository, `${key} is claimed by ${prev} and ${info.repository}`);
      owner.set(key, info.repository);
    }
  }
});

test('ports, directories and variants are well-formed', () => {
  for (const info of allKnownImages()) {
    const all = [info, ...(info.variants ?? [])];
    for (const part of all) {
      const ports = part.ports ?? [];
      for (const p of ports) {
        assert.ok(Number.isInteger(p.port) && p.port >= 1 && p.port <= 65535, `${info.repository}: port ${p.port}`);
        assert.ok(['TCP', 'UDP', 'SCTP'].includes(p.protocol));
        assert.ok(p.description.length > 0);
      }
      const keys = ports.map((p) => `${p.port}/${p.protocol}`);
      assert.equal(new Set(keys).size, keys.length, `${info.repository}: duplicate port`);
      const populated = (part.populatedDirs ?? []).map((d) => d.path);
      const data = (part.dataDirs ?? []).map((d) => d.path);
      for (const path of [...populated, ...data]) {
        assert.match(path, /^\/[^\s]*[^/]$/, `${info.repository}: ${path}`);
        assert.ok(!path.includes('//'), path);
      }
      for (const path of populated) assert.ok(!data.includes(path), `${info.repository}: ${path} is both populated and a data dir`);
    }
    for (const v of info.variants ?? []) {
      assert.ok(Object.keys(v.when).length > 0, `${info.repository}: variant ${v.name} has no condition`);
    }
  }
});

test('well-known facts from the research table', () => {
  const ports = (image: string) => findBuiltinImage(image)?.ports.map((p) => (p.protocol === 'TCP' ? p.port : `${p.port}/${p.protocol}`));
  assert.deepEqual(ports('nginx'), [80]);
  assert.deepEqual(ports('nginxinc/nginx-unprivileged'), [8080]);
  assert.deepEqual(ports('bitnami/nginx'), [8080, 8443]);
  assert.deepEqual(ports('httpd'), [80]);
  assert.deepEqual(ports('redis'), [6379]);
  assert.deepEqual(ports('postgres'), [5432]);
  assert.deepEqual(ports('mysql'), [3306, 33060]);
  assert.deepEqual(ports('mongo'), [27017]);
  assert.deepEqual(ports('nodered/node-red'), [1880]);
  assert.deepEqual(ports('tomcat'), [8080]);
  assert.deepEqual(ports('jenkins/jenkins'), [8080, 50000]);
  assert.deepEqual(ports('traefik'), [80]);
  assert.deepEqual(ports('caddy'), [80, 443, '443/UDP', 2019]);
  assert.deepEqual(ports('busybox'), []);
  assert.deepEqual(ports('alpine'), []);
  assert.deepEqual(ports('haproxy'), []);
  assert.deepEqual(findBuiltinImage('redis')?.dataDirs.map((d) => d.path), ['/data']);
  assert.ok(findBuiltinImage('nginx')?.populatedDirs.some((d) => d.path === '/usr/share/nginx/html'));
  assert.equal(findBuiltinImage('grafana/grafana')?.portSetting?.env, 'GF_SERVER_HTTP_PORT');
  assert.equal(findBuiltinImage('nodered/node-red')?.portSetting?.env, 'PORT');
});
