#!/usr/bin/env node
// Runs Podsight's end-to-end mocha suite inside a real VS Code: code-server's web workbench in
// headless chromium with a Node extension host. Same contract as @vscode/test-electron
// (extensionDevelopmentPath + extensionTestsPath exporting run(): Promise<void>).
//
//   node test/e2e/run-code-server.mjs [--ext DIR] [--tests PATH] [--workspace DIR]
//        [--vsix FILE|auto] [--artifacts DIR] [--timeout SEC] [--env K=V]... [--grep RE]
//        [--toolchain DIR] [--verbose] [--keep]
//
// --vsix installs the packaged extension into code-server's extensions dir; the suite is then
// hosted by test/e2e/host (a test-only extension without code), so Podsight runs from the
// installed copy. `--vsix auto` = podsight-<version>.vsix at the repo root.
// Exit code: 0 all tests passed, 1 tests failed (or the suite failed to load), 2 harness error/timeout.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO, DEFAULT_TOOLCHAIN, toolchain, loadPlaywright, startCodeServer, workbenchUrl, launchBrowser,
  formatConsole, packagedVsix, copyWorkspace, log } from './lib.mjs';

const { values: opt } = parseArgs({ options: {
  ext: { type: 'string', default: REPO },
  tests: { type: 'string', default: path.join(REPO, 'out/test/e2e/suite/index.js') },
  workspace: { type: 'string', default: path.join(REPO, 'test/e2e/workspace') },
  vsix: { type: 'string' },
  artifacts: { type: 'string' },
  timeout: { type: 'string', default: '300' },
  env: { type: 'string', multiple: true, default: [] },
  grep: { type: 'string' },
  toolchain: { type: 'string', default: DEFAULT_TOOLCHAIN },
  verbose: { type: 'boolean', default: false },
  keep: { type: 'boolean', default: false },
} });

const T0 = Date.now();
const vsix = opt.vsix === 'auto' ? packagedVsix() : opt.vsix && path.resolve(opt.vsix);
const devPath = vsix ? path.join(REPO, 'test/e2e/host') : path.resolve(opt.ext);
const artifacts = path.resolve(opt.artifacts || path.join(REPO, 'test-results', vsix ? 'e2e-vsix' : 'e2e'));
fs.rmSync(artifacts, { recursive: true, force: true });
fs.mkdirSync(artifacts, { recursive: true });
const results = path.join(artifacts, 'results.json');

function preflight() {
  const missing = [opt.tests.endsWith('.js') ? opt.tests : `${opt.tests}.js`, opt.workspace];
  if (vsix) missing.push(vsix);
  else missing.push(path.join(devPath, 'package.json'));
  if (!vsix && devPath === REPO) missing.push(path.join(REPO, 'dist/client.js'), path.join(REPO, 'dist/podsight.js'));
  const absent = missing.filter((p) => !fs.existsSync(p));
  if (absent.length) throw new Error(`missing: ${absent.join(', ')} (run \`npm run build\`${vsix ? ' and `npm run package`' : ''})`);
}

