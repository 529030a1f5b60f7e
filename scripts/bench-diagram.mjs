// Measures how fast the pod diagram follows an edit on a 20-container pod: the language server's
// change → `podsight/podGraph` round trip, the SVG rendering, and the browser's parse of it.
// `npm run build` first. Usage: node scripts/bench-diagram.mjs [--runs 40]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 40;
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');
const { renderPodSvg } = require(join(root, 'out/server/src/graph/svg/render.js'));

function pod(n) {
  const items = [];
  for (let i = 0; i < n; i++) {
    items.push(`  - name: c${i}\n    image: ${i % 4 === 0 ? 'nginx:1.27' : `example/app-${i}:1`}\n    ports:\n    - {containerPort: ${8000 + (i % 15)}, name: http-${i}}\n    volumeMounts:\n    - {name: shared, mountPath: /shared/c${i}}\n    - {name: cfg${i % 5}, mountPath: /etc/c${i}, readOnly: true}`);
  }
  const vols = ['  - {name: shared, emptyDir: {}}', ...[0, 1, 2, 3, 4].map((k) => `  - {name: cfg${k}, configMap: {name: cfg${k}}}`)];
  return `apiVersion: v1\nkind: Pod\nmetadata: {name: twenty}\nspec:\n  containers:\n${items.join('\n')}\n  volumes:\n${vols.join('\n')}\n`;
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { p50: +q(0.5).toFixed(2), p95: +q(0.95).toFixed(2), max: +s[s.length - 1].toFixed(2) };
};

const server = spawn(process.execPath, [join(root, 'dist/podsight.js'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const conn = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
conn.onNotification(() => undefined);
conn.onRequest(() => null);
conn.listen();
await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
await conn.sendNotification('initialized', {});
const uri = 'file:///bench/twenty.yaml';
const text = pod(20);
await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
let result = await conn.sendRequest('podsight/podGraph', { textDocument: { uri } });
if (result.graph.containers.length !== 20) throw new Error('expected 20 containers');

const lsp = [];
const render = [];
const svgs = [];
const line = text.split('\n').findIndex((l) => l.includes('- name: c7'));
for (let i = 0; i < runs; i++) {
  const name = `c7x${i}`.padEnd(8, 'x');
  const t0 = performance.now();
  // Typing: replace the name of container c7 (an edit inside one document).
  await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [{ text: text.replace('- name: c7\n', `- name: ${name}\n`) }] });
  result = await conn.sendRequest('podsight/podGraph', { textDocument: { uri }, position: { line, character: 10 } });
  const t1 = performance.now();
  const svg = renderPodSvg(result.graph, result.strings);
  const t2 = performance.now();
  if (result.version !== i + 2) throw new Error('stale graph');
  lsp.push(t1 - t0);
  render.push(t2 - t1);
  svgs.push(svg);
}
await conn.sendRequest('shutdown');
await conn.sendNotification('exit');
conn.dispose();
server.kill();

let dom;
if (existsSync('/usr/bin/chromium')) {
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const page = await browser.newPage();
  await page.setContent('<div id="c"></div>');
  // innerHTML plus a forced layout, as the webview does on every update.
  dom = await page.evaluate((list) => list.map((svg) => {
    const t = performance.now();
    document.getElementById('c').innerHTML = svg;
    document.getElementById('c').getBoundingClientRect();
    return performance.now() - t;
  }), svgs);
  await browser.close();
}

const debounce = 25; // client/src/diagram/diagram-panel.ts UPDATE_DEBOUNCE_MS
const report = { containers: 20, runs, svgBytes: svgs[0].length, lspRoundTripMs: stats(lsp), renderSvgMs: stats(render), browserParseMs: dom ? stats(dom) : 'chromium not found' };
const p95 = report.lspRoundTripMs.p95 + report.renderSvgMs.p95 + (dom ? report.browserParseMs.p95 : 0);
console.log(JSON.stringify(report, null, 2));
const p50 = report.lspRoundTripMs.p50 + report.renderSvgMs.p50 + (dom ? report.browserParseMs.p50 : 0);
console.log(`change → panel updated, incl. ${debounce} ms debounce: p50 ${(p50 + debounce).toFixed(1)} ms, p95 ${(p95 + debounce).toFixed(1)} ms (budget 100 ms)`);
process.exit(p50 + debounce <= 100 ? 0 : 1);
