/**
 * Part of undefined-env-reference: `$(VAR)` in an exec probe's command, where VAR comes from
 * `valueFrom` (a Secret, a ConfigMap key, a field). The kubelet expands a probe's command with the
 * variables written as `value:` only (ExpandContainerCommandOnlyStatic): VAR becomes an empty
 * string, so the probe runs without it (`redis-cli -a  ping`) and fails. A variable that `envFrom`
 * alone defines stays `$(VAR)` as written. In a shell (`sh -c`), `$VAR` reads the container's
 * environment, which an exec probe has.
 */
import { execCommands } from '../k8s/exec-commands';
import { envOf, varReferences } from '../k8s/env';
import { containerLabel, type PodModel } from '../k8s/pod-model';
import type { Scalar } from 'yaml';
import type { RuleContext, Span } from './types';

/** A shell runs the rest of the command as a script: `$VAR` there reads the environment. */
export const SHELL = /^(?:\/(?:usr\/)?bin\/)?(?:sh|bash|ash|dash|zsh)$/;

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
      const words = command.items.map((i) => (i && typeof (i as Scalar).value === 'string' ? ((i as Scalar).value as string) : undefined));
      const shell = SHELL.test(words[0] ?? '') && words[1] === '-c';
      command.items.forEach((item, index) => {
        const node = item as Scalar<string>;
        if (typeof words[index] !== 'string') return;
        const seen = new Map<string, number>();
        for (const ref of varReferences(node.value)) {
          // A later `value:` entry of the same name wins over the valueFrom one.
          if (!fromSource.has(ref.name) || literal.has(ref.name)) continue;
          const nth = seen.get(ref.name) ?? 0;
          seen.set(ref.name, nth + 1);
          ctx.report({
            node: spanIn(ctx.chunk.text, node, `$(${ref.name})`, nth) ?? node,
            message: ctx.t('undefined-env-reference.probe-value-from', { name: ref.name, probe, container: containerLabel(container) }),
            data: { name: ref.name, container: container.name, probeValueFrom: true, shell },
          });
        }
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
      const words = command.items.map((i) => (i && typeof (i as Scalar).value === 'string' ? ((i as Scalar).value as string) : undefined));
      const shell = SHELL.test(words[0] ?? '') && words[1] === '-c';
      command.items.forEach((item, index) => {
        const node = item as Scalar<string>;
        if (typeof words[index] !== 'string') return;
        const seen = new Map<string, number>();
        for (const ref of varReferences(node.value)) {
          if (!defined.has(ref.name)) continue;
          const nth = seen.get(ref.name) ?? 0;
          seen.set(ref.name, nth + 1);
          ctx.report({
            node: spanIn(ctx.chunk.text, node, `$(${ref.name})`, nth) ?? node,
            message: ctx.t(shell ? 'undefined-env-reference.hook-shell' : 'undefined-env-reference.hook', { name: ref.name, hook, container: containerLabel(container) }),
            data: { name: ref.name, container: container.name, probeValueFrom: true, shell },
          });
        }
      });
    }
  }
}
