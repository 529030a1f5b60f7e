#!/usr/bin/env node
// UI-level check of Podsight in a real VS Code (code-server's workbench in headless chromium):
// open the seed's port-conflict manifest, see the error squiggle, the Problems panel listing
// Podsight's findings, and the hover on the conflicting port showing Podsight's message.
//
//   node test/e2e/ui-check.mjs [--ext DIR | --vsix FILE|auto] [--workspace DIR] [--file NAME]
//        [--artifacts DIR] [--screenshots DIR] [--headed]
// --screenshots docs/images writes problems.png, hover.png and kustomize.png for the README.
// Exit code: 0 all steps passed, 1 a step failed, 2 harness error.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO, DEFAULT_TOOLCHAIN, toolchain, loadPlaywright, startCodeServer, workbenchUrl, launchBrowser,
  packagedVsix, copyWorkspace, log } from './lib.mjs';
import { openFile, runCommand } from './palette.mjs';

const { values: opt } = parseArgs({ options: {
  ext: { type: 'string', default: REPO },
  vsix: { type: 'string' },
  workspace: { type: 'string', default: path.join(REPO, 'test/e2e/workspace') },
  file: { type: 'string', default: 'seed-port-conflict.yaml' },
  artifacts: { type: 'string', default: path.join(REPO, 'test-results/ui') },
  screenshots: { type: 'string' },
  toolchain: { type: 'string', default: DEFAULT_TOOLCHAIN },
  headed: { type: 'boolean', default: false },
} });

// Selectors checked against VS Code 1.139.1 (code-server 4.139.1).
const SEL = {
  workbench: '.monaco-workbench',
  statusBar: '#workbench\\.parts\\.statusbar',
  editorLines: '.editor-instance .monaco-editor .view-lines',
  squiggleError: '.editor-instance .monaco-editor .squiggly-error',
  markersRow: '.markers-panel .monaco-list-row',
  hover: '.monaco-editor .monaco-hover:not(.hidden)',
};

const vsix = opt.vsix === 'auto' ? packagedVsix() : opt.vsix && path.resolve(opt.vsix);
const artifacts = path.resolve(opt.artifacts);
fs.mkdirSync(artifacts, { recursive: true });
const shotDirs = [artifacts, ...(opt.screenshots ? [path.resolve(opt.screenshots)] : [])];
for (const d of shotDirs) fs.mkdirSync(d, { recursive: true });

const steps = [];
let page;
async function step(name, fn) {
  const t0 = Date.now();
  try {
    const detail = await fn();
    steps.push({ name, ok: true, ms: Date.now() - t0, detail });
    log(`ok   ${name} (${Date.now() - t0} ms)${detail ? `: ${JSON.stringify(detail)}` : ''}`);
    return true;
  } catch (e) {
    const error = String(e?.message ?? e).split('\n')[0];
    steps.push({ name, ok: false, ms: Date.now() - t0, error });
    log(`FAIL ${name}: ${error}`);
    await page?.screenshot({ path: path.join(artifacts, `fail-${steps.length}.png`) }).catch(() => {});
    return false;
  }
}

async function screenshot(name, options = {}) {
  for (const d of shotDirs) await page.screenshot({ path: path.join(d, name), ...options });
}

/** The diagram: run the command, read its webview through the two nested iframes, click a node. */
async function checkDiagram() {
  await page.keyboard.press('Escape');
  const podLine = () => page.locator(SEL.editorLines, { hasText: 'containerPort' }).first().click();
  await podLine();
  await runCommand(page, 'Podsight: Show Pod Diagram', { refocus: podLine });
  const frame = page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
  const svg = frame.locator('svg.pd');
  await svg.waitFor({ timeout: 30_000 });
  const text = (await svg.textContent()) ?? '';
  for (const name of ['mycon1', 'mycon2', 'infra']) if (!text.includes(name)) throw new Error(`diagram lacks ${name}: ${text.slice(0, 200)}`);
  const clashes = await frame.locator('.node.port.f-error').count();
  if (opt.file.includes('port-conflict') && clashes !== 2) throw new Error(`expected the two clashing ports in the error colour, got ${clashes}`);
  await page.mouse.move(5, 5);
  // For the artifacts only: the README's diagram screenshots come from diagram-fit.mjs (light and dark).
  await page.screenshot({ path: path.join(artifacts, 'diagram-vscode.png') });
  // Clicking a container selects its YAML in the editor.
  await frame.locator('[data-id="c:containers:1"]').click();
  await page.locator('.monaco-editor .selected-text').first().waitFor({ timeout: 10_000 });
  return { clashes };
}

