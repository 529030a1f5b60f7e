/**
 * Part of undefined-env-reference: `$(VAR)` in an exec probe's command, where VAR comes from
 * `valueFrom` (a Secret, a ConfigMap key, a field). The kubelet expands a probe's command with the
 * variables written as `value:` only (ExpandContainerCommandOnlyStatic): VAR becomes an empty
 * string, so the probe runs without it (`redis-cli -a  ping`) and fails. A variable that `envFrom`
 * alone defines stays `$(VAR)` as written. In a shell (`sh -c`), `$VAR` reads the container's
 * environment, which an exec probe has.
 */
import { execCommands } from '../k8s/exec-commands';
import { SHELL_PROGRAM } from '../k8s/shell-words';
import { envOf, varReferences } from '../k8s/env';
import { containerLabel, type PodModel } from '../k8s/pod-model';
import type { Scalar, YAMLSeq } from 'yaml';
import type { RuleContext, Span } from './types';


/** Each `$(VAR)` of a command line, with its item, its count among the same name's references, and whether a shell runs it. */
function eachReference(command: YAMLSeq, visit: (node: Scalar<string>, name: string, nth: number, shell: boolean) => void): void {
  const words = command.items.map((i) => (i && typeof (i as Scalar).value === 'string' ? ((i as Scalar).value as string) : undefined));
  const shell = SHELL_PROGRAM.test(words[0] ?? '') && words[1] === '-c';
  command.items.forEach((item, index) => {
    if (typeof words[index] !== 'string') return;
    const node = item as Scalar<string>;
    const seen = new Map<string, number>();
    for (const ref of varReferences(node.value)) {
      const nth = seen.get(ref.name) ?? 0;
      seen.set(ref.name, nth + 1);
      visit(node, ref.name, nth, shell);
    }
  });
}

/**
 * A probe whose answer does not depend on who asks: `pg_isready` reports the server's status
 * whatever the user and database ("it is not necessary to supply correct user name, password, or
 * database name values"), `mysqladmin ping` exits 0 even on "Access denied" (sweep DL). An empty
 * value there changes nothing, unless an unquoted word vanishes in a shell and shifts the flags.
 */
function statusOnly(command: YAMLSeq): boolean {
  const text = command.items.map((i) => (i && typeof (i as Scalar).value === 'string' ? (i as Scalar).value : '')).join(' ');
  return /(^|[\s/;&|])pg_isready(\s|$)/.test(text) || (/(^|[\s/;&|])mysqladmin(\s|$)/.test(text) && /\sping(\s|$)/.test(text));
}

/** Whether every `$(name)` of a shell script sits inside double quotes (an empty value stays an argument). */
function quotedIn(script: string, name: string): boolean {
  const refs = [...script.matchAll(new RegExp(`\\$\\(${name}\\)`, 'g'))];
  return refs.every((m) => {
    const before = script.slice(0, m.index ?? 0);
    return ((before.match(/"/g) ?? []).length % 2) === 1;
  });
}

export function reportProbeReferences(ctx: RuleContext, pod: PodModel, spanIn: (text: string, node: Scalar, written: string, nth: number) => Span | undefined): void {
  for (const container of pod.containers) {
    if (!execCommands(container, pod.doc).some((c) => c.kind === 'probe')) continue;
    const env = envOf(container, pod.doc);
    const fromSource = new Set(env.entries.filter((e) => e.name !== undefined && e.valueFrom !== undefined).map((e) => e.name as string));
    const literal = new Set(env.entries.filter((e) => e.name !== undefined && e.valueFrom === undefined).map((e) => e.name as string));
    if (fromSource.size === 0) continue;
    for (const { seq: command, field, kind } of execCommands(container, pod.doc)) {
      if (kind !== 'probe') continue;
      const probe = field.slice(0, field.indexOf('.'));
      const tolerant = statusOnly(command);
      eachReference(command, (node, name, nth, shell) => {
        // A later `value:` entry of the same name wins over the valueFrom one; nth counts every reference of the name.
        if (!fromSource.has(name) || literal.has(name)) return;
        if (tolerant && (!shell || quotedIn(node.value, name))) return;
        ctx.report({
          node: spanIn(ctx.chunk.text, node, `$(${name})`, nth) ?? node,
          message: ctx.t('undefined-env-reference.probe-value-from', { name, probe, container: containerLabel(container) }),
          data: { name, container: container.name, probeValueFrom: true, shell },
        });
      });
    }
  }
}

/**
 * `$(VAR)` in a lifecycle hook's exec command: the kubelet runs a hook's command as written
 * (lifecycle/handlers.go, no expansion at all), so the program gets the text `$(VAR)`, and in a
 * shell script it is a command substitution that runs a program named VAR (sweep DI). Reported for
 * names the container's env defines (a `$(date)` in a script is the shell's own).
 */
export function reportHookReferences(ctx: RuleContext, pod: PodModel, spanIn: (text: string, node: Scalar, written: string, nth: number) => Span | undefined): void {
  for (const container of pod.containers) {
    // Most containers have no hook: read their env only when one has.
    if (!execCommands(container, pod.doc).some((c) => c.kind === 'hook')) continue;
    const env = envOf(container, pod.doc);
    const defined = new Set(env.entries.flatMap((e) => (e.name === undefined ? [] : [e.name])));
    if (defined.size === 0) continue;
    for (const { seq: command, field, kind } of execCommands(container, pod.doc)) {
      if (kind !== 'hook') continue;
      const hook = field.split('.')[1] ?? '';
      eachReference(command, (node, name, nth, shell) => {
        if (!defined.has(name)) return;
        ctx.report({
          node: spanIn(ctx.chunk.text, node, `$(${name})`, nth) ?? node,
          message: ctx.t(shell ? 'undefined-env-reference.hook-shell' : 'undefined-env-reference.hook', { name, hook, container: containerLabel(container) }),
          data: { name, container: container.name, probeValueFrom: true, shell },
        });
      });
    }
  }
}
