/**
 * Part of unsplit-command: items after a `sh -c` script, written as if they were more commands
 * (`[sh, -c, "<script>", "sysctl -w net.ipv4.ip_forward=1"]`). POSIX `sh -c command_string
 * [command_name [argument…]]` runs only the string: what follows becomes its `$0`, `$1`… A script
 * that never reads them leaves them unrun, silently (sweep DF: a WireGuard init container whose
 * sysctl never ran). Only items holding spaces count: a single word is often a deliberate `$0`.
 */
import { isScalar, type Scalar } from 'yaml';
import { isUnknownValue, writtenText } from '../core/unknown-values';
import { asMap, asSeq, getNode } from '../core/yaml-access';
import { PROBES } from '../k8s/container-model';
import type { ContainerModel, PodModel } from '../k8s/pod-model';

const SHELL = /^(?:\/usr)?(?:\/bin\/)?(?:sh|bash|ash|dash|zsh|ksh)$/;
/** A script that reads its arguments: `$0`, `$1`, `${2}`, `$@`, `$*`, `$#`, `shift`, `getopts` (not inside single quotes: awk's `'{print $5}'`). */
const READS_ARGS = /\$\{?[0-9@*#]|\bshift\b|\bgetopts\b/;

/** A command line whose items after its `sh -c` script are never run. */
export interface DeadShellArgs {
  readonly field: string;
  readonly shell: string;
  readonly extra: readonly Word[];
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

function deadArgs(items: readonly unknown[], field: string): DeadShellArgs[] {
  const line = words(items);
  // `sh -c -- "script"`: `--` ends the options, the script comes next.
  const dashes = line?.[2]?.value.trim() === '--' ? 1 : 0;
  const [shell, flag] = line ?? [];
  const [script, ...extra] = line?.slice(2 + dashes) ?? [];
  // A script that is one placeholder (`"${SCRIPT}"`) may read its arguments.
  if (!shell || !flag || !script || extra.length === 0 || /^\$\{?[A-Za-z_]\w*\}?$/.test(script.value.trim())) return [];
  if (!SHELL.test(shell.value.trim()) || !/^-[a-z]*c[a-z]*$/.test(flag.value.trim()) || READS_ARGS.test(script.value.replace(/'[^']*'/g, ''))) return [];
  const spoken = extra.filter((e) => /\S\s+\S/.test(e.value.trim()));
  return spoken.length > 0 ? [{ field, shell: shell.value.trim(), extra: spoken }] : [];
}

/** The container's own command line (command and args together), its exec probes' and hooks'. */
export function deadShellArgs(container: ContainerModel, pod: PodModel): DeadShellArgs[] {
  const doc = pod.doc;
  const command = asSeq(getNode(container.node, 'command', doc), doc);
  const args = asSeq(getNode(container.node, 'args', doc), doc);
  // Without a command the image's entrypoint runs the args: a shell only if the command says so.
  const out = command ? deadArgs([...command.items, ...(args?.items ?? [])], args && command.items.length < 3 ? 'args' : 'command') : [];
  for (const probe of PROBES) {
    const exec = asMap(getNode(asMap(getNode(container.node, probe, doc), doc), 'exec', doc), doc);
    out.push(...deadArgs(asSeq(getNode(exec, 'command', doc), doc)?.items ?? [], `${probe}.exec.command`));
  }
  const lifecycle = asMap(getNode(container.node, 'lifecycle', doc), doc);
  for (const hook of ['postStart', 'preStop']) {
    const exec = asMap(getNode(asMap(getNode(lifecycle, hook, doc), doc), 'exec', doc), doc);
    out.push(...deadArgs(asSeq(getNode(exec, 'command', doc), doc)?.items ?? [], `lifecycle.${hook}.exec.command`));
  }
  return out;
}
