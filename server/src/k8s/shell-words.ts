/**
 * A small reader of the shell scripts containers run (`sh -c "..."`, a postStart exec, Tekton's
 * `script`): the simple commands in order, each as its words (still quoted, as written) and its
 * redirections. It knows quotes, escapes, `$(...)`/backquote nesting, comments and here-documents
 * (whose bodies are data, not commands); anything fancier only costs precision, never a crash.
 */

/** A shell program, by path or name (`sh`, `/bin/bash`, `/usr/local/bin/bash`): what follows `-c` is a script. */
export const SHELL_PROGRAM = /^(?:\/usr(?:\/local)?)?(?:\/bin\/)?(?:sh|bash|ash|dash|zsh|ksh)$/;

/** Shell options that take the next word as their value (`-o pipefail`, `--rcfile FILE`). */
const OPTION_WITH_VALUE = /^(?:[-+][oO]|--rcfile|--init-file)$/;

/**
 * Where the script is in a shell's command line, after the shell's options: `sh -c S`, `bash -ec
 * S`, `sh -o pipefail -c S`, `bash --login -c S`, `sh -c -- S`. Undefined when the words are not a
 * shell running a script given with `-c`.
 */
export function shellScriptIndex(words: readonly string[]): number | undefined {
  if (!SHELL_PROGRAM.test(words[0]?.trim() ?? '')) return undefined;
  let i = 1;
  let command = false;
  for (let option = words[i]?.trim() ?? ''; /^(?:[-+][A-Za-z]+|--[a-z][a-z-]*)$/.test(option); option = words[i]?.trim() ?? '') {
    if (/^-[A-Za-z]*c/.test(option)) command = true;
    i += OPTION_WITH_VALUE.test(option) ? 2 : 1;
  }
  if (words[i]?.trim() === '--') i++;
  return command && i < words.length ? i : undefined;
}

/**
 * The quotes around `index` of a script: `'` when it sits inside single quotes (the shell expands
 * nothing there), `"` inside double quotes, undefined outside both.
 */
export function quotesAt(script: string, index: number): "'" | '"' | undefined {
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < index && i < script.length; i++) {
    const c = script[i];
    if (c === '\\' && quote !== "'") i++;
    else if (c === "'" && quote !== '"') quote = quote ? undefined : "'";
    else if (c === '"' && quote !== "'") quote = quote ? undefined : '"';
  }
  return quote;
}

/** One simple command: its words as written, and the targets of its redirections. */
export interface ShellCommand {
  readonly words: readonly string[];
  /** Words after an output redirection (`>`, `>>`, `>|`, `&>`, `2>`...). */
  readonly outputs: readonly string[];
}

const SEPARATORS = new Set(['\n', ';', ';;', '&&', '||', '|', '|&', '&', '(', ')']);
const OPERATORS = ['&>>', '<<-', '<<<', '&&', '||', '|&', ';;', '>>', '>|', '>&', '&>', '<<', '<&', '<>', ';', '|', '&', '(', ')', '>', '<', '\n'];
const OUTPUT = /^\d*(?:>|>>|>\||<>)$|^&>>?$/;
const BREAK = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);

/** The end of a word starting at `i`: quotes, escapes and `$(...)`/`${...}`/backquotes are part of it. */
function wordEnd(s: string, i: number): number {
  let depth = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (depth === 0 && BREAK.has(c)) return i;
    if (c === '\\') i += 2;
    else if (c === "'") {
      const close = s.indexOf("'", i + 1);
      i = close < 0 ? s.length : close + 1;
    }
    else if (c === '"' || c === '`') {
      let j = i + 1;
      while (j < s.length && s[j] !== c) j += s[j] === '\\' ? 2 : 1;
      i = j + 1;
    } else if (c === '$' && (s[i + 1] === '(' || s[i + 1] === '{')) {
      depth++;
      i += 2;
    } else {
      if (depth > 0 && (c === ')' || c === '}')) depth--;
      i++;
    }
  }
  return Math.min(i, s.length);
}

