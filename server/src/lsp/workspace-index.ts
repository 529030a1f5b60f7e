/**
 * The workspace index: the pods and objects of every YAML file of the workspace folders on disk,
 * for the rules that look across files (Services, routes, config references, host ports). Each
 * file is parsed once per modification time and size, without running any rule. The folders are
 * scanned in the background, in slices; a document's own folder is re-read on every request so
 * files saved outside the editor count at once; watched-file events refresh the rest.
 */
import { fragmentOfUri } from './fragment-files';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { folderNamespace } from '../cli/workspace';
import { parseChunk, splitChunks } from '../core/parse';
import { objectsOf } from '../k8s/workloads';
import { podsOf } from '../k8s/pod-model';
import type { PeerPods } from '../rules/types';
import type { Document } from 'yaml';

/** Bounds that keep the editor responsive in huge trees. */
const MAX_FOLDER_FILES = 200;
const MAX_WORKSPACE_FILES = 5000;
const MAX_BYTES = 1_000_000;
const SKIP_DIRS = new Set(['node_modules', '.git', 'vendor', 'dist', 'out']);

interface Entry {
  readonly stamp: string;
  readonly peer?: PeerPods;
}

const isYaml = (name: string): boolean => /\.ya?ml$/i.test(name) && !name.startsWith('.');

/** Reads one file into a peer (pods, objects, templated chunk texts); undefined when it holds none. */
export function readPeer(path: string, text: string, source = pathToFileURL(path).href): PeerPods | undefined {
  const pieces = splitChunks(text);
  const chunks = pieces.map((c) => parseChunk(c.text));
  const starts = new Map<Document, number>();
  chunks.forEach((c, i) => c.docs.forEach((d) => starts.set(d, pieces[i]?.start ?? 0)));
  const plain = chunks.filter((c) => !c.templated);
  // A kustomize patch, a test assertion or a masked template is not a whole pod (see fragments.ts).
  const fragment = fragmentOfUri(source) !== undefined;
  const pods = plain.flatMap((c) => c.docs.flatMap((d) => podsOf(d, [], fragment || c.masked !== undefined || c.text.includes('$patch'))));
  const objects = plain.flatMap((c) => c.docs.flatMap((doc) => objectsOf(doc).map((object) => ({ object, doc }))));
  const templated = chunks.filter((c) => c.templated).map((c) => c.text);
  if (pods.length === 0 && objects.length === 0 && templated.length === 0) return undefined;
  return { source, pods, objects, templated, namespace: folderNamespace(dirname(path)), text, starts };
}

export class WorkspaceIndex {
  private readonly cache = new Map<string, Entry>();
  /** Bumped whenever an indexed file changes: the far peers list is rebuilt then. */
  private generation = 0;
  private far?: { key: string; folder: string; peers: PeerPods[] };
  private scanning?: Promise<void>;
  private readonly lastByUri = new Map<string, { key: string; far: PeerPods[]; result: { peers: PeerPods[]; key: string } }>();

  /** Pods and objects of the workspace for the document at `uri`, except `skip` (open documents), with a change key. */
  peers(uri: string, skip: ReadonlySet<string>): { peers: PeerPods[]; key: string } {
    if (!uri.startsWith('file:')) return { peers: [], key: '' };
    let dir: string;
    let names: string[];
    try {
      dir = dirname(fileURLToPath(uri));
      names = readdirSync(dir).filter(isYaml).sort();
    } catch {
      return { peers: [], key: '' };
    }
    const near: PeerPods[] = [];
    const keys: string[] = [];
    for (const name of names.slice(0, MAX_FOLDER_FILES)) {
      const path = join(dir, name);
      const fileUri = pathToFileURL(path).href;
      if (fileUri === uri || skip.has(fileUri)) continue;
      const entry = this.load(path);
      if (!entry?.peer) continue;
      near.push(entry.peer);
      keys.push(`${fileUri}@${entry.stamp}`);
    }
    const far = this.farPeers(dir, skip);
    const key = `${keys.join('|')}#${this.generation}`;
    // The same list while nothing changed: the workspace rules index it once per list.
    const last = this.lastByUri.get(uri);
    if (last?.key === key && last.far === far) return last.result;
    const result = { peers: far.length ? [...near, ...far] : near, key };
    this.lastByUri.set(uri, { key, far, result });
    return result;
  }

  /** Every indexed file outside `folder`, as one list kept while nothing changes (the rules memoise on it). */
  private farPeers(folder: string, skip: ReadonlySet<string>): PeerPods[] {
    const key = `${this.generation}\u0000${folder}\u0000${[...skip].sort().join('\u0000')}`;
    if (this.far?.key === key) return this.far.peers;
    const peers: PeerPods[] = [];
    for (const [path, entry] of this.cache) {
      if (!entry.peer || dirname(path) === folder || skip.has(entry.peer.source)) continue;
      peers.push(entry.peer);
    }
    this.far = { key, folder, peers };
    return peers;
  }

  /**
   * Indexes the YAML files under the folders (URIs), yielding to the event loop every few
   * milliseconds; resolves when done. A second call while one runs waits for that one.
   */
  scan(folderUris: readonly string[], yieldEveryMs = 10): Promise<void> {
    const run = async (): Promise<void> => {
      const files = this.walk(folderUris);
      let slice = performance.now();
      for (const path of files) {
        this.load(path);
        if (performance.now() - slice > yieldEveryMs) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          slice = performance.now();
        }
      }
      this.generation++;
    };
    const previous = this.scanning ?? Promise.resolve();
    this.scanning = previous.then(run, run);
    return this.scanning;
  }

  /** The YAML files under the folders, breadth-first, within the bounds. */
  private walk(folderUris: readonly string[]): string[] {
    const out: string[] = [];
    const queue = folderUris.flatMap((u) => {
      try {
        return u.startsWith('file:') ? [fileURLToPath(u)] : [];
      } catch {
        return [];
      }
    });
    while (queue.length > 0 && out.length < MAX_WORKSPACE_FILES) {
      const dir = queue.shift() as string;
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        if (e.isDirectory() && !e.name.startsWith('.') && !SKIP_DIRS.has(e.name)) queue.push(join(dir, e.name));
        else if (e.isFile() && isYaml(e.name) && out.length < MAX_WORKSPACE_FILES) out.push(join(dir, e.name));
      }
    }
    return out;
  }

  /** A file changed, appeared or went away on disk (a watched-file event). */
  changed(uri: string): void {
    let path: string;
    try {
      path = fileURLToPath(uri);
    } catch {
      return;
    }
    this.cache.delete(path);
    this.load(path);
    this.generation++;
  }

  private load(path: string): Entry | undefined {
    try {
      const st = statSync(path);
      if (!st.isFile() || st.size > MAX_BYTES) return undefined;
      const stamp = `${st.mtimeMs}:${st.size}`;
      const cached = this.cache.get(path);
      if (cached?.stamp === stamp) return cached;
      const entry = { stamp, peer: readPeer(path, readFileSync(path, 'utf8')) };
      if (cached) this.generation++;
      this.cache.set(path, entry);
      return entry;
    } catch {
      return undefined;
    }
  }

  /** How many files are indexed (for the benchmark). */
  get size(): number {
    return this.cache.size;
  }

  /** A document was closed: its cached list can go. */
  forget(uri: string): void {
    this.lastByUri.delete(uri);
  }

  clear(): void {
    this.cache.clear();
    this.lastByUri.clear();
    this.generation++;
  }
}
