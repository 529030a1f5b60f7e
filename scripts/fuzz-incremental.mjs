// The long differential run: `npm run fuzz:incremental [-- --minutes 30 --seed N --batch 300]`.
// Runs test/lsp/incremental-differential.test.ts (random didChange sequences over real manifests:
// incremental = fresh open = CLI) batch after batch with fresh seeds until the time is up. A failing
// batch prints its seed (replay: PODSIGHT_DIFF_SEED=N) and where the minimised sequence was saved.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const minutes = Number(flag('minutes', process.env.PODSIGHT_FUZZ_MINUTES ?? 30));
const batch = Number(flag('batch', 300));
let seed = Number(flag('seed', Date.now() % 2 ** 31));
const test = `${root}out/test/lsp/incremental-differential.test.js`;

if (!existsSync(test) || args.includes('--build')) {
  if (spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
}
const deadline = Date.now() + minutes * 60_000;
let sequences = 0;
const failed = [];
console.log(`podsight fuzz:incremental: ${minutes} min, ${batch} sequences per batch, first seed ${seed}`);
do {
  const t0 = Date.now();
  const run = spawnSync(process.execPath, ['--test', '--test-name-pattern', 'random edit sequences', test], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, PODSIGHT_DIFF_SEQUENCES: String(batch), PODSIGHT_DIFF_SEED: String(seed) },
    maxBuffer: 1 << 28,
  });
  sequences += batch;
  const ok = run.status === 0;
  console.log(`  seed ${seed}: ${ok ? 'no divergence' : 'DIVERGED'} in ${batch} sequences (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  if (!ok) {
    failed.push(seed);
    console.log(run.stdout.split('\n').filter((l) => /saved|≠|outside|published v|not ok/.test(l)).slice(0, 20).join('\n'));
  }
  seed++;
} while (Date.now() < deadline);
console.log(`${sequences} sequences, ${failed.length} failing batches${failed.length ? ` (seeds ${failed.join(', ')})` : ''}`);
process.exit(failed.length ? 1 : 0);
