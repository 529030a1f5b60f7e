/**
 * Part of unsplit-command: a long flag and its value written as one item of `command` or `args`
 * (`args: ["--http-address 0.0.0.0"]`, sweep DS: a Cloud SQL proxy that never started). No shell
 * splits it, so the program receives one argument, a flag named "http-address 0.0.0.0": Go's flag
 * and pflag, kingpin, getopt_long and click stop on the unknown flag and the container exits;
 * argparse takes it for a positional argument; a few parsers drop it. `--flag=value` is one
 * argument that every long-option parser reads.
 * Left alone, since the words are split after all or their reader is not known:
 *  - a shell or a script anywhere before the item (`sh -c`, `dumb-init bash -c`, `tini --
 *    /docker-entrypoint.sh`), and programs that hand their words to a shell (`watch`, `ssh`, `su`);
 *  - items after a `--` separator (a wrapper's program and its words follow);
 *  - programs known to split an item at its space: Envoy (TCLAP with a space delimiter), Keycloak's
 *    kc.sh (it re-reads its arguments with `eval`), Redis and its forks (arguments are
 *    configuration lines: `"--loglevel warning"` is a directive);
 *  - an item after a flag that may take a command line as its value (`--extra-args`, `--cmd`);
 *  - templates and placeholders.
 * With `args` only, the image's entrypoint reads them, and an entrypoint script may split them
 * (`java -jar app.jar ${@}`): reported as information. With the program written in `command`, a
 * warning.
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
  /** The program is written in `command` (not an image's entrypoint, which may be a script). */
  readonly programKnown: boolean;
}

/** `--name value`: a long flag, blanks, then a value (not a comment). */
const JOINED = /^(--[A-Za-z][A-Za-z0-9._-]*)[ \t]+([^\s#][^\n]*?)\s*$/;
/** Programs that split an item at its space, or hand their words to a shell. */
const SPLITTERS = /(?:^|\/)(?:redis|valkey|keydb)(?:-server|-sentinel)?$|(?:^|\/)(?:envoy|kc\.sh|watch|ssh|su)$/;
/** Images whose program splits an item at its space: Redis and forks, Envoy (and Istio's proxy), Keycloak. */
const SPLITTER_IMAGE = /(?:^|[/_-])(?:redis|valkey|keydb|envoy|keycloak|proxyv2)(?:[/_:-]|$)/;
/** A shell, or a script (which may split its words: `exec prog $@`). */
const SHELL_OR_SCRIPT = (word: string): boolean => SHELL_PROGRAM.test(word) || /\.(?:sh|bash)$/.test(word) || /\/(?:entrypoint|docker-entrypoint|run|start)$/.test(word);
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
  const repository = (container.image ?? '').split('@')[0]?.replace(/:[^/]*$/, '') ?? '';
  if (items.length === 0 || text(items[0]) === undefined || SPLITTER_IMAGE.test(repository)) return [];
  const programKnown = items[0]?.field === 'command';
  const out: JoinedFlag[] = [];
  for (let i = 0; i < items.length; i++) {
    const word = text(items[i]);
    // What comes after a shell, a script, a splitting program or `--` is not read here.
    if (word === undefined || word === '--' || SHELL_OR_SCRIPT(word) || SPLITTERS.test(word)) break;
    const match = /\{\{|\$\{|%\{/.test(word) ? null : JOINED.exec(word);
    if (!match) continue;
    const before = text(items[i - 1]);
    if (before !== undefined && /^--?[A-Za-z]/.test(before) && !before.includes('=') && TAKES_COMMAND_LINE.test(before)) continue;
    out.push({ node: items[i]!.node as Scalar<string>, field: items[i]!.field, flag: match[1] as string, value: match[2] as string, programKnown });
  }
  return out;
}
