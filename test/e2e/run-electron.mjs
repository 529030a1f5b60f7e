#!/usr/bin/env node
// `npm run test:vscode`: the same end-to-end suite in desktop VS Code through @vscode/test-electron.
// It downloads VS Code into .vscode-test/ unless VSCODE_EXECUTABLE_PATH points at an installed
// `code` binary (the Electron executable, e.g. /usr/share/code/code). Needs a display (xvfb-run on CI).
//
//   node test/e2e/run-electron.mjs [--vsix FILE|auto] [--grep RE]    env: VSCODE_EXECUTABLE_PATH, VSCODE_VERSION
// --vsix: installs the package into a private extensions dir and hosts the suite in test/e2e/host.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runTests, downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath } from '@vscode/test-electron';

const REPO = path.resolve(new URL('../..', import.meta.url).pathname);
const { values: opt } = parseArgs({ options: { vsix: { type: 'string' }, grep: { type: 'string' } } });
const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const vsix = opt.vsix === 'auto' ? path.join(REPO, `${pkg.name}-${pkg.version}.vsix`) : opt.vsix && path.resolve(opt.vsix);

const extensionTestsPath = path.join(REPO, 'out/test/e2e/suite/index.js');
const workspace = path.join(REPO, 'test/e2e/workspace');
for (const f of [extensionTestsPath, path.join(REPO, 'dist/client.js'), ...(vsix ? [vsix] : [])]) {
  if (!fs.existsSync(f)) { console.error(`missing ${f}: run \`npm run build\`${vsix ? ' and `npm run package`' : ''}`); process.exit(2); }
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'podsight-electron-'));
const results = path.join(REPO, 'test-results', vsix ? 'vscode-vsix' : 'vscode', 'results.json');
fs.mkdirSync(path.dirname(results), { recursive: true });
const extensionTestsEnv = {
  PODSIGHT_E2E_MODE: vsix ? 'vsix' : 'development',
  PODSIGHT_E2E_REPO: REPO,
  PODSIGHT_E2E_RESULTS: results,
  ...(vsix ? { PODSIGHT_E2E_EXTENSIONS_DIR: path.join(work, 'extensions') } : { PODSIGHT_E2E_EXTENSION_PATH: REPO }),
  ...(opt.grep ? { PODSIGHT_E2E_GREP: opt.grep } : {}),
  // PODSIGHT_E2E_ACTIVATION_BUDGET_MS / PODSIGHT_E2E_FORCE_FAIL pass through: runTests merges process.env.
};

let code = 1;
try {
  const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH || await downloadAndUnzipVSCode(process.env.VSCODE_VERSION || 'stable');
  const extensionsDir = `--extensions-dir=${path.join(work, 'extensions')}`;
  const launchArgs = [workspace, extensionsDir, `--user-data-dir=${path.join(work, 'user-data')}`];
  if (vsix) {
    // Install the package, then host the suite in a code-free test extension so Podsight runs
    // from the installed copy. Other installed extensions stay off (none are in this dir).
    const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath, { reuseMachineInstall: true });
    const r = spawnSync(cli, [...cliArgs, extensionsDir, '--install-extension', vsix], { stdio: 'inherit', shell: process.platform === 'win32' });
    if (r.status !== 0) throw new Error(`installing ${vsix} failed`);
  } else {
    launchArgs.push('--disable-extensions');   // only the extension under development runs
  }
  code = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: vsix ? path.join(REPO, 'test/e2e/host') : REPO,
    extensionTestsPath,
    extensionTestsEnv,
    launchArgs,
  });
} catch (err) {
  console.error('test:vscode failed:', err instanceof Error ? err.message : err);
  code = 1;
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
process.exit(code);