/** Removes the quotes of a here-document's delimiter word. */
const unquote = (w: string): string => w.replace(/['"\\]/g, '');

/** The script's simple commands, in order. */
export function shellCommands(script: string): ShellCommand[] {
  const out: ShellCommand[] = [];
  let words: string[] = [];
  let outputs: string[] = [];
  let redirect: string | undefined;
  const heredocs: string[] = [];
  const flush = (): void => {
    if (words.length > 0 || outputs.length > 0) out.push({ words, outputs });
    words = [];
    outputs = [];
  };
  let i = 0;
  while (i < script.length) {
    const c = script[i]!;
    if (c === ' ' || c === '\t' || c === '\r') { i++; continue; }
    if (c === '\\' && script[i + 1] === '\n') { i += 2; continue; }
    if (c === '#') { const nl = script.indexOf('\n', i); i = nl < 0 ? script.length : nl; continue; }
    const fd = /^\d+(?=[<>])/.exec(script.slice(i, i + 4))?.[0] ?? '';
    const op = OPERATORS.find((o) => script.startsWith(o, i + fd.length));
    if (op) {
      i += fd.length + op.length;
      if (op === '\n' && heredocs.length > 0) {
        // The body lines of each pending here-document, up to its delimiter, are data.
        for (const delim of heredocs.splice(0)) {
          while (i < script.length) {
            const nl = script.indexOf('\n', i);
            const line = script.slice(i, nl < 0 ? script.length : nl);
            i = nl < 0 ? script.length : nl + 1;
            if (line.trim() === delim) break;
          }
        }
      }
      if (SEPARATORS.has(op)) { flush(); redirect = undefined; }
      else redirect = fd + op;
      continue;
    }
    const end = wordEnd(script, i);
    const word = script.slice(i, Math.max(end, i + 1));
    i = Math.max(end, i + 1);
    if (redirect === undefined) words.push(word);
    else if (redirect === '<<' || redirect === '<<-') heredocs.push(unquote(word));
    else if (OUTPUT.test(redirect) || (redirect.endsWith('>&') && !/^(?:\d+|-)$/.test(word))) outputs.push(word);
    redirect = undefined;
  }
  flush();
  return out;
}

/**
 * A word as the shell expands it, or undefined when that depends on what is not known here
 * (an unset variable, a command substitution, `~`). Variables come from `vars`.
 */
export function expandWord(word: string, vars: ReadonlyMap<string, string>): string | undefined {
  let out = '';
  let i = 0;
  const variable = (): boolean => {
    const braced = /^\$\{([A-Za-z_]\w*)(?:(:?[-=])([^}$`]*))?\}/.exec(word.slice(i));
    const plain = /^\$([A-Za-z_]\w*)/.exec(word.slice(i));
    const m = braced ?? plain;
    if (!m) return false;
    const value = vars.get(m[1]!) ?? (braced?.[2] !== undefined ? braced[3] : undefined);
    if (value === undefined) return false;
    out += value;
    i += m[0].length;
    return true;
  };
  if (word.startsWith('~')) return undefined;
  while (i < word.length) {
    const c = word[i]!;
    if (c === "'") {
      const end = word.indexOf("'", i + 1);
      if (end < 0) return undefined;
      out += word.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      i++;
      while (i < word.length && word[i] !== '"') {
        const d = word[i]!;
        if (d === '\\' && '$`"\\'.includes(word[i + 1] ?? '')) { out += word[i + 1]; i += 2; }
        else if (d === '`') return undefined;
        else if (d === '$') { if (!variable()) return undefined; }
        else { out += d; i++; }
      }
      i++;
    } else if (c === '\\') { out += word[i + 1] ?? ''; i += 2; }
    else if (c === '`') return undefined;
    else if (c === '$') { if (!variable()) return undefined; }
    else { out += c; i++; }
  }
  return out;
}
