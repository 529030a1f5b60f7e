// `npm run bench:ab -- --rev REV`: this build's language server against the build of an earlier
// revision, side by side on the same machine in the same minutes. The two servers take turns
// (A, B, A, B, ...), each session driven by the same client as `npm run bench` on the same
// generated file, so that a change of the machine's speed weighs on both alike. Absolute numbers
// on a shared machine swing by tens of percent from one hour to the next; this is how "no slower
// than revision X" is checked.
//
//   npm run bench:ab -- --rev b2aa75f [--sizes 1000,5000 --rounds 5 --runs 10 --opens 5 --keep]
//
// The revision is checked out in a temporary git worktree and built there with this checkout's
// node_modules (a warning says so when its package-lock.json differs). Prints one Markdown table
// per size (median and range of each measure over the rounds) and writes them to
// bench-results/ab-REV.md.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from './gen-manifest.mjs';
import { runSession, stats } from './lsp-session.mjs';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const log = (...a) => console.error('[bench:ab]', ...a);
const rev = opt('rev');
if (!rev) {
  console.error('usage: npm run bench:ab -- --rev REV [--sizes 1000,5000 --rounds 5 --runs 10 --opens 5 --keep]');
  process.exit(2);
}
const sizes = opt('sizes', '1000,5000').split(',').map(Number);
const rounds = Number(opt('rounds', '5'));
const sessionOpts = { opens: Number(opt('opens', '5')), runs: Number(opt('runs', '10')), hovers: 10 };

const git = (...a) => spawnSync('git', a, { cwd: root, encoding: 'utf8' });
const sha = git('rev-parse', '--verify', `${rev}^{commit}`).stdout.trim();
if (!sha) {
  console.error(`bench:ab: ${rev} is not a commit of this repository`);
  process.exit(2);
}
const head = git('rev-parse', '--short', 'HEAD').stdout.trim();
const dirty = git('status', '--porcelain', '--untracked-files=no').stdout.trim() !== '';

/** The earlier revision, built in a worktree of its own. */
function buildRevision() {
  const dir = mkdtempSync(join(tmpdir(), 'podsight-ab-'));
  const add = git('worktree', 'add', '--detach', dir, sha);
  if (add.status !== 0) throw new Error(`git worktree add failed: ${add.stderr}`);
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  if (git('diff', '--quiet', sha, 'HEAD', '--', 'package-lock.json').status !== 0) log(`note: package-lock.json differs at ${rev}; it is built with this checkout's node_modules`);
  log(`building ${rev} in ${dir}`);
  const built = spawnSync('npm', ['run', '-s', 'build'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error(`the build of ${rev} failed`);
  return dir;
}

// This checkout is built afresh: a dist/ older than the sources would be measured as this checkout.
if (spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] }).status !== 0) throw new Error('the build of this checkout failed');
const other = buildRevision();
const builds = [
  { label: `${head}${dirty ? '+changes' : ''} (this checkout)`, dir: root },
  { label: `${sha.slice(0, 7)} (${rev})`, dir: other },
];
const server = (dir) => ({ name: 'podsight', command: [process.execPath, join(dir, 'dist/podsight.js'), 'lsp', '--stdio'], settings: { podsight: {} } });

/** Medians over warm opens (the first open of a session runs on a cold JIT), as `npm run bench` reports. */
const warm = (xs) => stats(xs.length > 1 ? xs.slice(1) : xs)?.median;
const measures = [
  ['first diagnostics after open, ms', (s) => warm(s.open)],
  ['whole file after open, ms', (s) => warm(s.openAll)],
  ['edit → diagnostics, ms', (s) => stats(s.edit)?.median],
  ['edit → first byte, ms', (s) => stats(s.editFirstByte)?.median],
  ['hover, ms', (s) => stats(s.hover)?.median],
  ['longest stall, ms', (s) => s.stall],
  ['peak memory, MiB', (s) => s.peakMiB],
];
const fmt = (x) => (x === undefined || Number.isNaN(x) ? '–' : x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1));
const summary = (xs) => {
  const s = stats(xs.filter((x) => x !== undefined && !Number.isNaN(x)));
  return s ? `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})` : '–';
};

const work = join(root, 'bench-results/work/ab');
mkdirSync(work, { recursive: true });
const out = [`# ${builds[0].label} against ${builds[1].label}`, '', `${new Date().toISOString()}, ${rounds} rounds per size, sessions alternating; median (range) over the rounds.`, ''];
try {
  for (const docs of sizes) {
    mkdirSync(join(work, String(docs)), { recursive: true });
    const file = join(work, String(docs), `k8s-${docs}.yaml`);
    writeFileSync(file, generate({ docs, seed: 7 }).text);
    const load = [loadavg()[0]];
    const results = builds.map(() => []);
    for (let round = 0; round < rounds; round++) {
      // Which build goes first alternates too: the second session of a round may meet a warmer machine.
      const order = round % 2 ? [1, 0] : [0, 1];
      for (const b of order) {
        const s = await runSession(server(builds[b].dir), file, sessionOpts);
        if (s.error) throw new Error(`${builds[b].label}, ${docs} documents: ${s.error}`);
        results[b].push(s);
        log(`${docs} docs, round ${round + 1}, ${builds[b].label}: whole open ${fmt(warm(s.openAll))} ms, edit ${fmt(stats(s.edit)?.median)} ms, stall ${fmt(s.stall)} ms`);
      }
      load.push(loadavg()[0]);
    }
    out.push(`## ${docs.toLocaleString('en-US')} documents (load average ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)})`, '');
    out.push(`| measure | ${builds.map((b) => b.label).join(' | ')} |`, `|---|${builds.map(() => '---').join('|')}|`);
    for (const [name, pick] of measures) out.push(`| ${name} | ${results.map((rs) => summary(rs.map(pick))).join(' | ')} |`);
    out.push('');
  }
} finally {
  if (!args.includes('--keep')) {
    git('worktree', 'remove', '--force', other);
    rmSync(other, { recursive: true, force: true });
  }
}
const report = out.join('\n');
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, `bench-results/ab-${rev.replace(/[^\w.-]/g, '_')}.md`), `${report}\n`);
console.log(report);
