/**
 * Per-resource settings, pulled from the client (`workspace/configuration`, section `podsight`),
 * cached by URI and cleared when the configuration changes.
 */
import type { Connection } from 'vscode-languageserver';
import { validateUserImages } from '../k8s/images';
import { validatePodTemplates } from '../k8s/pod-templates';
import type { AnalysisOptions, RuleLevel } from '../rules/types';

/** The `podsight.*` settings as the client sends them. */
export interface PodsightSettings {
  readonly rules?: Record<string, RuleLevel>;
  readonly images?: unknown;
  readonly podTemplates?: unknown;
  readonly maxFileSize?: number;
  readonly codeLens?: { readonly enable?: boolean; readonly showDiagram?: boolean };
}

const LEVELS = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** Keeps only well-formed entries, so a bad setting never breaks analysis. */
export function sanitiseRules(value: unknown): Record<string, RuleLevel> {
  const out: Record<string, RuleLevel> = {};
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [id, level] of Object.entries(value)) {
      if (typeof level === 'string' && LEVELS.has(level)) out[id] = level as RuleLevel;
      else if (level === false) out[id] = 'off';
    }
  }
  return out;
}

export class SettingsCache {
  private readonly cache = new Map<string, Promise<PodsightSettings>>();

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
  ) {}

  get(uri: string): Promise<PodsightSettings> {
    const cached = this.cache.get(uri);
    if (cached) return cached;
    const entry: Promise<PodsightSettings> = this.canPull()
      ? this.connection.workspace
          .getConfiguration({ scopeUri: uri, section: 'podsight' })
          .then((s: unknown) => (s && typeof s === 'object' ? (s as PodsightSettings) : {}))
          .catch(() => ({}))
      : Promise.resolve({});
    this.cache.set(uri, entry);
    return entry;
  }

  delete(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}

/** Settings → analysis options. */
export function toOptions(settings: PodsightSettings, base: AnalysisOptions): AnalysisOptions {
  const images = validateUserImages(settings.images ?? {}).images;
  const podTemplates = validatePodTemplates(settings.podTemplates);
  return { ...base, rules: sanitiseRules(settings.rules), images, ...(podTemplates.length > 0 ? { podTemplates } : {}) };
}
