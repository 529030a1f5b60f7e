/** Issue 14 in a real VS Code: a custom resource, a file with placeholders, a kustomize patch. */
import * as assert from 'node:assert/strict';
import { afterServerCaughtUp, describeDiagnostics, openFixture, podsightDiagnostics, ruleOf, waitForRule } from './helpers';

describe('Podsight custom resources, placeholders and fragments', function () {
  it('a Rollout: the port conflict and the mistyped volume field, as in a Deployment', async function () {
    const doc = await openFixture('custom-resources/rollout.yaml');
    const [conflict] = await waitForRule(doc.uri, 'port-conflict');
    assert.ok(conflict);
    assert.equal(doc.getText(conflict.range), '8080');
    const [typo] = await waitForRule(doc.uri, 'unknown-field');
    assert.ok(typo);
    assert.equal(doc.getText(typo.range), 'Path');
  });

  it('a file with ${VAR} placeholders gets no finding', async function () {
    const doc = await openFixture('custom-resources/manager-envsubst.yaml');
    await afterServerCaughtUp();
    assert.deepEqual(podsightDiagnostics(doc.uri).map(ruleOf), [], describeDiagnostics(doc.uri));
  });

  it('a kustomize patch is a fragment: nothing that depends on its base', async function () {
    const doc = await openFixture('custom-resources/kustomize/patch.yaml');
    await afterServerCaughtUp();
    assert.deepEqual(podsightDiagnostics(doc.uri).map(ruleOf), [], describeDiagnostics(doc.uri));
  });
});
