/**
 * The language server: wiring only. Analysis lives in the core; features (hover, code actions,
 * the pod graph...) register themselves through `features/index.ts` with a `ServerContext`.
 */
import {
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { normaliseLocale, type Locale } from '../l10n';
import type { AnalysisOptions } from '../rules/types';
import { toDiagnostic } from './diagnostics';
import { AnalysisStore } from './documents';
import { features } from './features';
import { SettingsCache, toOptions } from './settings';

/** What features get: the connection, the open documents and their analyses. */
export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly store: AnalysisStore;
  locale(): Locale;
  /** Re-publishes diagnostics for every open document (e.g. after a configuration change). */
  revalidateAll(): void;
}

/** The client's initializationOptions. */
export interface InitOptions {
  /** The Red Hat YAML extension reports syntax errors already: don't report them twice. */
  readonly yamlExtensionActive?: boolean;
  /** Debounce after a change, in ms (default 20). */
  readonly debounceMs?: number;
}

const VERSION = '0.1.0';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let locale: Locale = 'en';
  let init: InitOptions = {};
  let canPullConfiguration = false;
  const settings = new SettingsCache(connection, () => canPullConfiguration);
  const failedRules = new Set<string>();
  const baseOptions = (): AnalysisOptions => ({ locale, reportSyntax: !init.yamlExtensionActive });
  const store = new AnalysisStore(baseOptions, (ruleId, error) => {
    if (failedRules.has(ruleId)) return;
    failedRules.add(ruleId);
    connection.console.error(`Podsight rule ${ruleId} failed and was skipped: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  });
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  async function validate(document: TextDocument): Promise<void> {
    const version = document.version;
    const options = toOptions(await settings.get(document.uri), baseOptions());
    const current = documents.get(document.uri);
    if (!current || current.version !== version) return; // stale: a newer change is queued
    store.setOptions(document.uri, options);
    const analysis = store.analyze(current);
    const diagnostics = analysis.findings.map((f) => toDiagnostic(f, analysis, current.uri, version));
    await connection.sendDiagnostics({ uri: current.uri, version, diagnostics });
  }

  function schedule(document: TextDocument, delay: number): void {
    clearTimeout(timers.get(document.uri));
    timers.set(
      document.uri,
      setTimeout(() => {
        timers.delete(document.uri);
        validate(document).catch((e: unknown) => connection.console.error(`Podsight: ${String(e)}`));
      }, delay),
    );
  }

  const context: ServerContext = {
    connection,
    documents,
    store,
    locale: () => locale,
    revalidateAll: () => documents.all().forEach((d) => schedule(d, 0)),
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    locale = normaliseLocale(params.locale);
    init = (params.initializationOptions as InitOptions | undefined) ?? {};
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    const capabilities: ServerCapabilities = { textDocumentSync: TextDocumentSyncKind.Incremental };
    for (const feature of features) Object.assign(capabilities, feature.capabilities?.(params) ?? {});
    return { capabilities, serverInfo: { name: 'podsight', version: VERSION } };
  });

  connection.onDidChangeConfiguration(() => {
    settings.clear();
    store.invalidateAll();
    context.revalidateAll();
  });

  documents.onDidOpen((e) => schedule(e.document, 0));
  documents.onDidChangeContent((e) => schedule(e.document, init.debounceMs ?? 20));
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    settings.delete(e.document.uri);
    store.forget(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  for (const feature of features) feature.register(context);
  documents.listen(connection);
  connection.listen();
}
