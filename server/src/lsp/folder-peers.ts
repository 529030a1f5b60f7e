/**
 * Pods defined in the files of a folder on disk, for Services opened in the editor whose pods live
 * in files that are not open. Each file is parsed once per modification time and size (no rule
 * runs) and only its pod models are kept; a file that cannot be read is skipped.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseChunk, splitChunks } from '../core/parse';
import { podsOf, type PodModel } from '../k8s/pod-model';
import type { PeerPods } from '../rules/types';

/** Large folders are not scanned: the editor must stay responsive. */
const MAX_FILES = 200;
const MAX_BYTES = 1_000_000;

interface Entry {
  readonly stamp: string;
  readonly pods: readonly PodModel[];
}

export class FolderPeers {
  private readonly cache = new Map<string, Entry>();

  /** Pods of the YAML files beside `uri` that are not in `skip` (open documents), with a change key. */
  peers(uri: string, skip: ReadonlySet<string>): { peers: PeerPods[]; key: string } {
    if (!uri.startsWith('file:')) return { peers: [], key: '' };
    let dir: string;
    let names: string[];
    try {
      dir = dirname(fileURLToPath(uri));
      names = readdirSync(dir).filter((n) => /\.ya?ml$/i.test(n) && !n.startsWith('.')).sort();
    } catch {
      return { peers: [], key: '' };
    }
    const peers: PeerPods[] = [];
    const keys: string[] = [];
    for (const name of names.slice(0, MAX_FILES)) {
      const path = join(dir, name);
      const fileUri = pathToFileURL(path).href;
      if (fileUri === uri || skip.has(fileUri)) continue;
      const entry = this.load(path);
      if (!entry || entry.pods.length === 0) continue;
      peers.push({ source: fileUri, pods: entry.pods });
      keys.push(`${fileUri}@${entry.stamp}`);
    }
    return { peers, key: keys.join('|') };
  }

  private load(path: string): Entry | undefined {
    try {
      const st = statSync(path);
      if (!st.isFile() || st.size > MAX_BYTES) return undefined;
      const stamp = `${st.mtimeMs}:${st.size}`;
      const cached = this.cache.get(path);
      if (cached?.stamp === stamp) return cached;
      // Only the pod models are needed: parse, without running any rule.
      const chunks = splitChunks(readFileSync(path, 'utf8')).map((c) => parseChunk(c.text));
      const entry = { stamp, pods: chunks.filter((c) => !c.templated).flatMap((c) => c.docs.flatMap((d) => podsOf(d))) };
      this.cache.set(path, entry);
      return entry;
    } catch {
      return undefined;
    }
  }

  clear(): void {
    this.cache.clear();
  }
}
