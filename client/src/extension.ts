/** Podsight's VS Code client: starts the language server and registers commands. Nothing else. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './language-client';

/** What `activate` returns; the end-to-end tests read it. */
export interface PodsightApi {
  /** Milliseconds from the start of `activate` until the language client was running. */
  readonly activationMs: number;
  readonly client: LanguageClient;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<PodsightApi> {
  const started = Date.now();
  const output = vscode.window.createOutputChannel('Podsight', { log: true });
  client = createLanguageClient(context, output);
  context.subscriptions.push(output, client);
  try {
    await client.start();
  } catch (error) {
    void vscode.window.showErrorMessage(`Podsight could not start its language server: ${String(error)}`);
    throw error;
  }
  return { activationMs: Date.now() - started, client };
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
