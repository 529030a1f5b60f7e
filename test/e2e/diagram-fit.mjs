#!/usr/bin/env node
// The pod diagram as a new user sees it: a 1600×1000 window, the diagram beside the editor at the
// default split. For every file in examples/, in the light, dark and high-contrast themes, every
// container, volume and legend text must lie inside the visible panel without scrolling. Closing
// the panel must log no error (it used to log "Webview is disposed").
//
//   node test/e2e/diagram-fit.mjs [--ext DIR] [--themes light,dark,hc] [--files a.yaml,b.yaml]
//        [--artifacts DIR] [--screenshots DIR] [--headed]
// --screenshots docs/images writes diagram-vscode-light.png and diagram-vscode-dark.png.
// Exit code: 0 every check passed, 1 a check failed, 2 harness error.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO, DEFAULT_TOOLCHAIN, toolchain, loadPlaywright, startCodeServer, workbenchUrl, launchBrowser, copyWorkspace, formatConsole, log } from './lib.mjs';
import { openFile as openFileWith, runCommand } from './palette.mjs';

const { values: opt } = parseArgs({ options: {
  ext: { type: 'string', default: REPO },
  themes: { type: 'string', default: 'light,dark,hc' },
  files: { type: 'string' },
  artifacts: { type: 'string', default: path.join(REPO, 'test-results/diagram-fit') },
  screenshots: { type: 'string' },
  toolchain: { type: 'string', default: DEFAULT_TOOLCHAIN },
  headed: { type: 'boolean', default: false },
} });

const THEMES = { light: 'Default Light Modern', dark: 'Default Dark Modern', hc: 'Default High Contrast' };
/** The class VS Code puts on the workbench for each theme type. */
const WORKBENCH_CLASS = { light: 'vs', dark: 'vs-dark', hc: 'hc-black' };
const SEL = {
  workbench: '.monaco-workbench',
  editorLines: '.editor-instance .monaco-editor .view-lines',
};
const examplesDir = path.join(REPO, 'examples');
const files = opt.files ? opt.files.split(',') : fs.readdirSync(examplesDir).filter((f) => f.endsWith('.yaml')).sort();
const artifacts = path.resolve(opt.artifacts);
fs.mkdirSync(artifacts, { recursive: true });

const failures = [];
const consoleErrors = [];
let page;

/** Runs a command from the palette (palette.mjs), clicking into the editor before trying again. */
const command = (name, deadlineMs = 120_000) => runCommand(page, name, { deadlineMs, refocus: () => page.locator(SEL.editorLines).first().click() });
const openFile = (name, deadlineMs = 90_000) => openFileWith(page, name, { deadlineMs });

const diagram = () => page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');

/** What of the diagram lies outside the panel's visible area, measured inside the webview. */
async function measure(frame, name) {
  await frame.locator('svg.pd').waitFor({ timeout: 30_000 });
  // The diagram follows the active editor: wait for this file's pod before measuring.
  await frame.locator('#file', { hasText: name }).waitFor({ timeout: 30_000 });
  return frame.locator('body').evaluate(() => {
    const view = document.getElementById('view');
    const box = view.getBoundingClientRect();
    const items = [...document.querySelectorAll('svg.pd [data-id^="c:"], svg.pd .node.volume, svg.pd .legend text')];
    const outside = items
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
      .map(({ el }) => el.getAttribute('data-id') || el.textContent);
    return {
      counted: items.length,
      containers: document.querySelectorAll('svg.pd [data-id^="c:"]').length,
      volumes: document.querySelectorAll('svg.pd .node.volume').length,
      outside,
      scrolls: view.scrollWidth > view.clientWidth + 1 || view.scrollHeight > view.clientHeight + 1,
      panel: { w: Math.round(box.width), h: Math.round(box.height) },
      zoom: document.getElementById('zoom-level')?.textContent,
      bodyClass: document.body.className,
    };
  });
}

