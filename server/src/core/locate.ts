/**
 * What is at an offset: the chunk, document, the chain of nodes from the root, the key path, and
 * the pod/container/port/volume/mount that encloses it. Hovers, completion, navigation and the
 * diagram's cursor tracking all start here.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { ContainerModel, MountModel, PodModel, PortModel, VolumeModel } from '../k8s/pod-model';
import type { FileAnalysis, PlacedChunk } from './analyze';
import { lastAtOrBefore } from './line-index';
import { keyText } from './yaml-access';

/** The result of `locate`. Offsets in nodes are chunk-relative; add `chunk.start`. */
export interface Located {
  readonly chunk: PlacedChunk;
  readonly doc: Document;
  /** Keys and indexes from the document root to the innermost node at the offset. */
  readonly path: readonly (string | number)[];
  /** Nodes from the root to the innermost node (collections and the final scalar). */
  readonly ancestors: readonly Node[];
  /** The innermost node at the offset. */
  readonly node?: Node;
  /** The pair whose key or value holds the offset, innermost. */
  readonly pair?: Pair;
  /** True when the offset is on the pair's key. */
  readonly onKey: boolean;
  readonly pod?: PodModel;
  readonly container?: ContainerModel;
  readonly port?: PortModel;
  readonly mount?: MountModel;
  readonly volume?: VolumeModel;
}

function contains(node: unknown, offset: number): boolean {
  const r = (node as Node | null)?.range;
  return !!r && r[0] <= offset && offset <= r[1];
}

/** Finds the chunk holding an absolute offset: binary search, as files can hold thousands. */
export function chunkAt(analysis: FileAnalysis, offset: number): PlacedChunk | undefined {
  const chunks = analysis.chunks;
  if (chunks.length === 0 || (chunks[0]?.start ?? 0) > offset) return undefined;
  return chunks[lastAtOrBefore(chunks, offset, (c) => c.start)];
}

export function locate(analysis: FileAnalysis, offset: number): Located | undefined {
  const chunk = chunkAt(analysis, offset);
  if (!chunk) return undefined;
  const rel = offset - chunk.start;
  const doc = chunk.analysis.chunk.docs.find((d) => contains(d.contents, rel)) ?? chunk.analysis.chunk.docs.find((d) => d.range[0] <= rel && rel <= d.range[2]);
  if (!doc) return undefined;
  const path: (string | number)[] = [];
  const ancestors: Node[] = [];
  let pair: Pair | undefined;
  let onKey = false;
  let node: unknown = doc.contents;
  for (let depth = 0; depth < 200 && node; depth++) {
    ancestors.push(node as Node);
    if (isMap(node)) {
      const hit = node.items.find((p) => isPair(p) && (contains(p.key, rel) || contains(p.value, rel)));
      if (!hit) break;
      pair = hit;
      path.push(keyText(hit) ?? '?');
      onKey = contains(hit.key, rel) && !contains(hit.value, rel);
      node = onKey ? hit.key : hit.value;
      if (onKey) {
        if (isScalar(node)) ancestors.push(node);
        break;
      }
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => contains(item, rel));
      if (index < 0) break;
      path.push(index);
      node = node.items[index];
    } else {
      break;
    }
  }
  const innermost = ancestors[ancestors.length - 1];
  const inside = (n: Node | undefined): boolean => !!n && ancestors.includes(n);
  // Inside a pod spec, or elsewhere in a pod-bearing object (its `kind`, its metadata...).
  const pods = chunk.analysis.pods.filter((p) => p.doc === doc);
  const pod = pods.find((p) => inside(p.spec)) ?? pods.find((p) => inside(p.object.node));
  const container = pod?.containers.find((c) => inside(c.node));
  return {
    chunk,
    doc,
    path,
    ancestors,
    node: innermost,
    pair,
    onKey,
    pod,
    container,
    port: container?.ports.find((p) => inside(p.node)),
    mount: container?.mounts.find((m) => inside(m.node)),
    volume: pod?.volumes.find((v) => inside(v.node)),
  };
}
