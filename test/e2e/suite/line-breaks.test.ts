/** Lone CR line breaks (LSP counts `\r` alone as a line break): diagnostics land on the right text in VS Code. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeDiagnostics, podsightDiagnostics, valueRange, waitFor, waitForRule } from './helpers';

const SEED = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: lone-cr', 'spec:', '  containers:', '  - name: mycon1', '    image: nginx', '    ports:', '    - containerPort: 80', '  - name: mycon2', '    image: nginx', '    ports:', '    - containerPort: 80', ''];

describe('Podsight line breaks', function () {
  for (const [name, eol] of [
    ['lone CR', '\r'],
    ['a mix of LF, CRLF and lone CR', ''],
  ] as const) {
    it(`${name}: the port conflict is underlined on the second containerPort value`, async function () {
      const breaks = ['\n', '\r\n', '\r'];
      const content = SEED.map((line, i) => line + (i === SEED.length - 1 ? '' : eol || (breaks[i % 3] as string))).join('');
      const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content });
      await vscode.window.showTextDocument(doc);
      assert.equal(doc.lineCount, SEED.length, 'VS Code counts every line break');
      const [d, ...more] = await waitForRule(doc.uri, 'port-conflict');
      assert.ok(d);
      assert.equal(more.length, 0, describeDiagnostics(doc.uri));
      assert.equal(d.range.start.line, 13);
      assert.deepEqual(d.range, valueRange(doc, 'containerPort', '80', 1));
      assert.equal(doc.getText(d.range), '80');
      assert.deepEqual(d.relatedInformation?.[0]?.location.range, valueRange(doc, 'containerPort', '80', 0));
      // An edit after the line breaks moves the finding with it: change the first port, the conflict goes.
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, valueRange(doc, 'containerPort', '80', 0), '8080');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await waitFor(() => podsightDiagnostics(doc.uri, 'port-conflict').length === 0, 15_000, 'the conflict to go after the edit');
      for (const x of podsightDiagnostics(doc.uri)) {
        assert.ok(x.range.end.line < doc.lineCount && x.range.end.character <= doc.lineAt(x.range.end.line).text.length, `${describeDiagnostics(doc.uri)} inside the text`);
      }
    });
  }
});
