/**
 * The language server: wiring only. Analysis lives in the core; features (hover, code actions,
 * the pod graph...) register themselves through `features/index.ts` with a `ServerContext`.
 */
import { fragmentOfUri, isKustomizeResourceUri } from './fragment-files';
import {
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { runInSlices } from '../core/slices';
import { openDocuments } from './open-document';
import { maxFileSizeBytes } from '../core/file-too-large';
import type { Locale } from '../l10n';
import type { AnalysisOptions } from '../rules/types';
import { AnalysisStore, textOf } from './documents';
import { DiagnosticsPipeline } from './diagnostics-pipeline';
import { IdleCollector } from './idle-collect';
import { features } from './features';
import { WorkspaceIndex } from './workspace-index';
import { namespaceOfUri, WorkspacePeers } from './workspace-peers';
import { clearFolderNamespaces } from '../cli/workspace';
import { needsWorkspace } from '../k8s/neighbourhood';
import { fileURLToPath } from 'node:url';
import { clearKustomizeBases } from '../cli/kustomize-bases';
import { initialFolders, ProjectConfigs, withProjectConfig } from './project-config';
import { guardConnection } from './guard';
import { effectiveLocale, languageSetting } from './language';
import { podsightVersion } from '../cli/package-info';
import { KustomizeDiagnostics } from './kustomize';
import { serverRules } from './test-faults';
import { SettingsCache, toOptions, type PodsightSettings } from './settings';

/** Documents at least this long (UTF-16 units) get their line starts worked out in slices on open. */
const LINE_STARTS_IN_SLICES = 1 << 18;

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
  /**
   * Debounce after a change, in ms. Default 0: the check starts on the next turn of the event
   * loop, so changes that arrive together are checked once, and a check under way gives up at its
   * next slice when a newer version arrives; waiting longer only delays the diagnostics.
   */
  readonly debounceMs?: number;
  /** The client contributes the `podsight.showDiagram` command (code lenses may offer it). */
  readonly diagramCommand?: boolean;
  /** `podsight.language` (auto | en | zh-cn) when the server starts; see language.ts. */
  readonly language?: string;
  /** False in a restricted (untrusted) workspace: no kustomize render then. */
  readonly workspaceTrusted?: boolean;
}


