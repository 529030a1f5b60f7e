/**
 * The `podsight.language` setting: `auto` follows the client's locale (LSP `initialize`), `en` and
 * `zh-cn` override it for every message, hover, fix title and diagram label, so Chinese needs no
 * VS Code language pack. VS Code's client passes it in initializationOptions; any client may send
 * it as the `podsight` configuration section (pulled, or pushed in didChangeConfiguration).
 */
import type { Connection } from 'vscode-languageserver';
import { normaliseLocale, type Locale } from '../l10n';

export const LANGUAGE_SETTINGS = ['auto', 'en', 'zh-cn'] as const;

export function effectiveLocale(setting: unknown, clientLocale: string | undefined): Locale {
  return setting === 'en' || setting === 'zh-cn' ? setting : normaliseLocale(clientLocale);
}

/** The `language` of the `podsight` section: from a didChangeConfiguration push, else pulled. */
export async function languageSetting(connection: Connection, canPull: boolean, pushed?: unknown): Promise<unknown> {
  const section = (pushed as { podsight?: { language?: unknown } } | null | undefined)?.podsight;
  if (section && 'language' in section) return section.language;
  if (!canPull) return undefined;
  try {
    const pulled = (await connection.workspace.getConfiguration({ section: 'podsight' })) as { language?: unknown } | null;
    return pulled?.language;
  } catch {
    return undefined;
  }
}
