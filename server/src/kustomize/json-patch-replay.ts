/**
 * Where each operation of a JSON 6902 patch left its element in the patched resource. An operation's
 * index is the list's at its turn: a later `add` at or before it moves the element down, a later
 * `remove` before it moves it up, a later `remove` of it deletes it; `-` is the end of the list at
 * its turn, worked out from the final length (a `remove` and an `add` at `1` after `add … /-` would
 * otherwise point at the wrong element, and a finding on it at the wrong operation). Lists are told
 * apart by the tokens of their path as written; a later operation that reorders a parent list
 * through other indexes is not followed.
 */
import { isMap, isSeq, type Node } from 'yaml';
import { pointerTokens } from './field-path';

interface Op {
  readonly kind: string;
  readonly tokens: readonly string[];
  /** For `move`: where it took the element from. */
  readonly from?: readonly string[];
}

/** The list effects of an operation, in order: removals before the insertion (`move`). */
function effects(op: Op): { readonly remove: boolean; readonly tokens: readonly string[] }[] {
  if (op.kind === 'add' || op.kind === 'copy') return [{ remove: false, tokens: op.tokens }];
  if (op.kind === 'remove') return [{ remove: true, tokens: op.tokens }];
  if (op.kind === 'move') return [...(op.from ? [{ remove: true, tokens: op.from }] : []), { remove: false, tokens: op.tokens }];
  return [];
}

const sameList = (a: readonly string[], b: readonly string[], length: number): boolean => a.length === length + 1 && a.slice(0, length).every((t, i) => t === b[i]);

function lengthAt(rendered: Node | null | undefined, tokens: readonly string[]): number | undefined {
  let node: unknown = rendered;
  for (const token of tokens) node = isSeq(node) ? node.items[Number(token)] : isMap(node) ? node.get(token, true) : undefined;
  return isSeq(node) ? node.items.length : undefined;
}

/**
 * The tokens of operation `at`'s path in the patched resource's indexes; undefined when a later
 * operation removed what it wrote. `-` becomes a number.
 */
export function finalTokens(ops: readonly Op[], at: number, rendered: Node | null | undefined): string[] | undefined {
  const tokens = [...(ops[at]?.tokens ?? [])];
  const later = ops.slice(at + 1).flatMap(effects);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const mine = later.filter((e) => sameList(e.tokens, tokens, i));
    let index: number;
    if (token === '-' && i === tokens.length - 1) {
      const final = lengthAt(rendered, tokens.slice(0, i));
      if (final === undefined) return tokens;
      const adds = mine.filter((e) => !e.remove).length;
      const removes = mine.length - adds;
      index = final + removes - adds - 1;
    } else if (/^\d+$/.test(token)) index = Number(token);
    else continue;
    for (const e of mine) {
      const other = e.tokens[i] as string;
      if (other === '-') continue;
      const j = Number(other);
      if (!Number.isInteger(j)) continue;
      if (e.remove) {
        if (j === index) return undefined;
        if (j < index) index--;
      } else if (j <= index) index++;
    }
    tokens[i] = String(index);
  }
  return tokens;
}

/** The operations of a JSON 6902 patch as `finalTokens` reads them. */
export function readOps(items: readonly unknown[]): Op[] {
  return items.map((item) => {
    const op = isMap(item) ? item : undefined;
    const path = op?.get('path');
    const from = op?.get('from');
    return {
      kind: String(op?.get('op') ?? ''),
      tokens: typeof path === 'string' ? pointerTokens(path) : [],
      ...(typeof from === 'string' ? { from: pointerTokens(from) } : {}),
    };
  });
}
