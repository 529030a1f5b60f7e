/**
 * unsplit-command: the first word of a container's `command`, or of an exec probe's or lifecycle
 * hook's command, holds a whole command line (`["python app.py"]`, `["pg_isready -U app"]`). The
 * runtime runs that item as a program name; no program is called "python app.py", so the
 * container cannot start (StartError: `exec: "python app.py": executable file not found in
 * $PATH`); a probe cannot run: containerd and CRI-O report an error, whose result the kubelet
 * throws away, so a readiness or startup probe never passes and a liveness probe restarts nothing
 * (kubernetes#106682); a hook fails (postStart kills the container).
 * A command is a list of words; no shell splits it. And items after a `sh -c` script that read
 * like commands are never run: they are the script's `$0`, `$1`… (shell-dead-args.ts). A long flag
 * and its value in one item (`"--port 8080"`) is one unknown flag to the program (joined-flag.ts).
 * Silent for placeholders and templates, on Windows nodes (another process model), and in custom
 * resources, whose controllers may build the command themselves (KubeRay joins `command` and
 * `args` into one `bash -lc` line).
 */
import { isScalar, type Scalar, type YAMLSeq } from 'yaml';
import { isUnknownValue } from '../core/unknown-values';
import { execCommands } from '../k8s/exec-commands';
import { containerLabel, type ContainerModel, type PodModel } from '../k8s/pod-model';
import { isWindows } from '../k8s/windows';
import { isBuiltInWorkload } from '../k8s/workloads';
import type { Rule, RuleContext } from './types';
import { deadShellArgs, type DeadShellArgs } from './shell-dead-args';
import { joinedFlags } from './joined-flag';

/** Where a command line is run, with its path in messages. */
export interface CommandSite {
  readonly seq: YAMLSeq;
  readonly first: Scalar<string>;
  /** `command`, `livenessProbe.exec.command`, `lifecycle.postStart.exec.command`. */
  readonly field: string;
  readonly kind: 'container' | 'probe' | 'hook';
}

/** Shell syntax: the words cannot simply be split on spaces (quotes, variables, pipes, redirections, lines…). */
const SHELL_SYNTAX = /["'`$|&;<>()*?\\[\]{}~#\n]/;

/** Words only a shell knows: builtins and keywords (`exec python app.py`, `cd /app && …`). */
const SHELL_WORDS = new Set(['exec', 'cd', 'export', 'source', '.', 'set', 'unset', 'eval', 'if', 'for', 'while', 'until', 'case', 'trap', 'ulimit', 'umask', 'wait', 'alias']);

/** Whether only a shell runs the line as meant: shell syntax, a builtin first, or a `VAR=value` prefix. */
export function needsShell(line: string): boolean {
  const first = line.split(/\s+/)[0] ?? '';
  return SHELL_SYNTAX.test(line) || SHELL_WORDS.has(first) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(first);
}

/**
 * A path with a space may be a real file (`/opt/My App/run.sh`, `./run me.sh`): a path whose
 * words before the first flag go on as a path, or that has no flag at all.
 */
function mayBePathWithSpaces(word: string): boolean {
  if (!/^\.{0,2}\//.test(word)) return false;
  const words = word.split(/\s+/);
  const flag = words.findIndex((w, i) => i > 0 && w.startsWith('-'));
  if (flag < 0) return true;
  return words.slice(1, flag).some((w) => w.includes('/'));
}

function site(seq: YAMLSeq | undefined, field: string, kind: CommandSite['kind']): CommandSite[] {
  const first = seq?.items[0];
  if (!seq || !isScalar(first) || typeof first.value !== 'string' || isUnknownValue(first)) return [];
  const word = first.value.trim();
  // A word with inner whitespace. `{{`/`${` left by templates and placeholders are unknowns.
  // `$(VAR)` is expanded by the kubelet first: what runs is not known.
  if (!/\s/.test(word) || /\{\{|\$\{|%\{|\$\(/.test(word) || mayBePathWithSpaces(word)) return [];
  return [{ seq, first: first as Scalar<string>, field, kind }];
}

/** Every command line of a container whose first word holds spaces. */
export function unsplitCommands(container: ContainerModel, pod: PodModel): CommandSite[] {
  return execCommands(container, pod.doc).flatMap((c) => site(c.seq, c.field, c.kind));
}

/** The items meant for the script's program: without a conventional `$0` (`sh`, `bash`, `_`, `--`) first. */
function programWords(dead: DeadShellArgs): string[] {
  const words = dead.extra.map((e) => e.value.trim());
  return /^(?:_|--|-|[a-z]*sh)$/.test(words[0] ?? '') ? words.slice(1) : words;
}

export const unsplitCommand: Rule = {
  id: 'unsplit-command',
  defaultSeverity: 'warning',
  check(ctx: RuleContext) {
    for (const pod of ctx.pods) {
      if (!isBuiltInWorkload(pod.object)) continue;
      let windows: boolean | undefined;
      for (const container of pod.containers) {
        for (const found of unsplitCommands(container, pod)) {
          windows ??= isWindows(pod);
          if (windows) break;
          const word = found.first.value.trim();
          const program = word.split(/\s+/)[0] ?? word;
          const shell = needsShell(word);
          const advice = ctx.t(shell ? 'unsplit-command.advice-shell' : 'unsplit-command.advice-words', { program });
          // The runtime looks a name up in PATH, and takes one with a `/` as a path.
          // What the runtime answers, quoted as it prints it (in English).
          const error = word.includes('/') ? `exec: "${word}": stat ${word}: no such file or directory` : `exec: "${word}": executable file not found in $PATH`;
          const key = found.kind === 'probe' && found.field.startsWith('livenessProbe') ? 'probe-liveness' : found.kind;
          ctx.report({
            node: found.first,
            message: ctx.t(`unsplit-command.${key}`, { container: containerLabel(container), word, advice, field: found.field, error }),
            data: { containerPath: container.path, field: found.field, shell },
          });
        }
        for (const joined of joinedFlags(container, pod)) {
          windows ??= isWindows(pod);
          if (windows) break;
          const item = joined.node.value.trim();
          ctx.report({
            node: joined.node,
            message: ctx.t('unsplit-command.joined-flag', { container: containerLabel(container), field: joined.field, item, name: item.replace(/^--/, ''), flag: joined.flag, value: joined.value }),
            data: { containerPath: container.path, field: joined.field, joinedFlag: `${joined.flag}=${joined.value}` },
            // An image's entrypoint may be a script that splits its arguments.
            ...(joined.programKnown ? {} : { severity: 'information' as const }),
          });
        }
        for (const dead of deadShellArgs(container, pod)) {
          windows ??= isWindows(pod);
          if (windows) break;
          const [first] = dead.extra;
          if (!first) continue;
          ctx.report({
            node: first.node,
            message: dead.splitFrom !== undefined
              ? ctx.t('unsplit-command.dead-flags', { container: containerLabel(container), shell: dead.shell, field: dead.field, script: dead.splitFrom, items: dead.extra.map((e) => e.value.trim()).join(' '), joined: [dead.splitFrom, ...programWords(dead)].join(' ') })
              : ctx.t('unsplit-command.dead-args', { container: containerLabel(container), shell: dead.shell, field: dead.field, item: first.value.trim() }),
            data: { containerPath: container.path, field: dead.field, deadArgs: dead.extra.length },
          });
        }
      }
    }
  },
};
