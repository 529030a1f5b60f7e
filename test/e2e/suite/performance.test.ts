/** The size limit (`podsight.maxFileSize`) through the real settings and Problems machinery. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeDiagnostics, openFixture, podsightDiagnostics, waitFor, waitForRule } from './helpers';

describe('Podsight on files over podsight.maxFileSize', function () {
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('podsight');

  afterEach(async function () {
    await config().update('maxFileSize', undefined, vscode.ConfigurationTarget.Global);
  });

  it('file-too-large: one information diagnostic instead of the checks, back to normal when the limit is raised', async function () {
    const doc = await openFixture('seed-port-conflict.yaml');
    await waitForRule(doc.uri, 'port-conflict');
    // 0.0001 MB = 104 bytes: the fixture is over it.
    await config().update('maxFileSize', 0.0001, vscode.ConfigurationTarget.Global);
    const [d] = await waitForRule(doc.uri, 'file-too-large');
    assert.ok(d);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(d.range.start.line, 0);
    await waitFor(() => podsightDiagnostics(doc.uri).length === 1, 15_000, `only the notice: ${describeDiagnostics(doc.uri)}`);
    await config().update('maxFileSize', undefined, vscode.ConfigurationTarget.Global);
    await waitFor(
      () => podsightDiagnostics(doc.uri, 'port-conflict').length === 1 && podsightDiagnostics(doc.uri, 'file-too-large').length === 0,
      15_000,
      `checked again: ${describeDiagnostics(doc.uri)}`,
    );
  });
});
