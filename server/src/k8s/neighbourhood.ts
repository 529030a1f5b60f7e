/**
 * The workspace index of the objects that meet a pod: Services, Ingresses, HTTPRoutes,
 * ConfigMaps, Secrets, PVCs, NetworkPolicies and the other workloads, by kind, name and
 * namespace. An object without `metadata.namespace` is in its file's default namespace (the
 * `namespace:` of the kustomization beside it), or else in the namespace `kubectl apply` picks:
 * the same one for every such object.
 * Built from the chunks of one file and the peers of its workspace; the peers' part is kept per
 * peers list, so an edit rebuilds only the file's own (small) part.
 */
import type { Document } from 'yaml';
import { getMap, getString } from '../core/yaml-access';
import type { FileRuleContext, PeerPods } from '../rules/types';
import type { PodModel } from './pod-model';
import { stringMap, templateLabels } from './services';
import type { K8sObject } from './workloads';

/** Where an indexed thing sits: in the file being checked (`chunkStart`) or in a peer (`source`). */
export interface Placement {
  readonly namespace: string;
  /** The start of its chunk when it is in the file being checked. */
  readonly chunkStart?: number;
  /** The peer it comes from otherwise. */
  readonly source?: string;
}

export interface IndexedObject extends Placement {
  readonly object: K8sObject;
  readonly doc: Document;
}

export interface IndexedPod extends Placement {
  readonly pod: PodModel;
  readonly labels: Readonly<Record<string, string>>;
}

/** Kinds the index keeps (the workloads come in as pods). */
const INDEXED = new Set(['Service', 'Ingress', 'HTTPRoute', 'GRPCRoute', 'ConfigMap', 'Secret', 'PersistentVolumeClaim', 'NetworkPolicy']);

/** `metadata.namespace`, else the file's default. */
export function namespaceOf(object: K8sObject, doc: Document, fallback = ''): string {
  return getString(getMap(object.node, 'metadata', doc), 'namespace', doc) || fallback;
}

/** The namespace shown in messages. */
export function namespaceLabel(namespace: string): string {
  return namespace || 'default';
}

/** Surely one namespace: equal, an unset namespace counting as `default`. */
export function sameNamespace(a: string, b: string): boolean {
  return (a || 'default') === (b || 'default');
}

/** Possibly one namespace: equal, or one of them unset (it is whatever `kubectl apply -n` says). */
export function mayShareNamespace(a: string, b: string): boolean {
  return a === b || a === '' || b === '' || sameNamespace(a, b);
}

type LabelSet = { readonly namespace: string; readonly source?: string; readonly labels: Readonly<Record<string, string>> };

/** A file's (or a peer's) index, merged from its documents' parts. */
class Part {
  readonly byKind = new Map<string, IndexedObject[]>();
  /** `kind\0name` → objects, for the lookups by name. */
  readonly byName = new Map<string, IndexedObject[]>();
  readonly pods: IndexedPod[] = [];
  /** Labels of any other object and of any `spec.template` (custom resources that make pods too). */
  readonly labelSets: LabelSet[] = [];

  addObject(entry: IndexedObject): void {
    const labelSets = labelSetsOf(entry);
    for (const l of labelSets) this.labelSets.push(l);
    const kind = entry.object.kind;
    if (kind && INDEXED.has(kind)) this.addIndexed(kind, entry);
  }

  addIndexed(kind: string, entry: IndexedObject): void {
    this.add(this.byKind, kind, entry);
    this.add(this.byName, `${kind}\u0000${entry.object.name ?? ''}`, entry);
  }

  add(map: Map<string, IndexedObject[]>, key: string, entry: IndexedObject): void {
    const list = map.get(key);
    if (list) list.push(entry);
    else map.set(key, [entry]);
  }

  addPods(pods: readonly PodModel[], place: (pod: PodModel) => Placement): void {
    for (const pod of pods) this.pods.push({ ...place(pod), pod, labels: templateLabels(pod) });
  }
}

