// `npm run bench`: Podsight's language server against yaml-language-server (with its Kubernetes
// schema, offline) on generated manifests of 100, 1,000 and 5,000 documents, through one LSP
// client over stdio; plus the `yaml` parse floor and the CLI on the real-world corpus.
// Prints one Markdown table and writes it, with the raw numbers, to bench-results/ (git-ignored).
//
//   npm run bench [-- --sizes 100,1000 --runs 10 --opens 5 --no-peer --repo-files 2000 --no-repo --repo-only]
//
// Every measurement records the load average (the machine may be shared: compare ratios taken in
// the same run, and read absolute numbers against the load).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { generate } from './gen-manifest.mjs';
import { generateRepo, REPO_VERSION } from './gen-repo.mjs';
import { buildSchema, K8S_SCHEMA_VERSION } from './k8s-schema.mjs';
import { runSession, stats } from './lsp-session.mjs';
import { benchKustomize } from './kustomize.mjs';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const repoOnly = args.includes('--repo-only');
const sizes = repoOnly ? [] : opt('sizes', '100,1000,5000').split(',').map(Number);
const runs = Number(opt('runs', '10'));
// The first open runs on a cold JIT; the floor is likewise a median of warm parses after a cold one.
const opens = Number(opt('opens', '5'));
const withPeer = !args.includes('--no-peer');
const out = join(root, 'bench-results');
const work = join(out, 'work');
mkdirSync(work, { recursive: true });
const log = (...a) => console.error('[bench]', ...a);

if (!existsSync(join(root, 'dist/podsight.js'))) spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
const require = createRequire(import.meta.url);
const schemaDir = withPeer ? buildSchema(join(work, 'schema')) : undefined;

const podsight = { name: 'podsight', command: [process.execPath, join(root, 'dist/podsight.js'), 'lsp', '--stdio'], settings: { podsight: {} } };
const peer = withPeer && {
  name: 'yaml-language-server',
  command: [process.execPath, join(dirname(require.resolve('yaml-language-server/package.json')), 'bin/yaml-language-server'), '--stdio'],
  // The production setting of the Red Hat YAML extension for Kubernetes files; the schema it
  // would download is answered from the local build (as VS Code answers `custom/schema/content`).
  settings: {
    yaml: {
      validate: true,
      hover: true,
      completion: true,
      schemaStore: { enable: false },
      kubernetesVersion: K8S_SCHEMA_VERSION,
      schemas: { kubernetes: '*.yaml' },
    },
    http: { proxy: '', proxyStrictSSL: false },
  },
  notifications: [{ method: 'yaml/registerContentRequest' }],
  // The peer asks for `<host>/<version>-standalone-strict/all.json`: matched on the folder name.
  serve: [[`${K8S_SCHEMA_VERSION}-standalone-strict/`, schemaDir]],
};

function parseFloor(file) {
  const r = spawnSync(process.execPath, [join(root, 'bench/parse-floor.mjs'), file], { encoding: 'utf8' });
  return JSON.parse(r.stdout);
}

/** Did Podsight find exactly the planted conflicts, and the peer the planted schema errors? */
function check(name, diags, truth) {
  const at = (code) => new Set(diags.filter((d) => code === undefined || d.code === code).map((d) => d.range.start.line));
  const problems = [];
  const expect = (code, planted, exact) => {
    const got = at(code);
    const missing = planted.filter((p) => !got.has(p.line));
    if (missing.length) problems.push(`${name}: ${missing.length}/${planted.length} ${code ?? 'schema errors'} missed (line ${missing[0].line + 1})`);
    if (exact) {
      const lines = new Set(planted.map((p) => p.line));
      const extra = [...got].filter((l) => !lines.has(l));
      if (extra.length) problems.push(`${name}: ${extra.length} unexpected ${code} (line ${extra[0] + 1})`);
    }
  };
  if (name === 'podsight') {
    expect('port-conflict', truth.portConflicts, true);
    expect('duplicate-mount-path', truth.duplicateMounts, true);
    expect('unknown-field', truth.unknownFields, true);
  } else {
    expect(undefined, truth.unknownFields, false);
  }
  return problems;
}

function cliCorpus() {
  const corpus = join(root, '../shared/corpus/real-world');
  if (!existsSync(corpus)) return undefined;
  const times = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, [join(root, 'dist/podsight.js'), 'check', corpus, '--format', 'json'], { stdio: 'ignore' });
    times.push(performance.now() - t0);
  }
  return stats(times);
}

