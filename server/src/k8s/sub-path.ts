/**
 * The subPath of a volume mount: `subPath` as written, or `subPathExpr` as the kubelet expands it
 * ("environment variable references $(VAR_NAME) are expanded using the container's
 * environment"). Either way only that one entry of the volume is mounted, so a mount with a
 * subPath whose value nobody can know here (a variable set from a fieldRef or envFrom, a template
 * action, a placeholder) still has a subPath: only its name is unknown.
 */
import type { Document, YAMLMap } from 'yaml';
import { isUnknownValue, writtenText } from '../core/unknown-values';
import { asMap, getScalar, getSeqItems } from '../core/yaml-access';
import { varReferences } from './env';

export interface SubPath {
  /** The path in the volume; as written (placeholders and all) when it cannot be known. */
  readonly subPath?: string;
  /** The name is not known before the pod runs or a tool renders the file. */
  readonly subPathUnknown?: true;
}

/**
 * The literal env values of a container by name (the last entry of a name wins, as in the
 * kubelet); undefined for an entry whose value is not known here (valueFrom, or a value that
 * refers to variables itself).
 */
export function literalEnv(container: YAMLMap | undefined, doc: Document): Map<string, string | undefined> {
  const env = new Map<string, string | undefined>();
  for (const { node } of getSeqItems(container, 'env', doc)) {
    const entry = asMap(node, doc);
    const name = getScalar(entry, 'name', doc)?.value;
    if (typeof name !== 'string') continue;
    const value = getScalar(entry, 'value', doc);
    const literal = value && !isUnknownValue(value) && typeof value.value === 'string' && !value.value.includes('$') ? value.value : undefined;
    env.set(name, literal);
  }
  return env;
}

/** `text` with its `$(VAR)` references expanded; undefined when one of them has no known, non-empty value. */
function expand(text: string, env: ReadonlyMap<string, string | undefined>): string | undefined {
  // `$$` is the kubelet's escape for a literal `$`.
  const literal = (part: string): string => part.replace(/\$\$/g, '$');
  let out = '';
  let at = 0;
  for (const ref of varReferences(text)) {
    const value = env.get(ref.name);
    // The kubelet refuses a subPathExpr whose variable is missing or empty; what envFrom sets is not in sight.
    if (!value) return undefined;
    out += literal(text.slice(at, ref.offset)) + value;
    at = ref.offset + ref.length;
  }
  return out + literal(text.slice(at));
}

/**
 * The subPath of one `volumeMounts` entry; `env` gives the container's literal env, read only for
 * a subPathExpr (none for mounts several containers share).
 */
export function subPathOf(mount: YAMLMap, doc: Document, env?: () => ReadonlyMap<string, string | undefined>): SubPath {
  for (const key of ['subPath', 'subPathExpr'] as const) {
    const node = getScalar(mount, key, doc);
    if (!node) continue;
    // A template action or placeholder: mounted with a subPath all the same (the mask left no text: `{{ }}`).
    if (isUnknownValue(node)) return { subPath: writtenText(node) ?? '{{ }}', subPathUnknown: true };
    if (typeof node.value !== 'string' || node.value === '') continue;
    if (key === 'subPath') return { subPath: node.value };
    const expanded = expand(node.value, env?.() ?? new Map());
    return expanded !== undefined ? { subPath: expanded } : { subPath: node.value, subPathUnknown: true };
  }
  return {};
}
