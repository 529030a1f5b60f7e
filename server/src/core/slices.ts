/**
 * Long work in steps: a generator yields between steps, and a driver runs it either at once or
 * in slices that let the event loop answer requests meanwhile (the language server's way).
 */

/** How a run in slices shares the thread. */
export interface SliceOptions {
  /** Work at most this long before yielding to the event loop (default 5 ms: a request waits for about one slice per hop). */
  readonly sliceMs?: number;
  /** Checked before every slice: true abandons the run (a newer version arrived). */
  readonly isStale?: () => boolean;
  /**
   * A run a request waits on (a hover, code actions on a document not analysed yet): it does not
   * queue for a turn behind the background runs. An editor gives up on a slow request (VS Code's
   * client answers a cancelled one with nothing), so it must not wait for every big file's slices.
   */
  readonly urgent?: boolean;
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

/**
 * Runs in slices take turns, one slice at a time with the event loop's turns between any two. The
 * server often has several under way (a big file, its neighbours that read it, a peer brought up
 * to date): each hop of a request waited behind one slice of every run, and a hover took a
 * 100 ms stall. Turns are handed out in the order asked for.
 */
let lastTurn: Promise<void> = Promise.resolve();
async function takeTurn(): Promise<() => void> {
  let release!: () => void;
  const turn = new Promise<void>((resolve) => (release = resolve));
  const before = lastTurn;
  lastTurn = turn;
  await before;
  return release;
}

/** Runs a step generator, yielding to the event loop after each `sliceMs` of work (see SliceOptions). */
export async function runInSlices<T>(steps: Generator<void, T, void>, slices: SliceOptions): Promise<T | undefined> {
  const sliceMs = slices.sliceMs ?? 5;
  let release = (): void => undefined;
  try {
    for (;;) {
      release = slices.urgent ? release : await takeTurn();
      // The wait for a turn may have outlasted the run's reason to be (a newer version arrived).
      if (slices.isStale?.()) {
        steps.return(undefined as never);
        return undefined;
      }
      const sliceStart = performance.now();
      let step = steps.next();
      while (!step.done && performance.now() - sliceStart < sliceMs) step = steps.next();
      if (step.done) return step.value;
      await yieldToEventLoop();
      release();
    }
  } finally {
    // The last slice too is followed by the event loop's turns before another run's slice.
    void yieldToEventLoop().then(release);
  }
}