export function startServer(rawConnection: Connection): void {
  // Every handler (ours, the features', TextDocuments') is guarded: a failure is logged, never fatal.
  const connection = guardConnection(rawConnection);
  const documents = new TextDocuments(openDocuments);
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
  const projectConfigs = new ProjectConfigs(() => locale, (message) => connection.console.error(message));
  let canWatchFiles = false;
  let canWatchFolders = false;
  let folders: string[] = [];
  const workspace = new WorkspaceIndex();
  const settingsListeners: (() => void)[] = [];
  // The workspace a document sees: the other open documents and the files on disk.
  const peers = new WorkspacePeers(documents, store, workspace);
  store.namespaceOf = namespaceOfUri;
  store.peersFor = (uri) => peers.peersFor(uri);
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

  /** Gives the store the document's analysis options and size limit, from its settings. */
  async function applySettings(document: TextDocument): Promise<void> {
    const uri = document.uri;
    const current = await settings.get(uri);
    if (documents.get(uri) !== document) return;
    const options = optionsOf(current, projectConfigs.forDocument(uri));
    const fragment = fragmentOfUri(uri);
    const kustomizeResource = !fragment && isKustomizeResourceUri(uri);
    store.setOptions(document, fragment ? { ...options, fragment } : kustomizeResource ? { ...options, kustomizeResource } : options, maxFileSizeBytes(current.maxFileSize));
  }

  const pipeline = new DiagnosticsPipeline({
    connection,
    documents,
    store,
    applySettings,
    configDiagnostics: (uri, text) => projectConfigs.diagnosticsFor(uri, text),
    overlayDiagnostics: (uri, own) => overlays.diagnosticsFor(uri, own),
    ownFindings: (uri, findings) => overlays.ownFindings(uri, findings),
  });
  const schedule = (document: TextDocument, delay: number): void => pipeline.schedule(document, delay);

  // Overlay renders (kustomize): their findings join each file's own diagnostics in validate().
  let folderUris: string[] = [];
  let trusted = true;
  const overlays = new KustomizeDiagnostics({
    connection,
    documents,
    locale: () => locale,
    roots: () => folderUris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u)),
    trusted: () => trusted,
    settings: (uri) => settings.get(uri) as Promise<{ kustomize?: { command?: string; enable?: boolean } }>,
    options: async (uri) => optionsOf(await settings.get(uri), projectConfigs.forDocument(uri)),
    revalidate: (document) => schedule(document, 0),
  });
  connection.onNotification('podsight/workspaceTrusted', () => {
    trusted = true;
    for (const d of documents.all()) overlays.touched(d, false);
  });

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
    folders = initialFolders(params);
    projectConfigs.setFolders(folders);
    folderUris = folders;
    trusted = init.workspaceTrusted !== false;
    const capabilities: ServerCapabilities = { textDocumentSync: TextDocumentSyncKind.Incremental };
    if (canWatchFolders) capabilities.workspace = { workspaceFolders: { supported: true, changeNotifications: true } };
    for (const feature of features) Object.assign(capabilities, feature.capabilities?.(params) ?? {});
    return { capabilities, serverInfo: { name: 'podsight', version: podsightVersion() } };
  });

  // The connection keeps one `initialized` handler: features must not call onInitialized themselves.
  /** Indexes the workspace folders in the background, then re-checks the documents that look across files. */
  function indexWorkspace(folders: readonly string[]): void {
    void workspace.scan(folders).then(() => revalidateWorkspaceUsers());
  }

  function revalidateWorkspaceUsers(): void {
    for (const d of documents.all()) if (needsWorkspace(textOf(d))) schedule(d, 0);
  }

  connection.onInitialized(() => {
    void updateLanguage();
    if (canWatchFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/.podsight.yaml' }, { globPattern: '**/*.{yaml,yml}' }, { globPattern: '**/Kustomization' }],
      });
    }
    if (canWatchFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(() => {
        void connection.workspace.getWorkspaceFolders().then((folders) => {
          projectConfigs.setFolders((folders ?? []).map((f) => f.uri));
          folderUris = (folders ?? []).map((f) => f.uri);
          overlays.service.invalidate();
          store.invalidateAll();
          context.revalidateAll();
          indexWorkspace((folders ?? []).map((f) => f.uri));
        });
      });
    }
    indexWorkspace(folders);
  });

  connection.onDidChangeWatchedFiles((params) => {
    const ours = params.changes.filter((c) => projectConfigs.invalidate(c.uri));
    // Manifests changed on disk: the workspace index follows; a kustomization may move namespaces.
    const manifests = params.changes.filter((c) => /\.ya?ml$|\/Kustomization$/i.test(c.uri) && !c.uri.endsWith('/.podsight.yaml'));
    for (const change of manifests) {
      if (/\/kustomization\.ya?ml$|\/Kustomization$/i.test(change.uri)) {
        clearFolderNamespaces();
        clearKustomizeBases();
      }
      if (!documents.get(change.uri)) workspace.changed(change.uri);
    }
    if (ours.length > 0) {
      store.invalidateAll();
      context.revalidateAll();
    } else if (manifests.length > 0) revalidateWorkspaceUsers();
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

  // `TextDocuments` follows every open with a content change; that one must not replace the
  // immediate check of an opened file with a debounced one (on every open).
  const justOpened = new WeakSet<TextDocument>();
  // Garbage of big analyses is collected once the server is idle (see idle-collect.ts).
  const collector = new IdleCollector();
  documents.onDidOpen((e) => {
    collector.opened(textOf(e.document).length);
    // A big document's line starts, in slices now rather than in one block on its first edit.
    // Urgent (not queued behind the analysis's turns): the first documents' diagnostics go out
    // early, and an edit made on seeing them must find the line starts done (~20 ms of work at
    // 5,000 documents, otherwise done in one block inside that edit).
    const opened = e.document;
    if (opened.getText().length >= LINE_STARTS_IN_SLICES) void runInSlices(opened.lineStartSteps(), { isStale: () => documents.get(opened.uri) !== opened, urgent: true });
    justOpened.add(e.document);
    pipeline.scheduleWithNeighbours(e.document, 0);
    overlays.touched(e.document, false);
  });
  documents.onDidChangeContent((e) => {
    if (justOpened.delete(e.document)) return;
    collector.typed();
    pipeline.scheduleWithNeighbours(e.document, init.debounceMs ?? 0);
    overlays.touched(e.document, true);
  });
  documents.onDidClose((e) => {
    collector.closed(textOf(e.document).length);
    pipeline.closed(e.document.uri);
    settings.delete(e.document.uri);
    store.forget(e.document.uri);
    peers.forget(e.document.uri);
    workspace.forget(e.document.uri);
    // Its text on disk counts again (an unsaved edit is gone).
    workspace.changed(e.document.uri);
    revalidateWorkspaceUsers();
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    overlays.closed(e.document.uri);
  });

  for (const feature of features) feature.register(context);
  documents.listen(connection);
  connection.listen();
}