/** A kustomize overlay: the patch gets the rendered pod's finding, named after the overlay. */
async function checkKustomize() {
  const file = 'metrics-sidecar.yaml';
  // A clean editor area: close the seed file and the diagram, keep the Problems panel.
  await page.keyboard.press('Escape');
  await page.locator('.part.sidebar').click({ position: { x: 100, y: 400 } });
  await runCommand(page, 'View: Close All Editors');
  await openFile(page, file);
  const editor = page.locator(SEL.editorLines, { hasText: 'statsd-exporter' });
  await editor.waitFor();
  await page.locator(SEL.squiggleError).first().waitFor({ timeout: 45_000 });
  await editor.locator('span', { hasText: /^8080$/ }).first().hover();
  const hover = page.locator(SEL.hover, { hasText: 'in overlay' }).first();
  await hover.waitFor({ timeout: 10_000 });
  const text = (await hover.innerText()).replace(/\s+/g, ' ').trim();
  if (!/port-conflict/.test(text) || !/overlays\/prod/.test(text)) throw new Error(`unexpected hover: ${text}`);
  await screenshot('kustomize.png');
  return { hover: text };
}

let server;
let browser;
let code = 2;
try {
  const tc = toolchain(opt.toolchain);
  const pw = loadPlaywright(tc);
  server = await startCodeServer(tc, { vsix: vsix ? [vsix] : [], settings: { 'editor.minimap.enabled': false } });
  browser = await launchBrowser(pw, { headless: !opt.headed, workDir: server.workDir });
  page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  const payload = vsix ? [] : [['extensionDevelopmentPath', path.resolve(opt.ext)]];
  const tNav = Date.now();
  await page.goto(workbenchUrl(server, { folder: copyWorkspace(opt.workspace, server.workDir), payload }));

  await step('workbench rendered', async () => {
    await page.locator(SEL.workbench).waitFor({ timeout: 60_000 });
    await page.locator(SEL.statusBar).waitFor();
    return { msSinceNavigation: Date.now() - tNav };
  });
  await step(`open ${opt.file}`, async () => {
    await page.locator(SEL.workbench).click({ position: { x: 640, y: 300 } }).catch(() => {});
    await openFile(page, opt.file);
    await page.locator(SEL.editorLines, { hasText: 'containerPort' }).waitFor();
  });
  await step('error squiggle under the conflicting port', async () => {
    await page.locator(SEL.squiggleError).first().waitFor({ timeout: 30_000 });
    return { squiggles: await page.locator(SEL.squiggleError).count(), msSinceNavigation: Date.now() - tNav };
  });
  await step('Problems panel lists Podsight findings', async () => {
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator(SEL.markersRow, { hasText: 'port-conflict' }).first();
    await row.waitFor({ timeout: 15_000 });
    const rows = await page.locator(SEL.markersRow).allInnerTexts();
    const flat = rows.map((r) => r.replace(/\s+/g, ' ').trim());
    if (!flat.some((r) => /podsight/.test(r))) throw new Error(`no row names podsight: ${JSON.stringify(flat)}`);
    await page.mouse.move(5, 5);
    await screenshot('problems.png');
    return { rows: flat };
  });
  await step('hover on the conflicting port shows Podsight\'s message', async () => {
    // Second `80` in the file = mycon2's containerPort (the diagnostic's range).
    const port = page.locator(`${SEL.editorLines} span`, { hasText: /^80$/ }).nth(1);
    await port.hover();
    const hover = page.locator(SEL.hover, { hasText: 'port-conflict' }).first();
    await hover.waitFor({ timeout: 10_000 });
    const text = (await hover.innerText()).replace(/\s+/g, ' ').trim();
    if (!/podsight/.test(text) || !/80/.test(text)) throw new Error(`unexpected hover: ${text}`);
    await screenshot('hover.png');
    return { hover: text };
  });
  await step('diagram panel shows the pod and reveals YAML on click', checkDiagram);
  await step('kustomize: the prod patch shows the port-conflict of the rendered pod', checkKustomize);
  code = steps.every((s) => s.ok) ? 0 : 1;
} catch (e) {
  log('harness error:', e.stack || e);
} finally {
  await page?.screenshot({ path: path.join(artifacts, 'final.png') }).catch(() => {});
  fs.writeFileSync(path.join(artifacts, 'ui-steps.json'), JSON.stringify(steps, null, 2));
  await browser?.close().catch(() => {});
  if (server) {
    await server.stop();
    fs.copyFileSync(server.logFile, path.join(artifacts, 'code-server.log'));
    fs.rmSync(server.workDir, { recursive: true, force: true });
  }
}
log(`${steps.filter((s) => s.ok).length}/${steps.length} UI steps passed (exit ${code})`);
process.exit(code);