/** Wall time and peak RSS of a command (GNU time when present), median of `n` runs, with the load average before each. */
function timed(label, argv, n = 3) {
  const runs = [];
  for (let i = 0; i < n; i++) {
    const load = loadavg()[0];
    const gnuTime = existsSync('/usr/bin/time');
    const t0 = performance.now();
    const r = spawnSync(gnuTime ? '/usr/bin/time' : argv[0], gnuTime ? ['-f', '%M', ...argv] : argv.slice(1), { encoding: 'utf8', maxBuffer: 1 << 30 });
    const wall = performance.now() - t0;
    const kib = gnuTime ? Number(r.stderr.trim().split('\n').pop()) : NaN;
    if (r.status !== 0 && r.status !== 1) throw new Error(`${label} exited with ${r.status}: ${r.stderr.slice(0, 500)}`);
    runs.push({ ms: wall, peakMiB: kib / 1024, load });
    log(`  ${label}: ${ms(wall)} ms, ${Math.round(kib / 1024)} MiB, load average ${load.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after`);
  }
  runs.sort((a, b) => a.ms - b.ms);
  return { ...runs[runs.length >> 1], runs };
}

/** The corpus-scale row: `podsight check DIR` on a generated repository, against the `yaml` parse of the same files, in the same run. */
function cliRepo(files) {
  const dir = join(work, `repo-${files}-v${REPO_VERSION}`);
  const stamp = join(dir, '.generated.json');
  if (!existsSync(stamp)) writeFileSync(stamp, JSON.stringify(generateRepo(dir, { files, seed: 19 })));
  const { bytes } = JSON.parse(readFileSync(stamp, 'utf8'));
  const floor = timed('yaml floor', [process.execPath, join(root, 'bench/parse-floor-dir.mjs'), dir]);
  log(`repo ${files} files: floor ${ms(floor.ms)} ms (load ${floor.load.toFixed(1)})`);
  const one = timed('check --jobs 1', [process.execPath, join(root, 'dist/podsight.js'), 'check', dir, '--format', 'json', '--jobs', '1']);
  const all = timed('check (one job per core)', [process.execPath, join(root, 'dist/podsight.js'), 'check', dir, '--format', 'json']);
  log(`repo: check --jobs 1 ${ms(one.ms)} ms, one per core ${ms(all.ms)} ms, ${Math.round(all.peakMiB)} MiB`);
  return { files, bytes, floor, one, all };
}

const ms = (x) => (x === undefined || Number.isNaN(x) ? 'n/a' : x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString('en-US'));
const ratio = (a, b) => (a && b ? (a / b).toFixed(2) : 'n/a');
const rows = [];
const cold = [];
const raw = { date: new Date().toISOString(), node: process.version, nproc: cpus().length, memGiB: totalmem() / 2 ** 30, load: loadavg(), sizes: [] };
for (const docs of sizes) {
  // One folder per size: Podsight reads the other manifests of a file's folder (Services across
  // files), and the 5,000-document file must not weigh on the 100-document measurements.
  mkdirSync(join(work, String(docs)), { recursive: true });
  const file = join(work, String(docs), `k8s-${docs}.yaml`);
  const { text, truth } = generate({ docs, seed: 7 });
  writeFileSync(file, text);
  writeFileSync(file.replace(/\.yaml$/, '.truth.json'), JSON.stringify(truth, null, 1));
  const floor = parseFloor(file);
  log(`${docs} docs (${truth.lines} lines): parse floor ${ms(floor.median)} ms`);
  const sessionOpts = { opens, runs, hovers: 20 };
  const p = await runSession(podsight, file, sessionOpts);
  log(`podsight: open ${ms(stats(p.open)?.median)} ms (whole file ${ms(stats(p.openAll)?.median)} ms), edit ${ms(stats(p.edit)?.median)} ms, ${p.error ?? 'ok'}`);
  let y;
  if (peer) {
    y = await runSession(peer, file, sessionOpts);
    log(`peer: open ${ms(stats(y.open)?.median)} ms, edit ${ms(stats(y.edit)?.median)} ms, ${y.error ?? 'ok'}`);
  }
  const problems = [p.error, y?.error].filter(Boolean);
  if (p.ok) problems.push(...check('podsight', p.afterOpen, truth), ...check('podsight', p.afterEdit, truth));
  if (y?.ok) problems.push(...check('yaml-language-server', y.afterOpen, truth), ...check('yaml-language-server', y.afterEdit, truth));
  // Warm opens (a fresh URI each, so nothing is cached) when there are several; else the first.
  const openOf = (s) => stats(s.open.length > 1 ? s.open.slice(1) : s.open)?.median;
  // First diagnostics, and the whole file's (a big file's first documents are published early).
  const openAllOf = (s) => stats(s.openAll.length > 1 ? s.openAll.slice(1) : s.openAll)?.median;
  const m = (s, k) => (s ? stats(s[k])?.median : undefined);
  rows.push(
    `| ${docs.toLocaleString('en-US')} (${Math.round(truth.lines / 1000)}k) | ${ms(floor.median)} | ${ms(openOf(p))} (whole ${ms(openAllOf(p))}) / ${y ? ms(openAllOf(y)) : '–'} | ${ratio(openOf(p), floor.median)}× (whole ${ratio(openAllOf(p), floor.median)}×) | ` +
      `${ms(m(p, 'edit'))} (${ms(m(p, 'editFirstByte'))}) / ${y ? ms(m(y, 'edit')) : '–'} | ${y ? ratio(m(p, 'edit'), m(y, 'edit')) + '×' : '–'} | ${ms(m(p, 'hover'))} / ${y ? ms(m(y, 'hover')) : '–'} | ` +
      `${ms(m(p, 'codeAction'))} / ${y ? ms(m(y, 'codeAction')) : '–'} | ${ms(p.stall)} / ${y ? ms(y.stall) : '–'} | ${Math.round(p.peakMiB)} / ${y ? Math.round(y.peakMiB) : '–'} | ${y ? ratio(p.peakMiB, y.peakMiB) + '×' : '–'} | ` +
      `${problems.length ? '✗ ' + problems.join('; ') : `✓ ${p.afterOpen?.length ?? 0} / ${y?.afterOpen?.length ?? '–'}`} |`,
  );
  cold.push(`${docs.toLocaleString('en-US')}: ${ms(p.open[0])} / ${y ? ms(y.open[0]) : '–'}`);
  raw.sizes.push({ docs, lines: truth.lines, bytes: Buffer.byteLength(text), floor, podsight: p, peer: y, problems });
}
const cli = repoOnly ? undefined : cliCorpus();
// Rendering a kustomize overlay with the real kubectl (skipped where kubectl is missing).
const kustomizeRow = repoOnly ? 'skipped (--repo-only)' : spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0 ? await benchKustomize().catch((e) => `kustomize bench failed: ${e.message}`) : 'kustomize bench skipped: no kubectl';
const repoFiles = Number(opt('repo-files', '2000'));
const repo = args.includes('--no-repo') ? undefined : cliRepo(repoFiles);
const repoTable = repo
  ? [
      '',
      '',
      '| repository (files, MB) | `yaml` parse floor | `check --jobs 1` | ÷ floor | `check` (one job per core) | ÷ floor | peak memory MiB (jobs 1 / per core) | load average (floor / jobs 1 / per core) |',
      '|---|---|---|---|---|---|---|---|',
      `| ${repo.files.toLocaleString('en-US')} files, ${Math.round(repo.bytes / 1e6)} MB | ${ms(repo.floor.ms)} | ${ms(repo.one.ms)} | ${ratio(repo.one.ms, repo.floor.ms)}× | ${ms(repo.all.ms)} | ${ratio(repo.all.ms, repo.floor.ms)}× | ${Math.round(repo.one.peakMiB)} / ${Math.round(repo.all.peakMiB)} | ${repo.floor.load.toFixed(1)} / ${repo.one.load.toFixed(1)} / ${repo.all.load.toFixed(1)} |`,
    ].join('\n')
  : '';
