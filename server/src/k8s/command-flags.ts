/**
 * The one reader of a command line's flags: which flags a container's `command`/`args` give and
 * with what values (`--flag=value`, `--flag value`, getopt's `-fvalue`, redis-server's
 * `"--port 6380"`). The listener model, the dev-server binds and the probe checks all read flags
 * through it, so that they agree on what a command line says.
 */

/** Anything with the text of one command-line word (an `ArgItem`, or a bare word). */
export interface Word {
  readonly text: string;
}

/** One flag given on the command line, with its value. */
export interface FlagHit<T extends Word = Word> {
  /** The flag as the caller named it (or as written, when every flag is read). */
  readonly flag: string;
  readonly value: string;
  /** The item holding the value (the flag's own item in the `--flag=value` form). */
  readonly item: T;
  /** The item holding the flag. */
  readonly flagItem: T;
  /** Flag and value in one item (`--flag=value`, `-fvalue`). */
  readonly joined: boolean;
}

/** How a program reads its arguments beyond `--flag=value` and `--flag value`. */
export interface FlagForms {
  /** getopt: a short flag's value in the same argument (`-p11212`, `"-p 11212"`). */
  readonly getopt?: boolean;
  /** The program splits `"--port 6380"` into flag and value. */
  readonly splitsArgs?: boolean;
}

/**
 * How a flag compares with an argument: a single-dash flag exactly, since getopt and Go's flag
 * package are case-sensitive and `-u` (user) and `-U` (UDP port), `-p` (port) and `-P` (pidfile)
 * are different options; a `--long` flag case-insensitively (some programs fold it, and none has
 * two that differ only in case).
 */
export const flagCase = (flag: string, text: string): { flag: string; text: string } => (/^-[^-]/.test(flag) ? { flag, text } : { flag: flag.toLowerCase(), text: text.toLowerCase() });

/** A named flag at item `i`, in the forms `forms` allows. */
function namedHit<T extends Word>(items: readonly T[], i: number, name: string, forms: FlagForms): FlagHit<T> | undefined {
  const item = items[i] as T;
  const { flag, text } = flagCase(name, item.text);
  const next = items[i + 1];
  // A flag that takes a value takes the next word, whatever it is; one given last without a value is ignored.
  if (text === flag) {
    if (!next) return undefined;
    // redis-server joins the words after an option up to the next `--` into one line (`--bind 127.0.0.1 10.0.0.5`).
    const end = items.findIndex((x, k) => k > i && x.text.startsWith('--'));
    const words = forms.splitsArgs ? items.slice(i + 1, end < 0 ? undefined : end) : [];
    return { flag: name, value: words.length > 1 ? words.map((w) => w.text).join(' ') : next.text, item: next, flagItem: item, joined: false };
  }
  const joined = (value: string): FlagHit<T> => ({ flag: name, value, item, flagItem: item, joined: true });
  if (text.startsWith(flag + '=')) return joined(item.text.slice(flag.length + 1));
  if (forms.getopt && /^-[a-z]$/i.test(flag) && text.length > 2 && text.startsWith(flag) && item.text.slice(2).trim() !== '') return joined(item.text.slice(2).trim());
  if (forms.splitsArgs && text.startsWith(flag) && /^\s+\S/.test(text.slice(flag.length))) return joined(item.text.slice(flag.length).trim());
  return undefined;
}

/** Any flag at item `i`: `--flag=value`, or `--flag value` when the next word is no flag itself. */
function anyHit<T extends Word>(items: readonly T[], i: number): FlagHit<T> | undefined {
  const item = items[i] as T;
  const m = /^(--?[\w.-]+)(?:=(.*))?$/s.exec(item.text.trim());
  if (!m) return undefined;
  const next = items[i + 1];
  if (m[2] !== undefined) return { flag: m[1]!, value: m[2], item, flagItem: item, joined: true };
  return next && !next.text.startsWith('-') ? { flag: m[1]!, value: next.text, item: next, flagItem: item, joined: false } : undefined;
}

/**
 * Every occurrence of the flags `names` (see flagCase), in order; of every flag when `names` is
 * undefined (then which flags take a value is not known, so a value is a word that is no flag).
 */
export function flagHits<T extends Word>(items: readonly T[], names?: readonly string[], forms: FlagForms = {}): FlagHit<T>[] {
  const out: FlagHit<T>[] = [];
  items.forEach((_, i) => {
    if (!names) {
      const hit = anyHit(items, i);
      if (hit) out.push(hit);
      return;
    }
    for (const name of names) {
      const hit = namedHit(items, i, name, forms);
      if (hit) out.push(hit);
    }
  });
  return out;
}

/** The last occurrence of any of `flags`: the one most parsers keep. */
export function findFlag<T extends Word>(items: readonly T[], flags: readonly string[], forms: FlagForms = {}): FlagHit<T> | undefined {
  return flagHits(items, flags, forms).pop();
}

/** The value of a bare-word command line's flag (`--host 0.0.0.0`, `--host=0.0.0.0`, `-b0.0.0.0`), the last one given. */
export function wordFlag(words: readonly string[], flags: readonly string[]): string | undefined {
  return findFlag(words.map((text) => ({ text })), flags, { getopt: true })?.value;
}

/** Every value of a bare-word command line's flag, in order (gunicorn's repeatable `-b`). */
export function wordFlags(words: readonly string[], flags: readonly string[]): string[] {
  return flagHits(words.map((text) => ({ text })), flags, { getopt: true }).map((hit) => hit.value);
}

/** Whether `items` hold a flag that starts with one of `prefixes` (e.g. `--config`, `-c config_file=`). */
export function hasFlagPrefix(items: readonly Word[], prefixes: readonly string[]): string | undefined {
  for (const [i, item] of items.entries()) {
    for (const p of prefixes) {
      const [written = '', value] = p.split(' ');
      const { flag, text: t } = flagCase(written, item.text);
      // `--wsrep*`: any flag that starts so.
      const prefix = flag.endsWith('*') ? flag.slice(0, -1) : undefined;
      if (prefix !== undefined ? t.startsWith(prefix) : value === undefined ? t === flag || t.startsWith(flag + '=') || (flag.endsWith('.') && t.startsWith(flag)) || (!flag.startsWith('-') && t.startsWith(flag)) : t === flag && (items[i + 1]?.text.toLowerCase().startsWith(value.toLowerCase()) ?? false)) {
        return item.text;
      }
    }
  }
  return undefined;
}
