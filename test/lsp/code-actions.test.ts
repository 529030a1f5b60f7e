import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { examplesDir } from '../helpers/paths';
import { LspClient } from './harness';
import { tempFolder } from './temp-folder';

const folder = tempFolder();

let client: LspClient;
before(async () => {
  client = new LspClient();
  const init = await client.initialize();
  const provider = init.capabilities.codeActionProvider;
  assert.ok(provider && typeof provider === 'object' && provider.codeActionKinds?.includes('source.fixAll.podsight'));
});
after(() => client.dispose());

const example = (name: string): string => readFileSync(join(examplesDir, name), 'utf8');
let version = 1;

function apply(text: string, uri: string, action: CodeAction): string {
  const edits: TextEdit[] = action.edit?.changes?.[uri] ?? [];
  assert.ok(edits.length > 0, `action "${action.title}" has no edits for ${uri}`);
  return TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), edits);
}

async function open(uri: string, text: string): Promise<Diagnostic[]> {
  await client.open(uri, text, 1);
  return client.waitForDiagnostics(uri, () => true, 1);
}

/** Replaces the whole document and waits for the diagnostics of the new version. */
async function replace(uri: string, text: string): Promise<Diagnostic[]> {
  version += 1;
  await client.change(uri, version, [{ text }]);
  return client.waitForDiagnostics(uri, () => true, version);
}

function actionsFor(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
}

test('the seed `Path:` typo: the preferred action carries its diagnostic, applies, and the finding is gone', async () => {
  const uri = folder.uri('ca-typo.yaml');
  const text = example('seed-hostpath-typo.yaml');
  const diags = await open(uri, text);
  const typo = diags.filter((d) => d.code === 'unknown-field');
  assert.equal(typo.length, 1);
  const actions = await actionsFor(uri, typo);
  const preferred = actions.filter((a) => a.isPreferred);
  assert.equal(preferred.length, 1);
  assert.equal(preferred[0]?.title, 'Replace "Path" with "path"');
  assert.equal(preferred[0]?.kind, 'quickfix');
  assert.deepEqual(preferred[0]?.diagnostics, typo);
  assert.ok(actions.some((a) => a.title === 'Disable unknown-field for this line'));
  const fixed = apply(text, uri, preferred[0] as CodeAction);
  assert.equal(fixed, text.replace('Path: "/logs"', 'path: "/logs"'));
  const after = await replace(uri, fixed);
  assert.deepEqual(after.filter((d) => d.code === 'unknown-field'), []);
});

const PORT_RULES = ['port-conflict', 'implicit-port-conflict', 'port-not-served'];

test('the seed port conflict: one click moves the second nginx process (a ConfigMap with listen 81), leaving no port finding', async () => {
  const uri = folder.uri('ca-ports.yaml');
  const text = example('seed-port-conflict.yaml');
  const diags = (await open(uri, text)).filter((d) => d.code === 'port-conflict');
  const actions = await actionsFor(uri, diags);
  const preferred = actions.find((a) => a.isPreferred);
  assert.match(preferred?.title ?? '', /^Move the process of "mycon2" to port 81: add ConfigMap "mypod-mycon2-nginx"/);
  assert.ok(!actions.some((a) => /^Change port|Remove the duplicate/.test(a.title)), 'a renumbered declaration alone is no fix');
  const fixed = apply(text, uri, preferred as CodeAction);
  assert.equal(fixed.split('\n')[15], '    - containerPort: 81');
  assert.match(fixed, /mountPath: \/etc\/nginx\/conf\.d\/default\.conf/);
  assert.match(fixed, /kind: ConfigMap[\s\S]*listen 81;/);
  assert.deepEqual((await replace(uri, fixed)).filter((d) => PORT_RULES.includes(String(d.code))), []);
});

test('renumbering only the declaration reports the conflict and port-not-served; the implicit example is fixed by moving the process', async () => {
  const uri = folder.uri('ca-renumbered.yaml');
  const text = example('seed-port-conflict.yaml').replace('  - name: mycon2\n    image: nginx\n    ports:\n    - containerPort: 80', '  - name: mycon2\n    image: nginx\n    ports:\n    - containerPort: 81');
  const codes = (await open(uri, text)).map((d) => String(d.code)).filter((c) => PORT_RULES.includes(c)).sort();
  assert.deepEqual(codes, ['implicit-port-conflict', 'port-not-served']);

  const implicitUri = folder.uri('ca-implicit.yaml');
  const implicit = example('implicit-port-conflict.yaml');
  const diags = (await open(implicitUri, implicit)).filter((d) => d.code === 'implicit-port-conflict');
  assert.equal(diags.length, 1);
  const preferred = (await actionsFor(implicitUri, diags)).find((a) => a.isPreferred);
  assert.match(preferred?.title ?? '', /^Move the process of "mycon2" to port 81/);
  const fixed = apply(implicit, implicitUri, preferred as CodeAction);
  assert.match(fixed, /listen 81;/);
  version += 1;
  await client.change(implicitUri, version, [{ text: fixed }]);
  const after = await client.waitForDiagnostics(implicitUri, () => true, version);
  assert.deepEqual(after.filter((d) => PORT_RULES.includes(String(d.code))), []);
});

