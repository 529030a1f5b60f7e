// `node bench/workspace.mjs`: the workspace index, in process (after `npm run build`).
//  1. Indexing: a generated workspace of 2,000 YAML files (5 documents each) scanned by the
//     language server's WorkspaceIndex, from a cold cache (median of 3).
//  2. Edit cost at 5,000 documents: re-analysing the benchmark's 5,000-document file after a
//     one-character edit, with the workspace rules off (as before them) and on, alone and with the
//     2,000 files as peers. A/B on the same machine at the same time, so the load cancels out.
//
//   node bench/workspace.mjs [--files 2000] [--docs 5000] [--edits 7]
import { mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generate } from './gen-manifest.mjs';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : dflt);
const files = opt('files', 2000);
const docs = opt('docs', 5000);
const edits = opt('edits', 7);
const { WorkspaceIndex } = require(join(root, 'out/server/src/lsp/workspace-index.js'));
const { Analyzer } = require(join(root, 'out/server/src/core/analyze.js'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => (x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString('en-US'));
const WORKSPACE_RULES = ['service-selects-nothing', 'dangling-backend', 'missing-config-key', 'duplicate-port-name', 'selector-mismatch', 'duplicate-env', 'undefined-env-reference', 'probe-port-elsewhere'];

const dir = join(root, 'bench-results', 'work', 'workspace');
rmSync(dir, { recursive: true, force: true });
for (let i = 0; i < files; i++) {
  const sub = join(dir, `app-${Math.floor(i / 50)}`);
  mkdirSync(sub, { recursive: true });
  writeFileSync(join(sub, `m-${i}.yaml`), generate({ docs: 5, seed: i + 1 }).text);
}

const scans = [];
const scanCpu = [];
// CPU time next to wall time: on a shared machine the wall clock also counts other processes' turns.
const cpuMs = (c0) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};
let index;
for (let run = 0; run < 3; run++) {
  index = new WorkspaceIndex();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await index.scan([pathToFileURL(dir).href], 1e9);
  scans.push(performance.now() - t0);
  scanCpu.push(cpuMs(c0));
}

const big = join(root, 'bench-results', 'work', `k8s-${docs}.yaml`);
writeFileSync(big, generate({ docs, seed: 7 }).text);
const text = readFileSync(big, 'utf8');
const peers = index.peers(pathToFileURL(join(dir, 'app-0', 'm-0.yaml')).href, new Set()).peers;

function editCost(options, withPeers) {
  const analyzer = new Analyzer();
  const p = withPeers ? peers : [];
  analyzer.analyze(text, options, p, { source: big });
  const times = [];
  const cpu = [];
  let current = text;
  for (let i = 0; i < edits; i++) {
    // A one-character edit in the middle of the file, as a user types.
    const at = current.indexOf('replicas: ', Math.floor(current.length / 2)) + 10;
    current = current.slice(0, at) + String(i % 9 + 1) + current.slice(at + 1);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    analyzer.analyze(current, options, p, { source: big });
    times.push(performance.now() - t0);
    cpu.push(cpuMs(c0));
  }
  return [median(times), median(cpu)];
}

const off = { rules: Object.fromEntries(WORKSPACE_RULES.map((r) => [r, 'off'])) };
const rows = [
  ['rules as before (workspace rules off), no peers', editCost(off, false)],
  ['all rules, no peers', editCost({}, false)],
  ['rules as before, 2,000 files as peers', editCost(off, true)],
  ['all rules, 2,000 files as peers', editCost({}, true)],
];
console.log(`| measure | wall ms | CPU ms |\n|---|---|---|\n| index ${files.toLocaleString('en-US')} files (${index.size} indexed), cold | ${ms(median(scans))} | ${ms(median(scanCpu))} |`);
for (const [name, [t, c]] of rows) console.log(`| edit → findings at ${docs.toLocaleString('en-US')} documents: ${name} | ${ms(t)} | ${ms(c)} |`);
console.log(`\nMedians (${edits} edits, 3 scans); Node ${process.version}; ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`);