/** The label sets an object brings (its own labels and its pod template's), Services aside. */
function labelSetsOf(entry: IndexedObject): readonly LabelSet[] {
  if (entry.object.kind === 'Service') return NO_LABEL_SETS;
  const { node } = entry.object;
  const doc = entry.doc;
  const metadata = getMap(node, 'metadata', doc);
  const own = getMap(metadata, 'labels', doc);
  const template = getMap(getMap(getMap(getMap(node, 'spec', doc), 'template', doc), 'metadata', doc), 'labels', doc);
  if (!own && !template) return NO_LABEL_SETS;
  const out: LabelSet[] = [];
  for (const labels of [own, template]) if (labels) out.push({ namespace: entry.namespace, source: entry.source, labels: stringMap(labels, doc) });
  return out;
}

const NO_LABEL_SETS: readonly LabelSet[] = [];
const NO_OBJECTS: readonly IndexedObject[] = [];
const NO_PODS: readonly IndexedPod[] = [];

/**
 * One document's share of the index, without its place in the file (a few plain arrays: a file
 * has thousands of documents, and their parts are kept between edits).
 */
interface ChunkPart {
  /** Objects of the indexed kinds. */
  readonly objects: readonly IndexedObject[];
  readonly pods: readonly IndexedPod[];
  readonly labelSets: readonly LabelSet[];
}

const peerParts = new WeakMap<PeerPods, Part>();
const ownParts = new WeakMap<FileRuleContext['chunks'], { namespace: string; part: Part }>();

/** One peer's part, kept as long as the peer object lives (an unchanged file keeps its object). */
function peerPart(peer: PeerPods): Part {
  let part = peerParts.get(peer);
  if (part) return part;
  part = new Part();
  const fallback = peer.namespace ?? '';
  if (peer.chunks && !peer.generated) {
    // An open document: its documents' parts are kept, only an edited one is read again.
    for (const chunk of peer.chunks) addPart(part, chunkPart(chunk, fallback), undefined, peer.source);
  } else {
    // Generated ConfigMaps (kustomize configMapGenerator) have no text to link to, and their keys may be merged by overlays.
    for (const { object, doc } of peer.generated ? [] : (peer.objects ?? [])) part.addObject({ object, doc, namespace: namespaceOf(object, doc, fallback), source: peer.source });
    part.addPods(peer.pods, (pod) => ({ namespace: namespaceOf(pod.object, pod.doc, fallback), source: peer.source }));
  }
  peerParts.set(peer, part);
  return part;
}

/** Adds a chunk's part to a file's, placed in it: at its chunk start, or in its peer. */
function addPart(part: Part, chunk: ChunkPart, chunkStart: number | undefined, source?: string): void {
  for (const o of chunk.objects) {
    const placed: IndexedObject = source === undefined ? { object: o.object, doc: o.doc, namespace: o.namespace, chunkStart } : { object: o.object, doc: o.doc, namespace: o.namespace, source };
    part.addIndexed(o.object.kind as string, placed);
  }
  for (const p of chunk.pods) part.pods.push(source === undefined ? { namespace: p.namespace, chunkStart, pod: p.pod, labels: p.labels } : { namespace: p.namespace, source, pod: p.pod, labels: p.labels });
  for (const l of chunk.labelSets) part.labelSets.push(source === undefined ? l : { namespace: l.namespace, source, labels: l.labels });
}

/** One chunk's part, without its start (kept per chunk analysis: an edit re-reads only its chunks). */
const chunkParts = new WeakMap<object, ChunkPart | Map<string, ChunkPart>>();

