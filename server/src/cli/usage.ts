/** The CLI's help text and the locale the CLI speaks before its arguments are parsed. */
import { normaliseLocale, t, type Locale } from '../l10n';

/** `--lang X` or `--lang=X` from the arguments, else the environment (LC_ALL, LC_MESSAGES, LANG). */
export function cliLocale(argv: readonly string[] = process.argv.slice(2)): Locale {
  const i = argv.indexOf('--lang');
  const inline = argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
  return normaliseLocale((i >= 0 ? argv[i + 1] : inline) || process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);
}

/** The help text in the CLI's locale. */
export function usage(locale: Locale = cliLocale()): string {
  return t(locale, 'cli.usage');
}
