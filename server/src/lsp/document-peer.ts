/**
 * What an open document gives the other documents' workspace rules and navigation (a
 * `PeerPods`): its pods, objects, plain chunks and templated chunks, from its analysed chunks.
 * AnalysisStore keeps one per document version (peerOf, peerInSlices).
 */
import type { Document } from 'yaml';
import type { ChunkAnalysis, FileText, PlacedChunk } from '../core/analyze';
import type { PodModel } from '../k8s/pod-model';
import { docStarts } from '../navigation/workspace-view';
import type { PeerPods } from '../rules/types';

/** The peer of the document at `source` with `text`, analysed as `chunks`. */
export function peerOfChunks(source: string, chunks: readonly PlacedChunk[], text: FileText, namespace: string | undefined): PeerPods {
  // One loop with pushes: four `flatMap`/`filter` passes took 10–15 ms at 5,000 documents, in
  // one piece, whenever a big neighbour changed.
  const pods: PodModel[] = [];
  const objects: ChunkAnalysis['objects'][number][] = [];
  const plain: ChunkAnalysis[] = [];
  const templated: string[] = [];
  for (const { analysis } of chunks) {
    if (analysis.chunk.templated) {
      templated.push(analysis.chunk.text);
      continue;
    }
    plain.push(analysis);
    for (const pod of analysis.pods) pods.push(pod);
    for (const object of analysis.objects) objects.push(object);
  }
  // Only navigation reads where each document starts: a map of 5,000 entries made for every
  // peer version held up the server for milliseconds each time a big neighbour changed.
  let starts: Map<Document, number> | undefined;
  return {
    source,
    pods,
    objects,
    chunks: plain,
    templated,
    namespace,
    // Joined only for what reads it (workspace rename): an edit of a big document never is.
    get text() {
      return String(text);
    },
    get starts() {
      return (starts ??= docStarts(chunks));
    },
  };
}
