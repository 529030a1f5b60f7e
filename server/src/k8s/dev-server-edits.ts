/**
 * The edits that make a server found by dev-servers.ts bind every address: in a command written
 * as a list, the loopback value rewritten or the setting added at the end; in a `sh -c` script, the
 * same inside the script's text.
 */
import type { Document, Scalar } from 'yaml';
import { isScalar, isSeq } from 'yaml';
import { getNode } from '../core/yaml-access';
import type { DevServerBind } from './dev-servers';
import type { ArgItem } from './listen-values';
import type { ContainerModel } from './pod-model';

const EVERY = '0.0.0.0';
type Found = Omit<DevServerBind, 'node' | 'edit'>;

export const firstNode = (items: readonly ArgItem[]): Scalar | undefined => items.find((i) => i.node)?.node;

/** In a command written as a list: rewrite the value written, or add the setting at the end. */
export function withSeqEdit(bind: Found, items: readonly ArgItem[], container: ContainerModel, doc: Document): Pick<DevServerBind, 'edit'> {
  if (bind.byDefault) {
    // Django's addrport written as a bare port (`runserver 8000`): name the address with it.
    const bare = bind.program.startsWith('runserver') ? items.find((i) => i.text === String(bind.port)) : undefined;
    if (bare?.node) return { edit: { replace: bare.node, text: bind.how } };
    const seq = getNode(container.node, items.some((i) => i.index >= 0 && i.node && isArg(i, container, doc)) ? 'args' : 'command', doc);
    return isSeq(seq) ? { edit: { append: seq, text: bind.how } } : {};
  }
  const value = [...items].reverse().find((i) => i.node && new RegExp(`(^|[=:/])(${escape(bind.address)}|localhost|\\[::1\\])(:|$)`).test(i.text));
  if (!value?.node || typeof value.node.value !== 'string') return {};
  return { edit: { replace: value.node, text: rebound(value.node.value) } };
}

const isArg = (item: ArgItem, container: ContainerModel, doc: Document): boolean => {
  const args = getNode(container.node, 'args', doc);
  return isSeq(args) && args.items.some((n) => n === item.node);
};

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `127.0.0.1:8000` → `0.0.0.0:8000`, `--host=localhost` → `--host=0.0.0.0`. */
const rebound = (text: string): string => text.replace(/(^|[=/])(?:127(?:\.\d{1,3}){3}|localhost|\[::1\]|::1)(?=:\d|$)/i, `$1${EVERY}`);

/** In a `sh -c` script: the same edit inside the script's text. */
export function withScriptEdit(bind: Found, script: ArgItem): Pick<DevServerBind, 'edit'> {
  const node = script.node;
  if (!node || !isScalar(node) || typeof node.value !== 'string' || node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') return {};
  const text = node.value;
  if (bind.byDefault) {
    // After the program word (` run` for flask), when it occurs once as a word: elsewhere (a path,
    // another argument: `--log-config /app/uvicorn-log.yaml`) the setting would break the command.
    const word = bind.after.trim();
    const occurrences = [...text.matchAll(new RegExp(`(?<=^|[\\s;&|(/])${escape(word)}(?=\\s|$)`, 'g'))];
    if (occurrences.length !== 1) return {};
    const end = (occurrences[0]!.index ?? 0) + word.length;
    const bare = bind.program.startsWith('runserver') ? new RegExp(`^\\s+${bind.port}(?=\\s|$)`).exec(text.slice(end)) : null;
    const edited = bare ? `${text.slice(0, end)} ${bind.how}${text.slice(end + bare[0].length)}` : `${text.slice(0, end)} ${bind.how}${text.slice(end)}`;
    return { edit: { replace: node, text: edited } };
  }
  const edited = text.replace(new RegExp(`(\\s|=)(${escape(bind.address)}|localhost|\\[::1\\])(?=:\\d|\\s|$)`), `$1${EVERY}`);
  return edited === text ? {} : { edit: { replace: node, text: edited } };
}
