/**
 * A peers list indexed by folder, made once per list. The CLI gives every file of a run one
 * list of all the others' peers; picking the near ones (`isNear`) or the folder's and bases'
 * ones (config-maps.ts) by scanning that list for every file made a run's workspace pass grow
 * with the square of its files. With the index a file pays for the peers it may meet, and the
 * near list is worked out once per folder.
 */
import { folderOf, foldersNear } from './folders';

interface Sourced {
  readonly source: string;
}

export class PeerFolders<T extends Sourced> {
  /** Positions in the list of the peers of each folder, ascending. */
  private readonly byFolder = new Map<string, number[]>();
  /** Positions in the list of the peers of each source, ascending (a source may be listed twice). */
  private readonly bySource = new Map<string, number[]>();
  /** Peers near a folder, itself included, in list order. */
  private readonly nearFolder = new Map<string, readonly T[]>();

  constructor(private readonly peers: readonly T[]) {
    peers.forEach((peer, at) => {
      push(this.byFolder, folderOf(peer.source), at);
      push(this.bySource, peer.source, at);
    });
  }

  /** The peers near `source` (`isNear`), not `source` itself, in list order; all the others without a source. */
  near(source: string | undefined): T[] {
    const list = this.nearList(source);
    return source === undefined ? [...list] : list.filter((p) => p.source !== source);
  }

  /**
   * The peers near `source`'s folder, `source` itself included when it is listed, in list order:
   * one array per folder (callers may key memos on it); the whole list without a source.
   */
  nearList(source: string | undefined): readonly T[] {
    if (source === undefined) return this.peers;
    const folder = folderOf(source);
    let list = this.nearFolder.get(folder);
    if (!list) {
      const at: number[] = [];
      for (const [other, positions] of this.byFolder) if (foldersNear(folder, other)) for (const p of positions) at.push(p);
      list = this.pick(at);
      this.nearFolder.set(folder, list);
    }
    return list;
  }

  /**
   * The peers in `folder` or in one of `places` (a folder, or a file's source), in list order
   * and each once: a superset of those a file deploys with (config-maps.ts checks each).
   */
  inPlaces(folder: string, places: readonly string[]): T[] {
    const at = [...(this.byFolder.get(folder) ?? [])];
    for (const place of places) for (const index of [this.byFolder, this.bySource]) for (const p of index.get(place) ?? []) at.push(p);
    return this.pick(at);
  }

  /** The peers at positions `at` (any order, repeats allowed), in list order. */
  private pick(at: number[]): T[] {
    at.sort((a, b) => a - b);
    const out: T[] = [];
    for (let i = 0; i < at.length; i++) if (i === 0 || at[i] !== at[i - 1]) out.push(this.peers[at[i] as number] as T);
    return out;
  }
}

function push(map: Map<string, number[]>, key: string, at: number): void {
  const list = map.get(key);
  if (list) list.push(at);
  else map.set(key, [at]);
}

const indexes = new WeakMap<readonly Sourced[], PeerFolders<Sourced>>();

/** The index of a peers list (made on first use, kept as long as the list lives). */
export function peerFolders<T extends Sourced>(peers: readonly T[]): PeerFolders<T> {
  let index = indexes.get(peers);
  if (!index) indexes.set(peers, (index = new PeerFolders(peers)));
  return index as unknown as PeerFolders<T>;
}
