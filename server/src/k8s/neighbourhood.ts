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
import { peerFolders } from './peer-folders';
import { joined, labelIndexSteps, peersLabelIndexSteps, podKey, type LabelIndex } from './neighbourhood-labels';
import { ownPart, ownPartSteps, ownParts, peerPart, peerPartSteps, peerParts, type IndexedObject, type IndexedPod, type LabelSet, type Part } from './neighbourhood-parts';

export { folderOf, foldersNear, isNear } from './folders';
export { chunkMembership, mayShareNamespace, namespaceLabel, namespaceOf, sameNamespace, type IndexedObject, type IndexedPod, type Placement } from './neighbourhood-parts';

/** The peers a file sees: near ones, not itself (the CLI passes one list to every file). */
export function nearPeers(ctx: Pick<FileRuleContext, 'peers' | 'source'>): PeerPods[] {
  return peerFolders(ctx.peers).near(ctx.source);
}

/** What one file sees of its workspace: itself and the peers near it. */
export class Neighbourhood {
  private readonly own: Part;
  private readonly parts: readonly Part[];
  /** The near peers, the file itself included when it is among them (the label index of the peers is kept per such list). */
  private readonly nearList: readonly PeerPods[];
  private readonly self: string | undefined;
  private allPods?: readonly IndexedPod[];
  private ownLabels?: LabelIndex;
  private peerLabels?: LabelIndex;
  /** Texts of templated chunks (own and near peers), where unseen pods may come from. */
  readonly templated: readonly string[];

  constructor(ctx: Pick<FileRuleContext, 'chunks' | 'peers' | 'namespace' | 'source' | 'templated'>) {
    this.own = ownPart(ctx.chunks, ctx.namespace ?? '');
    this.self = ctx.source;
    this.nearList = peerFolders(ctx.peers).nearList(ctx.source);
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

  /**
   * Pods whose template has the label `key` (any value, a template's too), or some label with the
   * value `value`; `open`: the pods a template may add labels to.
   */
  podsWith(kind: 'key' | 'pair' | 'value' | 'open', key: string, value = ''): readonly IndexedPod[] {
    if (!this.ownLabels || !this.peerLabels) runToEnd(this.indexSteps());
    const k = podKey(kind, key, value);
    return joined(this.ownLabels?.pods.get(k), this.peerLabels?.pods.get(k), this.self);
  }

  /** Builds the label indexes of `podsWith` and `labelSetsWith` in steps (see `neighbourhoodSteps`). */
  *indexSteps(): Generator<void, void, void> {
    if (!this.ownLabels) this.ownLabels = yield* labelIndexSteps([this.own]);
    if (!this.peerLabels) this.peerLabels = yield* peersLabelIndexSteps(this.nearList);
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
    if (!this.ownLabels || !this.peerLabels) runToEnd(this.indexSteps());
    const k = `${key}\u0000${value}`;
    return joined(this.ownLabels?.sets.get(k), this.peerLabels?.sets.get(k), this.self);
  }
}

/**
 * Whether a file's text may hold something the workspace rules look up elsewhere (a Service,
 * a route, a config reference, a host port): only such files get the workspace's peers.
 */
export function needsWorkspace(text: string | { readonly pieces: readonly string[] }): boolean {
  if (typeof text === 'string') return WORKSPACE_WORDS.test(text);
  // A version of an open document never changes, and each check asks twice (the pipeline, then
  // the store): a file without those words was scanned whole both times.
  let known = piecewiseAnswers.get(text);
  if (known === undefined) piecewiseAnswers.set(text, (known = inPieces(text.pieces)));
  return known;
}

const piecewiseAnswers = new WeakMap<object, boolean>();

/** An open document's text is read piece by piece, never joined (see piece-text.ts); a word cut by a piece's end is read with the next piece's start. */
function inPieces(pieces: readonly string[]): boolean {
  let tail = '';
  for (const piece of pieces) {
    if (WORKSPACE_WORDS.test(piece) || WORKSPACE_WORDS.test(tail + piece.slice(0, LONGEST_WORD - 1))) return true;
    tail = piece.slice(-(LONGEST_WORD - 1));
  }
  return false;
}

// The programs service-link-env knows read Services of the namespace (a Deployment file beside its Service's).
const WORKSPACE_WORDS = /Service|Ingress|Route|configMap|secret|hostPort|HorizontalPodAutoscaler|ScaledObject|confluentinc\/cp-|vllm|spark/;
const LONGEST_WORD = 'HorizontalPodAutoscaler'.length;

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
