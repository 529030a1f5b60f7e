/**
 * Part of undefined-env-reference: `$(VAR)` in an exec probe's command, where VAR comes from
 * `valueFrom` (a Secret, a ConfigMap key, a field). The kubelet expands a probe's command with the
 * variables written as `value:` only (ExpandContainerCommandOnlyStatic): VAR becomes an empty
 * string, so the probe runs without it (`redis-cli -a  ping`) and fails. A variable that `envFrom`
 * alone defines stays `$(VAR)` as written. In a shell (`sh -c`), `$VAR` reads the container's
 * environment, which an exec probe has.
 */
import { execCommands } from '../k8s/exec-commands';
import { quotesAt, shellScriptIndex } from '../k8s/shell-words';
import { envOf, varReferences } from '../k8s/env';
import { containerLabel, type PodModel } from '../k8s/pod-model';
import type { Scalar, YAMLSeq } from 'yaml';
import type { RuleContext, Span } from './types';


/** How a command line runs: a shell's script (`sh -c`), PowerShell's, or a program's arguments as written. */
type Runner = 'shell' | 'powershell' | 'program';

const POWERSHELL = /^(?:.*[\\/])?(?:pwsh|powershell)(?:\.exe)?$/i;

interface Reference {
  readonly node: Scalar<string>;
  readonly name: string;
  /** Its count among the references of the same name in this item. */
  readonly nth: number;
  readonly runner: Runner;
  /** The quotes around it in a shell script. */
  readonly quotes?: "'" | '"';
}

/** Where the `nth` occurrence of `written` starts in `text`. */
function nthIndex(text: string, written: string, nth: number): number {
  let at = text.indexOf(written);
  for (let k = 0; k < nth && at >= 0; k++) at = text.indexOf(written, at + written.length);
  return Math.max(at, 0);
}

/** Each `$(VAR)` of a command line, with how it is run and, in a shell's script, its quotes. */
function eachReference(command: YAMLSeq, visit: (ref: Reference) => void): void {
  const words = command.items.map((i) => (i && typeof (i as Scalar).value === 'string' ? ((i as Scalar).value as string) : undefined));
  const script = shellScriptIndex(words.map((w) => w ?? ''));
  const powershell = POWERSHELL.test(words[0]?.trim() ?? '');
  command.items.forEach((item, index) => {
    if (typeof words[index] !== 'string') return;
    const node = item as Scalar<string>;
    const runner: Runner = index === script ? 'shell' : powershell ? 'powershell' : 'program';
    const seen = new Map<string, number>();
    for (const ref of varReferences(node.value)) {
      const nth = seen.get(ref.name) ?? 0;
      seen.set(ref.name, nth + 1);
      const quotes = runner === 'shell' ? quotesAt(node.value, nthIndex(node.value, `$(${ref.name})`, nth)) : undefined;
      visit({ node, name: ref.name, nth, runner, ...(quotes ? { quotes } : {}) });
    }
  });
}

/**
 * A probe whose answer does not depend on who asks: `pg_isready` reports the server's status
 * whatever the user and database ("it is not necessary to supply correct user name, password, or
 * database name values"), `mysqladmin ping` (and MariaDB's `mariadb-admin ping`) exits 0 even on
 * "Access denied" (sweep DL, probe DN). An empty value there changes nothing, unless an unquoted
 * word vanishes in a shell and shifts the flags.
 */
function statusOnly(command: YAMLSeq): boolean {
  const text = command.items.map((i) => (i && typeof (i as Scalar).value === 'string' ? (i as Scalar).value : '')).join(' ');
  return /(^|[\s/;&|])pg_isready(\s|$)/.test(text) || (/(^|[\s/;&|])(mysqladmin|mariadb-admin)(\s|$)/.test(text) && /\sping(\s|$)/.test(text));
}

/** The facts a finding carries for its fix: how the reference is run and quoted. */
const runFacts = (ref: Reference): Record<string, unknown> => ({ shell: ref.runner === 'shell', ...(ref.runner === 'powershell' ? { powershell: true } : {}), ...(ref.quotes ? { quotes: ref.quotes, style: ref.node.type } : {}) });

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
      eachReference(command, (ref) => {
        const { node, name, nth } = ref;
        // A later `value:` entry of the same name wins over the valueFrom one; nth counts every reference of the name.
        if (!fromSource.has(name) || literal.has(name)) return;
        // An empty value in quotes stays an argument; unquoted in a shell, the word vanishes and shifts the flags.
        if (tolerant && (ref.runner !== 'shell' || ref.quotes)) return;
        ctx.report({
          node: spanIn(ctx.chunk.text, node, `$(${name})`, nth) ?? node,
          message: ctx.t(ref.quotes === "'" ? 'undefined-env-reference.probe-single-quoted' : 'undefined-env-reference.probe-value-from', { name, probe, container: containerLabel(container) }),
          data: { name, container: container.name, probeValueFrom: true, ...runFacts(ref) },
        });
      });
    }
  }
}

/** The message for a hook's reference, by how it is run. */
const HOOK_MESSAGES = {
  program: 'undefined-env-reference.hook',
  shell: 'undefined-env-reference.hook-shell',
  'single-quoted': 'undefined-env-reference.hook-single-quoted',
  powershell: 'undefined-env-reference.hook-powershell',
} as const;

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
      eachReference(command, (ref) => {
        const { node, name, nth } = ref;
        if (!defined.has(name)) return;
        ctx.report({
          node: spanIn(ctx.chunk.text, node, `$(${name})`, nth) ?? node,
          message: ctx.t(HOOK_MESSAGES[ref.quotes === "'" ? 'single-quoted' : ref.runner], { name, hook, container: containerLabel(container) }),
          data: { name, container: container.name, probeValueFrom: true, ...runFacts(ref) },
        });
      });
    }
  }
}
