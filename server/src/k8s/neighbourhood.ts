/**
 * The workspace index of the objects that meet a pod: Services, Ingresses, HTTPRoutes,
 * ConfigMaps, Secrets, PVCs, NetworkPolicies and the other workloads, by kind, name and
 * namespace. An object without `metadata.namespace` is in its file's default namespace (the
 * `namespace:` of the kustomization beside it), or else in the namespace `kubectl apply` picks:
 * the same one for every such object.
 * Built from the chunks of one file and the peers of its workspace; the peers' part is kept per
 * peers list, so an edit rebuilds only the file's own (small) part.
 */
import { runToEnd } from '../core/slices';
import type { FileRuleContext, PeerPods } from '../rules/types';
import { DOCUMENTS_PER_STEP, ownPart, ownPartSteps, ownParts, peerPart, peerPartSteps, peerParts, type IndexedObject, type IndexedPod, type LabelSet, type Part } from './neighbourhood-parts';

export { chunkMembership, mayShareNamespace, namespaceLabel, namespaceOf, sameNamespace, type IndexedObject, type IndexedPod, type Placement } from './neighbourhood-parts';

/** The peers a file sees: near ones, not itself (the CLI passes one list to every file). */
function nearPeers(ctx: Pick<FileRuleContext, 'peers' | 'source'>): PeerPods[] {
  return ctx.peers.filter((p) => (ctx.source === undefined || p.source !== ctx.source) && isNear(ctx.source, p.source));
}

const folders = new Map<string, string>();

/** The folder part of a path or URI (remembered: every file of a run asks for every peer's). */
export function folderOf(source: string): string {
  let folder = folders.get(source);
  if (folder === undefined) {
    if (folders.size >= 50_000) folders.clear();
    folders.set(source, (folder = source.replace(/\\/g, '/').replace(/\/[^/]*$/, '')));
  }
  return folder;
}

/**
 * Whether a peer is near enough to be deployed with the file: in its folder, or in a folder above
 * or below it. Sibling folders are often alternatives (examples, environments, other apps) whose
 * objects share names without meeting.
 */
export function isNear(self: string | undefined, peer: string | undefined): boolean {
  if (self === undefined || peer === undefined) return true;
  return foldersNear(folderOf(self), folderOf(peer));
}

/** `isNear` for two folders (`folderOf` of the files): the CLI plans its units of work with it. */
export function foldersNear(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
}

/** What one file sees of its workspace: itself and the peers near it. */
export class Neighbourhood {
  private readonly own: Part;
  private readonly parts: readonly Part[];
  private allPods?: readonly IndexedPod[];
  private labelIndex?: Map<string, IndexedPod[]>;
  private labelSetIndex?: Map<string, LabelSet[]>;
  /** Texts of templated chunks (own and near peers), where unseen pods may come from. */
  readonly templated: readonly string[];

  constructor(ctx: Pick<FileRuleContext, 'chunks' | 'peers' | 'namespace' | 'source' | 'templated'>) {
    this.own = ownPart(ctx.chunks, ctx.namespace ?? '');
    const near = nearPeers(ctx);
    this.parts = [this.own, ...near.map(peerPart)];
    this.templated = [...(ctx.templated ?? []), ...near.flatMap((p) => p.templated ?? [])];
  }

  /** Objects of a kind, optionally with a given name. */
  objects(kind: string, name?: string): IndexedObject[] {
    const out: IndexedObject[] = [];
    const key = `${kind}\u0000${name ?? ''}`;
    for (const part of this.parts) {
      const found = name === undefined ? part.byKind.get(kind) : part.byName.get(key);
      if (found) for (const o of found) out.push(o);
    }
    return out;
  }

  /** Pods whose template has the label `key` (any value), or some label with the value `value`. */
  podsWith(kind: 'key' | 'pair' | 'value', key: string, value = ''): readonly IndexedPod[] {
    this.labelIndex ??= runToEnd(this.labelIndexSteps());
    const k = kind === 'key' ? `k\u0000${key}` : kind === 'pair' ? `p\u0000${key}\u0000${value}` : `v\u0000${value}`;
    return this.labelIndex.get(k) ?? [];
  }

