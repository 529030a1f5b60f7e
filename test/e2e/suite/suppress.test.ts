/** Directives, the project config file, service-target-port across files, and rename, in a real VS Code. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeDiagnostics, openFixture, podsightDiagnostics, waitFor, waitForRule, workspaceUri } from './helpers';

describe('Podsight suppression, configuration and Services', function () {
  it('directives suppress a finding; an unused one is greyed out', async function () {
    const doc = await openFixture('suppress/directives.yaml');
    const [unused] = await waitForRule(doc.uri, 'unused-disable-directive');
    assert.ok(unused);
    assert.equal(doc.getText(unused.range), 'unused-volume');
    assert.deepEqual(unused.tags, [vscode.DiagnosticTag.Unnecessary]);
    assert.equal(unused.severity, vscode.DiagnosticSeverity.Information);
    assert.deepEqual(podsightDiagnostics(doc.uri, 'port-conflict'), [], describeDiagnostics(doc.uri));
  });

  it('service-target-port sees the Deployment in an unopened file of the folder, and .podsight.yaml changes its level', async function () {
    const doc = await openFixture('suppress/service.yaml');
    const [d] = await waitForRule(doc.uri, 'service-target-port');
    assert.ok(d);
    assert.equal(doc.getText(d.range), 'htp');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(d.message, /http/);
    const config = workspaceUri('.podsight.yaml');
    try {
      await vscode.workspace.fs.writeFile(config, Buffer.from('rules:\n  service-target-port: hint\n'));
      await waitFor(() => podsightDiagnostics(doc.uri, 'service-target-port')[0]?.severity === vscode.DiagnosticSeverity.Hint, 20_000, 'the config to lower the severity');
    } finally {
      await vscode.workspace.fs.delete(config);
    }
    await waitFor(() => podsightDiagnostics(doc.uri, 'service-target-port')[0]?.severity === vscode.DiagnosticSeverity.Warning, 20_000, 'the severity to come back');
  });

  it('rename a port name from its probe reference updates the declaration and the probe', async function () {
    const doc = await openFixture('suppress/deploy.yaml');
    const text = doc.getText();
    const at = doc.positionAt(text.indexOf('port: http') + 'port: '.length + 1);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, at, 'web');
    assert.ok(edit);
    const edits = edit.get(doc.uri);
    assert.equal(edits.length, 2);
    assert.deepEqual(edits.map((e) => doc.getText(e.range)), ['http', 'http']);
    assert.ok(edits.every((e) => e.newText === 'web'));
  });
});
