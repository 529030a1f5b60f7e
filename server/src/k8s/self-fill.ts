/**
 * The paths a container's own shell scripts write to: the script of `sh -c` (or bash, ash...) in
 * its command/args, of its postStart exec hook, and Tekton's `script`. A container that writes its
 * site into an emptyDir before serving it fills the volume itself (mount-shadows-image).
 *
 * Only writes that are plain to see count: output redirections, `tee`, `touch`, the destination of
 * `cp`/`mv`/`install`/`ln`/`rsync`, `curl -o`, `wget -O`/`-P`, `tar -x -C`, `unzip -d`,
 * `git clone URL DIR` and `dd of=`. A path is resolved from the container's literal env values,
 * the script's own assignments and `cd`; one that cannot be resolved is no write (so a script
 * that only mentions a path, or writes to a path nobody can tell, changes nothing).
 */
import { isScalar, type Document } from 'yaml';
import { writtenText } from '../core/unknown-values';
import { asSeq, getMap, getNode, getString } from '../core/yaml-access';
import { envOf } from './env';
import { normaliseMountPath } from './names';
import type { ContainerModel } from './pod-model';
import { expandWord, shellCommands, type ShellCommand } from './shell-words';

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'busybox']);
/** Words that may stand before a command's name. */
export const PREFIXES = new Set(['if', 'then', 'else', 'elif', 'do', '{', '!', 'time', 'while', 'until', 'exec', 'command', 'nohup', 'sudo', 'env']);
const ASSIGNMENT = /^([A-Za-z_]\w*)=/;

/** The strings of a list field (a placeholder's text as written, when it is known). */
export function strings(seq: unknown, doc: Document): string[] {
  return (asSeq(seq, doc)?.items ?? []).map((n) => (isScalar(n) && typeof n.value === 'string' ? n.value : (writtenText(n) ?? '')));
}

/** The script an argv runs through a shell's `-c` (flags such as `-ec`, `-o pipefail` before it). */
export function shellScript(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (!SHELLS.has(argv[i]!.split('/').pop()!)) continue;
    let j = i + 1;
    if (argv[i]!.endsWith('busybox') && argv[j] !== undefined && SHELLS.has(argv[j]!)) j++;
    while (j < argv.length && /^[-+]/.test(argv[j]!)) {
      if (/^-[A-Za-z]*c[A-Za-z]*$/.test(argv[j]!)) return argv[j + 1];
      j += /^[-+]o$/.test(argv[j]!) ? 2 : 1;
    }
  }
  return undefined;
}

/** The container's environment variables with a literal value (a later entry wins). */
export const literalEnv = (container: ContainerModel, doc: Document): Map<string, string> =>
  new Map(envOf(container, doc).entries.flatMap((e) => (e.name && e.valueNode ? [[e.name, e.valueNode.value] as const] : [])));

/** The container's command and args as the kubelet passes them: `$(NAME)` expanded from `env`, before any shell runs. */
export function containerArgv(container: ContainerModel, doc: Document, env: ReadonlyMap<string, string>): string[] {
  return [...strings(getNode(container.node, 'command', doc), doc), ...strings(getNode(container.node, 'args', doc), doc)].map((s) => kubeletExpanded(s, env));
}

/** The scripts a container's shells run. */
function scripts(container: ContainerModel, doc: Document, env: ReadonlyMap<string, string>): string[] {
  // The kubelet expands `$(NAME)` in the hook's command too.
  const kubelet = (s: string): string => kubeletExpanded(s, env);
  const out: string[] = [];
  const argv = containerArgv(container, doc, env);
  const hook = getMap(getMap(getMap(container.node, 'lifecycle', doc), 'postStart', doc), 'exec', doc);
  for (const list of [argv, strings(getNode(hook, 'command', doc), doc).map(kubelet)]) {
    const script = shellScript(list);
    if (script !== undefined) out.push(script);
  }
  const tekton = getString(container.node, 'script', doc);
  if (tekton !== undefined && (!tekton.startsWith('#!') || /^#!\S*(?:sh|bash)\b/.test(tekton))) out.push(tekton);
  return out;
}

/** The values given to an option, in `-o X`, `-oX`, `--long X` and `--long=X` forms. */
function optionValues(words: readonly string[], short: string | undefined, long: string | undefined): string[] {
  const out: string[] = [];
  words.forEach((w, i) => {
    if ((w === short || w === long) && words[i + 1] !== undefined) out.push(words[i + 1]!);
    else if (short && w.startsWith(short) && !w.startsWith('--') && w.length > short.length) out.push(w.slice(short.length));
    else if (long && w.startsWith(`${long}=`)) out.push(w.slice(long.length + 1));
  });
  return out;
}

/** Words that are not options (everything after `--`), skipping the values of options that take one. */
function operands(words: readonly string[], withValue: readonly string[] = []): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--') return [...out, ...words.slice(i + 1)];
    if (withValue.includes(w)) i++;
    else if (!w.startsWith('-') || w === '-') out.push(w);
  }
  return out;
}

