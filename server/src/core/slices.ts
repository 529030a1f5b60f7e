/**
 * Long work in steps: a generator yields between steps, and a driver runs it either at once or
 * in slices that let the event loop answer requests meanwhile (the language server's way).
 */

/** How a run in slices shares the thread. */
export interface SliceOptions {
  /** Work at most this long before yielding to the event loop (default 10 ms). */
  readonly sliceMs?: number;
  /** Checked after every yield: true abandons the run (a newer version arrived). */
  readonly isStale?: () => boolean;
}

/**
 * Lets the event loop go round a few times before the analysis goes on. A message that arrived
 * during a slice goes through a chain of `setImmediate` hops in vscode-jsonrpc (read, queue,
 * dispatch, write): each turn here lets it take one more hop, so a request is answered after one
 * slice rather than one slice per hop. An idle turn costs microseconds.
 */
const EVENT_LOOP_TURNS = 8;
async function yieldToEventLoop(): Promise<void> {
  for (let i = 0; i < EVENT_LOOP_TURNS; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Runs a step generator to its end at once. */
export function runToEnd<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs a step generator, yielding to the event loop after each `sliceMs` of work (see SliceOptions). */
export async function runInSlices<T>(steps: Generator<void, T, void>, slices: SliceOptions): Promise<T | undefined> {
  const sliceMs = slices.sliceMs ?? 10;
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart < sliceMs) continue;
    await yieldToEventLoop();
    if (slices.isStale?.()) {
      steps.return(undefined as never);
      return undefined;
    }
    sliceStart = performance.now();
  }
}

