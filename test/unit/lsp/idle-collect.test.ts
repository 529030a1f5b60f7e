/**
 * The language server's idle collection (server/src/lsp/idle-collect.ts): when it collects, and
 * that the real collection frees garbage without a warning in the server's log.
 */
import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import { BIG_DOCUMENT_CHARS, growthPercent, IdleCollector, v8Hooks, type CollectorHooks } from '../../../server/src/lsp/idle-collect';

const MB = 1024 * 1024;

/** Hooks that record collections; the heap and the event loop's load are set by the test. */
function fakeHooks(): CollectorHooks & { collections: number[]; used: number; busy: number; afterCollect: number } {
  const hooks = {
    collections: [] as number[],
    used: 300 * MB,
    busy: 0,
    afterCollect: 20 * MB,
    heapUsed: () => hooks.used,
    collect: async (percent: number) => {
      hooks.collections.push(percent);
      hooks.used = hooks.afterCollect;
    },
    load: () => ({ load: hooks.busy, mark: {} }),
  };
  return hooks;
}

/** A collector on mocked timers; `advance` moves time and lets the collection's promises settle. */
function setUp(): { hooks: ReturnType<typeof fakeHooks>; collector: IdleCollector; advance: (ms: number) => Promise<void> } {
  mock.timers.enable({ apis: ['setTimeout'] });
  let clock = 0;
  const hooks = fakeHooks();
  const collector = new IdleCollector(hooks, () => clock);
  const advance = async (ms: number): Promise<void> => {
    for (let i = 0; i < ms; i += 10) {
      clock += 10;
      mock.timers.tick(10);
      for (let k = 0; k < 5; k++) await Promise.resolve();
    }
  };
  return { hooks, collector, advance };
}

test('idle collection: a big document closed is collected once after a short quiet moment; a small one never', async (t) => {
  t.after(() => mock.timers.reset());
  const { hooks, collector, advance } = setUp();
  collector.closed(BIG_DOCUMENT_CHARS - 1);
  await advance(2000);
  assert.deepEqual(hooks.collections, []);
  collector.closed(BIG_DOCUMENT_CHARS);
  await advance(50);
  assert.equal(hooks.collections.length, 0, 'not before the quiet moment');
  await advance(100);
  assert.equal(hooks.collections.length > 0, true);
  const count = hooks.collections.length;
  await advance(3000);
  assert.equal(hooks.collections.length, count, 'only once');
  collector.dispose();
});

test('idle collection: typing or a busy event loop puts it off; after a big open it waits longer', async (t) => {
  t.after(() => mock.timers.reset());
  const { hooks, collector, advance } = setUp();
  collector.closed(BIG_DOCUMENT_CHARS);
  for (let i = 0; i < 10; i++) {
    await advance(60);
    collector.typed();
  }
  assert.deepEqual(hooks.collections, [], 'typing every 60 ms');
  hooks.busy = 0.9;
  await advance(1000);
  assert.deepEqual(hooks.collections, [], 'analysing');
  hooks.busy = 0;
  await advance(250);
  assert.ok(hooks.collections.length > 0);

  hooks.collections.length = 0;
  hooks.used = 300 * MB;
  collector.opened(BIG_DOCUMENT_CHARS);
  await advance(500);
  assert.deepEqual(hooks.collections, [], 'an open waits ~1 s');
  await advance(700);
  assert.ok(hooks.collections.length > 0);
  collector.dispose();
});

test('idle collection: the room left after it is about the headroom (a second step when the first guessed low)', async (t) => {
  t.after(() => mock.timers.reset());
  const { hooks, collector, advance } = setUp();
  // 300 MB in use, 20 MB alive: the first growth (from 300 MB) leaves too little room, so a
  // second collection sets it from the 20 MB alive.
  collector.closed(BIG_DOCUMENT_CHARS);
  await advance(300);
  assert.equal(hooks.collections.length, 2);
  const [first, second] = hooks.collections as [number, number];
  assert.ok(second > first);
  assert.equal(second, growthPercent(20 * MB, 160 * MB));
  // Mostly alive: one collection is enough.
  hooks.collections.length = 0;
  hooks.used = 150 * MB;
  hooks.afterCollect = 140 * MB;
  collector.closed(BIG_DOCUMENT_CHARS);
  await advance(300);
  assert.equal(hooks.collections.length, 1);
  collector.dispose();
});

test('idle collection: growth percent is bounded', () => {
  assert.equal(growthPercent(0, 160 * MB), 1000);
  assert.equal(growthPercent(1 * MB, 160 * MB), 1000);
  assert.equal(growthPercent(160 * MB, 160 * MB), 100);
  assert.equal(growthPercent(10_000 * MB, 160 * MB), 10);
});

test('idle collection: the real collection frees garbage and logs no warning', async () => {
  const warnings: string[] = [];
  process.on('warning', (w) => warnings.push(w.message));
  let garbage: unknown[] | undefined = Array.from({ length: 300_000 }, (_, i) => ({ i, s: `item ${i}` }));
  const before = process.memoryUsage().heapUsed;
  garbage = undefined;
  await v8Hooks.collect(100);
  const after = process.memoryUsage().heapUsed;
  assert.equal(garbage, undefined);
  assert.ok(after < before - 10 * MB, `heap ${before} → ${after}`);
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(warnings.filter((w) => w.includes('measureMemory')), []);
});
