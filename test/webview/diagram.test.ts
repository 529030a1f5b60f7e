/**
 * The diagram webview in headless Chromium (Debian's, through playwright-core): the real page
 * (`diagramHtml`, dist/webview/main.js and main.css) under its CSP, with a stub `acquireVsCodeApi`
 * that records what the page posts. Waits poll with deadlines; nothing sleeps.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { diagramHtml } from '../../client/src/diagram/html';
import { analyzeText } from '../../server/src/core/analyze';
import { podGraphFor } from '../../server/src/graph/query';
import type { ToWebview } from '../../server/src/protocol/webview-messages';
import { examplesDir, repoRoot } from '../helpers/paths';

// Code passed to page.evaluate runs in the page; these type it without adding the DOM lib to the Node build.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const document: any, window: any;
declare function getComputedStyle(element: unknown): { backgroundColor: string };

const CHROMIUM = process.env.PODSIGHT_CHROMIUM ?? '/usr/bin/chromium';
const ORIGIN = 'https://podsight-webview.test';
const skip = existsSync(CHROMIUM) ? false : `Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) to run the webview tests`;
if (skip) process.stdout.write(`# SKIP webview tests: ${skip}\n`);

let browser: Browser | undefined;
before(async () => {
  if (skip) return;
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
});
after(() => browser?.close());

const example = (name: string): string => readFileSync(join(examplesDir, name), 'utf8');

function updateFor(text: string, fileName = 'pod.yaml'): ToWebview {
  const r = podGraphFor(analyzeText(text), 1, 'en', {});
  return { type: 'update', graph: r.graph, pods: r.pods, active: r.active, strings: r.strings, uri: `file:///work/${fileName}`, fileName };
}

interface Posted {
  type: string;
  [k: string]: unknown;
}

/** Opens the webview page with the stub API; resolves once the page has posted `ready`. */
async function openPage(theme: 'light' | 'dark' | 'hc' = 'light', size = { width: 900, height: 700 }): Promise<Page> {
  assert.ok(browser);
  const page = await browser.newPage({ viewport: size });
  const nonce = 'dGVzdC1ub25jZS0xMjM0NQ==';
  const html = diagramHtml({ cspSource: ORIGIN, nonce, scriptUri: `${ORIGIN}/main.js`, styleUri: `${ORIGIN}/main.css` });
  await page.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/index.html') return route.fulfill({ contentType: 'text/html', body: html });
    if (path === '/main.js' || path === '/main.css') {
      return route.fulfill({ contentType: path.endsWith('.js') ? 'text/javascript' : 'text/css', body: readFileSync(join(repoRoot, 'dist', 'webview', path.slice(1)), 'utf8') });
    }
    return route.fulfill({ status: 404, body: '' });
  });
  await page.addInitScript(
    ([vars, cls]) => {
      const w = window as unknown as { __posted: unknown[]; __state: unknown; acquireVsCodeApi: () => unknown };
      w.__posted = [];
      w.__state = undefined;
      w.acquireVsCodeApi = () => ({
        postMessage: (m: unknown) => w.__posted.push(m),
        getState: () => w.__state,
        setState: (s: unknown) => (w.__state = s),
      });
      // VS Code puts the theme's colours on <html> and a class on <body>.
      document.addEventListener('DOMContentLoaded', () => {
        for (const [k, v] of Object.entries(vars as Record<string, string>)) document.documentElement.style.setProperty(k, v);
        document.body.classList.add(cls as string);
      });
    },
    [THEMES[theme], theme === 'hc' ? 'vscode-high-contrast' : `vscode-${theme}`] as const,
  );
  await page.goto(`${ORIGIN}/index.html`);
  await page.waitForFunction(() => (window as unknown as { __posted: Posted[] }).__posted.some((m) => m.type === 'ready'), undefined, { timeout: 10_000 });
  return page;
}

async function send(page: Page, message: ToWebview): Promise<void> {
  await page.evaluate((m) => window.postMessage(m, '*'), message);
}

const posted = (page: Page): Promise<Posted[]> => page.evaluate(() => (window as unknown as { __posted: Posted[] }).__posted);

