import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { examplesDir } from '../helpers/paths';
import { LspClient } from './harness';
import { tempFolder } from './temp-folder';

const folder = tempFolder();

let client: LspClient;
before(async () => {
  client = new LspClient();
  const init = await client.initialize();
  assert.equal(init.serverInfo?.name, 'podsight');
});
after(() => client.dispose());

const example = (name: string): string => readFileSync(join(examplesDir, name), 'utf8');

test('publishes the seed port conflict with code, docs link, range and related information', async () => {
  const uri = folder.uri('seed-port-conflict.yaml');
  await client.open(uri, example('seed-port-conflict.yaml'));
  const diags = await client.waitForDiagnostics(uri, (d) => d.length > 0);
  const conflict = diags.find((d) => d.code === 'port-conflict');
  assert.ok(conflict, JSON.stringify(diags));
  assert.equal(conflict.source, 'podsight');
  assert.equal(conflict.severity, DiagnosticSeverity.Error);
  assert.deepEqual(conflict.range, { start: { line: 15, character: 21 }, end: { line: 15, character: 23 } });
  assert.match(conflict.codeDescription?.href ?? '', /docs\/rules\/port-conflict\.md$/);
  assert.deepEqual(conflict.relatedInformation?.[0]?.location, { uri, range: { start: { line: 11, character: 21 }, end: { line: 11, character: 23 } } });
  // The version it was made for, and nothing else: a big file publishes thousands of these on every edit.
  assert.equal(conflict.data, 1);
});

test('diagnostics follow edits (incremental sync)', async () => {
  const uri = folder.uri('edit.yaml');
  await client.open(uri, example('seed-port-conflict.yaml'));
  await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'port-conflict'));
  // Change the second `80` (line 15, characters 21–23) to 8080.
  await client.change(uri, 2, [{ range: { start: { line: 15, character: 21 }, end: { line: 15, character: 23 } }, text: '8080' }]);
  const after = await client.waitForDiagnostics(uri, () => true, 2);
  assert.equal(after.filter((d) => d.code === 'port-conflict').length, 0);
});

test('the seed hostPath typo is an unknown-field error on the key', async () => {
  const uri = folder.uri('typo.yaml');
  await client.open(uri, example('seed-hostpath-typo.yaml'));
  const diags = await client.waitForDiagnostics(uri, (d) => d.length > 0);
  const typo = diags.find((d) => d.code === 'unknown-field');
  assert.ok(typo, JSON.stringify(diags));
  assert.match(String(typo.message), /Did you mean "path"\?/);
  assert.match(String(typo.message), /unknown field "spec\.volumes\[0\]\.hostPath\.Path"/);
});

test('non-Kubernetes YAML gets an empty diagnostics list', async () => {
  const uri = folder.uri('docker-compose.yml');
  await client.open(uri, 'services:\n  web:\n    image: nginx\n    ports: ["80:80"]\n');
  const diags = await client.waitForDiagnostics(uri);
  assert.deepEqual(diags, []);
});

test('settings turn rules off and change severities', async () => {
  const settingsClient = new LspClient({ settings: { rules: { 'port-conflict': 'warning', 'implicit-port-conflict': 'off' } } });
  try {
    await settingsClient.initialize();
    const uri = folder.uri('s.yaml');
    await settingsClient.open(uri, example('seed-port-conflict.yaml'));
    const diags = await settingsClient.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.equal(diags.find((d) => d.code === 'port-conflict')?.severity, DiagnosticSeverity.Warning);
  } finally {
    await settingsClient.dispose();
  }
});

test('YAML syntax errors are reported unless the Red Hat YAML extension is active', async () => {
  const broken = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p\nspec: {}\n';
  const uri = folder.uri('broken.yaml');
  await client.open(uri, broken);
  const diags = await client.waitForDiagnostics(uri, (d) => d.length > 0);
  assert.ok(diags.every((d) => d.code === 'yaml-syntax'));
  const quiet = new LspClient({ initializationOptions: { yamlExtensionActive: true } });
  try {
    await quiet.initialize();
    await quiet.open(uri, broken);
    assert.deepEqual(await quiet.waitForDiagnostics(uri), []);
  } finally {
    await quiet.dispose();
  }
});
