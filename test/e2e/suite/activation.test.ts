/** Podsight activates on YAML only, quickly, and (in vsix mode) from the installed package. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, metrics, openFixture } from './helpers';

/** What Podsight's activate() returns (client/src/extension.ts, PodsightApi). */
interface PodsightApi {
  readonly ready: Promise<void>;
  readonly activationMs: number;
}

/** The budget; PODSIGHT_E2E_ACTIVATION_BUDGET_MS overrides it (e.g. on a loaded CI box). */
const ACTIVATION_BUDGET_MS = Number(process.env.PODSIGHT_E2E_ACTIVATION_BUDGET_MS) || 300;

describe('Podsight activation', function () {
  it('runs in a real VS Code extension host', function () {
    assert.match(vscode.version, /^1\.\d+\.\d+/);
    assert.ok(process.versions.node, 'a Node extension host');
    metrics.vscodeVersion = vscode.version;
    metrics.uiKind = vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop';
    console.log(`    VS Code ${vscode.version} (${metrics.uiKind}), Node ${process.version}`);
  });

  it('is loaded from the expected place', function () {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    metrics.extensionPath = ext.extensionPath;
    const repo = process.env.PODSIGHT_E2E_REPO;
    if (process.env.PODSIGHT_E2E_MODE === 'vsix') {
      assert.ok(repo && !ext.extensionPath.startsWith(repo), `Podsight comes from the installed .vsix, not ${ext.extensionPath}`);
      const dir = process.env.PODSIGHT_E2E_EXTENSIONS_DIR;
      if (dir) assert.equal(path.dirname(ext.extensionPath), dir);
    } else if (process.env.PODSIGHT_E2E_EXTENSION_PATH) {
      assert.equal(ext.extensionPath, process.env.PODSIGHT_E2E_EXTENSION_PATH, 'Podsight is the development folder');
    }
  });

  it('is not active before a YAML document is opened', function () {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    assert.equal(ext.isActive, false, 'activationEvents: onLanguage:yaml only');
  });

  it(`activates on a YAML document within ${ACTIVATION_BUDGET_MS} ms`, async function () {
    const ext = vscode.extensions.getExtension<PodsightApi>(EXTENSION_ID);
    assert.ok(ext);
    const t0 = Date.now();
    await openFixture('seed-shared-ip.yaml');
    const api = await ext.activate();
    metrics.openToActiveMs = Date.now() - t0;
    assert.ok(ext.isActive);
    assert.ok(api && typeof api.activationMs === 'number', 'activate() returns { activationMs }');
    metrics.activationMs = api.activationMs;
    console.log(`    activate() took ${api.activationMs} ms; open → active ${metrics.openToActiveMs} ms`);
    assert.ok(api.activationMs < ACTIVATION_BUDGET_MS, `activation took ${api.activationMs} ms, budget ${ACTIVATION_BUDGET_MS} ms`);
    const t1 = Date.now();
    await api.ready; // the language server starts in the background and must come up
    console.log(`    language server ready ${Date.now() - t1} ms after activation`);
  });
});
