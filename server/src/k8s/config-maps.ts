/**
 * The ConfigMaps of a file (and of its folder's peers, and of the kustomize bases its folder's
 * kustomization lists): what a container that mounts one reads. The effective-listener model
 * looks up nginx, redis, httpd, Caddy, Envoy and Traefik configuration here, in the pod's
 * namespace only (see `configMapFor`).
 */
import { isScalar, type Document, type Scalar } from 'yaml';
import { isUnknownValue, writtenText } from '../core/unknown-values';
import { getMap, getString, keyText, mapPairs } from '../core/yaml-access';
import { folderOf, namespaceOf, sameNamespace } from './neighbourhood';
import { peerFolders } from './peer-folders';
import type { K8sObject } from './workloads';

/** One key of a ConfigMap's `data`. */
export interface ConfigMapKey {
  readonly value: string;
  readonly node: Scalar;
  /** The value (as written) holds `$VAR`, `${VAR}` or `{{ }}`, which a tool may fill in before apply. */
  readonly placeholders?: boolean;
  /** A masked template action touched the value: its text is gone. */
  readonly template?: boolean;
}

/** A ConfigMap found in the file. */
export interface ConfigMapModel {
  readonly name: string;
  readonly namespace?: string;
  readonly object: K8sObject;
  readonly doc: Document;
  /** The values known as they stand (what an env variable from the ConfigMap gets). */
  readonly data: ReadonlyMap<string, ConfigMapKey>;
  /** Every key as a mounted file shows it: `data`, plus the values holding placeholders (as written) or templates. */
  readonly files: ReadonlyMap<string, ConfigMapKey>;
}

/**
 * ConfigMaps by name (a name defined twice keeps the first). Look a pod's ConfigMap up with
 * `configMapFor`, which honours namespaces; the map itself only lists the names.
 */
export type ConfigMapIndex = ReadonlyMap<string, ConfigMapModel>;

export const NO_CONFIG_MAPS: ConfigMapIndex = new Map();

const byObjects = new WeakMap<object, ConfigMapModel[]>();
const NONE: readonly ConfigMapModel[] = [];

function holdsConfigMap(objects: readonly { readonly object: K8sObject }[]): boolean {
  for (const { object } of objects) if (object.kind === 'ConfigMap' && object.name) return true;
  return false;
}

/** The ConfigMaps among a chunk's objects (memoised on the chunk's cached object list). */
export function configMapsOf(objects: readonly { readonly object: K8sObject; readonly doc: Document }[]): readonly ConfigMapModel[] {
  // Most documents hold none: a look at their kinds is much cheaper than a WeakMap lookup, and
  // every edit of a 5,000-document file indexes them all again.
  if (!holdsConfigMap(objects)) return NONE;
  let found = byObjects.get(objects);
  if (!found) {
    found = [];
    for (const { object, doc } of objects) {
      if (object.kind !== 'ConfigMap' || !object.name) continue;
      const data = new Map<string, ConfigMapKey>();
      const files = new Map<string, ConfigMapKey>();
      const map = getMap(object.node, 'data', doc);
      for (const pair of map ? mapPairs(map, doc) : []) {
        const key = keyText(pair);
        const node = pair.value;
        if (key === undefined || !isScalar(node)) continue;
        const written = writtenText(node);
        if (typeof node.value === 'string' && !isUnknownValue(node)) {
          data.set(key, { value: node.value, node });
          files.set(key, { value: node.value, node });
        } else if (written !== undefined) files.set(key, { value: written, node, placeholders: true });
        else if (isUnknownValue(node)) files.set(key, { value: '', node, template: true });
      }
      found.push({ name: object.name, namespace: getString(getMap(object.node, 'metadata', doc), 'namespace', doc), object, doc, data, files });
    }
    byObjects.set(objects, found);
  }
  return found;
}

/**
 * The last index built for a file, by its first ConfigMap: returned again while the ConfigMaps
 * are the same models (chunks are cached), so memos keyed on it hold across edits, also while
 * two files are analysed in turns (a big file and its copy in a folder below).
 */
const lastByFirst = new WeakMap<ConfigMapModel, { models: readonly ConfigMapModel[]; index: ConfigMapIndex }>();

/** Chunks' objects; `configMaps` when the chunk's analysis found them already (see analyzeChunk). */
type ObjectLists = readonly { readonly objects: readonly { readonly object: K8sObject; readonly doc: Document }[]; readonly configMaps?: readonly ConfigMapModel[] }[];