/** One code-server per theme: the theme comes from the user settings, as for a user who chose it. */
async function runTheme(tc, pw, theme) {
  const server = await startCodeServer(tc, { settings: { 'editor.minimap.enabled': false, 'workbench.colorTheme': THEMES[theme]} });
  let browser;
  try {
    browser = await launchBrowser(pw, { headless: !opt.headed, workDir: server.workDir });
    // In an extension development host, code-server ignores a high-contrast workbench.colorTheme from
    // the user settings (light and dark apply). A user gets high contrast from the OS: emulate that,
    // and VS Code's window.autoDetectHighContrast switches to the dark high-contrast theme.
    const hc = theme === 'hc' ? { forcedColors: 'active', colorScheme: 'dark' } : {};
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, ...hc });
    const errors = [];
    page.on('console', async (msg) => {
      const m = await formatConsole(msg);
      if (!m.noise && (m.level === 'error' || /Webview is disposed/.test(m.text))) errors.push(m.text);
    });
    const folder = copyWorkspace(examplesDir, server.workDir);
    await page.goto(workbenchUrl(server, { folder, payload: [['extensionDevelopmentPath', path.resolve(opt.ext)]] }));
    await page.locator(SEL.workbench).waitFor({ timeout: 60_000 });
    await page.waitForFunction((cls) => document.querySelector('.monaco-workbench')?.classList.contains(cls), WORKBENCH_CLASS[theme], { timeout: 90_000 });
    await page.locator(SEL.workbench).click({ position: { x: 800, y: 400 } }).catch(() => {});
    for (const [i, name] of files.entries()) {
      await openFile(name);
      if (i === 0) {
        await page.locator(SEL.editorLines).first().click();
        await command('Podsight: Show Pod Diagram');
      }
      let result;
      try {
        result = await measure(diagram(), name);
      } catch (e) {
        failures.push(`${theme} ${name}: ${String(e.message).split('\n')[0]}`);
        await page.screenshot({ path: path.join(artifacts, `fail-${theme}-${name}.png`) });
        continue;
      }
      const ok = result.outside.length === 0 && !result.scrolls && result.containers > 0;
      log(`${ok ? 'ok  ' : 'FAIL'} ${theme} ${name}: ${JSON.stringify(result)}`);
      if (!ok) {
        failures.push(`${theme} ${name}: ${JSON.stringify(result)}`);
        await page.screenshot({ path: path.join(artifacts, `fail-${theme}-${name}.png`) });
      }
      if (name === 'diagram.yaml' && theme !== 'hc') {
        await page.mouse.move(5, 5);
        const shot = `diagram-vscode-${theme}.png`;
        await page.screenshot({ path: path.join(artifacts, shot) });
        if (opt.screenshots) await page.screenshot({ path: path.join(path.resolve(opt.screenshots), shot) });
      }
    }
    // Close the diagram (focus its tab, then close the active editor) and look for errors.
    await page.locator('.tab', { hasText: /Pod/ }).last().click();
    const before = errors.length;
    await command('View: Close Editor');
    await page.locator('iframe.webview.ready').waitFor({ state: 'detached', timeout: 15_000 }).catch(() => {});
    // Moving the cursor and switching editors after the close is what used to reach the disposed webview.
    // Best effort: Quick Open after the close is flaky in code-server under load; the check below is
    // about errors, and clicking into the remaining editor moves the cursor all the same.
    await openFile(files[0], 20_000).catch((e) => log(`note: ${e.message}`));
    await page.locator(SEL.editorLines).first().click();
    await page.keyboard.press('End');
    const logText = fs.readFileSync(server.logFile, 'utf8');
    const closeErrors = [...errors.slice(before), ...(/Webview is disposed/.test(logText) ? ['code-server.log: Webview is disposed'] : [])];
    consoleErrors.push(...errors);
    if (closeErrors.some((e) => /Webview is disposed|podsight/i.test(e))) failures.push(`${theme}: errors after closing the panel: ${closeErrors.join(' | ')}`);
    else log(`ok   ${theme}: no error logged when the panel closed`);
  } finally {
    await page?.screenshot({ path: path.join(artifacts, `final-${theme}.png`) }).catch(() => {});
    await browser?.close().catch(() => {});
    await server.stop();
    fs.copyFileSync(server.logFile, path.join(artifacts, `code-server-${theme}.log`));
    fs.rmSync(server.workDir, { recursive: true, force: true });
  }
}

let code = 2;
try {
  const tc = toolchain(opt.toolchain);
  const pw = loadPlaywright(tc);
  for (const theme of opt.themes.split(',')) await runTheme(tc, pw, theme);
  code = failures.length ? 1 : 0;
} catch (e) {
  log('harness error:', e.stack || e);
} finally {
  fs.writeFileSync(path.join(artifacts, 'diagram-fit.json'), JSON.stringify({ failures, consoleErrors }, null, 2));
}
for (const f of failures) log(`FAIL ${f}`);
log(`diagram fit: ${failures.length} failure(s) (exit ${code})`);
process.exit(code);
