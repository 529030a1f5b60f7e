/** The workspace index in a real VS Code: a rule across two files, and go to definition into the other file. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { nthIndex, openFixture, waitFor, waitForRule } from './helpers';

describe('Podsight workspace index', function () {
  it('missing-config-key with the ConfigMap in another file, and F12 from the reference to the ConfigMap', async function () {
    const doc = await openFixture('config-refs/pod.yaml');
    const [finding] = await waitForRule(doc.uri, 'missing-config-key', 30_000);
    assert.equal(finding?.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(doc.getText(finding!.range), 'log-level');
    const at = doc.positionAt(nthIndex(doc, 'app-settings', 0) + 2);
    const defs = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, at);
      return found.length > 0 && found;
    }, 20_000, 'a definition in settings.yaml');
    const target = defs[0]!;
    const uri = 'targetUri' in target ? target.targetUri : target.uri;
    const range = 'targetRange' in target ? target.targetRange : target.range;
    assert.ok(uri.path.endsWith('/config-refs/settings.yaml'), uri.toString());
    assert.deepEqual([range.start.line, range.start.character, range.end.character], [4, 8, 20]);
  });
});
