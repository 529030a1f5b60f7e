/**
 * Renaming a port name or a volume name, with everything that refers to it:
 *  - a container port's `name`: the declaration, the probes and lifecycle handlers of that
 *    container that use it, and the `targetPort` of Services in the same file selecting the pod;
 *  - a volume's `name`: the volume and every `volumeMounts[].name` of the pod that uses it.
 * Pure: offsets in, edits out (absolute offsets). The LSP feature converts them to ranges.
 */
import { isScalar, type Scalar } from 'yaml';
import type { ContainerModel, PodModel } from '../k8s/pod-model';
import { dns1123LabelErrors, portNameErrors } from '../k8s/names';
import { selects, serviceOf, templateLabels } from '../k8s/services';
import type { FileAnalysis, PlacedChunk } from './analyze';
import { locate } from './locate';

/** What a rename at an offset would change. */
export interface RenameTarget {
  readonly kind: 'port' | 'volume';
  readonly name: string;
  /** The absolute span of the name under the cursor (without quotes). */
  readonly start: number;
  readonly end: number;
  /** Where the edits go: every occurrence, absolute spans of the scalar text (quotes included). */
  readonly occurrences: readonly { readonly start: number; readonly end: number; readonly quote: string }[];
}

/** One text replacement. */
export interface RenameEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function occurrence(node: Scalar, chunk: PlacedChunk, text: string): { start: number; end: number; quote: string } | undefined {
  const r = node.range;
  if (!r) return undefined;
  const start = r[0] + chunk.start;
  const end = r[1] + chunk.start;
  const first = text[start];
  return { start, end, quote: first === '"' || first === "'" ? first : '' };
}

function portTarget(analysis: FileAnalysis, chunk: PlacedChunk, pod: PodModel, container: ContainerModel, name: string): RenameTarget['occurrences'] {
  const nodes: Scalar[] = [];
  for (const port of container.ports) if (port.name === name && port.nameNode) nodes.push(port.nameNode);
  for (const ref of container.portReferences) if (ref.value === name) nodes.push(ref.node);
  const labels = templateLabels(pod);
  // Services of the whole file (any chunk) whose selector picks this pod.
  const extra: { node: Scalar; chunk: PlacedChunk }[] = [];
  for (const other of analysis.chunks) {
    for (const { object, doc } of other.analysis.objects) {
      const service = serviceOf(object, doc);
      if (!service || !selects(service.selector, labels)) continue;
      for (const ref of service.ports) if (ref.field === 'targetPort' && ref.value === name) extra.push({ node: ref.node, chunk: other });
    }
  }
  return [...nodes.map((node) => ({ node, chunk })), ...extra].flatMap(({ node, chunk: c }) => occurrence(node, c, analysis.text) ?? []);
}

function volumeTarget(analysis: FileAnalysis, chunk: PlacedChunk, pod: PodModel, name: string): RenameTarget['occurrences'] {
  const nodes: Scalar[] = [];
  for (const v of pod.volumes) if (v.name === name && v.nameNode) nodes.push(v.nameNode);
  for (const c of pod.containers) for (const m of c.mounts) if (m.name === name && m.nameNode) nodes.push(m.nameNode);
  return nodes.flatMap((node) => occurrence(node, chunk, analysis.text) ?? []);
}

function dedupe(list: RenameTarget['occurrences']): RenameTarget['occurrences'] {
  const seen = new Set<number>();
  return list.filter((o) => (seen.has(o.start) ? false : (seen.add(o.start), true)));
}

/** The port or volume name at an offset, with its occurrences; undefined when nothing renameable is there. */
export function renameTarget(analysis: FileAnalysis, offset: number): RenameTarget | undefined {
  const loc = locate(analysis, offset);
  const node = loc?.node;
  if (!loc || !loc.pod || !isScalar(node) || typeof node.value !== 'string' || loc.onKey) return undefined;
  const name = node.value;
  const self = occurrence(node, loc.chunk, analysis.text);
  if (!self) return undefined;
  const bare = { start: self.start + self.quote.length, end: self.end - self.quote.length };
  const container = loc.container;
  if (container) {
    const declares = container.ports.some((p) => p.name === name);
    const isDecl = loc.port?.nameNode === node;
    const isRef = container.portReferences.some((r) => r.node === node);
    if ((isDecl || isRef) && declares) {
      return { kind: 'port', name, ...bare, occurrences: dedupe(portTarget(analysis, loc.chunk, loc.pod, container, name)) };
    }
    if (loc.mount?.nameNode === node) {
      return { kind: 'volume', name, ...bare, occurrences: dedupe(volumeTarget(analysis, loc.chunk, loc.pod, name)) };
    }
    return undefined;
  }
  if (loc.volume?.nameNode === node) {
    return { kind: 'volume', name, ...bare, occurrences: dedupe(volumeTarget(analysis, loc.chunk, loc.pod, name)) };
  }
  return undefined;
}

/** Problems with a new name, in the API server's words (empty when valid). */
export function newNameErrors(kind: RenameTarget['kind'], name: string): string[] {
  return kind === 'port' ? portNameErrors(name) : dns1123LabelErrors(name);
}

/** The edits of a rename; each keeps the quoting style of the scalar it replaces. */
export function renameEdits(target: RenameTarget, newName: string): RenameEdit[] {
  return target.occurrences.map((o) => ({ start: o.start, end: o.end, text: `${o.quote}${newName}${o.quote}` }));
}
