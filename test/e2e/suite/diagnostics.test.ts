/** Diagnostics on the seed article's manifests, seen through the real vscode API. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  afterServerCaughtUp, describeDiagnostics, docsLinkOf, openFixture, podsightDiagnostics, revertFixture, ruleOf, valueRange, waitFor, waitForRule,
} from './helpers';

function assertPodsightShape(d: vscode.Diagnostic, rule: string): void {
  assert.equal(d.source, 'podsight');
  assert.equal(ruleOf(d), rule);
  const link = docsLinkOf(d);
  assert.ok(link && /^https?:\/\//.test(link) && link.includes(rule), `codeDescription.href links the ${rule} docs page, got ${link}`);
}

describe('Podsight diagnostics', function () {
  it('port-conflict: an error on the second containerPort 80, related to the first', async function () {
    const doc = await openFixture('seed-port-conflict.yaml');
    const [d, ...more] = await waitForRule(doc.uri, 'port-conflict');
    assert.ok(d);
    assert.equal(more.length, 0, `one port-conflict: ${describeDiagnostics(doc.uri)}`);
    assertPodsightShape(d, 'port-conflict');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual(d.range, valueRange(doc, 'containerPort', '80', 1), 'the range is mycon2\'s port value');
    assert.equal(doc.getText(d.range), '80');
    assert.match(d.message, /80/);
    assert.match(d.message, /mycon1|mycon2/);
    const related = d.relatedInformation ?? [];
    assert.equal(related.length, 1);
    assert.equal(related[0]!.location.uri.toString(), doc.uri.toString());
    assert.deepEqual(related[0]!.location.range, valueRange(doc, 'containerPort', '80', 0), 'related information points at mycon1\'s port');
    assert.match(related[0]!.message, /mycon1/);
    // mycon3's 1880 does not conflict with anything.
    assert.ok(podsightDiagnostics(doc.uri).every((x) => doc.getText(x.range) !== '1880'));
  });

  it('implicit-port-conflict: nginx without ports still listens on 80', async function () {
    const doc = await openFixture('seed-implicit-port-conflict.yaml');
    const [d, ...more] = await waitForRule(doc.uri, 'implicit-port-conflict');
    assert.ok(d);
    assert.equal(more.length, 0, describeDiagnostics(doc.uri));
    assertPodsightShape(d, 'implicit-port-conflict');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(d.range.start.line, doc.positionAt(doc.getText().indexOf('image: nginx', doc.getText().indexOf('name: mycon2'))).line, 'on mycon2\'s image');
    assert.match(d.message, /80/);
    const related = d.relatedInformation ?? [];
    assert.ok(related.length >= 1);
    assert.deepEqual(related[0]!.location.range, valueRange(doc, 'containerPort', '80', 0), 'related information points at mycon1\'s port');
    assert.equal(podsightDiagnostics(doc.uri, 'port-conflict').length, 0);
  });

  it('unknown-field: the hostPath `Path` key, suggesting `path`', async function () {
    const doc = await openFixture('seed-hostpath-typo.yaml');
    const [d] = await waitForRule(doc.uri, 'unknown-field');
    assert.ok(d);
    assertPodsightShape(d, 'unknown-field');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(doc.getText(d.range), 'Path');
    assert.equal(d.range.start.line, doc.positionAt(doc.getText().indexOf('Path: "/logs"')).line);
    assert.match(d.message, /\bpath\b/, 'the message names the correct field');
  });

  it('the shared-IP and shared-disk pods have no port conflicts and no errors', async function () {
    const docs = [await openFixture('seed-shared-ip.yaml'), await openFixture('seed-shared-disk.yaml')];
    await afterServerCaughtUp();
    for (const doc of docs) {
      const bad = podsightDiagnostics(doc.uri).filter((d) => /port-conflict/.test(ruleOf(d) ?? '') || d.severity === vscode.DiagnosticSeverity.Error);
      assert.deepEqual(bad, [], `${vscode.workspace.asRelativePath(doc.uri)}: ${describeDiagnostics(doc.uri)}`);
    }
  });

  it('non-Kubernetes YAML (docker-compose, GitHub workflow) gets nothing', async function () {
    const docs: vscode.TextDocument[] = [];
    for (const file of ['docker-compose.yml', '.github/workflows/ci.yml']) {
      let doc = await openFixture(file);
      // VS Code itself gives compose files the `dockercompose` language; make sure Podsight sees them.
      if (doc.languageId !== 'yaml') doc = await vscode.languages.setTextDocumentLanguage(doc, 'yaml');
      assert.equal(doc.languageId, 'yaml');
      docs.push(doc);
    }
    await afterServerCaughtUp();
    for (const doc of docs) {
      assert.deepEqual(podsightDiagnostics(doc.uri), [], `${vscode.workspace.asRelativePath(doc.uri)}: ${describeDiagnostics(doc.uri)}`);
    }
  });

  it('follows edits: 80 → 8080 clears the conflict, 8080 → 80 brings it back', async function () {
    const doc = await openFixture('seed-port-conflict.yaml');
    const [d] = await waitForRule(doc.uri, 'port-conflict');
    assert.ok(d);
    const original = doc.getText();
    try {
      const fix = new vscode.WorkspaceEdit();
      fix.replace(doc.uri, d.range, '8080');
      assert.ok(await vscode.workspace.applyEdit(fix));
      assert.equal(doc.getText(valueRange(doc, 'containerPort', '8080')), '8080');
      await waitFor(() => podsightDiagnostics(doc.uri, 'port-conflict').length === 0, 15_000, 'the port-conflict to go away');

      const undo = new vscode.WorkspaceEdit();
      undo.replace(doc.uri, valueRange(doc, 'containerPort', '8080'), '80');
      assert.ok(await vscode.workspace.applyEdit(undo));
      const [again] = await waitForRule(doc.uri, 'port-conflict');
      assert.deepEqual(again!.range, valueRange(doc, 'containerPort', '80', 1));
    } finally {
      await revertFixture(doc, original);
    }
    assert.equal(doc.isDirty, false, 'the fixture is left unchanged');
  });
});
