/**
 * Entry point of the bundle `dist/podsight.js`: the CLI (`check`, ...) and the language server
 * (`lsp --stdio`, or the transport flags a client passes); also the worker of `check --jobs N`.
 */
import { setFlagsFromString } from 'node:v8';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { runCli } from './cli/main';
import { enableCheckWorkers, runCheckWorker, WORKER_MARKER, type WorkerData } from './cli/pool';

// Parsing YAML allocates many short-lived objects; with V8's default young generation (16 MB
// semi-spaces) a third of a cold `check` run went to scavenges. Set before any real work.
setFlagsFromString('--max-semi-space-size=32');

const asWorker = !isMainThread && parentPort && (workerData as WorkerData | undefined)?.marker === WORKER_MARKER;
if (asWorker && parentPort) runCheckWorker(parentPort, workerData as WorkerData);
else {
  enableCheckWorkers(__filename);
  runCli(process.argv.slice(2)).then(
    (code) => {
      if (code !== undefined) process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`podsight: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