/** The ConfigMaps of every chunk (analysis chunks' `analysis.objects`, or the file rules' chunk models), by name. */
export function configMapIndex(chunks: ObjectLists): ConfigMapIndex {
  // The file rules of one pass share one chunk list: the index is made once for all of them.
  const known = indexByList.get(chunks);
  if (known) return known;
  const index = buildIndex(chunks);
  indexByList.set(chunks, index);
  return index;
}

const indexByList = new WeakMap<ObjectLists, ConfigMapIndex>();

function buildIndex(chunks: ObjectLists): ConfigMapIndex {
  const models: ConfigMapModel[] = [];
  for (const c of chunks) {
    const found = c.configMaps ?? configMapsOf(c.objects);
    if (found.length > 0) models.push(...found);
  }
  if (models.length === 0) return NO_CONFIG_MAPS;
  const first = models[0] as ConfigMapModel;
  const last = lastByFirst.get(first);
  if (last && models.length === last.models.length && models.every((m, i) => m === last.models[i])) return last.index;
  const index = new Map<string, ConfigMapModel>();
  for (const cm of models) if (!index.has(cm.name)) index.set(cm.name, cm);
  ownModels.set(index, models);
  lastByFirst.set(first, { models, index });
  return index;
}

/** Every model of an own index (the index itself keeps one per name). */
const ownModels = new WeakMap<ConfigMapIndex, readonly ConfigMapModel[]>();

/** What a peer file of the workspace brings: its objects, where it is, its default namespace. */
interface PeerObjects {
  readonly source: string;
  readonly objects?: readonly { readonly object: K8sObject; readonly doc: Document }[];
  readonly namespace?: string;
}

/** Where the file sits: its source, its default namespace, the kustomize bases of its folder (folders or files, in the peers' form). */
export interface ConfigScope {
  readonly source?: string;
  readonly namespace?: string;
  readonly bases?: readonly string[];
}

/** A name's ConfigMaps by namespace (`default` for unset); 'ambiguous' when two peers define it. */
type ByNamespace = Map<string, ConfigMapModel | 'ambiguous'>;

interface Scope {
  /** The namespace of this file's objects that set none. */
  readonly namespace: string;
  readonly byName: ReadonlyMap<string, ByNamespace>;
}

const scopes = new WeakMap<ConfigMapIndex, Scope>();
const withPeers = new WeakMap<ConfigMapIndex, { peers: readonly PeerObjects[]; scope: ConfigScope; index: ConfigMapIndex }>();

const nsKey = (namespace: string): string => namespace || 'default';

/**
 * The ConfigMap `name` as the pod sees it: one in the pod's namespace (an object without
 * `metadata.namespace` is in its file's or kustomization's default namespace, as in the
 * neighbourhood index). One in another namespace is never used: the kubelet would not mount it.
 */
export function configMapFor(index: ConfigMapIndex, name: string, pod: { readonly object: K8sObject; readonly doc: Document }): ConfigMapModel | undefined {
  const scope = scopes.get(index);
  if (!scope) {
    const cm = index.get(name);
    return cm && sameNamespace(cm.namespace ?? '', namespaceOf(pod.object, pod.doc)) ? cm : undefined;
  }
  const found = scope.byName.get(name)?.get(nsKey(namespaceOf(pod.object, pod.doc, scope.namespace)));
  return found === 'ambiguous' ? undefined : found;
}

/** Whether a peer is deployed with the file: in its folder, or in (or being) a kustomize base of it. */
function peerPlace(peer: PeerObjects, folder: string | undefined, bases: readonly string[]): 'folder' | 'base' | undefined {
  if (folder === undefined) return 'folder';
  const at = folderOf(peer.source);
  if (at === folder) return 'folder';
  return bases.some((b) => b === peer.source || b === at) ? 'base' : undefined;
}

/**
 * The file's ConfigMaps plus those of its peers in the same folder ("a ConfigMap in the same
 * file or folder": what `kubectl apply -f <folder>` creates beside the pod) and in the folders a
 * kustomization beside it lists under `resources:` (what `kubectl apply -k` creates). The file's
 * own win (the last of a name and namespace, as apply leaves it); a name and namespace that two
 * peers define is left out (which one is applied is unknown), so a container mounting it stays
 * unsure rather than read from the wrong one. A base's objects take the including
 * kustomization's `namespace:` (kustomize sets it on every resource). Memoised so that the
 * listener model's memo (keyed on the index) holds across analyses.
 */
