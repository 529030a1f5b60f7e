import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runInSlices } from '../../../server/src/core/slices';

/** Busy for `ms` (a step of real work: the event loop cannot run meanwhile). */
function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

test('runs under way at once take turns: the event loop goes round between any two slices', async () => {
  // Counts the turns of the event loop: one per check phase.
  let turn = 0;
  let running = true;
  const tick = (): void => {
    turn++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  const log: { run: string; turn: number }[] = [];
  function* work(run: string): Generator<void, string, void> {
    for (let i = 0; i < 12; i++) {
      busy(1);
      log.push({ run, turn });
      yield;
    }
    return run;
  }
  const results = await Promise.all(['a', 'b', 'c'].map((run) => runInSlices(work(run), { sliceMs: 3 })));
  running = false;
  assert.deepEqual(results, ['a', 'b', 'c']);
  assert.equal(log.length, 36);
  for (let i = 1; i < log.length; i++) {
    const [before, after] = [log[i - 1]!, log[i]!];
    // A slice of another run never follows in the same turn: a request's hop gets in between.
    if (before.run !== after.run) assert.ok(after.turn > before.turn, `${before.run}→${after.run} in turn ${after.turn}`);
  }
});

test('a stale run gives up and lets the others go on', async () => {
  let stale = false;
  let steps = 0;
  function* forever(): Generator<void, string, void> {
    for (;;) {
      busy(1);
      steps++;
      yield;
    }
  }
  function* short(): Generator<void, string, void> {
    for (let i = 0; i < 5; i++) {
      busy(1);
      yield;
    }
    stale = true;
    return 'done';
  }
  const [given, done] = await Promise.all([runInSlices(forever(), { sliceMs: 2, isStale: () => stale }), runInSlices(short(), { sliceMs: 2 })]);
  assert.equal(given, undefined);
  assert.equal(done, 'done');
  assert.ok(steps > 0);
  // Turns are free again: a new run starts and ends.
  assert.equal(await runInSlices((function* () { yield; return 'next'; })(), {}), 'next');
});

/** A run of `steps` steps of 1 ms, each logged under the run's name. */
function* loggedWork(log: string[], run: string, steps: number): Generator<void, string, void> {
  for (let i = 0; i < steps; i++) {
    busy(1);
    log.push(run);
    yield;
  }
  return run;
}

test('an urgent run (a request waits on it) does not queue behind the runs under way', async () => {
  const log: string[] = [];
  const work = (run: string, steps: number): Generator<void, string, void> => loggedWork(log, run, steps);
  const background = runInSlices(work('background', 20), { sliceMs: 3 });
  const queued = runInSlices(work('queued', 3), { sliceMs: 3 });
  const urgent = runInSlices(work('urgent', 3), { sliceMs: 3, urgent: true });
  assert.deepEqual(await Promise.all([background, queued, urgent]), ['background', 'queued', 'urgent']);
  // The urgent run started at once; the queued one only after the background run's slice.
  assert.equal(log[0], 'urgent');
  assert.ok(log.indexOf('queued') > log.indexOf('background'), log.join(' '));
});

test('a run made urgent while under way (a request came to share it) stops queueing for turns', async () => {
  /** How many slices' worth of other runs' steps went by between the promotion and the promoted run's end. */
  async function othersWhileFinishing(promote: boolean): Promise<number> {
    const log: string[] = [];
    const work = (run: string, steps: number): Generator<void, string, void> => loggedWork(log, run, steps);
    const shared = { urgent: false };
    const others = [runInSlices(work('first', 40), { sliceMs: 2 }), runInSlices(work('second', 40), { sliceMs: 2 })];
    const promoted = runInSlices(work('promoted', 16), shared);
    // A few turns go round, then a request comes to wait on the last run.
    while (!log.includes('promoted')) await new Promise((resolve) => setImmediate(resolve));
    if (promote) shared.urgent = true;
    const at = log.length;
    await promoted;
    const count = log.slice(at).filter((r) => r !== 'promoted').length;
    await Promise.all(others);
    return count;
  }
  const queueing = await othersWhileFinishing(false);
  const promoted = await othersWhileFinishing(true);
  // Queueing, each of its slices waits for one slice of both other runs; promoted, for at most the one under way.
  assert.ok(promoted < queueing * 0.75, `promoted ${promoted}, queueing ${queueing}`);
});
