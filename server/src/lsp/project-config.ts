/**
 * The project config `.podsight.yaml` at the root of each workspace folder, read with `fs` for
 * `file:` URIs (the same parser as the CLI), cached per folder and reloaded when the client reports
 * a change through `workspace/didChangeWatchedFiles`. VS Code settings override it key by key.
 * Problems are reported once per distinct text: in the output channel, and as diagnostics on the
 * config file itself while it is open.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { CONFIG_FILE, parseConfig, type PodsightConfig } from '../cli/config';
import type { Locale } from '../l10n';
import { t } from '../l10n';
import type { AnalysisOptions } from '../rules/types';

/** Where the config lives for a folder URI. */
export function configUriFor(folderUri: string): string {
  return `${folderUri.replace(/\/+$/, '')}/${CONFIG_FILE}`;
}

export class ProjectConfigs {
  private folders: string[] = [];
  private readonly cache = new Map<string, PodsightConfig | undefined>();
  private readonly reported = new Set<string>();

  constructor(
    private readonly locale: () => Locale,
    private readonly log: (message: string) => void,
  ) {}

  /** Sets the workspace folders (from `initialize` or a folder change). */
  setFolders(uris: readonly string[]): void {
    // Longest first, so a nested folder wins over its parent.
    this.folders = [...new Set(uris.map((u) => u.replace(/\/+$/, '')))].sort((a, b) => b.length - a.length);
    this.cache.clear();
  }

  /** The workspace folder holding a document, if any. */
  folderOf(uri: string): string | undefined {
    return this.folders.find((f) => uri.startsWith(`${f}/`));
  }

  /** Whether this URI is the config file of a workspace folder. */
  isConfigFile(uri: string): boolean {
    return this.folders.some((f) => configUriFor(f) === uri);
  }

  /** Drops a folder's config after its file changed; returns true when it was one of ours. */
  invalidate(changedUri: string): boolean {
    const folder = this.folders.find((f) => configUriFor(f) === changedUri);
    if (folder === undefined) return false;
    this.cache.delete(folder);
    return true;
  }

  invalidateAll(): void {
    this.cache.clear();
  }

  /** The config that applies to a document, or undefined. */
  forDocument(uri: string): PodsightConfig | undefined {
    const folder = this.folderOf(uri);
    return folder === undefined ? undefined : this.load(folder);
  }

  private load(folder: string): PodsightConfig | undefined {
    if (this.cache.has(folder)) return this.cache.get(folder);
    let config: PodsightConfig | undefined;
    const uri = configUriFor(folder);
    if (uri.startsWith('file:')) {
      let text: string | undefined;
      try {
        text = readFileSync(fileURLToPath(uri), 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
          config = { rules: {}, images: {}, errors: [t(this.locale(), 'config.unreadable', { file: uri, message: (e as Error).message })] };
        }
      }
      if (text !== undefined) config = parseConfig(text, CONFIG_FILE, this.locale());
    }
    this.cache.set(folder, config);
    for (const error of config?.errors ?? []) {
      const key = `${folder}\n${error}`;
      if (this.reported.has(key)) continue;
      this.reported.add(key);
      this.log(t(this.locale(), 'config.invalid', { message: `${uri}: ${error}` }));
    }
    return config;
  }

  /**
   * Diagnostics for the config file itself while it is open, from the editor's text (so they follow
   * unsaved edits); the saved file is what applies to the manifests.
   */
  diagnosticsFor(uri: string, text: () => string): Diagnostic[] {
    if (!this.isConfigFile(uri)) return [];
    return parseConfig(text(), CONFIG_FILE, this.locale()).errors.map((error) => ({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Error,
      source: 'podsight',
      code: 'config',
      message: t(this.locale(), 'config.invalid', { message: error }),
    }));
  }
}

/** Config under settings: every key a setting names wins; the config fills in the rest. */
export function withProjectConfig(options: AnalysisOptions, config: PodsightConfig | undefined): AnalysisOptions {
  if (!config) return options;
  return {
    ...options,
    rules: { ...config.rules, ...options.rules },
    images: { ...config.images, ...options.images },
    ...(options.podTemplates ?? config.podTemplates ? { podTemplates: options.podTemplates ?? config.podTemplates } : {}),
  };
}

/** The folder URIs from `initialize`: workspaceFolders, else rootUri, else rootPath. */
export function initialFolders(params: { workspaceFolders?: { uri: string }[] | null; rootUri?: string | null; rootPath?: string | null }): string[] {
  if (params.workspaceFolders?.length) return params.workspaceFolders.map((f) => f.uri);
  if (params.rootUri) return [params.rootUri];
  if (params.rootPath) return [pathToFileURL(params.rootPath).href];
  return [];
}
