/**
 * Part of unsplit-command: items after a `sh -c` script, written as if they were more commands
 * (`[sh, -c, "<script>", "sysctl -w net.ipv4.ip_forward=1"]`). POSIX `sh -c command_string
 * [command_name [argument…]]` runs only the string: what follows becomes its `$0`, `$1`… A script
 * that never reads them leaves them unrun, silently (sweep DF: a WireGuard init container whose
 * sysctl never ran). Only items holding spaces count: a single word is often a deliberate `$0`;
 * several items with a flag among them are the program's arguments split off the script.
 */
import { isScalar, type Scalar } from 'yaml';
import { isUnknownValue, writtenText } from '../core/unknown-values';
import { asSeq, getNode } from '../core/yaml-access';
import { execCommands } from '../k8s/exec-commands';
import type { ContainerModel, PodModel } from '../k8s/pod-model';
import { SHELL_PROGRAM, shellCommands, shellScriptIndex } from '../k8s/shell-words';


/** A command line whose items after its `sh -c` script are never run. */
export interface DeadShellArgs {
  readonly field: string;
  readonly shell: string;
  readonly extra: readonly Word[];
  /** The script, when the items are its program's words split off it (`[sh, -c, celery, -A, app, worker]`). */
  readonly splitFrom?: string;
}

/** A command line's items as written (a script's `$VAR` is the shell's own, though it reads as a placeholder). */
interface Word {
  readonly node: Scalar;
  readonly value: string;
}

/** The string items of a command line, or undefined when one is not a string or a template writes it. */
function words(items: readonly unknown[]): Word[] | undefined {
  const out: Word[] = [];
  for (const item of items) {
    if (!isScalar(item)) return undefined;
    const value = isUnknownValue(item) ? writtenText(item) : item.value;
    if (typeof value !== 'string' || value.includes('{{')) return undefined;
    out.push({ node: item, value });
  }
  return out;
}

/** Whether a word reads the script's arguments: `$1`, `${2}`, `"$@"`, `$*`, `$#`, `$0`, outside single quotes. */
function wordReadsArgs(word: string): boolean {
  let double = false;
  for (let i = 0; i < word.length; i++) {
    const c = word[i];
    if (c === '\\') i++;
    else if (c === '"') double = !double;
    else if (c === "'" && !double) {
      const close = word.indexOf("'", i + 1);
      if (close < 0) return false;
      i = close;
    } else if (c === '$' && /^\$\{?[0-9@*#]|^\$\{!#\}|^\$\{?BASH_ARGV/.test(word.slice(i))) return true;
  }
  return false;
}

/**
 * Whether the script reads its arguments, as the shell reads it (shell-words.ts: comments and
 * here-document bodies are not code): a word with `$1`, `"$@"`…, `shift`, `getopts`, `for x; do`
 * (a loop over the arguments), or a sourced script (`. /entry.sh`), which sees them too.
 */
function readsArgs(script: string): boolean {
  // An unquoted here-document expands `$1` in its body, which shellCommands passes over (probe EK).
  if (/<<-?[ \t]*[A-Za-z_]/.test(script) && /\$\{?[0-9@*#]/.test(script)) return true;
  return shellCommands(script).some(({ words }) => {
    const [first = '', second, third] = words;
    if (['.', 'source', 'shift', 'getopts', 'eval'].includes(first)) return true;
    if (first === 'for' && second !== undefined && third !== 'in') return true;
    return words.some(wordReadsArgs);
  });
}

/** A whole placeholder script (`"${SCRIPT}"`, `"$(SCRIPT)"` from a ConfigMap): it may read its arguments. */
const PLACEHOLDER_SCRIPT = /^\$(?:\{[A-Za-z_]\w*\}|\([A-Za-z_]\w*\)|[A-Za-z_]\w*)$/;

/** Words that run the next one (`tini -- sh -c`, `dumb-init sh -c`, `env sh -c`, `busybox sh -c`). */
const RUNNERS = /^(?:(?:\/usr)?(?:\/s?bin\/)?(?:tini|dumb-init|env|busybox|exec)|--)$/;

function deadArgs(items: readonly unknown[], field: string): DeadShellArgs[] {
  const first = items[0];
  const head = isScalar(first) && typeof first.value === 'string' ? first.value.trim() : '';
  if (items.length < 3 || !(SHELL_PROGRAM.test(head) || RUNNERS.test(head))) return [];
  const all = words(items) ?? [];
  const skip = all.findIndex((w) => !RUNNERS.test(w.value.trim()));
  const line = skip > 0 ? all.slice(skip) : all;
  const shell = line[0];
  const at = shellScriptIndex(line.map((w) => w.value));
  const script = at === undefined ? undefined : line[at];
  const extra = at === undefined ? [] : line.slice(at + 1);
  if (!shell || !script || extra.length === 0 || PLACEHOLDER_SCRIPT.test(script.value.trim()) || readsArgs(script.value)) return [];
  // An item that is a shell operator (`&&`, `;`) is never a deliberate `$0`: the item after it is a command meant to run (sweep DL).
  const operator = extra.findIndex((e) => /^(&&|\|\||;|\||&)$/.test(e.value.trim()));
  // A trailing operator (`;` as the last item) leaves nothing behind it: a harmless `$0`.
  const spoken = extra.filter((e, i) => /\S\s+\S/.test(e.value.trim()) || (operator >= 0 && i === operator + 1));
  if (spoken.length > 0) return [{ field, shell: shell.value.trim(), extra: spoken }];
  // Several items with a flag among them are the script's program's arguments, split off it
  // (`[sh, -c, celery, -A, app, worker]`, sweep EH): the program runs without them.
  const flags = extra.length >= 2 && extra.some((e) => /^--?[A-Za-z]/.test(e.value.trim()));
  return flags ? [{ field, shell: shell.value.trim(), extra, splitFrom: script.value.trim() }] : [];
}

/** The container's own command line (command and args together), its exec probes' and hooks'. */
export function deadShellArgs(container: ContainerModel, pod: PodModel): DeadShellArgs[] {
  const doc = pod.doc;
  const args = asSeq(getNode(container.node, 'args', doc), doc);
  return execCommands(container, doc).flatMap((c) =>
    // Without a command the image's entrypoint runs the args: a shell only if the command says so.
    c.kind === 'container' ? deadArgs([...c.seq.items, ...(args?.items ?? [])], args ? 'command + args' : 'command') : deadArgs(c.seq.items, c.field),
  );
}
