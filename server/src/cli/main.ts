/** Command line: `podsight check FILE...`, `podsight diagram FILE` and `podsight lsp --stdio`. */
import { runCheck } from './check';
import { runDiagram } from './diagram';
import { cliLocale, usage } from './usage';
import { t } from '../l10n';
import { podsightVersion } from './package-info';

/** Runs the CLI; resolves to the exit code, or undefined when the language server keeps running. */
export async function runCli(argv: string[]): Promise<number | undefined> {
  const [command, ...rest] = argv;
  const transport = ['--stdio', '--node-ipc'].includes(command ?? '') || command?.startsWith('--socket') || command?.startsWith('--pipe');
  if (command === 'lsp' || transport) {
    // Loaded on demand: `check` never pays for initialising the language-server libraries.
    const { startLanguageServer } = await import('./lsp.js');
    startLanguageServer(rest);
    return undefined;
  }
  if ((command === 'check' || command === 'diagram') && rest.some((a) => a === '--help' || a === '-h')) {
    process.stdout.write(usage(cliLocale(argv)));
    return 0;
  }
  if (command === 'check') return runCheck(rest);
  if (command === 'diagram') return runDiagram(rest);
  if (command === '--version' || command === '-v') {
    process.stdout.write(`podsight ${podsightVersion()}\n`);
    return 0;
  }
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(usage(cliLocale(argv)));
    return 0;
  }
  process.stderr.write(command ? `podsight: ${t(cliLocale(argv), 'cli.unknown-command', { command })}\n\n${usage(cliLocale(argv))}` : usage());
  return 2;
}
