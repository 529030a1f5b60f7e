/**
 * The language server: wiring only. Analysis lives in the core; features (hover, code actions,
 * the pod graph...) register themselves through `features/index.ts` with a `ServerContext`.
 */
import {
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { maxFileSizeBytes } from '../core/file-too-large';
import type { Locale } from '../l10n';
import type { AnalysisOptions } from '../rules/types';
import { toDiagnostic } from './diagnostics';
import { AnalysisStore } from './documents';
import { features } from './features';
import { FolderPeers } from './folder-peers';
import { initialFolders, ProjectConfigs, withProjectConfig } from './project-config';
import { guardConnection } from './guard';
import { effectiveLocale, languageSetting } from './language';
import { podsightVersion } from '../cli/package-info';
import { serverRules } from './test-faults';
import { SettingsCache, toOptions, type PodsightSettings } from './settings';

/** What features get: the connection, the open documents and their analyses. */
export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly store: AnalysisStore;
  locale(): Locale;
  /** Re-publishes diagnostics for every open document (e.g. after a configuration change). */
  revalidateAll(): void;
  /** The client's initializationOptions. */
  initOptions(): InitOptions;
  /** The `podsight.*` settings of a document (cached per URI). */
  settings(uri: string): Promise<PodsightSettings>;
  /** Registers a listener called after the settings changed (caches already cleared). */
  onSettingsChanged(listener: () => void): void;
}

/** The client's initializationOptions. */
export interface InitOptions {
  /** The Red Hat YAML extension reports syntax errors already: don't report them twice. */
  readonly yamlExtensionActive?: boolean;
  /** Debounce after a change, in ms (default 10: stale work is cancelled anyway). */
  readonly debounceMs?: number;
  /** The client contributes the `podsight.showDiagram` command (code lenses may offer it). */
  readonly diagramCommand?: boolean;
  /** `podsight.language` (auto | en | zh-cn) when the server starts; see language.ts. */
  readonly language?: string;
}


