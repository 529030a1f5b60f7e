/**
 * The real server reads nginx configuration from a ConfigMap that kustomize generates
 * (`configMapGenerator` files beside the kustomization, nginx variables and all): listen 8081 is
 * no conflict and the hover says so; listen 80 clashes with the other nginx. A generator whose
 * file is missing leaves the container unsure.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { LspClient } from './harness';
import { portCodes, twoNginxPod } from './listener-fixtures';

let client: LspClient;
let root: string;

const conf = (port: number): string => `map $http_upgrade $connection_upgrade { default upgrade; '' close; }\nserver {\n  listen ${port};\n  location / { proxy_pass http://127.0.0.1:3000; proxy_set_header Host $host; proxy_set_header Connection $connection_upgrade; }\n}\n`;

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'podsight-generated-'));
  for (const [dir, file] of [['moved', 'admin.conf'], ['clash', 'admin.conf'], ['missing', 'absent.conf']] as const) {
    mkdirSync(join(root, dir));
    writeFileSync(join(root, dir, 'kustomization.yaml'), `resources:\n- pod.yaml\nconfigMapGenerator:\n- name: admin-conf\n  files:\n  - default.conf=${file}\n`);
  }
  writeFileSync(join(root, 'moved', 'admin.conf'), conf(8081));
  writeFileSync(join(root, 'clash', 'admin.conf'), conf(80));
  client = new LspClient({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'ws' }] });
  await client.initialize();
});
after(async () => {
  await client.dispose();
  rmSync(root, { recursive: true, force: true });
});

test('a generated ConfigMap moves the listener: listen 8081 is no conflict, listen 80 is one, a missing file leaves it unsure', async () => {
  const moved = pathToFileURL(join(root, 'moved', 'pod.yaml')).href;
  await client.open(moved, twoNginxPod);
  assert.deepEqual(portCodes(await client.waitForDiagnostics(moved)), []);
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: moved }, position: { line: 10, character: 26 } });
  const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
  assert.match(value, /nginx in `admin` binds 8081 \(set by `listen 8081`\)/);
  const clash = pathToFileURL(join(root, 'clash', 'pod.yaml')).href;
  await client.open(clash, twoNginxPod);
  await client.waitForLatest(clash, (d) => portCodes(d).join() === 'implicit-port-conflict,port-not-served', 20_000);
  const missing = pathToFileURL(join(root, 'missing', 'pod.yaml')).href;
  await client.open(missing, twoNginxPod);
  assert.deepEqual(portCodes(await client.waitForDiagnostics(missing)), []);
});
