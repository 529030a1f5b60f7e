/**
 * The diagram webview page in headless Chromium (Debian's, through playwright-core), shared by the
 * webview tests: the real page (`diagramHtml`, dist/webview/main.js and main.css) under its CSP,
 * with a stub `acquireVsCodeApi` that records what the page posts; VS Code's theme colours.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { diagramHtml } from '../../client/src/diagram/html';
import { analyzeText } from '../../server/src/core/analyze';
import { podGraphFor } from '../../server/src/graph/query';
import type { ToWebview } from '../../server/src/protocol/webview-messages';
import { repoRoot } from '../helpers/paths';

// Code passed to page.evaluate runs in the page; these type it without adding the DOM lib to the Node build.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const document: any, window: any;

const CHROMIUM = process.env.PODSIGHT_CHROMIUM ?? '/usr/bin/chromium';
const ORIGIN = 'https://podsight-webview.test';
export const skip = existsSync(CHROMIUM) ? false : `Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) to run the webview tests`;
if (skip) process.stdout.write(`# SKIP webview tests: ${skip}\n`);

let browser: Browser | undefined;

/** Starts Chromium before the file's tests and closes it after them. */
export function useChromium(): void {
  before(async () => {
    if (skip) return;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
    });
  });
  after(() => browser?.close());
}

/** An `update` message that shows a pod of `text` (the first, or the one the graph query picks). */
export function updateFor(text: string, fileName = 'pod.yaml'): ToWebview {
  const r = podGraphFor(analyzeText(text), 1, 'en', {});
  return { type: 'update', graph: r.graph, pods: r.pods, active: r.active, strings: r.strings, uri: `file:///work/${fileName}`, fileName };
}

export interface Posted {
  type: string;
  [k: string]: unknown;
}

/** Opens the webview page with the stub API; resolves once the page has posted `ready`. */
export async function openPage(theme: 'light' | 'dark' | 'hc' = 'light', size = { width: 900, height: 700 }): Promise<Page> {
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

export async function send(page: Page, message: ToWebview): Promise<void> {
  await page.evaluate((m) => window.postMessage(m, '*'), message);
}

export const posted = (page: Page): Promise<Posted[]> => page.evaluate(() => (window as unknown as { __posted: Posted[] }).__posted);

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

/** WCAG 2 contrast of two `rgb()/rgba()` colours, the first blended over the second. */
export function contrast(fg: string, bg: string): number {
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

