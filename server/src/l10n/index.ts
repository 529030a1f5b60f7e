/**
 * The message catalogue. Every user-visible string is looked up here by key, with `{name}`
 * placeholders, so the server, CLI and hovers can speak the user's language. English is the
 * fallback for a key a translation lacks (a unit test fails on any such gap).
 */
import { diagramEn } from './en/diagram';
import { directivesEn } from './en/directives';
import { performanceEn } from './en/performance';
import { renameEn } from './en/rename';
import { navigateEn } from './en/navigate';
import { imagesEn } from './en/images';
import { rulesEn } from './en/rules';
import { servicesEn } from './en/services';
import { diagramZhCn } from './zh-cn/diagram';
import { directivesZhCn } from './zh-cn/directives';
import { performanceZhCn } from './zh-cn/performance';
import { navigateZhCn } from './zh-cn/navigate';
import { renameZhCn } from './zh-cn/rename';
import { imagesZhCn } from './zh-cn/images';
import { rulesZhCn } from './zh-cn/rules';
import { servicesZhCn } from './zh-cn/services';
import { fixesEn } from './en/fixes';
import { fixesZhCn } from './zh-cn/fixes';
import { hoverEn } from './en/hover';
import { hoverZhCn } from './zh-cn/hover';
import { cliEn } from './en/cli';
import { cliZhCn } from './zh-cn/cli';
import { neighbourhoodEn } from './en/neighbourhood';
import { neighbourhoodZhCn } from './zh-cn/neighbourhood';
import { kustomizeEn } from './en/kustomize';
import { kustomizeZhCn } from './zh-cn/kustomize';
import { listenersEn } from './en/listeners';
import { listenersZhCn } from './zh-cn/listeners';

/** Supported locales. */
export type Locale = 'en' | 'zh-cn';

/** A catalogue: message key → template. */
export type Catalogue = Readonly<Record<string, string>>;

const catalogues: Record<Locale, Catalogue[]> = {
  en: [rulesEn, directivesEn, servicesEn, renameEn, fixesEn, diagramEn, performanceEn, navigateEn, hoverEn, cliEn, imagesEn, neighbourhoodEn, kustomizeEn, listenersEn],
  'zh-cn': [rulesZhCn, directivesZhCn, servicesZhCn, renameZhCn, fixesZhCn, diagramZhCn, performanceZhCn, navigateZhCn, hoverZhCn, cliZhCn, imagesZhCn, neighbourhoodZhCn, kustomizeZhCn, listenersZhCn],
};

const merged = new Map<Locale, Map<string, string>>();

function catalogueFor(locale: Locale): Map<string, string> {
  let map = merged.get(locale);
  if (!map) {
    map = new Map(catalogues[locale].flatMap((c) => Object.entries(c)));
    merged.set(locale, map);
  }
  return map;
}

/** Adds message tables (used by feature modules that own their strings). */
export function registerCatalogue(locale: Locale, catalogue: Catalogue): void {
  catalogues[locale].push(catalogue);
  merged.delete(locale);
}

/** Maps any locale tag (`zh-CN`, `zh_CN.UTF-8`, `zh-Hans`, `en-US`) to a supported one. */
/**
 * A message put together from several catalogue texts, written as the locale writes: Chinese puts
 * no space after its full-width punctuation (the English parts join with one: "。 kubectl" → "。kubectl").
 */
export function tidyMessage(locale: Locale, message: string): string {
  return locale === 'zh-cn' ? message.replace(/([。？！；：，、）」』])[ \t]+/g, '$1') : message;
}

export function normaliseLocale(tag: string | undefined | null): Locale {
  const t = (tag ?? '').toLowerCase().replace('_', '-');
  if (t.startsWith('zh') && !/^zh-(tw|hk|mo|hant)/.test(t)) return 'zh-cn';
  return 'en';
}

/** All keys of a locale's catalogue (for the completeness test). */
export function catalogueKeys(locale: Locale): string[] {
  return [...catalogueFor(locale).keys()];
}

/**
 * A template split at its placeholders, once: text at even indexes, placeholder names at odd
 * ones. A file of thousands of documents formats thousands of messages on every open.
 */
const compiled = new Map<string, readonly string[]>();
function partsOf(template: string): readonly string[] {
  let parts = compiled.get(template);
  if (!parts) compiled.set(template, (parts = template.split(/\{(\w+)\}/)));
  return parts;
}

/** Formats message `key` in `locale`; unknown placeholders are left visible. */
export function t(locale: Locale, key: string, args: Readonly<Record<string, string | number>> = {}): string {
  const template = catalogueFor(locale).get(key) ?? catalogueFor('en').get(key) ?? key;
  const parts = partsOf(template);
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    out += (name in args ? String(args[name]) : `{${name}}`) + (parts[i + 1] as string);
  }
  return out;
}
