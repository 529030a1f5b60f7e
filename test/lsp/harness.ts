/**
 * A real LSP client for tests: spawns the built server (`dist/podsight.js lsp --stdio`) and
 * speaks JSON-RPC over its stdio. Waits poll with a deadline; nothing sleeps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { repoRoot } from '../helpers/paths';

export interface LspClientOptions {
  readonly locale?: string;
  readonly settings?: Record<string, unknown>;
  readonly initializationOptions?: Record<string, unknown>;
  /** Workspace folders to announce (rootUri is the first); none by default. */
  readonly workspaceFolders?: readonly { uri: string; name: string }[];
  /** Extra environment for the server process (e.g. `PODSIGHT_TEST_FAULTS`). */
  readonly env?: Record<string, string>;
  /** Announce `codeAction/resolve` support for `edit`, as VS Code does. */
  readonly resolveCodeActionEdits?: boolean;
  /** Announce change annotations in workspace edits, as VS Code does. */
  readonly changeAnnotations?: boolean;
  /** Answer `workspace/configuration` this many ms late, as editors do (0: at once). */
  readonly configurationDelayMs?: number;
  /** The server to start (the harness's own tests); default: the built server over stdio. */
  readonly command?: readonly string[];
}

export class LspClient {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters = new Set<() => void>();
  settings: Record<string, unknown>;
  stderr = '';
  /** `client/registerCapability` registrations the server made. */
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  /** `window/logMessage` texts (the output channel). */
  readonly logs: string[] = [];
  initializeResult?: InitializeResult;

  constructor(options: LspClientOptions = {}) {
    this.settings = options.settings ?? {};
    const [command, ...args] = options.command ?? [process.execPath, join(repoRoot, 'dist', 'podsight.js'), 'lsp', '--stdio'];
    this.process = spawn(command as string, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    this.process.stderr?.on('data', (d: Buffer) => (this.stderr += d.toString()));
    if (!this.process.stdout || !this.process.stdin) throw new Error('no stdio');
    const reader = new StreamMessageReader(this.process.stdout);
    // A server stopped in the middle of a message (dispose kills it) leaves the reader a partial
    // one: vscode-jsonrpc then re-arms a 10 s "partial message" timer for ever, which neither the
    // reader's nor the connection's dispose clears, and the test file never ends (CI waited 17
    // minutes for completion.test.js; caught with a timer dump: 1 run in ~130). Nothing here
    // listens for partial messages.
    reader.partialMessageTimeout = 0;
    this.connection = createMessageConnection(reader, new StreamMessageWriter(this.process.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const list = this.diagnostics.get(p.uri) ?? [];
      list.push(p);
      this.diagnostics.set(p.uri, list);
      for (const w of this.waiters) w();
    });
    this.connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => {
      this.configurationRequests++;
      const answer = (): unknown[] => p.items.map((item) => (item.section === 'podsight' ? this.settings : null));
      if (this.heldConfiguration) return new Promise((resolve) => this.heldConfiguration?.push(() => resolve(answer())));
      const delay = options.configurationDelayMs ?? 0;
      return delay > 0 ? new Promise((resolve) => setTimeout(() => resolve(answer()), delay)) : answer();
    });
    this.connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
    });
    this.connection.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...p.registrations);
      return null;
    });
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.listen();
    this.initOptions = options;
  }

  private readonly initOptions: LspClientOptions;
  private heldConfiguration?: (() => void)[];

  /** Leaves `workspace/configuration` requests unanswered until the returned function is called. */
  holdConfiguration(): () => void {
    const held: (() => void)[] = [];
    this.heldConfiguration = held;
    return () => {
      this.heldConfiguration = undefined;
      for (const answer of held) answer();
    };
  }

  /** Resolves once the server has received `count` configuration requests in all (held or answered). */
  async waitForConfigurationRequests(count: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.configurationRequests < count) {
      if (Date.now() > deadline) throw new Error(`only ${this.configurationRequests} of ${count} configuration requests`);
      await new Promise((r) => setImmediate(r));
    }
  }
  configurationRequests = 0;

  async initialize(): Promise<InitializeResult> {
    this.initializeResult = await this.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: this.initOptions.workspaceFolders?.[0]?.uri ?? null,
      workspaceFolders: this.initOptions.workspaceFolders ?? null,
      locale: this.initOptions.locale ?? 'en',
      capabilities: {
        workspace: {
          configuration: true,
          didChangeWatchedFiles: { dynamicRegistration: true },
          ...(this.initOptions.changeAnnotations ? { workspaceEdit: { documentChanges: true, changeAnnotationSupport: { groupsOnLabel: true } } } : {}),
        },
        textDocument: {
          rename: { prepareSupport: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          ...(this.initOptions.resolveCodeActionEdits ? { codeAction: { dataSupport: true, resolveSupport: { properties: ['edit'] } } } : {}),
        },
      },
      initializationOptions: this.initOptions.initializationOptions ?? {},
    });
    await this.connection.sendNotification('initialized', {});
    return this.initializeResult;
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
  }

  change(uri: string, version: number, changes: unknown[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest<T>(method, params);
  }

  /** Every diagnostics publish received for `uri`, in arrival order. */
  published(uri: string): readonly PublishDiagnosticsParams[] {
    return this.diagnostics.get(uri) ?? [];
  }

  /** Resolves with the first diagnostics publish for `uri` (at `version` or later) that satisfies `predicate`. */
  waitForDiagnostics(uri: string, predicate: (d: Diagnostic[]) => boolean = () => true, version?: number, timeoutMs = 10_000): Promise<Diagnostic[]> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const match = (this.diagnostics.get(uri) ?? []).find((p) => (version === undefined || (p.version ?? 0) >= version) && predicate(p.diagnostics));
        if (!match) return false;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(match.diagnostics);
        return true;
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr}`));
      }, timeoutMs);
      if (!check()) this.waiters.add(check);
    });
  }

  /** Polls (with a deadline, no sleeping) until the latest publish for `uri` satisfies `predicate`. */
  async waitForLatest(uri: string, predicate: (d: Diagnostic[]) => boolean, timeoutMs = 10_000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const list = this.diagnostics.get(uri);
      const latest = list?.[list.length - 1]?.diagnostics;
      if (latest && predicate(latest)) return latest;
      if (Date.now() > deadline) throw new Error(`latest diagnostics for ${uri} never matched: ${JSON.stringify(latest)}`);
      await new Promise((r) => setImmediate(r));
    }
  }

  async dispose(): Promise<void> {
    // Each step is bounded: a server that already exited may leave a write pending forever (a
    // test file once hung 15 minutes here after all its tests had passed).
    const bounded = async (step: () => Promise<unknown>, ms: number): Promise<void> => {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([step(), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
      } catch {
        // already gone
      } finally {
        clearTimeout(timer);
      }
    };
    await bounded(() => this.connection.sendRequest('shutdown'), 2000);
    await bounded(() => this.connection.sendNotification('exit'), 1000);
    // The server exits on `exit`: give it that chance before a kill cuts a message in half.
    await bounded(() => (this.process.exitCode !== null || this.process.signalCode !== null ? Promise.resolve() : new Promise((resolve) => this.process.once('exit', resolve))), 1000);
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}