test('renders the seed shared-disk pod: infra, both containers, the emptyDir and both mount paths', { skip }, async () => {
  const page = await openPage();
  await send(page, updateFor(example('seed-shared-disk.yaml')));
  await page.locator('svg.pd').waitFor({ timeout: 10_000 });
  const text = await page.locator('svg.pd').textContent();
  for (const s of ['infra', 'mycon1', 'mycon2', 'mymount', 'emptyDir', '/root/.pm2/logs', '/pm2logs']) assert.ok(text?.includes(s), s);
  assert.equal(await page.locator('[data-id^="m:"]').count(), 2);
  assert.equal(await page.locator('#pod').isHidden(), true, 'no selector for one pod');
  await page.close();
});

test('clicks and the keyboard post reveal with the element\'s YAML range; pod selector and export post theirs', { skip }, async () => {
  const page = await openPage();
  const source = example('seed-shared-disk.yaml') + '---\n' + example('seed-port-conflict.yaml');
  const update = updateFor(source);
  await send(page, update);
  await page.locator('svg.pd').waitFor();
  assert.ok(update.type === 'update' && update.graph);
  const mount = update.graph.mounts[1]!;
  await page.locator(`[data-id="${mount.id}"]`).click();
  await page.waitForFunction(() => (window as unknown as { __posted: Posted[] }).__posted.some((m) => m.type === 'reveal'));
  const reveal = (await posted(page)).find((m) => m.type === 'reveal');
  assert.deepEqual(reveal, { type: 'reveal', id: mount.id, range: mount.selectionRange });
  assert.equal(source.split('\n')[mount.selectionRange.start.line]?.slice(mount.selectionRange.start.character, mount.selectionRange.end.character), '/pm2logs');

  // Keyboard: focus the first container and press Enter.
  const container = update.graph.containers[0]!;
  await page.locator(`[data-id="${container.id}"]`).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => (window as unknown as { __posted: Posted[] }).__posted.some((m) => m.type === 'reveal' && m.id === id), container.id);
  // Tab moves to the next node.
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-id'));
  assert.ok(focused && focused !== container.id, String(focused));
  assert.ok((await page.locator(`[data-id="${container.id}"]`).getAttribute('aria-label'))?.includes('mycon1'));

  // Two pods: a selector.
  await page.locator('#pod').selectOption('1');
  await page.waitForFunction(() => (window as unknown as { __posted: Posted[] }).__posted.some((m) => m.type === 'selectPod' && m.index === 1));
  await page.locator('#export').click();
  await page.waitForFunction(() => (window as unknown as { __posted: Posted[] }).__posted.some((m) => m.type === 'exportSvg'));

  // Highlight follows the editor's cursor.
  await send(page, { type: 'highlight', id: container.id });
  await page.locator(`[data-id="${container.id}"].highlight`).waitFor();
  await page.close();
});

test('updates keep zoom and scroll; state survives in setState', { skip }, async () => {
  const page = await openPage('light', { width: 400, height: 300 });
  const update = updateFor(example('diagram.yaml'));
  await send(page, update);
  await page.locator('svg.pd').waitFor();
  assert.equal(await page.locator('#fit').getAttribute('aria-pressed'), 'true');
  await page.locator('#zoom-reset').click();
  await page.locator('#zoom-in').click();
  assert.equal(await page.locator('#fit').getAttribute('aria-pressed'), 'false');
  await page.evaluate(() => document.getElementById('view')!.scrollTo(120, 90));
  await page.waitForFunction(() => ((window as unknown as { __state?: { scrollTop?: number } }).__state?.scrollTop ?? 0) > 0);
  await send(page, update);
  const after = await page.evaluate(() => ({
    zoom: (window as unknown as { __state: { zoom: number } }).__state.zoom,
    top: document.getElementById('view')!.scrollTop,
    width: Number(document.querySelector('svg.pd')!.getAttribute('width')),
    viewBox: Number(document.querySelector('svg.pd')!.getAttribute('viewBox')!.split(' ')[2]),
    level: document.getElementById('zoom-level')!.textContent,
  }));
  assert.equal(after.zoom, 1.25);
  assert.equal(after.top, 90);
  assert.equal(after.width, Math.floor(after.viewBox * 1.25));
  assert.equal(after.level, '125%');
  await page.close();
});

