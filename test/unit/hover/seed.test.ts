import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { examplesDir } from '../../helpers/paths';
import { mustHover } from './helpers';

const seed = readFileSync(join(examplesDir, 'seed-shared-disk.yaml'), 'utf8');

test('seed: emptyDir: {} explains the lifetime and names both containers with their paths', () => {
  for (const needle of ['emptyDir', '{}']) {
    const h = mustHover(seed, needle, { delta: needle === '{}' ? 0 : 1 });
    assert.equal(h.text, needle);
    assert.match(h.markdown, /survives container restarts/);
    assert.match(h.markdown, /deleted for good/);
    assert.match(h.markdown, /\| `mycon1` \| `\/root\/\.pm2\/logs` \| read-write \|/);
    assert.match(h.markdown, /\| `mycon2` \| `\/pm2logs` \| read-write \|/);
    assert.match(h.markdown, /kubernetes\.io\/docs\/concepts\/storage\/volumes\/#emptydir/);
  }
});

test('seed: emptyDir in Chinese', () => {
  const h = mustHover(seed, 'emptyDir', { locale: 'zh-cn' });
  assert.match(h.markdown, /容器重启或崩溃后它依然保留/);
  assert.match(h.markdown, /`mycon1`/);
  assert.match(h.markdown, /`mycon2`/);
  assert.match(h.markdown, /\| 容器 \| 挂载路径 \| 访问方式 \|/);
});

test('seed: containerPort: 80 says what happens to this port in this pod, then the port table', () => {
  const h = mustHover(seed, 'containerPort: 80');
  assert.equal(h.text, 'containerPort');
  // mycon2 runs `tail`, not nginx: the declared port may have no listener.
  assert.match(h.markdown, /^\*\*`80\/TCP`\*\* · `mycon2` declares 80, but its `command` replaces the nginx entrypoint: nothing may listen there\./);
  assert.match(h.markdown, /From `mycon1` this is `localhost:80`/);
  assert.match(h.markdown, /\| `localhost:1880` \| `mycon1` \| declared \|/);
  assert.match(h.markdown, /\| `localhost:80` \| \*\*`mycon2`\*\* \| declared, but `command` replaces the image's entrypoint \|/);
  assert.match(h.markdown, /\[How pods share a network\]\(https:\/\/kubernetes\.io\/docs\/concepts\/workloads\/pods\/#pod-networking\)/);
  const value = mustHover(seed, ': 80', { delta: 2 });
  assert.equal(value.text, '80');
  assert.match(value.markdown, /\*\*`80\/TCP`\*\*/);
});

test('seed: containerPort: 80 in Chinese', () => {
  const h = mustHover(seed, 'containerPort: 80', { locale: 'zh-cn' });
  assert.match(h.markdown, /在 `mycon1` 中用 `localhost:80` 访问它/);
  assert.match(h.markdown, /`command` 取代了 nginx 的入口程序/);
  assert.match(h.markdown, /字段 `containerPort`/);
});

test('seed: a container name names its sibling and the localhost table', () => {
  const h = mustHover(seed, 'mycon1');
  assert.equal(h.text, 'mycon1');
  assert.match(h.markdown, /\*\*Container `mycon1`\*\* \(app\), runs node — shares the pod's network with `mycon2`/);
  assert.match(h.markdown, /registry|hostname `mypod`/);
  assert.match(h.markdown, /\| `localhost:1880` \| \*\*`mycon1`\*\* \|/);
  const zh = mustHover(seed, 'mycon2', { locale: 'zh-cn' });
  assert.match(zh.markdown, /\*\*容器 `mycon2`\*\*（应用容器），运行 nginx —— 与 `mycon1` 共用 Pod 的网络/);
});

test('seed: kind: Pod explains the pod and its infra container', () => {
  const h = mustHover(seed, 'kind');
  assert.equal(h.text, 'kind');
  assert.match(h.markdown, /\*\*Pod `mypod`\*\* — the smallest unit Kubernetes schedules/);
  assert.match(h.markdown, /k8s\.gcr\.io\/pause/);
  assert.match(h.markdown, /gcr\.io\/google_containers\/pause/);
  assert.match(h.markdown, /rhel7\/pod-infrastructure/);
  const value = mustHover(seed, 'Pod', { delta: 0 });
  assert.equal(value.text, 'Pod');
  assert.match(mustHover(seed, 'kind', { locale: 'zh-cn' }).markdown, /调度的最小单位/);
});

test('seed: a volumeMount shows who shares the volume', () => {
  const h = mustHover(seed, 'mountPath: /pm2logs', { delta: 12 });
  assert.equal(h.text, '/pm2logs');
  assert.match(h.markdown, /\*\*Mount of `mymount` at `\/pm2logs`\*\* in `mycon2` \(read-write\)/);
  assert.match(h.markdown, /\| \*\*`mycon2`\*\* \| `\/pm2logs` \|/);
  assert.match(h.markdown, /\| `mycon1` \| `\/root\/\.pm2\/logs` \|/);
});
