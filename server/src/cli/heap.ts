/**
 * Keeps a long `check` run's heap near what one unit of work needs. V8 lets garbage pile up in
 * the old generation until a limit far above that (a 2,000-file run peaked at ~390 MiB on two
 * threads, ~300 MiB with the old generation capped), so after every few MB of YAML checked a
 * full collection is asked for. The collector is reached as Node's own `--expose-gc` gives it.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const EVERY_BYTES = 8_000_000;
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

/** Counts `bytes` of YAML checked; collects garbage every EVERY_BYTES. */
export function checkedBytes(bytes: number): void {
  since += bytes;
  if (since < EVERY_BYTES) return;
  since = 0;
  collector()?.();
}