/** The words (as written) a command writes to, given its name and arguments. */
function commandTargets(name: string, args: readonly string[]): string[] {
  switch (name) {
    case 'tee':
      return operands(args);
    case 'touch':
      return operands(args, ['-d', '-r', '-t']);
    case 'cp': case 'mv': case 'ln': case 'install': case 'rsync': {
      const target = optionValues(args, '-t', '--target-directory');
      if (target.length > 0) return target;
      const rest = operands(args, ['-m', '-o', '-g', '-S', '-e', '--mode', '--owner', '--group', '--suffix']);
      return rest.length >= 2 ? [rest[rest.length - 1]!] : [];
    }
    case 'curl':
      return [...optionValues(args, '-o', '--output'), ...optionValues(args, undefined, '--output-dir')];
    case 'wget':
      return [...optionValues(args, '-O', '--output-document'), ...optionValues(args, '-P', '--directory-prefix')];
    case 'tar':
      return args.includes('--extract') || args.includes('--get') || /^-?[A-Za-z]*x/.test(args[0] ?? '') ? optionValues(args, '-C', '--directory') : [];
    case 'unzip':
      return optionValues(args, '-d', undefined);
    case 'git': {
      const at = args.indexOf('clone');
      const rest = at < 0 ? [] : operands(args.slice(at + 1), ['-b', '--branch', '--depth', '-o', '--origin', '-c', '--config', '--reference', '-j', '--jobs']);
      return rest.length >= 2 ? [rest[1]!] : [];
    }
    case 'dd':
      return args.filter((a) => a.startsWith('of=')).map((a) => a.slice(3));
    default:
      return [];
  }
}

/**
 * The folder a path is written in when only its last part is unknown (`"/etc/nginx/conf.d/$(basename $f).conf"`,
 * a loop writing one file per item): the known text before the first substitution, up to its last `/`.
 */
