/**
 * A full garbage collection once the server is idle after a big document opened or closed.
 *
 * V8 lets the old generation grow to a multiple of what the last full collection left alive
 * before it collects again, and before its first full collection it lets it reach ~330 MB. So the
 * analyses of big documents closed earlier stay in memory as garbage while the next one is
 * analysed: the language server peaked at 400–600 MiB opening a 5,000-document file a few times,
 * with ~100 MB of it alive.
 *
 * How it collects matters (measured on five opens of a 5,000-document file, in process):
 * - `gc()` of `--expose-gc` is a forced collection: afterwards V8 compiled the analysis code
 *   again (2.4× as many optimisations) and the next open took 25–50% more CPU.
 * - With V8's own growth factor after a collection that left little alive, the next open met
 *   several full collections of its own (up to 14 instead of 4), also slower.
 * - `vm.measureMemory({ execution: 'eager' })` collects the same garbage through V8's ordinary
 *   incremental marking (no recompilation), and setting `--heap-growing-percent` while it
 *   finishes makes room for one more big analysis before the next collection: peak RSS
 *   ~390 → ~240 MiB, next opens' CPU the same within noise.
 */
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { measureMemory } from 'node:vm';

/** A document of at least this many characters (~900 Kubernetes documents) counts as big. */
export const BIG_DOCUMENT_CHARS = 512 * 1024;
/**
 * Idle: this long without typing, and the event loop less than IDLE_LOAD busy meanwhile. After a
 * close little is alive and the collection is short (~30 ms of marking per 25 MB alive). After an
 * open the new analysis is alive too (~100 MB at 5,000 documents, a few hundred ms of marking
 * work, which an edit arriving meanwhile would share): only after a longer pause.
 */
const QUIET_AFTER_CLOSE_MS = 100;
const QUIET_AFTER_OPEN_MS = 1000;
const IDLE_LOAD = 0.1;
/** Room left after a collection: about what analysing one 5,000-document file keeps and promotes. */
const HEADROOM_BYTES = 160 * 1024 * 1024;
const MAX_PERCENT = 1000;

export interface CollectorHooks {
  /** Bytes of the JS heap in use (process.memoryUsage().heapUsed). */
  heapUsed(): number;
  /** Runs one full collection with the old generation then allowed to grow by `percent`. */
  collect(percent: number): Promise<void>;
  /** How busy the event loop was since `since` (0–1), and a new mark to measure from. */
  load(since: unknown): { load: number; mark: unknown };
}

/** The real thing: V8's marking through `vm.measureMemory`, the growth flag set meanwhile. */
export const v8Hooks: CollectorHooks = {
  heapUsed: () => process.memoryUsage().heapUsed,
  async collect(percent) {
    setFlagsFromString(`--heap-growing-percent=${percent}`);
    try {
      await quietly(() => measureMemory({ mode: 'summary', execution: 'eager' }));
    } finally {
      setFlagsFromString('--heap-growing-percent=0');
    }
  },
  load(since) {
    const now = performance.eventLoopUtilization();
    const load = since ? performance.eventLoopUtilization(now, since as EventLoopUtilization).utilization : 1;
    return { load, mark: now };
  },
};

/** Node flags `vm.measureMemory` as experimental on every call; a server log has no use for that. */
async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const emit = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (!String(typeof warning === 'string' ? warning : warning.message).includes('measureMemory')) (emit as (...a: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return run();
  } finally {
    process.emitWarning = emit;
  }
}

/**
 * The growth (percent) that leaves about `headroom` bytes above what a collection keeps alive,
 * when all that is known is the heap in use before it (live + garbage): an upper bound of the
 * live part, so the room is at most `headroom`; the second step (see IdleCollector) corrects it.
 */
export function growthPercent(liveAtMost: number, headroom: number): number {
  if (liveAtMost <= 0) return MAX_PERCENT;
  return Math.max(10, Math.min(MAX_PERCENT, Math.round((headroom / liveAtMost) * 100)));
}

export class IdleCollector {
  /** How long the server must be quiet before collecting, or undefined when nothing is pending. */
  private quietMs: number | undefined;
  private running = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastTyping = 0;
  private mark: unknown;

  constructor(
    private readonly hooks: CollectorHooks = v8Hooks,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * A document opened: collect after a long quiet moment if it was big (also when a close was
   * pending: its analysis is now alive, and collecting soon would mark it).
   */
  opened(chars: number): void {
    if (chars < BIG_DOCUMENT_CHARS) return;
    this.quietMs = QUIET_AFTER_OPEN_MS;
    this.arm();
  }

  /** A document closed: collect after a short quiet moment if it was big. */
  closed(chars: number): void {
    if (chars < BIG_DOCUMENT_CHARS) return;
    this.quietMs = Math.min(this.quietMs ?? QUIET_AFTER_CLOSE_MS, QUIET_AFTER_CLOSE_MS);
    this.arm();
  }

  /** The user typed: wait for a quiet moment again. */
  typed(): void {
    this.lastTyping = this.now();
    if (this.quietMs !== undefined) this.arm();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.quietMs = undefined;
  }

  private arm(): void {
    clearTimeout(this.timer);
    this.mark = this.hooks.load(undefined).mark;
    this.timer = setTimeout(() => void this.check(), this.quietMs);
    this.timer.unref?.();
  }

  private async check(): Promise<void> {
    this.timer = undefined;
    const quietMs = this.quietMs;
    if (quietMs === undefined || this.running) return;
    const { load } = this.hooks.load(this.mark);
    if (load > IDLE_LOAD || this.now() - this.lastTyping < quietMs) {
      this.arm();
      return;
    }
    this.quietMs = undefined;
    this.running = true;
    try {
      await this.collectWithRoom();
    } catch {
      // A runtime without `vm.measureMemory` or the flag: V8 collects on its own, as before.
    } finally {
      this.running = false;
    }
  }

  /**
   * One collection with the growth worked out from the heap in use before it; if what it kept
   * alive shows that the room left is less than half the headroom, a second one with the growth
   * worked out from that (cheap after a close: little is alive then).
   */
  private async collectWithRoom(): Promise<void> {
    const before = this.hooks.heapUsed();
    const first = growthPercent(before, HEADROOM_BYTES);
    await this.hooks.collect(first);
    const live = this.hooks.heapUsed();
    if ((live * first) / 100 >= HEADROOM_BYTES / 2) return;
    await this.hooks.collect(growthPercent(live, HEADROOM_BYTES));
  }
}