test('fit (the default) shows the whole diagram in the panel; a resize lays it out again', { skip }, async () => {
  const page = await openPage('light', { width: 620, height: 860 });
  await send(page, updateFor(example('diagram.yaml')));
  await page.locator('svg.pd').waitFor();
  const inside = (): Promise<{ outside: string[]; scroll: boolean; stacked: boolean }> =>
    page.evaluate(() => {
      const view = document.getElementById('view')!.getBoundingClientRect();
      const outside: string[] = [];
      for (const el of document.querySelectorAll('#canvas [data-id], #canvas .legend text')) {
        const r = el.getBoundingClientRect();
        if (r.left < view.left - 0.5 || r.right > view.right + 0.5 || r.top < view.top - 0.5 || r.bottom > view.bottom + 0.5) outside.push(el.getAttribute('data-id') ?? el.textContent);
      }
      const v = document.getElementById('view')!;
      return { outside, scroll: v.scrollWidth > v.clientWidth || v.scrollHeight > v.clientHeight, stacked: document.querySelector('svg.pd')!.classList.contains('stacked') };
    });
  const narrow = await inside();
  assert.deepEqual(narrow.outside, []);
  assert.equal(narrow.scroll, false);
  assert.equal(narrow.stacked, true, 'volumes under the containers at 620 px');
  await page.setViewportSize({ width: 1300, height: 860 });
  await page.waitForFunction(() => !document.querySelector('svg.pd')!.classList.contains('stacked'));
  assert.deepEqual((await inside()).outside, []);
  await page.close();
});

test('keyboard: arrow keys walk the nodes; a clash label reveals its finding', { skip }, async () => {
  const page = await openPage('light', { width: 900, height: 800 });
  const update = updateFor(example('seed-port-conflict.yaml'));
  await send(page, update);
  await page.locator('svg.pd').waitFor();
  await page.locator('[data-id="pod"]').focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-id')), 'infra');
  await page.keyboard.press('End');
  const last = await page.evaluate(() => document.activeElement?.getAttribute('data-id'));
  await page.keyboard.press('ArrowUp');
  assert.notEqual(await page.evaluate(() => document.activeElement?.getAttribute('data-id')), last);
  const clash = page.locator('[data-id="x:80/TCP"]');
  assert.match((await clash.getAttribute('aria-label')) ?? '', /Port clash on 80\/TCP between mycon1, mycon2/);
  await clash.click();
  await page.waitForFunction(() => (window as unknown as { __posted: Posted[] }).__posted.some((m) => m.type === 'reveal' && m.id === 'x:80/TCP'));
  const reveal = (await posted(page)).find((m) => m.type === 'reveal' && m.id === 'x:80/TCP') as unknown as { range: { start: { line: number } } };
  assert.equal(reveal.range.start.line, 15, 'the port-conflict finding on mycon2\'s containerPort');
  await page.close();
});

test('neighbourhood: a Service in front with a broken line for a wrong targetPort; a click on it selects the Service', { skip }, async () => {
  const page = await openPage();
  const source = `apiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: web}}\nspec:\n  containers:\n  - {name: app, image: example.com/app:1, ports: [{containerPort: 8080}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports:\n  - {name: http, port: 80, targetPort: 8080}\n  - {name: admin, port: 81, targetPort: 9090}\n`;
  await send(page, updateFor(source));
  await page.locator('svg.pd [data-id="svc:0"]').waitFor();
  assert.equal(await page.locator('svg.pd polyline.edge.service').count(), 2);
  assert.equal(await page.locator('svg.pd polyline.edge.service.broken').count(), 1);
  assert.match((await page.locator('[data-id="svc:0:1"]').getAttribute('aria-label')) ?? '', /Service web, port admin 81→9090\. nothing in the pod serves 9090/);
  await page.locator('[data-id="svc:0:0"]').click();
  await page.waitForFunction(() => (window as unknown as { __posted: Posted[] }).__posted.some((m) => m.type === 'reveal'));
  const reveal = (await posted(page)).find((m) => m.type === 'reveal') as unknown as { range: { start: { line: number } } };
  assert.equal(reveal.range.start.line, 7, 'the Service');
  await page.close();
});

