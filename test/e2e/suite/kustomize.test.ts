/** Kustomize overlays in a real VS Code, rendered by the real `kubectl kustomize`. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeDiagnostics, openFixture, podsightDiagnostics, waitFor, waitForRule, workspaceUri } from './helpers';

describe('Podsight kustomize overlays', function () {
  this.timeout(60_000);

  it("opening the prod patch shows port-conflict on its containerPort line, the base's port as related", async function () {
    const doc = await openFixture('kustomize/overlays/prod/metrics-sidecar.yaml');
    const [d, ...more] = await waitForRule(doc.uri, 'port-conflict', 45_000);
    assert.ok(d);
    assert.equal(more.length, 0, describeDiagnostics(doc.uri));
    assert.equal(d.range.start.line, 12);
    assert.equal(doc.getText(d.range), '8080');
    assert.match(d.message, /\(in overlay kustomize\/overlays\/prod\)$/);
    const related = d.relatedInformation ?? [];
    assert.equal(related[0]?.location.uri.toString(), workspaceUri('kustomize/base/deployment.yaml').toString());
    assert.equal(related[0]?.location.range.start.line, 18);
  });

  it("the dev JSON patch that renames the base's volume: undefined-volume on the base mount", async function () {
    await openFixture('kustomize/overlays/dev/rename-volume.yaml');
    const base = workspaceUri('kustomize/base/deployment.yaml');
    const [d] = await waitForRule(base, 'undefined-volume', 45_000);
    assert.equal(d?.range.start.line, 20);
    assert.match(d?.message ?? '', /kustomize\/overlays\/dev/);
    assert.ok((d?.relatedInformation ?? []).some((r) => r.location.uri.toString() === workspaceUri('kustomize/overlays/dev/rename-volume.yaml').toString()));
    // The patch itself raises nothing but the rendered note about the renamed, now unused volume.
    const patch = workspaceUri('kustomize/overlays/dev/rename-volume.yaml');
    assert.deepEqual(podsightDiagnostics(patch).map((x) => x.message.endsWith('(in overlay kustomize/overlays/dev)')), podsightDiagnostics(patch).map(() => true));
  });

  it('Show Rendered Pod of an Overlay opens what kustomize renders, with the sidecar', async function () {
    await openFixture('kustomize/overlays/prod/metrics-sidecar.yaml');
    await vscode.commands.executeCommand('podsight.showRenderedPod');
    const rendered = await waitFor(
      () => vscode.workspace.textDocuments.find((d) => d.isUntitled && d.getText().includes('config.kubernetes.io/origin')),
      30_000,
      'the rendered overlay document',
    );
    assert.match(rendered.getText(), /name: metrics/);
    assert.match(rendered.getText(), /name: web/);
  });
});
