/** Builds the language client that starts the bundled server (`dist/podsight.js lsp`). */
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type ErrorHandler, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { RestartPolicy } from './restart-policy';

const YAML_EXTENSION = 'redhat.vscode-yaml';

function contributesCommand(context: vscode.ExtensionContext, id: string): boolean {
  const manifest = context.extension.packageJSON as { contributes?: { commands?: { command?: string }[] } };
  return (manifest.contributes?.commands ?? []).some((c) => c.command === id);
}

/** Restarts a crashed server (bounded) and tells the user once, through a window message. */
export function restartingErrorHandler(notify: (message: string) => void): ErrorHandler {
  const policy = new RestartPolicy({ notify });
  return {
    error: () => ({ action: ErrorAction.Continue }),
    closed: () => {
      const decision = policy.closed();
      return decision.restart ? { action: CloseAction.Restart, handled: true } : { action: CloseAction.DoNotRestart, handled: true };
    },
  };
}

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'podsight.js').fsPath;
  // stdio, not node IPC: over IPC `process.send` serialises every publish as objects, while on
  // stdio the server writes the diagnostics JSON it keeps per document (see raw-publish.ts), so
  // an edit in a file of thousands of documents does not convert and serialise all of them again.
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio, args: ['lsp'] },
    debug: { module, transport: TransportKind.stdio, args: ['lsp'], options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'yaml', scheme: 'file' },
      { language: 'yaml', scheme: 'untitled' },
      { language: 'yaml', scheme: 'vscode-remote' },
    ],
    outputChannel: output,
    traceOutputChannel: output,
    initializationOptions: {
      // The Red Hat YAML extension already reports syntax errors: one squiggle per problem.
      yamlExtensionActive: vscode.extensions.getExtension(YAML_EXTENSION) !== undefined,
      // Code lenses offer "Show diagram" only when this build contributes the command.
      diagramCommand: contributesCommand(context, 'podsight.showDiagram'),
      // auto | en | zh-cn: the server's language from the start (changes arrive as configuration).
      language: vscode.workspace.getConfiguration('podsight').get<string>('language', 'auto'),
      // kustomize is an executable: overlays are rendered only once the workspace is trusted.
      workspaceTrusted: vscode.workspace.isTrusted,
    },
    synchronize: { configurationSection: 'podsight' },
    errorHandler: restartingErrorHandler((message) => void vscode.window.showWarningMessage(message)),
  };
  return new LanguageClient('podsight', 'Podsight', serverOptions, clientOptions);
}
