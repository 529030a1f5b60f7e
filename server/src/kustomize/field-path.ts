/**
 * Field paths that survive a strategic merge. kustomize merges lists of containers, ports,
 * volumes and mounts by a key (a container by its name, a port by its containerPort...), so a
 * rendered `containers[1]` may be `containers[0]` in the patch that wrote it: such list items are
 * named by their merge key instead of their index. Other lists are replaced whole, so their
 * indexes hold.
 */
import { isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';

/** A step: a mapping key, a list item by merge key, or a list index. */
export type Step = string | number | { readonly key: string; readonly value: string; readonly protocol?: string };
export type FieldPath = readonly Step[];

/** Merge keys of the lists Kubernetes' strategic merge patch merges (by the list's field name). */
const MERGE_KEYS: Readonly<Record<string, string>> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  env: 'name',
  imagePullSecrets: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  ports: 'containerPort',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
  resourceClaims: 'name',
};

function pairOf(map: Node, key: string): Pair | undefined {
  if (!isMap(map)) return undefined;
  return map.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key) as Pair | undefined;
}

function scalarText(node: unknown): string | undefined {
  return isScalar(node) && node.value !== null && typeof node.value !== 'object' ? String(node.value) : undefined;
}

/**
 * The merge-key path of a location given as keys and indexes from the document root (as
 * `locate` gives it), read against the document it came from.
 */
export function mergeKeyPath(root: Node | null | undefined, raw: readonly (string | number)[]): Step[] {
  const out: Step[] = [];
  let node: unknown = root;
  let field = '';
  for (const step of raw) {
    if (typeof step === 'string') {
      out.push(step);
      node = pairOf(node as Node, step)?.value;
      field = step;
      continue;
    }
    const item = isSeq(node) ? node.items[step] : undefined;
    const key = MERGE_KEYS[field];
    // Service ports merge by `port`, container ports by `containerPort`.
    const mergeKey = field === 'ports' && isMap(item) && !pairOf(item, 'containerPort') && pairOf(item, 'port') ? 'port' : key;
    const value = mergeKey && isMap(item) ? scalarText(pairOf(item, mergeKey)?.value) : undefined;
    // One port over TCP and UDP (DNS) is two items of one number: the protocol tells them apart.
    const protocol = field === 'ports' && isMap(item) ? (scalarText(pairOf(item, 'protocol')?.value) ?? 'TCP') : undefined;
    out.push(mergeKey && value !== undefined ? { key: mergeKey, value, ...(protocol ? { protocol } : {}) } : step);
    node = item;
    field = '';
  }
  return out;
}

/** Where a path leads in a document: the last pair (when the last step is a key) and the node. */
export interface Reached {
  readonly node: Node;
  readonly pair?: Pair;
}

/** The list item of a merge-key step; of a port, the one of the same protocol when there is one. */
function itemByKey(items: readonly unknown[], step: Exclude<Step, string | number>): Node | undefined {
  const keyed = items.filter((i): i is Node => isMap(i) && scalarText(pairOf(i, step.key)?.value) === step.value);
  return (step.protocol ? keyed.find((i) => (scalarText(pairOf(i, 'protocol')?.value) ?? 'TCP') === step.protocol) : undefined) ?? keyed[0];
}

/** Follows a path in a document; undefined when some step is missing there. */
export function follow(root: Node | null | undefined, path: FieldPath): Reached | undefined {
  let node: Node | null | undefined = root;
  let pair: Pair | undefined;
  for (const step of path) {
    if (!node) return undefined;
    if (typeof step === 'string') {
      pair = pairOf(node, step);
      if (!pair) return undefined;
      node = (pair.value as Node | null) ?? (pair.key as Node);
      continue;
    }
    pair = undefined;
    if (!isSeq(node)) return undefined;
    node = typeof step === 'number' ? (node.items[step] as Node | undefined) : itemByKey(node.items, step);
  }
  return node ? { node, pair } : undefined;
}

/** The longest prefix of `path` that exists in the document. */
export function followPrefix(root: Node | null | undefined, path: FieldPath): { reached: Reached; length: number } | undefined {
  for (let n = path.length; n > 0; n--) {
    const reached = follow(root, path.slice(0, n));
    if (reached) return { reached, length: n };
  }
  return undefined;
}

/** `a.b[1].c` for messages that cite Kubernetes field paths. */
export function fieldPathText(raw: readonly (string | number)[]): string {
  return raw.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** The same steps, as JSON pointer tokens (for comparing with JSON 6902 patch paths). */
export function pointerTokens(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}