function chunkPart(chunk: Pick<FileRuleContext['chunks'][number], 'objects' | 'pods'>, namespace: string): ChunkPart {
  // Almost always one namespace per chunk: the part itself is kept, a map only for a second one.
  const kept = chunkParts.get(chunk.objects);
  const hit = kept instanceof Map ? kept.get(namespace) : kept && chunkNamespaces.get(kept) === namespace ? kept : undefined;
  if (hit) return hit;
  let objects: IndexedObject[] | undefined;
  let labelSets: LabelSet[] | undefined;
  for (const { object, doc } of chunk.objects) {
    const entry: IndexedObject = { object, doc, namespace: namespaceOf(object, doc, namespace) };
    for (const l of labelSetsOf(entry)) (labelSets ??= []).push(l);
    if (object.kind && INDEXED.has(object.kind)) (objects ??= []).push(entry);
  }
  let pods: IndexedPod[] | undefined;
  for (const pod of chunk.pods) (pods ??= []).push({ namespace: namespaceOf(pod.object, pod.doc, namespace), pod, labels: templateLabels(pod) });
  const part: ChunkPart = { objects: objects ?? NO_OBJECTS, pods: pods ?? NO_PODS, labelSets: labelSets ?? NO_LABEL_SETS };
  chunkNamespaces.set(part, namespace);
  if (kept === undefined) chunkParts.set(chunk.objects, part);
  else if (kept instanceof Map) kept.set(namespace, part);
  else chunkParts.set(chunk.objects, new Map([[chunkNamespaces.get(kept) as string, kept], [namespace, part]]));
  return part;
}

const chunkNamespaces = new WeakMap<ChunkPart, string>();

/**
 * What a selector may match in one chunk: its pods' and other objects' labels, by namespace (the
 * `context` of the rules that match selectors). An injected pod (a SidecarSet) counts in full.
 */
export function chunkMembership(chunk: FileRuleContext['chunks'][number] & { readonly text: string }): string {
  const part = chunkPart(chunk, '');
  if (part.pods.some((p) => p.pod.shape.injected)) return chunk.text;
  if (part.pods.length === 0 && part.labelSets.length === 0) return '';
  return JSON.stringify([part.pods.map((p) => [p.namespace, p.labels, p.pod.partial]), part.labelSets.map((l) => [l.namespace, l.labels])]);
}

function ownPart(chunks: FileRuleContext['chunks'], namespace: string): Part {
  const hit = ownParts.get(chunks);
  if (hit && hit.namespace === namespace) return hit.part;
  const part = new Part();
  for (const chunk of chunks) addPart(part, chunkPart(chunk, namespace), chunk.start);
  ownParts.set(chunks, { namespace, part });
  return part;
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
    // The file itself may be among the peers (the CLI passes one list to every file).
    const near = ctx.peers.filter((p) => (ctx.source === undefined || p.source !== ctx.source) && isNear(ctx.source, p.source));
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
    if (!this.labelIndex) {
      const index = new Map<string, IndexedPod[]>();
      const add = (k: string, pod: IndexedPod): void => {
        const list = index.get(k);
        if (list) list.push(pod);
        else index.set(k, [pod]);
      };
      for (const pod of this.pods) {
        for (const [k, v] of Object.entries(pod.labels)) {
          add(`k\u0000${k}`, pod);
          add(`p\u0000${k}\u0000${v}`, pod);
          add(`v\u0000${v}`, pod);
        }
      }
      this.labelIndex = index;
    }
    const k = kind === 'key' ? `k\u0000${key}` : kind === 'pair' ? `p\u0000${key}\u0000${value}` : `v\u0000${value}`;
    return this.labelIndex.get(k) ?? [];
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
    if (!this.labelSetIndex) {
      const index = new Map<string, LabelSet[]>();
      for (const part of this.parts) {
        for (const set of part.labelSets) {
          for (const [k, v] of Object.entries(set.labels)) {
            const at = `${k}\u0000${v}`;
            const list = index.get(at);
            if (list) list.push(set);
            else index.set(at, [set]);
          }
        }
      }
      this.labelSetIndex = index;
    }
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
  const hit = memo.get(ctx.chunks)?.inputs;
  if (hit && hit.peers === ctx.peers && hit.namespace === ctx.namespace && hit.source === ctx.source && hit.templated === ctx.templated) return memo.get(ctx.chunks)!.value;
  const value = new Neighbourhood(ctx);
  memo.set(ctx.chunks, { inputs: ctx, value });
  return value;
}
