/**
 * The temporary folders kustomize renders read from. Each is removed when its render ends; one
 * still there when the process exits (an editor stopping the server mid-render, a CLI run
 * interrupted by SIGTERM or SIGINT) is removed then, so no copy of the user's files stays behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';

const live = new Set<string>();
let hooked = false;

function removeAll(): void {
  for (const dir of live) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // already gone, or not ours to remove any more
    }
  }
  live.clear();
}

function hook(): void {
  if (hooked) return;
  hooked = true;
  process.once('exit', removeAll);
  // A signal ends the process without 'exit': clean up, then end as the signal would have.
  if (isMainThread) {
    for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
      if (process.listenerCount(signal) === 0) process.once(signal, () => process.exit(code));
    }
  }
}

/** A new temporary folder for a render, removed by `removeTempDir` or at exit. */
export function makeTempDir(): string {
  hook();
  const dir = mkdtempSync(join(tmpdir(), 'podsight-kustomize-'));
  live.add(dir);
  return dir;
}

export function removeTempDir(dir: string): void {
  live.delete(dir);
  rmSync(dir, { recursive: true, force: true });
}
