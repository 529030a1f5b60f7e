// A big document's first documents are published while the rest is analysed. That first publish
// may show only findings the whole file has too; the last publish of a version equals the CLI's
// findings on the text; no publish ever goes back to an older version, nor, after a close and
// reopen, shows the closed text's findings.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { repoRoot } from '../helpers/paths';
import { LspClient } from './harness';

/** A pod with a duplicate mount path (a finding of the document itself) when `broken`. */
const pod = (i: number, broken: boolean): string =>
  `---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p${i}\n  labels: {app: a${i}}\nspec:\n  containers:\n  - name: c\n    image: nginx:1.25\n    ports: [{containerPort: 8080}]\n    volumeMounts:\n    - {name: v, mountPath: /data}\n${broken ? '    - {name: v, mountPath: /data}\n' : ''}  volumes:\n  - name: v\n    emptyDir: {}\n`;
/** A Service selecting the last pod: in the first documents alone it would select nothing. */
const service = (last: number): string => `apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  selector: {app: a${last}}\n  ports: [{port: 80, targetPort: 8080}]\n`;
/** ~340 kB: over the size from which the first documents are published early. */
function bigText(tag: string, brokenEvery: number): string {
  const n = 1200;
  return service(n - 1) + Array.from({ length: n }, (_, i) => pod(i, i % brokenEvery === 0)).join('').replace(/name: p(\d+)\n/g, `name: ${tag}$1\n`);
}

type Shape = string;
const shapeOf = (d: { rule?: unknown; code?: unknown; message: unknown; range: unknown }): Shape => JSON.stringify([d.code ?? d.rule, d.message, d.range]);
const shapes = (ds: readonly Diagnostic[]): Shape[] => ds.map(shapeOf).sort();

let dir: string;
let client: LspClient;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'podsight-progressive-'));
  client = new LspClient();
  await client.initialize();
});
after(async () => {
  await client.dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** The CLI's findings on `text` (a file alone in its folder). */
function cli(text: string, name: string): Shape[] {
  mkdirSync(join(dir, name), { recursive: true });
  const file = join(dir, name, 'doc.yaml');
  writeFileSync(file, text);
  const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'podsight.js'), 'check', file, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return (JSON.parse(r.stdout) as { rule: string; message: string; range: unknown }[]).map(shapeOf).sort();
}

/** Waits until a request about `uri` is answered and the latest publish has `count` diagnostics. */
async function settle(uri: string, count: number): Promise<readonly PublishDiagnosticsParams[]> {
  await client.request('textDocument/documentSymbol', { textDocument: { uri } });
  await client.waitForLatest(uri, (d) => d.length === count, 60_000);
  return client.published(uri);
}

function assertVersionsInOrder(all: readonly PublishDiagnosticsParams[]): void {
  const versions = all.map((p) => p.version ?? 0);
  for (let i = 1; i < versions.length; i++) assert.ok((versions[i] ?? 0) >= (versions[i - 1] ?? 0), `published versions ${versions.join(',')}`);
}

test('a big file: the first documents are published first, only with findings of the whole file; the last publish equals the CLI', async () => {
  const text = bigText('a', 7);
  assert.ok(text.length > 300_000);
  const want = cli(text, 'first');
  const uri = `file://${join(dir, 'first', 'open.yaml')}`;
  await client.open(uri, text, 1);
  const all = await settle(uri, want.length);
  assert.deepEqual(shapes(all[all.length - 1]?.diagnostics ?? []), want, 'the last publish is the whole analysis');
  assert.ok(all.length >= 2, `${all.length} publishes: the first documents were not published on their own`);
  const first = all[0]?.diagnostics ?? [];
  assert.ok(first.length > 0 && first.length < want.length, `first publish: ${first.length} of ${want.length}`);
  const whole = new Set(want);
  for (const d of first) assert.ok(whole.has(shapeOf(d)), `the first publish shows what the whole file does not: ${shapeOf(d)}`);
  assertVersionsInOrder(all);
});

test('edits while a big file opens: versions never go back, and the last publish is the last text', async () => {
  const uri = `file://${join(dir, 'typing', 'open.yaml')}`;
  const text = bigText('b', 5);
  await client.open(uri, text, 1);
  await client.waitForDiagnostics(uri, () => true, 1, 60_000);
  // Break document 3 (a second mount of /data) and fix document 0, without waiting.
  const lines = text.split('\n');
  const mountAfter = (from: number): number => lines.findIndex((l, i) => i >= from && l === '    - {name: v, mountPath: /data}');
  const at3 = mountAfter(lines.indexOf('  name: b3'));
  await client.change(uri, 2, [{ range: { start: { line: at3 + 1, character: 0 }, end: { line: at3 + 1, character: 0 } }, text: '    - {name: v, mountPath: /data}\n' }]);
  const at0 = mountAfter(lines.indexOf('  name: b0'));
  await client.change(uri, 3, [{ range: { start: { line: at0 + 1, character: 0 }, end: { line: at0 + 2, character: 0 } }, text: '' }]);
  const edited = lines.slice();
  edited.splice(at3 + 1, 0, '    - {name: v, mountPath: /data}');
  edited.splice(at0 + 1, 1);
  const want = cli(edited.join('\n'), 'typing');
  const all = await settle(uri, want.length);
  assertVersionsInOrder(all);
  assert.equal(all[all.length - 1]?.version, 3);
  assert.deepEqual(shapes(all[all.length - 1]?.diagnostics ?? []), want);
});

test('close and reopen with other text while the first documents are published: nothing of the closed text', async () => {
  const uri = `file://${join(dir, 'reopen', 'open.yaml')}`;
  const closedText = bigText('c', 3);
  const newText = bigText('d', 11);
  const want = cli(newText, 'reopen');
  await client.open(uri, closedText, 1);
  await client.waitForDiagnostics(uri, () => true, 1, 60_000);
  await client.close(uri);
  await client.open(uri, newText, 1);
  // The close publishes an empty list without a version; what follows belongs to the new text.
  await client.request('textDocument/documentSymbol', { textDocument: { uri } });
  await client.waitForLatest(uri, (d) => d.length === want.length, 60_000);
  const all = client.published(uri);
  const closeAt = all.findIndex((p) => p.version === undefined);
  assert.ok(closeAt >= 0);
  const whole = new Set(want);
  for (const p of all.slice(closeAt + 1)) for (const d of p.diagnostics) assert.ok(whole.has(shapeOf(d)), `after the reopen: ${shapeOf(d)}`);
  assert.deepEqual(shapes(all[all.length - 1]?.diagnostics ?? []), want);
});
