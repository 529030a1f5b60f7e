import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { examplesDir } from '../helpers/paths';
import { LspClient, type LspClientOptions } from './harness';
import { tempFolder } from './temp-folder';

const folder = tempFolder();

const conflict = readFileSync(join(examplesDir, 'seed-port-conflict.yaml'), 'utf8');

async function lenses(options: LspClientOptions, text = conflict): Promise<CodeLens[]> {
  const client = new LspClient(options);
  try {
    await client.initialize();
    const uri = folder.uri('lens.yaml');
    await client.open(uri, text);
    return await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
  } finally {
    await client.dispose();
  }
}

test('a summary above the pod spec: containers, one IP, ports, volumes, problems', async () => {
  const result = await lenses({});
  assert.equal(result.length, 1, 'no diagram action unless the client has the command');
  assert.deepEqual(result[0]?.range.start, { line: 6, character: 0 });
  assert.match(result[0]?.command?.title ?? '', /^3 containers · one IP · 3 ports · 0 volumes · \d+ problems?$/);
  assert.equal(result[0]?.command?.command, '');
});

test('"Show diagram" when the client contributes podsight.showDiagram; Chinese titles', async () => {
  const result = await lenses({ locale: 'zh-cn', initializationOptions: { diagramCommand: true } });
  assert.equal(result.length, 2);
  assert.match(result[0]?.command?.title ?? '', /^3 个容器 · 一个 IP/);
  assert.equal(result[1]?.command?.command, 'podsight.showDiagram');
  assert.equal(result[1]?.command?.title, '显示结构图');
  const hidden = await lenses({ initializationOptions: { diagramCommand: true }, settings: { codeLens: { showDiagram: false } } });
  assert.equal(hidden.length, 1);
});

test('podsight.codeLens.enable: false turns the lenses off', async () => {
  assert.deepEqual(await lenses({ settings: { codeLens: { enable: false } } }), []);
});

test('one lens per pod in multi-document files, none for objects without a pod', async () => {
  const text = `${conflict}---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\n---\napiVersion: batch/v1\nkind: Job\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - {name: once, image: busybox}\n`;
  const result = await lenses({}, text);
  assert.deepEqual(result.map((l) => l.range.start.line), [6, 29]);
  assert.match(result[1]?.command?.title ?? '', /^1 container · one IP · 0 ports · 0 volumes · 0 problems$/);
});
