/**
 * `check --jobs N` on N threads: the main thread and N-1 workers take units of work (units.ts)
 * one after another, so files are read as they are checked and trees live only as long as
 * their unit. Workers take the biggest units first; the main thread takes the smallest, so it
 * is soon free to hand out work and collect results. The worker is this very bundle, started
 * with a marker in `workerData` (see main.ts): no second entry point to ship.
 */
import { availableParallelism } from 'node:os';
import { Worker, type MessagePort } from 'node:worker_threads';
import type { Locale } from '../l10n';
import type { AnalysisOptions } from '../rules/types';
import { runInSlices } from '../core/slices';
import { checkUnit, checkUnitSteps, type FileResult, type Unit } from './check-unit';

/** The `workerData` marker that makes the bundle a check worker. */
export const WORKER_MARKER = 'podsight-check-worker';

export interface WorkerData {
  readonly marker: typeof WORKER_MARKER;
  readonly options: AnalysisOptions;
  readonly locale: Locale;
  /** Whether results carry the texts of files with findings (see checkUnit). */
  readonly keepTexts: boolean;
}

/** The default number of threads: one per core. */
export const defaultJobs = (): number => Math.max(1, availableParallelism());

let workerEntry: string | undefined;

/** Set by the bundle's entry point: workers can be started from it (not when the CLI is imported by tests). */
export function enableCheckWorkers(entry: string): void {
  workerEntry = entry;
}

/** Workers started ahead of `checkUnits` (see `startCheckWorkers`). */
let started: Worker[] = [];

/**
 * Starts `count` workers at once: each loads the bundle (about half a second) while the main
 * thread lists the files, reads the kustomizations and plans the units. `checkUnits` takes
 * them; the ones it does not need are stopped.
 */
export function startCheckWorkers(count: number, data: Omit<WorkerData, 'marker'>): void {
  if (!workerEntry) return;
  for (let i = 0; i < count; i++) started.push(new Worker(workerEntry, { workerData: { ...data, marker: WORKER_MARKER } }));
}

/**
 * Units sent to a worker before it has answered: it never waits for the main thread. Near the
 * end of the queue only one: a second unit queued in a busy worker is one the main thread could
 * have taken (it sat idle ~1 s at the end of the bench's run waiting for it).
 */
const IN_FLIGHT = 2;
/** How long the main thread works on its unit before it lets the workers' messages in. */
const SLICE_MS = 20;
const LAST_UNITS = 16;

/**
 * Checks `units` on `jobs` threads; `onResults` gets each unit's results as soon as it is done.
 * `later`: units that may start only once kustomize renders are done (`count` of them planned),
 * taken after the others.
 */
export async function checkUnits(
  units: readonly Unit[],
  data: Omit<WorkerData, 'marker'>,
  jobs: number,
  onResults: (results: FileResult[]) => void,
  later?: { readonly count: number; readonly units: Promise<readonly Unit[]> },
  /** What the main thread lets go first between its units (the analyses of kustomize renders). */
  before: () => Promise<unknown> = () => Promise.resolve(),
): Promise<void> {
  // Workers take from the head (biggest first), the main thread from the tail.
  const queue = [...units];
  let waiting = later !== undefined;
  const arrived = (later?.units ?? Promise.resolve([])).then((more) => {
    queue.push(...more);
    waiting = false;
  });
  const workers = workerEntry ? Math.max(0, Math.min(jobs - 1, units.length + (later?.count ?? 0) - 1)) : 0;
  const ready = started;
  started = [];
  for (const extra of ready.splice(workers)) void extra.terminate();
  const running = Array.from(
    { length: workers },
    (_, at) =>
      new Promise<void>((resolve, reject) => {
        const worker = ready[at] ?? new Worker(workerEntry as string, { workerData: { ...data, marker: WORKER_MARKER } });
        let pending = 0;
        let finished = false;
        const send = (): void => {
          while (pending < (queue.length > LAST_UNITS || waiting ? IN_FLIGHT : 1) && queue.length > 0) {
            pending++;
            worker.postMessage(queue.shift());
          }
          if (pending > 0) return;
          if (waiting) {
            arrived.then(send, reject);
            return;
          }
          finished = true;
          void worker.terminate().then(() => resolve());
        };
        worker.on('message', (results: FileResult[]) => {
          pending--;
          onResults(results);
          send();
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (!finished) reject(new Error(`check worker exited with code ${code}`));
        });
        send();
      }),
  );
  const all = Promise.all(running);
  for (;;) {
    const unit = queue.pop();
    if (unit) {
      // In slices: the workers' results, their requests for more work and finished renders come in between files.
      const results = await runInSlices(checkUnitSteps(unit, data.options, data.locale, data.keepTexts), { sliceMs: SLICE_MS });
      if (results) onResults(results);
      await before();
    } else if (waiting) await arrived;
    else break;
  }
  await all;
}

/** The worker's side: checks each unit it is sent and posts the results back. */
export function runCheckWorker(port: MessagePort, data: WorkerData): void {
  port.on('message', (unit: Unit) => port.postMessage(checkUnit(unit, data.options, data.locale, data.keepTexts)));
}
