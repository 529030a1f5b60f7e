/**
 * The label indexes of a neighbourhood (`podsWith`, `labelSetsWith`): pods and label sets by
 * label key, pair and value. The peers' share is made once per near list, not once per file that
 * sees them: in a folder of many files that each look across files, rebuilding it for every
 * file was quadratic in the folder's size. The file's own share is made per file.
 */
import type { PeerPods } from '../rules/types';
import { templateLabelsUnsure } from './unknown-names';
import { DOCUMENTS_PER_STEP, peerPartSteps, peerParts, type IndexedPod, type LabelSet, type Part } from './neighbourhood-parts';

export interface LabelIndex {
  /**
   * `k\0key`, `p\0key\0value`, `v\0value` → pods, in the parts' order; `o`: the pods a template
   * may add labels to. A label whose value a template writes is under its key only.
   */
  readonly pods: ReadonlyMap<string, readonly IndexedPod[]>;
  /** `key\0value` → label sets, in the parts' order. */
  readonly sets: ReadonlyMap<string, readonly LabelSet[]>;
}

/** The key of `podsWith`'s index. */
export function podKey(kind: 'key' | 'pair' | 'value' | 'open', key: string, value: string): string {
  if (kind === 'open') return 'o';
  return kind === 'key' ? `k\u0000${key}` : kind === 'pair' ? `p\u0000${key}\u0000${value}` : `v\u0000${value}`;
}

function add<T>(index: Map<string, T[]>, k: string, item: T): void {
  const list = index.get(k);
  if (list) list.push(item);
  else index.set(k, [item]);
}

/** The index of some parts, in steps of a few hundred documents. */
export function* labelIndexSteps(parts: Iterable<Part>): Generator<void, LabelIndex, void> {
  const pods = new Map<string, IndexedPod[]>();
  const sets = new Map<string, LabelSet[]>();
  let n = 0;
  for (const part of parts) {
    for (const pod of part.pods) {
      for (const [k, v] of Object.entries(pod.labels)) {
        add(pods, `k\u0000${k}`, pod);
        add(pods, `p\u0000${k}\u0000${v}`, pod);
        add(pods, `v\u0000${v}`, pod);
      }
      const unsure = templateLabelsUnsure(pod.pod);
      if (unsure.open) add(pods, 'o', pod);
      for (const k of unsure.unknown) add(pods, `k\u0000${k}`, pod);
      if (++n % DOCUMENTS_PER_STEP === 0) yield;
    }
    for (const set of part.labelSets) {
      for (const [k, v] of Object.entries(set.labels)) add(sets, `${k}\u0000${v}`, set);
      if (++n % DOCUMENTS_PER_STEP === 0) yield;
    }
  }
  return { pods, sets };
}

const shared = new WeakMap<readonly PeerPods[], LabelIndex>();

/** The index of a near list's peers (made once per list; the lists are kept per folder). */
export function* peersLabelIndexSteps(peers: readonly PeerPods[]): Generator<void, LabelIndex, void> {
  const hit = shared.get(peers);
  if (hit) return hit;
  const parts: Part[] = [];
  for (const peer of peers) parts.push(peerParts.get(peer) ?? (yield* peerPartSteps(peer)));
  const index = yield* labelIndexSteps(parts);
  shared.set(peers, index);
  return index;
}

/**
 * The file's own entries, then the peers' ones that are not the file's (`self`: a peer listing
 * the file itself, which the CLI's one list holds), in that order: the order of one index over
 * the file's part and its near peers' parts.
 */
export function joined<T extends { readonly source?: string }>(own: readonly T[] | undefined, peers: readonly T[] | undefined, self: string | undefined): readonly T[] {
  const theirs = self === undefined || !peers ? peers : peers.some((p) => p.source === self) ? peers.filter((p) => p.source !== self) : peers;
  if (!own || own.length === 0) return theirs ?? NONE;
  if (!theirs || theirs.length === 0) return own;
  return [...own, ...theirs];
}

const NONE: readonly never[] = [];
