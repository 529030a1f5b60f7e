/**
 * Keeps a long `check` run's heap near what one unit of work needs. V8 lets garbage pile up in
 * the old generation until a limit far above that (a 2,000-file run peaked at ~390 MiB on two
 * threads, ~300 MiB with the old generation capped), so after every few MB of YAML checked a
 * full collection is asked for. The collector is reached as Node's own `--expose-gc` gives it.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Measured on the bench's repository (2,000 files, 60 MB; two threads; six runs each, load 3–8):
 * every 8 MB, peak RSS 281–318 MiB (median 310); every 4 MB, 265–291 (288) for the same user
 * CPU within the noise; every 2 MB, 270–280 but ~2 s more CPU in two of three runs.
 */
const EVERY_BYTES = 4_000_000;
let collect: (() => void) | undefined | null = null;
let since = 0;

function collector(): (() => void) | undefined {
  if (collect === null) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = undefined;
    }
  }
  return collect;
}

/**
 * V8 grows the old generation to a multiple of what the last full collection left alive before it
 * collects again; a run makes garbage far faster than it keeps data (the main thread kept ~25 MB
 * alive of its ~130 MB heap), so the heap is let grow by a fifth at a time instead. Measured on
 * the bench's repository (2,000 files): peak RSS about 380 → 310 MiB on two threads, same CPU
 * within the noise of a busy machine, same output. It is a process-wide V8 flag, read at each
 * collection: the CLI's `check` sets it, the language server does not (opens of big files paid
 * more collections for it).
 */
export function growHeapSlowly(): void {
  try {
    setFlagsFromString('--heap-growing-percent=20');
  } catch {
    // a runtime without the flag: the default policy
  }
}

/** Counts `bytes` of YAML checked; collects garbage every EVERY_BYTES. */
export function checkedBytes(bytes: number): void {
  since += bytes;
  if (since < EVERY_BYTES) return;
  since = 0;
  collector()?.();
}
