/** `podsight.language`: overrides the client's locale from the start and when the setting changes. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../helpers/paths';
import { LspClient } from './harness';

const uri = 'file:///tmp/podsight-language/pod.yaml';
const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: a, image: nginx, ports: [{containerPort: 80}]}\n  - {name: b, image: busybox, ports: [{containerPort: 80}]}\n';
const chinese = (d: { message: unknown }[]): boolean => d.some((x) => /[\u4e00-\u9fff]/.test(String(x.message)));

test('initializationOptions.language zh-cn beats an English client; a pushed change back to en re-publishes', async () => {
  const client = new LspClient({ locale: 'en', initializationOptions: { language: 'zh-cn' }, settings: { language: 'zh-cn' } });
  try {
    const init = await client.initialize();
    assert.equal(init.serverInfo?.version, (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version);
    await client.open(uri, pod);
    const zh = await client.waitForLatest(uri, (d) => d.length > 0);
    assert.ok(chinese(zh), JSON.stringify(zh));
    client.settings = { language: 'en' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { podsight: { language: 'en' } } });
    const en = await client.waitForLatest(uri, (d) => d.length > 0 && !chinese(d));
    assert.match(String(en[0]?.message), /^Port 80\/TCP/);
  } finally {
    await client.dispose();
  }
});

test('a client that only answers workspace/configuration (language zh-cn) gets Chinese; auto follows its locale', async () => {
  const pulled = new LspClient({ locale: 'en', settings: { language: 'zh-cn' } });
  const auto = new LspClient({ locale: 'zh-CN', settings: { language: 'auto' } });
  try {
    await Promise.all([pulled.initialize(), auto.initialize()]);
    await pulled.open(uri, pod);
    await auto.open(uri, pod);
    assert.ok(chinese(await pulled.waitForLatest(uri, (d) => d.length > 0 && chinese(d))));
    assert.ok(chinese(await auto.waitForLatest(uri, (d) => d.length > 0)));
  } finally {
    await Promise.all([pulled.dispose(), auto.dispose()]);
  }
});
