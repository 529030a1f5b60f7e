/**
 * The workspace as navigation sees it: the file's own neighbourhood (k8s/neighbourhood.ts, the
 * same near peers and namespaces the workspace rules use) and the way back from an indexed node
 * to a place in a file (the file itself, or a peer by its `source`).
 */
import type { Document, Node } from 'yaml';
import type { FileAnalysis } from '../core/analyze';
import { neighbourhoodOf, type Neighbourhood, type Placement } from '../k8s/neighbourhood';
import type { FileRuleContext, PeerPods } from '../rules/types';

/** Where the file sits and what it sees: its peers (each with `text` and `starts` to be navigable). */
export interface WorkspaceView {
  readonly peers: readonly PeerPods[];
  /** The file's path or URI, as the peers' `source` spell it. */
  readonly source?: string;
  /** The namespace of the file's objects that set none. */
  readonly namespace?: string;
}

/** A span in the file (`source` undefined) or in a peer (absolute offsets in its text). */
export interface Place {
  readonly source?: string;
  readonly start: number;
  readonly end: number;
}

const chunksOf = new WeakMap<FileAnalysis, FileRuleContext['chunks']>();

/** The analysis's chunks in the form the index takes (one array per analysis, so it memoises). */
function indexChunks(analysis: FileAnalysis): FileRuleContext['chunks'] {
  let chunks = chunksOf.get(analysis);
  if (!chunks) {
    const plain = analysis.chunks.filter((c) => !c.analysis.chunk.templated);
    chunks = plain.map((c) => ({ start: c.start, objects: c.analysis.objects, pods: c.analysis.pods }));
    chunksOf.set(analysis, chunks);
  }
  return chunks;
}

/** The neighbourhood of an analysed file in its workspace. */
export function hoodOf(analysis: FileAnalysis, view: WorkspaceView): Neighbourhood {
  return neighbourhoodOf({ chunks: indexChunks(analysis), peers: view.peers, namespace: view.namespace, source: view.source });
}

/** Turns nodes of indexed entries into places. */
export class Placer {
  private readonly bySource = new Map<string, PeerPods>();

  constructor(view: WorkspaceView) {
    for (const peer of view.peers) if (!this.bySource.has(peer.source)) this.bySource.set(peer.source, peer);
  }

  /** The place of a node of an entry's document; undefined when the peer cannot say where it is. */
  place(entry: Placement, doc: Document, node: Node | null | undefined): Place | undefined {
    const r = node?.range;
    if (!r) return undefined;
    if (entry.chunkStart !== undefined) return { start: r[0] + entry.chunkStart, end: r[1] + entry.chunkStart };
    if (entry.source === undefined) return undefined;
    const base = this.bySource.get(entry.source)?.starts?.get(doc);
    return base === undefined ? undefined : { source: entry.source, start: r[0] + base, end: r[1] + base };
  }
}

/** Places without repeats, this file's first, then by source and offset. */
export function uniquePlaces(places: readonly (Place | undefined)[]): Place[] {
  const seen = new Set<string>();
  const out: Place[] = [];
  for (const p of places) {
    if (!p) continue;
    const key = `${p.source ?? ''}\u0000${p.start}\u0000${p.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out.sort((a, b) => (a.source ?? '').localeCompare(b.source ?? '') || a.start - b.start);
}

/** Whether an absolute-in-chunk offset falls on a node (end inclusive: a cursor after the last character counts). */
export function onNode(node: Node | null | undefined, rel: number): boolean {
  const r = node?.range;
  return !!r && r[0] <= rel && rel <= r[1];
}

/** The start of each document's chunk in an analysed file (a peer's `starts`). */
export function docStarts(chunks: FileAnalysis['chunks']): Map<Document, number> {
  return new Map(chunks.flatMap((c) => c.analysis.chunk.docs.map((d) => [d as Document, c.start] as const)));
}