const extEnv = Object.fromEntries(opt.env.map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
extEnv.PODSIGHT_E2E_RESULTS = results;
extEnv.PODSIGHT_E2E_MODE = vsix ? 'vsix' : 'development';
extEnv.PODSIGHT_E2E_REPO = REPO;
if (!vsix) extEnv.PODSIGHT_E2E_EXTENSION_PATH = devPath;
if (opt.grep) extEnv.PODSIGHT_E2E_GREP = opt.grep;
for (const k of ['PODSIGHT_E2E_ACTIVATION_BUDGET_MS', 'PODSIGHT_E2E_FORCE_FAIL']) if (process.env[k] && !(k in extEnv)) extEnv[k] = process.env[k];

let code = 2;
let server;
let browser;
try {
  preflight();
  const tc = toolchain(opt.toolchain);
  const pw = loadPlaywright(tc);
  server = await startCodeServer(tc, { vsix: vsix ? [vsix] : [] });
  extEnv.PODSIGHT_E2E_EXTENSIONS_DIR = server.dirs.extensions;
  const url = workbenchUrl(server, {
    folder: copyWorkspace(opt.workspace, server.workDir),
    payload: [
      ['extensionDevelopmentPath', devPath],
      ['extensionTestsPath', path.resolve(opt.tests)],
      ['extensionEnvironment', JSON.stringify(extEnv)],   // process.env of the extension host
    ],
  });
  log(`${vsix ? `installed ${path.basename(vsix)}` : `development extension ${devPath}`}; suite ${opt.tests}`);
  browser = await launchBrowser(pw, { workDir: server.workDir });
  const page = await browser.newPage();
  let printing = Promise.resolve();   // keep console order while arguments resolve asynchronously
  page.on('console', (m) => {
    printing = printing.then(async () => {
      const { level, text, noise } = await formatConsole(m);
      if (opt.verbose) console.log(`[${level}] ${text}`);
      else if (!noise) console.log(text);
    });
  });
  page.on('pageerror', (e) => { if (opt.verbose) log('pageerror', e.message); });
  // The workbench calls window.codeAutomationExit(code, logs) once the extension host has run
  // the suite and exited (smoke-test driver mode).
  const exited = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (c, logs) => resolve({ code: c, logs })));
  const tNav = Date.now();
  await page.goto(url);
  log(`workbench loaded in ${Date.now() - tNav} ms`);
  let timer;
  const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve(null), Number(opt.timeout) * 1000); });
  const r = await Promise.race([exited, timeout]);
  clearTimeout(timer);
  await printing;
  if (!r) {
    log(`TIMEOUT: the suite did not finish within ${opt.timeout} s`);
    await page.screenshot({ path: path.join(artifacts, 'timeout.png') }).catch(() => {});
  } else {
    code = r.code === 0 ? 0 : 1;
    log(`extension host exited with ${r.code}, ${Date.now() - tNav} ms after navigation`);
    for (const l of r.logs || []) {
      const f = path.join(artifacts, 'logs', l.relativePath);
      fs.mkdirSync(path.dirname(f), { recursive: true });
      fs.writeFileSync(f, l.contents);
    }
  }
  if (fs.existsSync(results)) {
    const j = JSON.parse(fs.readFileSync(results, 'utf8'));
    log(`results: ${j.passes.length} passed, ${j.failures.length} failed, ${j.pending.length} pending (${path.relative(REPO, results)})`);
    if (j.metrics) log(`metrics: ${JSON.stringify(j.metrics)}`);
    log(`suite started ${j.startedAt - tNav} ms after navigation and ran ${j.finishedAt - j.startedAt} ms`);
    if (code === 0 && j.failures.length) code = 1;
    printJournalOfFailures(j.failures, path.join(artifacts, 'journal.json'));
  } else {
    log('the suite wrote no results (did it load? see the output above)');
    if (code === 0) code = 1;
  }
} catch (e) {
  log('harness error:', e.stack || e);
  code = 2;
} finally {
  if (browser) await browser.close().catch(() => {});
  if (server) {
    await server.stop();
    fs.copyFileSync(server.logFile, path.join(artifacts, 'code-server.log'));
    if (opt.keep) log(`kept ${server.workDir}`);
    else fs.rmSync(server.workDir, { recursive: true, force: true });
  }
  log(`${code === 0 ? 'PASS' : 'FAIL'} in ${((Date.now() - T0) / 1000).toFixed(1)} s (exit ${code}); artifacts in ${path.relative(REPO, artifacts) || artifacts}`);
}
process.exit(code);

/**
 * What the journal holds for each failed test (its last entries): CI keeps only the output, and
 * a failure seen once must be readable there.
 */
function printJournalOfFailures(failures, file) {
  if (failures.length === 0 || !fs.existsSync(file)) return;
  const journal = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const { title } of failures) {
    const own = journal.filter((e) => e.test === title).slice(-40);
    log(`journal of the failed test "${title}" (last ${own.length} entries):`);
    for (const { test, ...entry } of own) log(`  ${JSON.stringify(entry)}`);
  }
}