function knownFolder(word: string, vars: ReadonlyMap<string, string>): string | undefined {
  const unknownAt = word.search(/[$`]/);
  if (unknownAt < 0) return undefined;
  const before = word.slice(0, unknownAt).replace(/^"/, '');
  const slash = before.lastIndexOf('/');
  if (slash <= 0 || /["'\\]/.test(before)) return undefined;
  return expandWord(before.slice(0, slash), vars);
}

/** Follows one script: its assignments and `cd`, and the absolute paths it writes to. */
function scriptWrites(commands: readonly ShellCommand[], env: ReadonlyMap<string, string>, workingDir: string | undefined, out: string[]): void {
  const vars = new Map(env);
  let cwd = workingDir;
  // `partial`: a write whose file name is unknown still writes in its known folder (not so for `cd`).
  const path = (word: string, partial = true): string | undefined => {
    const text = expandWord(word, vars) ?? (partial ? knownFolder(word, vars) : undefined);
    if (!text) return undefined;
    if (text.startsWith('/')) return normaliseMountPath(text);
    return cwd === undefined ? undefined : normaliseMountPath(`${cwd}/${text}`);
  };
  for (const { words, outputs } of commands) {
    for (const w of outputs) {
      const p = path(w);
      if (p) out.push(p);
    }
    let i = 0;
    while (i < words.length && PREFIXES.has(words[i]!)) i++;
    if (words[i] === 'export' || words[i] === 'readonly' || words[i] === 'local') i++;
    const assignments: string[] = [];
    while (i < words.length && ASSIGNMENT.test(words[i]!)) assignments.push(words[i++]!);
    if (i === words.length) {
      // Only assignments: the script's variables from here on (unknown when their value is).
      for (const a of assignments) {
        const name = ASSIGNMENT.exec(a)![1]!;
        const value = expandWord(a.slice(name.length + 1), vars);
        if (value === undefined) vars.delete(name);
        else vars.set(name, value);
      }
      continue;
    }
    const name = (expandWord(words[i]!, vars) ?? '').split('/').pop()!;
    const args = words.slice(i + 1);
    if (name === 'cd') {
      cwd = args[0] === undefined ? undefined : path(args[0], false);
      continue;
    }
    for (const w of commandTargets(name, args)) {
      const p = path(w);
      if (p) out.push(p);
    }
  }
}

/** The absolute paths (normalised) the container's own shell scripts write to. */
export function selfWrittenPaths(container: ContainerModel, doc: Document): string[] {
  const env = literalEnv(container, doc);
  const dir = getString(container.node, 'workingDir', doc);
  const workingDir = dir?.startsWith('/') ? normaliseMountPath(dir) : undefined;
  const out: string[] = [];
  for (const script of scripts(container, doc, env)) scriptWrites(shellCommands(script), env, workingDir, out);
  return out;
}

/** Commands that only wait or print to the container's own output: they write no file. */
const WAITING = new Set(['sleep', 'true', ':', 'echo', 'printf', 'done', 'trap', 'wait', 'date']);

/** A command that waits or prints, and redirects nothing (`tail -f /dev/null` waits too). */
function waits(command: ShellCommand): boolean {
  if (command.outputs.length > 0) return false;
  const words = command.words;
  let at = 0;
  while (at < words.length && PREFIXES.has(words[at]!)) at++;
  const name = words[at]?.split('/').pop();
  if (name === undefined) return true;
  if (name === 'tail') return words.slice(at + 1).join(' ') === '-f /dev/null';
  return WAITING.has(name);
}

/**
 * Whether the container's written command only waits (`sleep infinity`, `tail -f /dev/null`,
 * `sh -c "while true; do sleep 3600; done"`) and no postStart hook runs: a debug or keep-alive
 * container, which mounts a volume but never fills it.
 */
export function onlyWaits(container: ContainerModel, doc: Document): boolean {
  if (!container.commandOverridden || getNode(getMap(container.node, 'lifecycle', doc), 'postStart', doc) !== undefined) return false;
  const argv = [...strings(getNode(container.node, 'command', doc), doc), ...strings(getNode(container.node, 'args', doc), doc)];
  if (argv.length === 0) return false;
  const script = shellScript(argv);
  if (script !== undefined) return script.trim() !== '' && shellCommands(script).every(waits);
  return waits({ words: argv, outputs: [] });
}

/**
 * Flow that makes a script's writes conditional or elsewhere than they read: branches, fallbacks
 * (`||`, `2>/dev/null`), subshells and functions, loops, `pushd`, its own mounts, `${VAR:-default}`
 * (the variable may come from a ConfigMap), dry runs (probe EK).
 */
const CONDITIONAL_FLOW = /\b(?:if|case|for|while|until|pushd|popd|mount)\b|\|\||[()]|:[-=]|--dry-run|2>\s*\/dev\/null/;

/** Whether every script the container runs is straight-line: its writes all happen, where they say. */
export function straightLineScripts(container: ContainerModel, doc: Document): boolean {
  return scripts(container, doc, literalEnv(container, doc)).every(straightLine);
}

/** Whether a script's commands all run, in order, where they say (see CONDITIONAL_FLOW). */
export const straightLine = (script: string): boolean => !CONDITIONAL_FLOW.test(script);

/** The kubelet's expansion of `$(NAME)` in command and args (and a hook's command), before any shell runs. */
function kubeletExpanded(text: string, env: ReadonlyMap<string, string>): string {
  return text.replace(/\$\$|\$\(([A-Za-z_]\w*)\)/g, (m, name?: string) => (name === undefined ? '$' : (env.get(name) ?? m)));
}
