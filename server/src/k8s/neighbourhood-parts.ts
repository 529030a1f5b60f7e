/**
 * The parts of the workspace index (neighbourhood.ts): each document's objects, pods and label
 * sets, kept per chunk analysis, merged into one part per file and per peer. A part can be built
 * in steps, so that a first pass over thousands of documents yields between them.
 */
import type { Document } from 'yaml';
import { runToEnd } from '../core/slices';
import { getMap, getString } from '../core/yaml-access';
import type { FileRuleContext, PeerPods } from '../rules/types';
import type { PodModel } from './pod-model';
import { stringMap, templateLabels } from './services';
import { releaseLabelSets, releaseOf } from './release-labels';
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
const INDEXED = new Set(['Service', 'Ingress', 'IngressClass', 'HTTPRoute', 'GRPCRoute', 'ConfigMap', 'Secret', 'PersistentVolumeClaim', 'NetworkPolicy', 'HorizontalPodAutoscaler', 'ScaledObject', 'LimitRange']);

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

export type LabelSet = { readonly namespace: string; readonly source?: string; readonly labels: Readonly<Record<string, string>> };

/** A file's (or a peer's) index, merged from its documents' parts. */
export class Part {
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

/**
 * The label sets an object brings (its own labels and its pod template's), Services aside; a
 * chart it installs brings its release's (release-labels.ts).
 */
function labelSetsOf(entry: IndexedObject): readonly LabelSet[] {
  if (entry.object.kind === 'Service') return NO_LABEL_SETS;
  const { node } = entry.object;
  const doc = entry.doc;
  const release = releaseOf(entry.object, doc);
  if (release) return releaseLabelSets(release).map((labels) => ({ namespace: release.namespace || entry.namespace, source: entry.source, labels }));
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

export const peerParts = new WeakMap<PeerPods, Part>();
export const ownParts = new WeakMap<FileRuleContext['chunks'], { namespace: string; part: Part }>();

/** One peer's part, kept as long as the peer object lives (an unchanged file keeps its object). */
export function peerPart(peer: PeerPods): Part {
  return peerParts.get(peer) ?? runToEnd(peerPartSteps(peer));
}

/** Documents indexed per step when an index is built in steps (a few milliseconds' work). */
export const DOCUMENTS_PER_STEP = 250;

export function* peerPartSteps(peer: PeerPods): Generator<void, Part, void> {
  const part = new Part();
  const fallback = peer.namespace ?? '';
  if (peer.chunks && !peer.generated) {
    // An open document: its documents' parts are kept, only an edited one is read again.
    let n = 0;
    for (const chunk of peer.chunks) {
      addPart(part, chunkPart(chunk, fallback), undefined, peer.source);
      if (++n % DOCUMENTS_PER_STEP === 0) yield;
    }
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

export function ownPart(chunks: FileRuleContext['chunks'], namespace: string): Part {
  const hit = ownParts.get(chunks);
  return hit && hit.namespace === namespace ? hit.part : runToEnd(ownPartSteps(chunks, namespace));
}

export function* ownPartSteps(chunks: FileRuleContext['chunks'], namespace: string): Generator<void, Part, void> {
  const part = new Part();
  let n = 0;
  for (const chunk of chunks) {
    addPart(part, chunkPart(chunk, namespace), chunk.start);
    if (++n % DOCUMENTS_PER_STEP === 0) yield;
  }
  ownParts.set(chunks, { namespace, part });
  return part;
}
