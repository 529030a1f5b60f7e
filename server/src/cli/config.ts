/**
 * The project config file `.podsight.yaml` (rule levels, extra image knowledge), found from the
 * current folder upwards, or given with `--config`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { validateUserImages, type UserImageInfo } from '../k8s/images';
import { sanitiseRules } from '../lsp/settings';
import type { RuleLevel } from '../rules/types';

export const CONFIG_FILE = '.podsight.yaml';

/** The parsed, validated config. */
export interface PodsightConfig {
  readonly rules: Record<string, RuleLevel>;
  readonly images: Record<string, UserImageInfo>;
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

/** Parses config text; problems are collected, never thrown. */
export function parseConfig(text: string, file?: string): PodsightConfig {
  let raw: unknown;
  try {
    raw = parse(text) ?? {};
  } catch (e) {
    return { rules: {}, images: {}, errors: [`${file ?? CONFIG_FILE}: ${(e as Error).message}`], file };
  }
  const obj = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const images = validateUserImages(obj.images ?? {});
  return { rules: sanitiseRules(obj.rules), images: images.images, errors: images.errors.map((e) => `${file ?? CONFIG_FILE}: ${e}`), file };
}

export function loadConfig(file: string): PodsightConfig {
  return parseConfig(readFileSync(file, 'utf8'), file);
}
