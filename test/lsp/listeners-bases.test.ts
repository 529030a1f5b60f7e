/**
 * Effective listeners in the real server read nginx configuration from a ConfigMap of a kustomize
 * base: the pod's folder has a kustomization listing `../base`, whose ConfigMap (on disk only)
 * moves the admin nginx to 8081. Without that kustomization the container stays unsure. The CLI
 * reads the base too, even when only the overlay's file is checked.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { repoRoot } from '../helpers/paths';
import { LspClient } from './harness';
import { adminConf, PORT_RULES, portCodes, twoNginxPod } from './listener-fixtures';

let client: LspClient;
let root: string;
const pod = twoNginxPod;
const configMap = adminConf;

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'podsight-bases-'));
  for (const d of ['base', 'base-80', 'overlay', 'overlay-80', 'plain']) mkdirSync(join(root, d));
  // The ConfigMaps live in the bases only, on disk; the overlays name them under resources.
  writeFileSync(join(root, 'base', 'kustomization.yaml'), 'resources:\n- admin-conf.yaml\n');
  writeFileSync(join(root, 'base', 'admin-conf.yaml'), configMap(8081));
  writeFileSync(join(root, 'base-80', 'kustomization.yaml'), 'resources:\n- admin-conf.yaml\n');
  writeFileSync(join(root, 'base-80', 'admin-conf.yaml'), configMap(80));
  writeFileSync(join(root, 'overlay', 'kustomization.yaml'), 'resources:\n- ../base\n- pod.yaml\n');
  writeFileSync(join(root, 'overlay-80', 'kustomization.yaml'), 'resources:\n- ../base-80\n- pod.yaml\n');
  client = new LspClient({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'ws' }] });
  await client.initialize();
});
after(async () => {
  await client.dispose();
  rmSync(root, { recursive: true, force: true });
});

test('a ConfigMap of the kustomize base moves the listener: listen 8081 is no conflict, listen 80 is one', async () => {
  const moved = pathToFileURL(join(root, 'overlay', 'pod.yaml')).href;
  await client.open(moved, pod);
  const diags = await client.waitForDiagnostics(moved);
  assert.deepEqual(portCodes(diags), []);
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: moved }, position: { line: 10, character: 26 } });
  const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
  assert.match(value, /nginx in `admin` binds 8081 \(set by `listen 8081`\)/);
  // The base is really read: with listen 80 there, admin's nginx clashes with main's and nothing serves 8081.
  const clashing = pathToFileURL(join(root, 'overlay-80', 'pod.yaml')).href;
  await client.open(clashing, pod);
  await client.waitForLatest(clashing, (d) => portCodes(d).join() === 'implicit-port-conflict,port-not-served', 20_000);
});

test('without a kustomization naming the base, the container is unsure: no port finding', async () => {
  const uri = pathToFileURL(join(root, 'plain', 'pod.yaml')).href;
  await client.open(uri, pod);
  const diags = await client.waitForDiagnostics(uri);
  assert.deepEqual(portCodes(diags), []);
});

test('the CLI reads the base of a file it checks alone, on one thread or several', () => {
  for (const jobs of ['1', '2']) {
    writeFileSync(join(root, 'overlay-80', 'pod.yaml'), pod);
    writeFileSync(join(root, 'plain', 'pod.yaml'), pod);
    const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'podsight.js'), 'check', 'overlay-80/pod.yaml', 'plain/pod.yaml', '--format', 'json', '--jobs', jobs], { cwd: root, encoding: 'utf8' });
    const found = (JSON.parse(r.stdout) as { file: string; rule: string }[]).filter((f) => PORT_RULES.has(f.rule)).map((f) => `${f.file} ${f.rule}`).sort();
    assert.deepEqual(found, ['overlay-80/pod.yaml implicit-port-conflict', 'overlay-80/pod.yaml port-not-served']);
  }
});
