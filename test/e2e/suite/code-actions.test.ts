/** Quick fixes through the real vscode API: `vscode.executeCodeActionProvider`, then applying the edit. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openFixture, podsightDiagnostics, revertFixture, waitFor, waitForRule } from './helpers';

/**
 * The Podsight actions at `range` (every test here expects some). The workbench cancels a request
 * when the document changes under it (e.g. while a newly opened file settles), and a request made
 * as the diagnostics arrive may be answered before the workbench has them (seen once in the
 * packaged-VSIX run: no actions at a diagnostic just published), so both are asked again until a deadline.
 */
async function actionsAt(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  return waitFor(async () => {
    try {
      const all = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
      const ours = all.filter((a) => a.diagnostics === undefined || a.diagnostics.every((d) => d.source === 'podsight'));
      return ours.length > 0 ? ours : undefined;
    } catch (error) {
      if (String(error).includes('Canceled')) return undefined;
      throw error;
    }
  }, 15_000, 'Podsight code actions (not cancelled, not empty)');
}

/** Applies the action, waits for `done`, then reverts the fixture so the next test sees it unchanged. */
async function applyAndRevert(doc: vscode.TextDocument, action: vscode.CodeAction, done: () => boolean, what: string): Promise<string> {
  assert.ok(action.edit, `"${action.title}" carries an edit`);
  const original = doc.getText();
  try {
    assert.ok(await vscode.workspace.applyEdit(action.edit));
    const text = doc.getText();
    await waitFor(done, 15_000, what);
    return text;
  } finally {
    await revertFixture(doc, original);
  }
}

describe('Podsight quick fixes', function () {
  it('the seed `Path:` typo: one preferred fix, `path:`, and the error is gone', async function () {
    const doc = await openFixture('seed-hostpath-typo.yaml');
    const [d] = await waitForRule(doc.uri, 'unknown-field');
    assert.ok(d);
    const actions = await actionsAt(doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const preferred = actions.filter((a) => a.isPreferred);
    assert.equal(preferred.length, 1, actions.map((a) => a.title).join(' | '));
    assert.equal(preferred[0]!.title, 'Replace "Path" with "path"');
    assert.ok(actions.some((a) => a.title === 'Disable unknown-field for this line'));
    const before = doc.getText();
    const text = await applyAndRevert(doc, preferred[0]!, () => podsightDiagnostics(doc.uri, 'unknown-field').length === 0, 'the unknown-field error to go away');
    assert.equal(text, before.replace('Path: "/logs"', 'path: "/logs"'));
    assert.equal(doc.isDirty, false);
  });

  const portFindings = (uri: vscode.Uri): number => ['port-conflict', 'implicit-port-conflict', 'port-not-served'].reduce((n, rule) => n + podsightDiagnostics(uri, rule).length, 0);

  it('the seed port conflict: the preferred fix moves the mycon2 process (nginx listen 81), not only its declaration', async function () {
    const doc = await openFixture('seed-port-conflict.yaml');
    const [d] = await waitForRule(doc.uri, 'port-conflict');
    assert.ok(d);
    const actions = await actionsAt(doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const preferred = actions.find((a) => a.isPreferred);
    assert.ok(preferred, actions.map((a) => a.title).join(' | '));
    assert.match(preferred.title, /^Move the process of "mycon2" to port 81: add ConfigMap "mypod-mycon2-nginx"/);
    assert.ok(!actions.some((a) => /^Change port|Remove the duplicate/.test(a.title)), actions.map((a) => a.title).join(' | '));
    const text = await applyAndRevert(doc, preferred, () => portFindings(doc.uri) === 0, 'no port finding after the fix');
    assert.equal(text.split(/\r?\n/)[d.range.start.line], doc.lineAt(d.range.start.line).text.replace('80', '81'));
    assert.match(text, /mountPath: \/etc\/nginx\/conf\.d\/default\.conf/);
    assert.match(text, /kind: ConfigMap[\s\S]*listen 81;/);
  });

  it('the implicit port conflict: the preferred fix moves the second nginx, and no port finding is left', async function () {
    const doc = await openFixture('seed-implicit-port-conflict.yaml');
    const [d] = await waitForRule(doc.uri, 'implicit-port-conflict');
    assert.ok(d);
    const actions = await actionsAt(doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const preferred = actions.find((a) => a.isPreferred);
    assert.ok(preferred, actions.map((a) => a.title).join(' | '));
    assert.match(preferred.title, /^Move the process of "mycon2" to port 81/);
    const text = await applyAndRevert(doc, preferred, () => portFindings(doc.uri) === 0, 'no port finding after the fix');
    assert.match(text, /listen 81;/);
  });

  it('source.fixAll.podsight is offered for the typo file', async function () {
    const doc = await openFixture('seed-hostpath-typo.yaml');
    await waitForRule(doc.uri, 'unknown-field');
    const all = doc.validateRange(new vscode.Range(0, 0, doc.lineCount, 0));
    const actions = await actionsAt(doc.uri, all, 'source.fixAll.podsight');
    const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.podsight');
    assert.ok(fixAll, actions.map((a) => `${a.kind?.value}: ${a.title}`).join(' | '));
    await applyAndRevert(doc, fixAll, () => podsightDiagnostics(doc.uri, 'unknown-field').length === 0, 'fix all to remove the typo');
  });
});
