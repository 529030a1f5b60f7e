/** Podsight's VS Code client: starts the language server and registers commands. Nothing else. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerDiagram } from './diagram/register';
import { registerKustomize } from './kustomize';
import { createLanguageClient } from './language-client';
import { clientText } from './texts';

/** What `activate` returns; the end-to-end tests read it. */
export interface PodsightApi {
  /** Milliseconds `activate` took. The server starts in the background, so this stays small. */
  readonly activationMs: number;
  /** Resolves when the language server is running (rejects if it could not start). */
  readonly ready: Promise<void>;
  readonly client: LanguageClient;
}

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): PodsightApi {
  const started = Date.now();
  const output = vscode.window.createOutputChannel('Podsight', { log: true });
  client = createLanguageClient(context, output);
  context.subscriptions.push(output, client);
  // Don't hold up VS Code while the server starts: diagnostics arrive when it is ready.
  const ready = client.start().catch((error: unknown) => {
    void vscode.window.showErrorMessage(clientText(context.extensionUri, 'Podsight could not start its language server: {0}', String(error)));
    throw error;
  });
  context.subscriptions.push(...registerDiagram(context, client, ready), ...registerKustomize(client, ready));
  return { activationMs: Date.now() - started, ready, client };
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