export function withFolderPeers(own: ConfigMapIndex, peers: readonly PeerObjects[], source?: string, self: ConfigScope = {}): ConfigMapIndex {
  const scope: ConfigScope = { source, namespace: self.namespace, bases: self.bases };
  const hit = withPeers.get(own);
  // Two empty peer lists are the same peers: callers without any pass a new `[]` each time.
  const samePeers = hit !== undefined && (hit.peers === peers || (hit.peers.length === 0 && peers.length === 0));
  if (hit && samePeers && hit.scope.source === source && hit.scope.namespace === scope.namespace && sameList(hit.scope.bases, scope.bases)) return hit.index;
  const folder = source === undefined ? undefined : folderOf(source);
  const fileNamespace = self.namespace ?? '';
  const byName = new Map<string, ByNamespace>();
  const slot = (name: string): ByNamespace => {
    let m = byName.get(name);
    if (!m) byName.set(name, (m = new Map()));
    return m;
  };
  for (const cm of ownModels.get(own) ?? [...own.values()]) slot(cm.name).set(nsKey(cm.namespace || fileNamespace), cm);
  const ownKeys = new Set([...byName].flatMap(([name, m]) => [...m.keys()].map((ns) => `${name}\u0000${ns}`)));
  const merged = new Map(own);
  // Only the peers of the folder and of the bases can be deployed with the file (peerPlace).
  for (const peer of folder === undefined ? peers : peerFolders(peers).inPlaces(folder, self.bases ?? [])) {
    if (!peer.objects || (source !== undefined && peer.source === source)) continue;
    const place = peerPlace(peer, folder, self.bases ?? []);
    if (!place) continue;
    for (const cm of configMapsOf(peer.objects)) {
      const ns = nsKey(place === 'base' && self.namespace ? self.namespace : cm.namespace || peer.namespace || '');
      if (ownKeys.has(`${cm.name}\u0000${ns}`)) continue;
      const m = slot(cm.name);
      m.set(ns, m.has(ns) ? 'ambiguous' : cm);
      if (!merged.has(cm.name)) merged.set(cm.name, cm);
    }
  }
  // The same ConfigMaps as before under a new peers list (an edit of a peer elsewhere): the same
  // index, so that the listener models and summaries memoised on it hold.
  const before = hit?.index;
  const beforeScope = before && scopes.get(before);
  if (before && beforeScope && beforeScope.namespace === fileNamespace && sameEntries(before, merged) && sameScopes(beforeScope.byName, byName)) {
    withPeers.set(own, { peers, scope, index: before });
    return before;
  }
  const index: ConfigMapIndex = merged;
  scopes.set(index, { namespace: fileNamespace, byName });
  withPeers.set(own, { peers, scope, index });
  return index;
}

/** Same keys in the same order, with the same values. */
function sameEntries<V>(a: ReadonlyMap<string, V>, b: ReadonlyMap<string, V>): boolean {
  if (a.size !== b.size) return false;
  const other = b.entries();
  for (const [k, v] of a) {
    const [k2, v2] = other.next().value as [string, V];
    if (k !== k2 || v !== v2) return false;
  }
  return true;
}

function sameScopes(a: ReadonlyMap<string, ByNamespace>, b: ReadonlyMap<string, ByNamespace>): boolean {
  if (a.size !== b.size) return false;
  for (const [name, m] of a) {
    const other = b.get(name);
    if (!other || !sameEntries(m, other)) return false;
  }
  return true;
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return a === b || ((a?.length ?? 0) === (b?.length ?? 0) && (a ?? []).every((x, i) => x === b?.[i]));
}

/** The ConfigMaps of a file analysis (with its folder's peers and bases, when it was analysed with them). */
export function configMapsOfAnalysis(analysis: {
  readonly chunks: readonly { readonly analysis: { readonly objects: readonly { readonly object: K8sObject; readonly doc: Document }[] } }[];
  readonly peers?: readonly PeerObjects[];
  readonly self?: ConfigScope;
}): ConfigMapIndex {
  return withFolderPeers(configMapIndex(analysis.chunks.map((c) => c.analysis)), analysis.peers ?? [], analysis.self?.source, analysis.self ?? {});
}

/** The ConfigMaps a file rule's listener model reads: the file's, its folder peers' and its bases'. */
export function listenerConfigMaps(ctx: { readonly chunks: ObjectLists; readonly peers: readonly PeerObjects[]; readonly source?: string; readonly namespace?: string; readonly bases?: readonly string[] }): ConfigMapIndex {
  return withFolderPeers(configMapIndex(ctx.chunks), ctx.peers, ctx.source, ctx);
}

/** The offset of the chunk holding `cm` in a file analysis (for edits). */
export function chunkStartOf(analysis: { readonly chunks: readonly { readonly start: number; readonly analysis: { readonly objects: readonly { readonly object: K8sObject }[] } }[] }, cm: ConfigMapModel): number | undefined {
  return analysis.chunks.find((c) => c.analysis.objects.some((o) => o.object === cm.object))?.start;
}
