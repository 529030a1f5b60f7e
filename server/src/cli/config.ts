/**
 * The project config file `.podsight.yaml` (rule levels, extra image knowledge), found from the
 * current folder upwards, or given with `--config`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { validateUserImages, type UserImageInfo } from '../k8s/images';
import { validatePodTemplates, type UserPodTemplate } from '../k8s/pod-templates';
import { t, type Locale } from '../l10n';
import { sanitiseRules } from '../lsp/settings';
import { ruleCatalogue } from '../rules';
import type { RuleLevel } from '../rules/types';

export const CONFIG_FILE = '.podsight.yaml';

/** The parsed, validated config. */
export interface PodsightConfig {
  readonly rules: Record<string, RuleLevel>;
  readonly images: Record<string, UserImageInfo>;
  /** Custom resources holding pod specs (`podTemplates`). */
  readonly podTemplates?: readonly UserPodTemplate[];
  readonly errors: string[];
  readonly file?: string;
}

export function findConfig(from: string): string | undefined {
  let dir = resolve(from);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Parses config text; problems are collected (in the user's language), never thrown. */
export function parseConfig(text: string, file?: string, locale: Locale = 'en'): PodsightConfig {
  const where = file ?? CONFIG_FILE;
  let raw: unknown;
  try {
    raw = parse(text) ?? {};
  } catch (e) {
    return { rules: {}, images: {}, errors: [`${where}: ${(e as Error).message}`], file };
  }
  const obj = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const images = validateUserImages(obj.images ?? {}, locale);
  const rules = sanitiseRules(obj.rules);
  const errors = images.errors.map((e) => `${where}: ${e}`);
  const podTemplates = validatePodTemplates(obj.podTemplates ?? [], (index) => errors.push(`${where}: ${t(locale, 'config.bad-pod-template', { index })}`));
  if (obj.podTemplates !== undefined && !Array.isArray(obj.podTemplates)) errors.push(`${where}: ${t(locale, 'config.bad-pod-template', { index: '-' })}`);
  const known = new Set(ruleCatalogue().map((r) => r.id));
  if (obj.rules && typeof obj.rules === 'object' && !Array.isArray(obj.rules)) {
    for (const id of Object.keys(obj.rules)) {
      if (!known.has(id)) errors.push(`${where}: ${t(locale, 'config.unknown-rule', { rule: id })}`);
      else if (!(id in rules)) errors.push(`${where}: ${t(locale, 'config.bad-level', { rule: id })}`);
    }
  }
  return { rules, images: images.images, ...(podTemplates.length > 0 ? { podTemplates } : {}), errors, file };
}

export function loadConfig(file: string, locale: Locale = 'en'): PodsightConfig {
  return parseConfig(readFileSync(file, 'utf8'), file, locale);
}