export function startServer(rawConnection: Connection): void {
  // Every handler (ours, the features', TextDocuments') is guarded: a failure is logged, never fatal.
  const connection = guardConnection(rawConnection);
  const documents = new TextDocuments(TextDocument);
  let locale: Locale = 'en';
  let clientLocale: string | undefined;
  let init: InitOptions = {};
  let canPullConfiguration = false;
  const settings = new SettingsCache(connection, () => canPullConfiguration);
  const failedRules = new Set<string>();
  const baseOptions = (): AnalysisOptions => ({ locale, reportSyntax: !init.yamlExtensionActive });
  const store = new AnalysisStore(
    baseOptions,
    (ruleId, error) => {
      if (failedRules.has(ruleId)) return;
      failedRules.add(ruleId);
      connection.console.error(`Podsight rule ${ruleId} failed and was skipped: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    },
    maxFileSizeBytes(undefined),
    serverRules(process.env.PODSIGHT_TEST_FAULTS),
  );
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const projectConfigs = new ProjectConfigs(() => locale, (message) => connection.console.error(message));
  let canWatchFiles = false;
  let canWatchFolders = false;
  const folderOfUri = (uri: string): string => uri.slice(0, uri.lastIndexOf('/'));
  const folderPeers = new FolderPeers();
  const settingsListeners: (() => void)[] = [];
  store.peersFor = (uri) => {
    const peers = [];
    const keys = [];
    for (const d of documents.all()) {
      if (d.uri === uri || folderOfUri(d.uri) !== folderOfUri(uri)) continue;
      const pods = store.podsOf(d);
      if (pods.length === 0) continue;
      peers.push({ source: d.uri, pods });
      keys.push(`${d.uri}@${d.version}`);
    }
    const open = new Set(documents.all().map((d) => d.uri));
    const disk = folderPeers.peers(uri, open);
    return { peers: [...peers, ...disk.peers], key: `${keys.join('|')}#${disk.key}` };
  };
  // One options object per (settings, project config) pair, so that unchanged settings never
  // need a deep compare (settings and configs are new objects whenever they change).
  const optionsBySettings = new WeakMap<PodsightSettings, { project: unknown; options: AnalysisOptions }>();
  const optionsOf = (s: PodsightSettings, project: Parameters<typeof withProjectConfig>[1]): AnalysisOptions => {
    const cached = optionsBySettings.get(s);
    if (cached && cached.project === project) return cached.options;
    const options = withProjectConfig(toOptions(s, baseOptions()), project);
    optionsBySettings.set(s, { project, options });
    return options;
  };

  /**
   * Analyses the document in slices (never blocking the server for long) and publishes its
   * diagnostics, unless a newer version arrived meanwhile: then this run gives up, keeping the
   * chunks it finished for the next one, and stale diagnostics are never sent.
   */
  async function validate(document: TextDocument): Promise<void> {
    const uri = document.uri;
    const version = document.version;
    const stale = (): boolean => documents.get(uri)?.version !== version;
    const current = await settings.get(uri);
    if (stale()) return;
    store.setOptions(uri, optionsOf(current, projectConfigs.forDocument(uri)), maxFileSizeBytes(current.maxFileSize));
    const analysis = await store.analyzeInSlices(document, stale);
    if (!analysis || stale()) return;
    const diagnostics = analysis.findings.map((f) => toDiagnostic(f, analysis, uri, version));
    diagnostics.push(...projectConfigs.diagnosticsFor(uri, document.getText()));
    await connection.sendDiagnostics({ uri, version, diagnostics });
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
    initOptions: () => init,
    settings: (uri) => settings.get(uri),
    onSettingsChanged: (listener) => settingsListeners.push(listener),
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    init = (params.initializationOptions as InitOptions | undefined) ?? {};
    clientLocale = params.locale;
    locale = effectiveLocale(init.language, clientLocale);
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canWatchFolders = params.capabilities.workspace?.workspaceFolders === true;
    projectConfigs.setFolders(initialFolders(params));
    const capabilities: ServerCapabilities = { textDocumentSync: TextDocumentSyncKind.Incremental };
    if (canWatchFolders) capabilities.workspace = { workspaceFolders: { supported: true, changeNotifications: true } };
    for (const feature of features) Object.assign(capabilities, feature.capabilities?.(params) ?? {});
    return { capabilities, serverInfo: { name: 'podsight', version: podsightVersion() } };
  });

  // The connection keeps one `initialized` handler: features must not call onInitialized themselves.
  connection.onInitialized(() => {
    void updateLanguage();
    if (canWatchFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.podsight.yaml' }] });
    }
    if (canWatchFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(() => {
        void connection.workspace.getWorkspaceFolders().then((folders) => {
          projectConfigs.setFolders((folders ?? []).map((f) => f.uri));
          store.invalidateAll();
          context.revalidateAll();
        });
      });
    }
  });

  connection.onDidChangeWatchedFiles((params) => {
    const ours = params.changes.filter((c) => projectConfigs.invalidate(c.uri));
    if (ours.length === 0) return;
    store.invalidateAll();
    context.revalidateAll();
  });

  connection.onDidChangeConfiguration((params) => {
    settings.clear(); // new settings objects, hence new options objects
    store.invalidateAll();
    context.revalidateAll();
    for (const listener of settingsListeners) listener();
    void updateLanguage(params?.settings);
  });

  /** Follows `podsight.language`: a new locale re-analyses and re-publishes everything. */
  async function updateLanguage(pushed?: unknown): Promise<void> {
    const next = effectiveLocale((await languageSetting(connection, canPullConfiguration, pushed)) ?? init.language, clientLocale);
    if (next === locale) return;
    locale = next;
    settings.clear();
    store.invalidateAll();
    context.revalidateAll();
    for (const listener of settingsListeners) listener();
  }

  /** Schedules a document and the Services beside it, which may select its pods. */
  function scheduleWithNeighbours(document: TextDocument, delay: number): void {
    schedule(document, delay);
    for (const other of documents.all()) {
      if (other.uri !== document.uri && folderOfUri(other.uri) === folderOfUri(document.uri) && other.getText().includes('Service')) {
        schedule(other, delay);
      }
    }
  }

  // `TextDocuments` follows every open with a content change; that one must not replace the
  // immediate check of an opened file with a debounced one (10 ms later, on every open).
  const justOpened = new WeakSet<TextDocument>();
  documents.onDidOpen((e) => {
    justOpened.add(e.document);
    scheduleWithNeighbours(e.document, 0);
  });
  documents.onDidChangeContent((e) => {
    if (justOpened.delete(e.document)) return;
    scheduleWithNeighbours(e.document, init.debounceMs ?? 10);
  });
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