test('every rule finding on the examples gets actions; applying each rule fix removes its finding', async () => {
  for (const name of ['ports.yaml', 'volumes.yaml', 'names.yaml', 'implicit-port-conflict.yaml', 'sidecars.yaml']) {
    const uri = folder.uri(`ca-all-${name}`);
    const text = example(name);
    const diags = await open(uri, text);
    for (const diagnostic of diags) {
      const actions = await actionsFor(uri, [diagnostic]);
      assert.ok(actions.length >= 2, `${name} ${String(diagnostic.code)}: no actions`);
      for (const action of actions.filter((a) => !a.title.startsWith('Disable') && !a.title.startsWith('Fix all'))) {
        assert.deepEqual(action.diagnostics, [diagnostic]);
        const checkUri = `${uri}-${String(diagnostic.code)}-${version}.yaml`;
        version += 1;
        const after = await open(checkUri, apply(text, uri, action));
        const before = diags.filter((d) => d.code === diagnostic.code).length;
        assert.ok(after.filter((d) => d.code === diagnostic.code).length < before, `${name}: "${action.title}" left the ${String(diagnostic.code)} finding`);
        await client.close(checkUri);
      }
    }
  }
});

test('stale diagnostics (an older document version) get no actions', async () => {
  const uri = folder.uri('ca-stale.yaml');
  const text = example('seed-hostpath-typo.yaml');
  const diags = await open(uri, text);
  await replace(uri, text + '\n');
  assert.deepEqual(await actionsFor(uri, diags.filter((d) => d.code === 'unknown-field')), []);
});

test('fix all: one rule across the file, and source.fixAll.podsight for every safe fix', async () => {
  const uri = folder.uri('ca-fixall.yaml');
  const text = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata: {name: f}',
    'spec:',
    '  restartPolicy: never',
    '  containers:',
    '  - name: a',
    '    image: busybox',
    '    imagePullPolicy: always',
    '    ports: [{containerPort: 81, protocol: tcp}]',
    '',
  ].join('\r\n');
  const diags = await open(uri, text);
  const values = diags.filter((d) => d.code === 'invalid-value');
  assert.equal(values.length, 2);
  const actions = await actionsFor(uri, values);
  const all = actions.find((a) => a.title === 'Fix all invalid-value problems in this file');
  assert.ok(all, actions.map((a) => a.title).join(' | '));
  assert.equal(apply(text, uri, all), text.replace('never', 'Never').replace('always', 'Always'));
  const source = await actionsFor(uri, [], ['source.fixAll']);
  assert.equal(source.length, 1);
  assert.equal(source[0]?.kind, 'source.fixAll.podsight');
  const fixed = apply(text, uri, source[0] as CodeAction);
  assert.equal(fixed, text.replace('never', 'Never').replace('always', 'Always').replace('tcp', 'TCP'));
  assert.deepEqual(await replace(uri, fixed), []);
});

test('action titles follow the client locale (Simplified Chinese)', async () => {
  const zh = new LspClient({ locale: 'zh-CN' });
  try {
    await zh.initialize();
    const uri = folder.uri('ca-zh.yaml');
    await zh.open(uri, example('seed-hostpath-typo.yaml'));
    const diags = (await zh.waitForDiagnostics(uri)).filter((d) => d.code === 'unknown-field');
    const actions = await zh.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diags[0]?.range, context: { diagnostics: diags } });
    assert.deepEqual(actions.map((a) => a.title), ['将 "Path" 替换为 "path"', '在此行禁用 unknown-field', '在此文件中禁用 unknown-field']);
  } finally {
    await zh.dispose();
  }
});

test('a client that resolves edits gets "fix all" without edits, and the same edits on resolve', async () => {
  const lazy = new LspClient({ resolveCodeActionEdits: true });
  try {
    const init = await lazy.initialize();
    const provider = init.capabilities.codeActionProvider;
    assert.ok(provider && typeof provider === 'object' && provider.resolveProvider === true);
    const uri = folder.uri('ca-lazy.yaml');
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: f}\nspec:\n  restartPolicy: never\n  containers:\n  - name: a\n    image: busybox\n    imagePullPolicy: always\n';
    await lazy.open(uri, text, 1);
    const diags = await lazy.waitForDiagnostics(uri, () => true, 1);
    const values = diags.filter((d) => d.code === 'invalid-value');
    assert.equal(values.length, 2);
    const params = { textDocument: { uri }, range: values[0]?.range, context: { diagnostics: values } };
    const actions = await lazy.request<CodeAction[]>('textDocument/codeAction', params);
    const all = actions.find((a) => a.title === 'Fix all invalid-value problems in this file');
    assert.ok(all && !all.edit && all.data, actions.map((a) => a.title).join(' | '));
    const resolved = await lazy.request<CodeAction>('codeAction/resolve', all);
    assert.equal(apply(text, uri, resolved), text.replace('never', 'Never').replace('always', 'Always'));
    // Single fixes still come with their edits.
    assert.ok(actions.filter((a) => a !== all).every((a) => a.edit));
  } finally {
    await lazy.dispose();
  }
});