const table = (rows.length === 0 ? [] : [
  '| documents (lines) | `yaml` parse floor | open → first diagnostics (whole file): Podsight / peer | Podsight ÷ floor | edit → diagnostics: Podsight (its first byte) / peer | Podsight ÷ peer | hover: Podsight / peer | code action: Podsight / peer | longest stall: Podsight / peer | peak memory MiB: Podsight / peer | Podsight ÷ peer | checked (diagnostics after open) |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...rows,
]).join('\n') + repoTable;
const footer =
  `Times in ms, medians (${opens > 1 ? `${opens - 1} warm opens after a first one` : '1 open'}, ${runs} edits, 20 hovers, up to 20 code actions; ` +
  `the floor: 7 warm parses after a first one; longest stall: the longest wait for a hover in a small file while this one opens and is edited three times). First open, on a cold JIT, Podsight / peer: ${cold.join(', ')}. Peer: yaml-language-server ` +
  `${require('yaml-language-server/package.json').version} with the Kubernetes ${K8S_SCHEMA_VERSION} schema. ` +
  (cli ? `CLI \`podsight check\` on the real-world corpus, process start included: ${ms(cli.median)} ms (median of 3). ` : '') +
  (repo ? `Repository row: generated by bench/gen-repo.mjs version ${REPO_VERSION} (apps, multi-document workloads, kustomize overlays of the apps, CRD bundles); wall time with process start, median of 3; the floor reads and parses every file with \`yaml\` in one process. ` : '') +
  `Machine: ${raw.nproc} cores, ${Math.round(raw.memGiB)} GiB, Node ${raw.node}; load average at the start ${raw.load.map((x) => x.toFixed(1)).join(' / ')} (1 / 5 / 15 min); ${raw.date.slice(0, 16).replace('T', ' ')} UTC.`;
raw.repo = repo;
raw.cliCorpus = cli;
const kustomizeTable = `| overlay | kustomize alone | CLI: rendered / file by file | editor: first diagnostics | keystroke latency |\n|---|---|---|---|---|\n${kustomizeRow}`;
writeFileSync(join(out, 'latest.md'), `${table}\n\n${footer}\n\n${kustomizeTable}\n`);
writeFileSync(join(out, 'latest.json'), JSON.stringify(raw, (k, v) => (k === 'afterOpen' || k === 'afterEdit' ? v?.length : v), 1));
console.log(`${table}\n\n${footer}\n\n${kustomizeTable}`);
process.exitCode = raw.sizes.some((s) => s.problems.length) ? 1 : 0;
