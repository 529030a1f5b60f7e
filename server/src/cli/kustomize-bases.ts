/**
 * The kustomize bases of a folder: the folders and files its kustomization lists under
 * `resources:` (and the older `bases:`, and `components:`), followed through their own
 * kustomizations. `kubectl apply -k` creates their objects with the folder's own, so a pod's
 * ConfigMap may live there (the listener model reads it). Remote resources are never fetched.
 * Shared by the CLI (paths as given on the command line) and the server (file URIs).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { isRemote, KUSTOMIZATION_NAMES } from '../kustomize/kustomization';
import { kustomizationMapping } from '../kustomize/kustomization-parse';
import { readPeer } from '../lsp/workspace-index';
import { clearGenerated, generatedPeer } from './kustomize-generated';
import type { PeerPods } from '../rules/types';

/** Bounds against cycles and huge trees. */
const MAX_BASES = 50;
const MAX_FILES_PER_BASE = 200;

const isYaml = (name: string): boolean => /\.ya?ml$/i.test(name) && !name.startsWith('.');

/** The local `resources`, `bases` and `components` entries of the kustomization in `dir` (paths joined to it). */
function resourcesOf(dir: string): string[] {
  for (const name of KUSTOMIZATION_NAMES) {
    let text: string;
    try {
      text = readFileSync(join(dir, name), 'utf8');
    } catch {
      continue;
    }
    const k = kustomizationMapping(join(dir, name), text);
    if (!k) return [];
    const refs = [k.resources, k.bases, k.components].flatMap((v) => (Array.isArray(v) ? v.filter((r): r is string => typeof r === 'string') : []));
    return refs.filter((r) => !isRemote(r)).map((r) => (isAbsolute(r) ? r : join(dir, r)));
  }
  return [];
}

const isDirectory = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

const byFolder = new Map<string, readonly string[]>();
/** The folder whose kustomization a bases list was read from (its configMapGenerator counts too). */
const ownerOf = new WeakMap<readonly string[], string>();

/**
 * The bases of `dir` (a path in the form the run uses): folders and single files, transitively,
 * without `dir` itself; [] when no kustomization is beside it. Remembered per folder.
 */
export function kustomizeBases(dir: string): readonly string[] {
  const hit = byFolder.get(dir);
  if (hit) return hit;
  const out: string[] = [];
  const seen = new Set([join(dir)]);
  const queue = [dir];
  while (queue.length > 0 && out.length < MAX_BASES) {
    for (const ref of resourcesOf(queue.shift() as string)) {
      if (seen.has(ref)) continue;
      seen.add(ref);
      out.push(ref);
      if (isDirectory(ref)) queue.push(ref);
    }
  }
  byFolder.set(dir, out);
  ownerOf.set(out, dir);
  return out;
}

/** Forgets the bases read (a kustomization changed). */
export function clearKustomizeBases(): void {
  byFolder.clear();
  filePeers.clear();
  clearGenerated();
}

/** The YAML files a base brings: the file itself, or the files of the folder. */
export function baseFiles(base: string): string[] {
  if (!isDirectory(base)) return isYaml(base) ? [base] : [];
  try {
    return readdirSync(base)
      .filter((n) => isYaml(n) && !KUSTOMIZATION_NAMES.includes(n))
      .sort()
      .slice(0, MAX_FILES_PER_BASE)
      .map((n) => join(base, n));
  } catch {
    return [];
  }
}

const filePeers = new Map<string, { stamp: string; peer?: PeerPods }>();

/** One base file read from disk as a peer (parsed once per modification time and size). */
export function basePeer(path: string, source = path): PeerPods | undefined {
  try {
    const st = statSync(path);
    const stamp = `${st.mtimeMs}:${st.size}`;
    const hit = filePeers.get(source);
    if (hit?.stamp === stamp) return hit.peer;
    const peer = st.size > 1_000_000 ? undefined : readPeer(path, readFileSync(path, 'utf8'), source);
    filePeers.set(source, { stamp, peer });
    return peer;
  } catch {
    return undefined;
  }
}

const withBases = new WeakMap<readonly PeerPods[], Map<string, readonly PeerPods[]>>();

/**
 * `peers` plus the files of `bases` that are not among them (a base outside the run, the
 * workspace or this unit of work): the same list for every file of a folder, so the memos keyed
 * on it hold. `sourceOf` gives a path's form in the peers (the path itself, or a file URI).
 */
export function peersWithBases(peers: readonly PeerPods[], bases: readonly string[], sourceOf: (path: string) => string = (p) => p): readonly PeerPods[] {
  if (bases.length === 0) return peers;
  const key = bases.join('\u0000');
  let byKey = withBases.get(peers);
  const hit = byKey?.get(key);
  if (hit) return hit;
  const known = new Set(peers.map((p) => p.source));
  const extra: PeerPods[] = [];
  for (const path of bases.flatMap(baseFiles)) {
    const source = sourceOf(path);
    // A file may be listed twice (its folder is a base too): one peer, else its ConfigMaps look defined twice.
    const peer = known.has(source) ? undefined : basePeer(path, source);
    known.add(source);
    if (peer) extra.push(peer);
  }
  // The ConfigMaps the kustomization beside the file and those of its base folders generate.
  const owner = ownerOf.get(bases);
  for (const dir of new Set([...(owner === undefined ? [] : [owner]), ...bases.filter(isDirectory)])) {
    const generated = generatedPeer(dir, sourceOf);
    if (generated) extra.push(generated);
  }
  const list = extra.length ? [...peers, ...extra] : peers;
  if (!byKey) withBases.set(peers, (byKey = new Map()));
  byKey.set(key, list);
  return list;
}
