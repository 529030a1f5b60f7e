// Bounded property runs for `npm test` (seconds). `npm run fuzz` runs the same properties for long.
import fc from 'fast-check';
import { test } from 'node:test';
import { coreProperty, incrementalProperty, quickParseProperty } from './properties';

// A fixed seed keeps `npm test` reproducible; the long run draws fresh seeds.
const RUNS = Number(process.env.PODSIGHT_FUZZ_RUNS ?? 150);

test('fuzz: the core never throws, keeps ranges inside the text and is deterministic', () => {
  fc.assert(coreProperty, { numRuns: RUNS, seed: 8 });
});

test('fuzz: the incremental Analyzer agrees with a fresh analysis after every edit', () => {
  fc.assert(incrementalProperty, { numRuns: Math.ceil(RUNS / 3), seed: 88 });
});

test('fuzz: the quick parser builds what yaml builds, or leaves the chunk to yaml', () => {
  fc.assert(quickParseProperty, { numRuns: RUNS * 4, seed: 888 });
});