test('XSS: markup and script in names and images never run and show literally', { skip }, async () => {
  const page = await openPage();
  const evil = `apiVersion: v1
kind: Pod
metadata:
  name: "<img src=x onerror=window.__pwned=1>"
spec:
  containers:
  - name: "<script>window.__pwned=2</script>"
    image: "<img src=x onerror=window.__pwned=3>"
    ports:
    - {containerPort: 80, name: "<svg onload=window.__pwned=4>"}
    volumeMounts:
    - {name: "<b onmouseover=window.__pwned=5>v</b>", mountPath: "</text><script>window.__pwned=6</script>"}
  volumes:
  - name: "<b onmouseover=window.__pwned=5>v</b>"
    emptyDir: {}
`;
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await send(page, updateFor(evil, '<img src=x onerror=window.__pwned=7>.yaml'));
  await page.locator('svg.pd').waitFor();
  await page.locator('svg.pd [data-id^="m:"]').hover();
  const result = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: number }).__pwned,
    injected: document.querySelectorAll('#canvas img, #canvas script, #canvas b, #canvas svg svg, #file *').length,
    text: document.getElementById('canvas')!.textContent ?? '',
    file: document.getElementById('file')!.textContent,
  }));
  assert.equal(result.pwned, undefined);
  assert.equal(result.injected, 0);
  assert.ok(result.text.includes('<script>window.__pwned=2</script>'), result.text);
  assert.ok(result.text.includes('<img src=x onerror=window.__pwned=3>'));
  assert.ok(result.text.includes('<img src=x onerror=window.__pwned=1>'));
  assert.equal(result.file, '<img src=x onerror=window.__pwned=7>.yaml');
  assert.deepEqual(errors, []);
  await page.close();
});

const BASE = { '--vscode-font-family': 'system-ui, "DejaVu Sans", sans-serif', '--vscode-font-size': '13px' };
const THEMES: Record<'light' | 'dark' | 'hc', Record<string, string>> = {
  light: {
    ...BASE,
    '--vscode-foreground': '#3b3b3b', '--vscode-editor-background': '#ffffff', '--vscode-editor-foreground': '#3b3b3b', '--vscode-descriptionForeground': '#6f6f6f',
    '--vscode-editorWidget-background': '#f8f8f8', '--vscode-editorWidget-border': '#c8c8c8', '--vscode-textBlockQuote-background': '#f2f6fb', '--vscode-textBlockQuote-border': '#005fb8',
    '--vscode-focusBorder': '#005fb8', '--vscode-editorError-foreground': '#e51400', '--vscode-editorWarning-foreground': '#bf8803', '--vscode-editorInfo-foreground': '#1a85ff',
    '--vscode-badge-background': '#cccccc', '--vscode-badge-foreground': '#3b3b3b', '--vscode-panel-border': '#e5e5e5', '--vscode-button-secondaryBackground': '#e5e5e5',
    '--vscode-button-secondaryForeground': '#3b3b3b', '--vscode-dropdown-background': '#ffffff', '--vscode-dropdown-foreground': '#3b3b3b', '--vscode-editor-selectionBackground': '#add6ff', '--vscode-textLink-foreground': '#005fb8',
  },
  dark: {
    ...BASE,
    '--vscode-foreground': '#cccccc', '--vscode-editor-background': '#1f1f1f', '--vscode-editor-foreground': '#cccccc', '--vscode-descriptionForeground': '#9d9d9d',
    '--vscode-editorWidget-background': '#252526', '--vscode-editorWidget-border': '#454545', '--vscode-textBlockQuote-background': '#2b2b2b', '--vscode-textBlockQuote-border': '#0078d4',
    '--vscode-focusBorder': '#0078d4', '--vscode-editorError-foreground': '#f14c4c', '--vscode-editorWarning-foreground': '#cca700', '--vscode-editorInfo-foreground': '#3794ff',
    '--vscode-badge-background': '#616161', '--vscode-badge-foreground': '#f8f8f8', '--vscode-panel-border': '#2b2b2b', '--vscode-button-secondaryBackground': '#313131',
    '--vscode-button-secondaryForeground': '#cccccc', '--vscode-dropdown-background': '#313131', '--vscode-dropdown-foreground': '#cccccc', '--vscode-editor-selectionBackground': '#264f78', '--vscode-textLink-foreground': '#4daafc',
  },
  hc: {
    ...BASE,
    '--vscode-foreground': '#ffffff', '--vscode-editor-background': '#000000', '--vscode-editor-foreground': '#ffffff', '--vscode-descriptionForeground': '#ffffffb3',
    '--vscode-editorWidget-background': '#0c141f', '--vscode-contrastBorder': '#6fc3df', '--vscode-textBlockQuote-background': '#000000', '--vscode-focusBorder': '#f38518',
    '--vscode-editorError-foreground': '#f48771', '--vscode-editorWarning-foreground': '#ffd700', '--vscode-editorInfo-foreground': '#3794ff', '--vscode-badge-background': '#000000',
    '--vscode-badge-foreground': '#ffffff', '--vscode-button-secondaryBackground': '#000000', '--vscode-button-secondaryForeground': '#ffffff', '--vscode-button-border': '#6fc3df',
    '--vscode-dropdown-background': '#000000', '--vscode-dropdown-foreground': '#ffffff', '--vscode-editor-selectionBackground': '#3a3d41', '--vscode-textLink-foreground': '#21a6ff',
  },
};

