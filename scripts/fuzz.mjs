// The long fuzz run: `npm run fuzz [-- --minutes 30 --seed N --property core|incremental|hostile]`.
// Runs the same fast-check properties as `npm test` with fresh seeds until the time is up, prints
// cases/sec, and for any counterexample its seed and path (replay: fc.assert(p, { seed, path })).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const minutes = Number(flag('minutes', process.env.PODSIGHT_FUZZ_MINUTES ?? 30));
const only = flag('property', undefined);
let seed = Number(flag('seed', Date.now() % 2 ** 31));

if (!existsSync(`${root}out/test/unit/fuzz/properties.js`) || args.includes('--build')) {
  if (spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
}
const fc = require('fast-check');
const { properties } = require(`${root}out/test/unit/fuzz/properties.js`);
const { hostileInputs, runHostile } = require(`${root}out/test/unit/hostile-inputs.js`);

const names = only ? [only] : [...Object.keys(properties), 'hostile'];
const deadline = Date.now() + minutes * 60_000;
const stats = Object.fromEntries(names.map((n) => [n, { cases: 0, ms: 0 }]));
const failures = [];
console.log(`podsight fuzz: ${minutes} min, properties ${names.join(', ')}, first seed ${seed}`);

// Hostile inputs are measured once (time and memory per input), not asserted on time.
if (names.includes('hostile')) {
  for (const [name, make] of Object.entries(hostileInputs)) {
    const text = make();
    const before = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    try {
      const n = runHostile(text);
      console.log(`  hostile ${name.padEnd(28)} ${String(text.length).padStart(9)} chars  ${(performance.now() - t0).toFixed(0).padStart(6)} ms  ${n} findings  heap +${Math.round((process.memoryUsage().heapUsed - before) / 1e6)} MB`);
    } catch (error) {
      failures.push({ property: 'hostile', name, error: String(error?.stack ?? error) });
      console.log(`  hostile ${name}: FAILED ${error}`);
    }
    stats.hostile.cases++;
  }
}

const batch = 50;
let lastReport = Date.now();
const propertyNames = names.filter((n) => n !== 'hostile');
while (propertyNames.length && Date.now() < deadline) {
  for (const name of propertyNames) {
    const t0 = performance.now();
    const result = fc.check(properties[name], { numRuns: batch, seed });
    stats[name].cases += result.numRuns;
    stats[name].ms += performance.now() - t0;
    if (result.failed) {
      const counterexample = JSON.stringify(result.counterexample).slice(0, 4000);
      failures.push({ property: name, seed: result.seed, path: result.counterexample ? result.counterexamplePath : undefined, counterexample, error: String(result.errorInstance?.stack ?? result.error).slice(0, 2000) });
      console.log(`\nCOUNTEREXAMPLE in ${name}: seed ${result.seed}, path ${result.counterexamplePath}\n${counterexample}\n${String(result.errorInstance?.message ?? result.error).slice(0, 2000)}\n`);
    }
    seed = (seed + 1) % 2 ** 31;
  }
  if (Date.now() - lastReport > 60_000) {
    lastReport = Date.now();
    console.log(`  ${new Date().toISOString()} ${propertyNames.map((n) => `${n}: ${stats[n].cases} cases, ${(stats[n].cases / (stats[n].ms / 1000)).toFixed(1)}/s`).join('; ')}; failures ${failures.length}`);
  }
}

console.log('\nsummary');
for (const [name, s] of Object.entries(stats)) {
  console.log(`  ${name}: ${s.cases} cases${s.ms ? ` in ${(s.ms / 1000).toFixed(0)} s, ${(s.cases / (s.ms / 1000)).toFixed(1)} cases/s` : ''}`);
}
console.log(`  failures: ${failures.length}`);
process.exit(failures.length ? 1 : 0);