  /** Builds the label indexes of `podsWith` and `labelSetsWith` in steps (see `neighbourhoodSteps`). */
  *indexSteps(): Generator<void, void, void> {
    if (!this.labelIndex) this.labelIndex = yield* this.labelIndexSteps();
    if (!this.labelSetIndex) this.labelSetIndex = yield* this.labelSetIndexSteps();
  }

  private *labelIndexSteps(): Generator<void, Map<string, IndexedPod[]>, void> {
    const index = new Map<string, IndexedPod[]>();
    const add = (k: string, pod: IndexedPod): void => {
      const list = index.get(k);
      if (list) list.push(pod);
      else index.set(k, [pod]);
    };
    let n = 0;
    for (const pod of this.pods) {
      for (const [k, v] of Object.entries(pod.labels)) {
        add(`k\u0000${k}`, pod);
        add(`p\u0000${k}\u0000${v}`, pod);
        add(`v\u0000${v}`, pod);
      }
      if (++n % DOCUMENTS_PER_STEP === 0) yield;
    }
    return index;
  }

  private *labelSetIndexSteps(): Generator<void, Map<string, LabelSet[]>, void> {
    const index = new Map<string, LabelSet[]>();
    let n = 0;
    for (const part of this.parts) {
      for (const set of part.labelSets) {
        for (const [k, v] of Object.entries(set.labels)) {
          const at = `${k}\u0000${v}`;
          const list = index.get(at);
          if (list) list.push(set);
          else index.set(at, [set]);
        }
        if (++n % DOCUMENTS_PER_STEP === 0) yield;
      }
    }
    return index;
  }

  /** Objects of the file being checked. */
  ownObjects(kind: string): IndexedObject[] {
    return this.own.byKind.get(kind) ?? [];
  }

  get pods(): readonly IndexedPod[] {
    this.allPods ??= this.parts.flatMap((p) => p.pods);
    return this.allPods;
  }

  get ownPods(): readonly IndexedPod[] {
    return this.own.pods;
  }

  /** Label sets of every object (custom resources included) that carry the label `key: value`. */
  labelSetsWith(key: string, value: string): readonly LabelSet[] {
    this.labelSetIndex ??= runToEnd(this.labelSetIndexSteps());
    return this.labelSetIndex.get(`${key}\u0000${value}`) ?? [];
  }
}

/**
 * Whether a file's text may hold something the workspace rules look up elsewhere (a Service,
 * a route, a config reference, a host port): only such files get the workspace's peers.
 */
export function needsWorkspace(text: string): boolean {
  return /Service|Ingress|Route|configMap|secret|hostPort/.test(text);
}

type Inputs = Pick<FileRuleContext, 'chunks' | 'peers' | 'namespace' | 'source' | 'templated'>;
const memo = new WeakMap<FileRuleContext['chunks'], { inputs: Inputs; value: Neighbourhood }>();

/** The neighbourhood of a file-rule context, built once per file-level pass (the rules share it). */
export function neighbourhoodOf(ctx: Inputs): Neighbourhood {
  if (isCurrent(ctx)) return memo.get(ctx.chunks)!.value;
  const value = new Neighbourhood(ctx);
  memo.set(ctx.chunks, { inputs: ctx, value });
  return value;
}

/**
 * `neighbourhoodOf(ctx)` built in steps of a few hundred documents, yielding between them: the
 * first pass over a big file (or after a neighbouring file changed) would otherwise index every
 * document of both in one step. `labels`: also the label indexes (`podsWith`, `labelSetsWith`).
 */
export function* neighbourhoodSteps(ctx: Inputs, labels = false): Generator<void, Neighbourhood, void> {
  const namespace = ctx.namespace ?? '';
  if (!isCurrent(ctx)) {
    if (ownParts.get(ctx.chunks)?.namespace !== namespace) yield* ownPartSteps(ctx.chunks, namespace);
    for (const peer of nearPeers(ctx)) if (!peerParts.has(peer)) yield* peerPartSteps(peer);
    yield;
  }
  const hood = neighbourhoodOf(ctx);
  if (labels) yield* hood.indexSteps();
  return hood;
}

function isCurrent(ctx: Inputs): boolean {
  const hit = memo.get(ctx.chunks)?.inputs;
  return !!hit && hit.peers === ctx.peers && hit.namespace === ctx.namespace && hit.source === ctx.source && hit.templated === ctx.templated;
}
