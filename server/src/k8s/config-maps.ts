/**
 * The ConfigMaps of a file (and of its folder's peers): what a container that mounts one reads.
 * The effective-listener model looks up nginx and redis configuration here.
 */
import { isScalar, type Document, type Scalar } from 'yaml';
import { getMap, getString, keyText, mapPairs } from '../core/yaml-access';
import { folderOf } from './neighbourhood';
import type { K8sObject } from './workloads';

/** One key of a ConfigMap's `data`. */
export interface ConfigMapKey {
  readonly value: string;
  readonly node: Scalar;
}

/** A ConfigMap found in the file. */
export interface ConfigMapModel {
  readonly name: string;
  readonly namespace?: string;
  readonly object: K8sObject;
  readonly doc: Document;
  readonly data: ReadonlyMap<string, ConfigMapKey>;
}

/** ConfigMaps by name. A name defined twice (two namespaces) keeps the first. */
export type ConfigMapIndex = ReadonlyMap<string, ConfigMapModel>;

export const NO_CONFIG_MAPS: ConfigMapIndex = new Map();

const byObjects = new WeakMap<object, ConfigMapModel[]>();

/** The ConfigMaps among a chunk's objects (memoised on the chunk's cached object list). */
export function configMapsOf(objects: readonly { readonly object: K8sObject; readonly doc: Document }[]): readonly ConfigMapModel[] {
  let found = byObjects.get(objects);
  if (!found) {
    found = [];
    for (const { object, doc } of objects) {
      if (object.kind !== 'ConfigMap' || !object.name) continue;
      const data = new Map<string, ConfigMapKey>();
      const map = getMap(object.node, 'data', doc);
      for (const pair of map ? mapPairs(map, doc) : []) {
        const key = keyText(pair);
        if (key !== undefined && isScalar(pair.value) && typeof pair.value.value === 'string') data.set(key, { value: pair.value.value, node: pair.value });
      }
      found.push({ name: object.name, namespace: getString(getMap(object.node, 'metadata', doc), 'namespace', doc), object, doc, data });
    }
    byObjects.set(objects, found);
  }
  return found;
}

/** The last index built: returned again while the ConfigMaps are the same models (chunks are cached), so memos keyed on it hold across edits. */
let last: { models: readonly ConfigMapModel[]; index: ConfigMapIndex } = { models: [], index: NO_CONFIG_MAPS };

type ObjectLists = readonly { readonly objects: readonly { readonly object: K8sObject; readonly doc: Document }[] }[];

/** The ConfigMaps of every chunk (analysis chunks' `analysis.objects`, or the file rules' chunk models), by name. */
export function configMapIndex(chunks: ObjectLists): ConfigMapIndex {
  const models = chunks.flatMap((c) => configMapsOf(c.objects));
  if (models.length === 0) return NO_CONFIG_MAPS;
  if (models.length === last.models.length && models.every((m, i) => m === last.models[i])) return last.index;
  const index = new Map<string, ConfigMapModel>();
  for (const cm of models) if (!index.has(cm.name)) index.set(cm.name, cm);
  last = { models, index };
  return index;
}

/** What a peer file of the workspace brings: its objects and where it is. */
interface PeerObjects {
  readonly source: string;
  readonly objects?: readonly { readonly object: K8sObject; readonly doc: Document }[];
}

const withPeers = new WeakMap<ConfigMapIndex, { peers: readonly PeerObjects[]; source?: string; index: ConfigMapIndex }>();

/**
 * The file's ConfigMaps plus those of its peers in the same folder ("a ConfigMap in the same
 * file or folder"): what `kubectl apply -f <folder>` creates beside the pod. The file's own
 * win; a name that two peers define is left out (which one is applied is unknown), so a container
 * mounting it stays unsure rather than read from the wrong one. Memoised so that the listener
 * model's memo (keyed on the index) holds across analyses.
 */
export function withFolderPeers(own: ConfigMapIndex, peers: readonly PeerObjects[], source?: string): ConfigMapIndex {
  if (peers.length === 0) return own;
  const hit = withPeers.get(own);
  if (hit && hit.peers === peers && hit.source === source) return hit.index;
  const folder = source === undefined ? undefined : folderOf(source);
  const found = new Map<string, ConfigMapModel[]>();
  for (const peer of peers) {
    if (!peer.objects || (source !== undefined && peer.source === source) || (folder !== undefined && folderOf(peer.source) !== folder)) continue;
    for (const cm of configMapsOf(peer.objects)) found.set(cm.name, [...(found.get(cm.name) ?? []), cm]);
  }
  let index = own;
  if (found.size > 0) {
    const merged = new Map(own);
    for (const [name, models] of found) if (!merged.has(name) && models.length === 1) merged.set(name, models[0]!);
    index = merged;
  }
  withPeers.set(own, { peers, source, index });
  return index;
}

/** The ConfigMaps of a file analysis (with its folder's peers, when it was analysed with them). */
export function configMapsOfAnalysis(analysis: {
  readonly chunks: readonly { readonly analysis: { readonly objects: readonly { readonly object: K8sObject; readonly doc: Document }[] } }[];
  readonly peers?: readonly PeerObjects[];
  readonly self?: { readonly source?: string };
}): ConfigMapIndex {
  return withFolderPeers(configMapIndex(analysis.chunks.map((c) => c.analysis)), analysis.peers ?? [], analysis.self?.source);
}

/** The ConfigMaps a file rule's listener model reads: the file's and its folder peers'. */
export function listenerConfigMaps(ctx: { readonly chunks: ObjectLists; readonly peers: readonly PeerObjects[]; readonly source?: string }): ConfigMapIndex {
  return withFolderPeers(configMapIndex(ctx.chunks), ctx.peers, ctx.source);
}

/** The offset of the chunk holding `cm` in a file analysis (for edits). */
export function chunkStartOf(analysis: { readonly chunks: readonly { readonly start: number; readonly analysis: { readonly objects: readonly { readonly object: K8sObject }[] } }[] }, cm: ConfigMapModel): number | undefined {
  return analysis.chunks.find((c) => c.analysis.objects.some((o) => o.object === cm.object))?.start;
}
