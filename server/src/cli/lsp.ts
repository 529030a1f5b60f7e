/** Starts the language server on the transport given on the command line (stdio by default). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../lsp/server';
import { rawJsonWriter } from '../lsp/raw-publish';

export function startLanguageServer(args: string[]): void {
  const flags = [...args, ...process.argv];
  const explicit = flags.some((a) => a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'));
  const connection = explicit
    ? createConnection(ProposedFeatures.all)
    : // stdin stays a stream (its end stops the server); the writer publishes prepared JSON.
      createConnection(ProposedFeatures.all, process.stdin as never, rawJsonWriter(process.stdout) as never);
  // On stdio, anything written to stdout corrupts JSON-RPC: route console output to the client.
  console.log = (...a: unknown[]) => connection.console.log(a.map(String).join(' '));
  console.info = console.log;
  console.warn = (...a: unknown[]) => connection.console.warn(a.map(String).join(' '));
  console.error = (...a: unknown[]) => connection.console.error(a.map(String).join(' '));
  // Last resort: an error that escapes every handler is logged, and the server keeps serving.
  process.on('uncaughtException', (error) => connection.console.error(`Podsight: uncaught ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`Podsight: unhandled rejection ${String(reason)}`));
  startServer(connection);
}