test('light, dark and high-contrast screenshots (docs/images with PODSIGHT_UPDATE_SCREENSHOTS=1)', { skip }, async () => {
  const out = join(repoRoot, 'out', 'screenshots');
  mkdirSync(out, { recursive: true });
  for (const theme of ['light', 'dark', 'hc'] as const) {
    const page = await openPage(theme, { width: 940, height: 720 });
    await send(page, updateFor(example('diagram.yaml'), 'diagram.yaml'));
    await page.locator('svg.pd').waitFor();
    const name = `diagram-${theme === 'hc' ? 'high-contrast' : theme}.png`;
    const png = await page.screenshot({ fullPage: true });
    assert.ok(png.length > 10_000);
    // The theme reached the SVG: the canvas background is the theme's.
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(bg, { light: 'rgb(255, 255, 255)', dark: 'rgb(31, 31, 31)', hc: 'rgb(0, 0, 0)' }[theme]);
    writeFileSync(join(out, name), png);
    if (process.env.PODSIGHT_UPDATE_SCREENSHOTS === '1') writeFileSync(join(repoRoot, 'docs', 'images', name), png);
    await page.close();
  }
});

/** WCAG 2 contrast of two `rgb()/rgba()` colours, the first blended over the second. */
function contrast(fg: string, bg: string): number {
  const parse = (c: string): number[] => (c.match(/[\d.]+/g) ?? []).map(Number);
  const [br = 0, bgG = 0, bb = 0] = parse(bg);
  const [r = 0, g = 0, b = 0, a = 1] = parse(fg);
  const blend = [r * a + br * (1 - a), g * a + bgG * (1 - a), b * a + bb * (1 - a)];
  const lum = (rgb: number[]): number => {
    const [x = 0, y = 0, z = 0] = rgb.map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
    return 0.2126 * x + 0.7152 * y + 0.0722 * z;
  };
  const [l1, l2] = [lum(blend), lum([br, bgG, bb])].sort((p, q) => q - p);
  return (l1! + 0.05) / (l2! + 0.05);
}

test('legend: text 4.5:1 and swatches 3:1 against the background, in light, dark and high contrast (WCAG AA)', { skip }, async () => {
  for (const theme of ['light', 'dark', 'hc'] as const) {
    const page = await openPage(theme, { width: 900, height: 800 });
    await send(page, updateFor(example('diagram.yaml')));
    await page.locator('svg.pd .legend').waitFor();
    const colours = await page.evaluate(() => {
      const bg = getComputedStyle(document.body).backgroundColor;
      const style = (el: unknown): { fill: string; stroke: string } => getComputedStyle(el) as unknown as { fill: string; stroke: string };
      const legend = document.querySelector('svg.pd .legend')!;
      return {
        bg,
        texts: [...legend.querySelectorAll('text')].map((t) => ({ text: t.textContent, fill: style(t).fill })),
        swatches: [...legend.querySelectorAll('rect, polyline')].map((s) => ({ cls: s.getAttribute('class'), stroke: style(s).stroke })),
      };
    });
    assert.equal(colours.texts.length, 8); // socket, undeclared listener, unserved declaration, call, rw, ro, error, warning
    for (const t of colours.texts) assert.ok(contrast(t.fill, colours.bg) >= 4.5, `${theme}: legend text "${t.text}" ${t.fill} on ${colours.bg}: ${contrast(t.fill, colours.bg).toFixed(2)}`);
    for (const s of colours.swatches) assert.ok(contrast(s.stroke, colours.bg) >= 3, `${theme}: swatch ${s.cls} ${s.stroke} on ${colours.bg}: ${contrast(s.stroke, colours.bg).toFixed(2)}`);
    // One line per row of items: no label is pushed onto a line of its own ("warning" was).
    const rows = await page.evaluate(() => new Set([...document.querySelectorAll('svg.pd .legend text')].map((t) => t.getAttribute('y'))).size);
    assert.ok(rows <= 2, `${theme}: ${rows} legend rows`);
    await page.close();
  }
});
