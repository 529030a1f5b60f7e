/**
 * Entry point of the bundle `dist/podsight.js`: the CLI (`check`, ...) and the language server
 * (`lsp --stdio`, or the transport flags a client passes).
 */
import { runCli } from './cli/main';

runCli(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`podsight: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
