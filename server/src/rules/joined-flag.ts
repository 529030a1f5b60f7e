/**
 * Part of unsplit-command: a long flag and its value written as one item of `command` or `args`
 * (`args: ["--http-address 0.0.0.0"]`, sweep DS: a Cloud SQL proxy that never started). No shell
 * splits it, so the program receives one argument, a flag named "http-address 0.0.0.0": Go's flag
 * and pflag, kingpin, getopt_long and click stop on the unknown flag and the container exits;
 * argparse takes it for a positional argument; a few parsers drop it. `--flag=value` is one
 * argument that every long-option parser reads.
 * Left alone:
 *  - a command run by a shell (`sh -c`, `bash script.sh`): the script decides what the words mean;
 *  - Redis and its forks: redis-server reads its arguments as configuration lines, so
 *    `"--loglevel warning"` is a directive;
 *  - an item after a flag that may take a command line as its value (`--extra-args`,
 *    `--docker-opts`, `--cmd`): the item is that value, and the program splits it;
 *  - templates and placeholders.
 */
import { isScalar, type Scalar } from 'yaml';
import { isUnknownValue } from '../core/unknown-values';
import { asSeq, getNode } from '../core/yaml-access';
import type { ContainerModel, PodModel } from '../k8s/pod-model';
import { SHELL_PROGRAM } from '../k8s/shell-words';

export interface JoinedFlag {
  readonly node: Scalar<string>;
  readonly field: 'command' | 'args';
  readonly flag: string;
  readonly value: string;
}

/** `--name value`: a long flag, blanks, then a value (not a comment). */
const JOINED = /^(--[A-Za-z][A-Za-z0-9._-]*)[ \t]+([^\s#][^\n]*?)\s*$/;
/** Programs that read their arguments as configuration directives. */
const DIRECTIVE_ARGS = /(?:^|\/)(?:redis|valkey|keydb)(?:-server|-sentinel)?$/;
const DIRECTIVE_IMAGE = /(?:^|[/_-])(?:redis|valkey|keydb)(?:[/_-]|$)/;
/** A flag whose value may be a command line of its own. */
const TAKES_COMMAND_LINE = /arg|opt|flag|extra|cmd|command|exec|param|cli|run/i;

interface Item {
  readonly node: unknown;
  readonly field: 'command' | 'args';
}

function itemsOf(container: ContainerModel, pod: PodModel, field: 'command' | 'args'): Item[] {
  return (asSeq(getNode(container.node, field, pod.doc), pod.doc)?.items ?? []).map((node) => ({ node, field }));
}

const text = (item: Item | undefined): string | undefined => (isScalar(item?.node) && typeof item.node.value === 'string' && !isUnknownValue(item.node) ? item.node.value : undefined);

/** The items of a container's command line that join a long flag and its value. */
export function joinedFlags(container: ContainerModel, pod: PodModel): JoinedFlag[] {
  const items = [...itemsOf(container, pod, 'command'), ...itemsOf(container, pod, 'args')];
  const program = text(items[0]);
  const repository = (container.image ?? '').split('@')[0]?.replace(/:[^/]*$/, '') ?? '';
  if (program === undefined || SHELL_PROGRAM.test(program) || DIRECTIVE_ARGS.test(program) || DIRECTIVE_IMAGE.test(repository)) return [];
  if (items.some((item) => DIRECTIVE_ARGS.test(text(item) ?? ''))) return [];
  const out: JoinedFlag[] = [];
  items.forEach((item, i) => {
    const value = text(item);
    const match = value === undefined || /\{\{|\$\{|%\{/.test(value) ? null : JOINED.exec(value);
    if (!match) return;
    const before = text(items[i - 1]);
    if (before !== undefined && /^--?[A-Za-z]/.test(before) && !before.includes('=') && TAKES_COMMAND_LINE.test(before)) return;
    out.push({ node: item.node as Scalar<string>, field: item.field, flag: match[1] as string, value: match[2] as string });
  });
  return out;
}
