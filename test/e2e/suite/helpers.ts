/** Helpers shared by the end-to-end tests (they run inside the VS Code extension host). */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'podsight.podsight';
export const SOURCE = 'podsight';

/** Numbers the tests measured; index.ts writes them into the results file. */
export const metrics: Record<string, unknown> = {};

/** Polls `predicate` until it returns a truthy value or `timeoutMs` passes. Never a fixed sleep. */
export async function waitFor<T>(predicate: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await predicate();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace is open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

export async function openFixture(relative: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(relative));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** The rule id: LSP `code` becomes `{ value, target }` in VS Code when a codeDescription is set. */
export function ruleOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return String(typeof code === 'object' ? code.value : code);
}

export function docsLinkOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? d.code.target.toString() : undefined;
}

/**
 * Puts a fixture back as it was on disk. `workbench.action.files.revert` acts on the active
 * editor and was seen (once in CI) to leave the document changed, so the result is checked and
 * the revert repeated until a deadline; as a last resort the original text is written back and
 * saved (the harness runs on a temporary copy of the workspace).
 */
export async function revertFixture(doc: vscode.TextDocument, original: string): Promise<void> {
  const clean = () => !doc.isDirty && doc.getText() === original;
  const deadline = Date.now() + 10_000;
  let tries = 0;
  while (!clean() && Date.now() < deadline) {
    tries++;
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    if (!clean()) await new Promise((r) => setTimeout(r, 100));
  }
  if (tries > 1) console.log(`      (revert of ${vscode.workspace.asRelativePath(doc.uri)} took ${tries} tries${clean() ? '' : '; writing the text back'})`);
  if (clean()) return;
  const restore = new vscode.WorkspaceEdit();
  restore.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), original);
  await vscode.workspace.applyEdit(restore);
  await doc.save();
  // The save reaches the document model a moment later on a busy machine (CI, 2 Dec): poll, with a deadline.
  const saved = Date.now() + 5_000;
  while (!clean() && Date.now() < saved) {
    if (doc.isDirty) await doc.save();
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(clean(), `${doc.fileName} is back to its original text (dirty: ${doc.isDirty}, same text: ${doc.getText() === original})`);
}

export function podsightDiagnostics(uri: vscode.Uri, rule?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE && (rule === undefined || ruleOf(d) === rule));
}

export function waitForRule(uri: vscode.Uri, rule: string, timeoutMs = 25_000): Promise<vscode.Diagnostic[]> {
  return waitFor(() => {
    const found = podsightDiagnostics(uri, rule);
    return found.length > 0 && found;
  }, timeoutMs, `a ${rule} diagnostic on ${vscode.workspace.asRelativePath(uri)}`);
}

/** Offset of the `n`-th (0-based) match of `needle` in the document. */
export function nthIndex(doc: vscode.TextDocument, needle: string, n: number): number {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = doc.getText().indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" occurs ${n + 1} times in ${doc.fileName}`);
  }
  return at;
}

/** Range of the `n`-th value `value` written after `key: ` (e.g. the second `containerPort: 80`). */
export function valueRange(doc: vscode.TextDocument, key: string, value: string, n = 0): vscode.Range {
  const start = nthIndex(doc, `${key}: ${value}`, n) + key.length + 2;
  return new vscode.Range(doc.positionAt(start), doc.positionAt(start + value.length));
}

const SENTINEL = `apiVersion: v1
kind: Pod
metadata:
  name: sentinel
spec:
  containers:
  - name: a
    image: nginx
    ports:
    - containerPort: 80
  - name: b
    image: nginx
    ports:
    - containerPort: 80
`;

/**
 * A document that must stay clean has no diagnostics to wait for. The client sends didOpen
 * in order, so once a sentinel opened afterwards has its diagnostics, the server has seen the
 * documents opened before it.
 */
export async function afterServerCaughtUp(): Promise<void> {
  const sentinel = await vscode.workspace.openTextDocument({ language: 'yaml', content: SENTINEL });
  await waitForRule(sentinel.uri, 'port-conflict');
}

export function describeDiagnostics(uri: vscode.Uri): string {
  return JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => ({ rule: ruleOf(d), source: d.source, line: d.range.start.line + 1, message: d.message })));
}
