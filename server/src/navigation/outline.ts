/**
 * The outline of a file: each object (kind and name), its pod, the pod's containers in the order
 * they start (init and sidecars, app, ephemeral) with their ports and mounts, and its volumes.
 * Offsets are absolute; children always lie inside their parent and the selection inside the
 * range (merge keys and aliases can put a node's text elsewhere; then the parent's is used).
 */
import type { Node } from 'yaml';
import type { ChunkAnalysis, FileAnalysis } from '../core/analyze';
import { asMap, getNode, getScalar } from '../core/yaml-access';
import { containerLabel, type ContainerModel, type PodModel } from '../k8s/pod-model';
import type { Translate } from '../completion/types';

/** Kinds of outline entries (mapped to LSP SymbolKinds by the feature). */
export type OutlineKind = 'object' | 'pod' | 'container' | 'port' | 'mount' | 'volume';

/** One outline entry. */
export interface OutlineNode {
  readonly name: string;
  readonly detail?: string;
  readonly kind: OutlineKind;
  readonly start: number;
  readonly end: number;
  readonly selStart: number;
  readonly selEnd: number;
  readonly children: OutlineNode[];
}

type Box = { start: number; end: number };

function box(node: Node | null | undefined, base: number): Box | undefined {
  const r = node?.range;
  return r ? { start: r[0] + base, end: r[1] + base } : undefined;
}

function inside(b: Box | undefined, outer: Box): b is Box {
  return !!b && b.start >= outer.start && b.end <= outer.end;
}

function entry(name: string, kind: OutlineKind, range: Box | undefined, sel: Box | undefined, parent: Box, detail?: string): OutlineNode {
  const r = inside(range, parent) ? range : { start: parent.start, end: parent.start };
  const s = inside(sel, r) ? sel : { start: r.start, end: r.start };
  return { name: name || '?', detail, kind, start: r.start, end: r.end, selStart: s.start, selEnd: s.end, children: [] };
}

const ROLE_ORDER = { init: 0, sidecar: 0, step: 1, app: 1, ephemeral: 2 } as const;

function containerNode(c: ContainerModel, base: number, parent: Box, t: Translate): OutlineNode {
  const detail = [t(`outline.role.${c.role}`), c.image].filter(Boolean).join(' · ');
  const node = entry(containerLabel(c), 'container', box(c.node, base), box(c.nameNode, base), parent, detail);
  for (const p of c.ports) {
    const label = `${p.containerPort ?? '?'}/${p.protocol}`;
    node.children.push(entry(p.name ?? label, 'port', box(p.node, base), box(p.nameNode ?? p.containerPortNode, base), node, p.name ? label : undefined));
  }
  for (const m of c.mounts) {
    node.children.push(entry(m.name ?? '?', 'mount', box(m.node, base), box(m.nameNode, base), node, `→ ${m.mountPath ?? '?'}${m.readOnly ? ' (ro)' : ''}`));
  }
  return node;
}

function podNode(pod: PodModel, base: number, parent: Box, t: Translate): OutlineNode {
  const specRange = box(pod.specPair.key as Node, base);
  const valueRange = box(pod.spec, base);
  const range = specRange && valueRange ? { start: specRange.start, end: valueRange.end } : valueRange;
  const node = entry(t('outline.pod'), 'pod', range, specRange, parent, pod.hostNetwork ? t('outline.pod.host-network') : t('outline.pod.one-ip'));
  const containers = [...pod.containers].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
  for (const c of containers) node.children.push(containerNode(c, base, node, t));
  for (const v of [...pod.volumes, ...pod.claimTemplates]) node.children.push(entry(v.name ?? '?', 'volume', box(v.node, base), box(v.nameNode, base), node, v.source));
  return node;
}

/**
 * The outline of an analysed file; with `max`, at most that many entries (see limitOutline), and
 * no pods worked out at all when the objects alone reach it.
 */
export function outline(analysis: FileAnalysis, t: Translate, max = Infinity): OutlineNode[] {
  return limitedOutline(analysis, t, max).nodes;
}

/**
 * The outline as `outline` makes it, and whether `max` cut it (the editor then tells the user
 * why): only when entries were really left out, i.e. pods skipped or entries dropped by
 * limitOutline. A file of exactly `max` objects and no pod is whole, and says nothing.
 */
export function limitedOutline(analysis: FileAnalysis, t: Translate, max: number): { nodes: OutlineNode[]; cut: boolean } {
  const objects = analysis.chunks.reduce((n, c) => n + c.analysis.objects.length, 0);
  const withPods = objects < max;
  // The same chunk analysis gives the same entries (relative to it) under the same language.
  const key = `${withPods}\u0000${t('outline.pod')}`;
  let podsLeftOut = false;
  const out: OutlineNode[] = [];
  for (const chunk of analysis.chunks) {
    const own = chunkOutline(chunk.analysis, key, withPods, t);
    podsLeftOut ||= own.podsLeftOut;
    for (const node of own.nodes) out.push(chunk.start === 0 ? node : moved(node, chunk.start));
  }
  if (max === Infinity) return { nodes: out, cut: false };
  const limited = limitOutline(out, max);
  return { nodes: limited.nodes, cut: podsLeftOut || limited.omitted > 0 };
}

interface ChunkOutline {
  readonly key: string;
  readonly nodes: readonly OutlineNode[];
  readonly podsLeftOut: boolean;
}

/**
 * Each chunk analysis's entries, relative to the chunk: VS Code asks for the outline after every
 * pause in typing, and working out 5,000 documents' entries again took ~25 ms in one block.
 */
const chunkOutlines = new WeakMap<ChunkAnalysis, ChunkOutline>();

function chunkOutline(analysis: ChunkAnalysis, key: string, withPods: boolean, t: Translate): ChunkOutline {
  const kept = chunkOutlines.get(analysis);
  if (kept?.key === key) return kept;
  let podsLeftOut = false;
  const nodes: OutlineNode[] = [];
  // Offsets relative to the chunk: the chunk is the whole file its top-level entries lie in.
  const file: Box = { start: 0, end: analysis.chunk.text.length };
  const byNode = new Map<unknown, OutlineNode>();
  for (const { object, doc } of analysis.objects) {
    const parent = [...byNode.values()].reverse().find((n) => inside(box(object.node, 0), n));
    const kind = object.kind ?? '?';
    const nameNode = getScalar(asMap(getNode(object.node, 'metadata', doc), doc), 'name', doc) ?? getScalar(object.node, 'kind', doc);
    const node = entry(object.name ?? kind, 'object', box(object.node, 0), box(nameNode, 0), parent ?? file, kind);
    byNode.set(object.node, node);
    (parent ? parent.children : nodes).push(node);
    const pod = analysis.pods.find((p) => p.object.node === object.node);
    if (pod && withPods) node.children.push(podNode(pod, 0, node, t));
    else if (pod) podsLeftOut = true;
  }
  const outline = { key, nodes, podsLeftOut };
  chunkOutlines.set(analysis, outline);
  return outline;
}

/** A chunk's entry (and its children) at the chunk's place in the file. */
function moved(node: OutlineNode, by: number): OutlineNode {
  return { ...node, start: node.start + by, end: node.end + by, selStart: node.selStart + by, selEnd: node.selEnd + by, children: node.children.map((c) => moved(c, by)) };
}

/**
 * The outline cut to at most `max` entries, level by level: every object first, then pods, then
 * containers and volumes, and so on while the whole level fits. A 5,000-document file has ~40,000
 * entries (7 MB of JSON, asked for after every pause in typing by VS Code's breadcrumbs); the
 * YAML and JSON language servers stop at 5,000 likewise. Returns the entries left out.
 */
export function limitOutline(nodes: OutlineNode[], max: number): { nodes: OutlineNode[]; omitted: number } {
  // The number of entries at each level, top down (one walk).
  const sizes: number[] = [];
  for (let level: OutlineNode[] = nodes; level.length > 0; level = level.flatMap((n) => n.children)) sizes.push(level.length);
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total <= max) return { nodes, omitted: 0 };
  if (nodes.length >= max) return { nodes: nodes.slice(0, max).map((n) => ({ ...n, children: [] })), omitted: total - max };
  let kept = 0;
  let depth = 0;
  while (depth < sizes.length && kept + (sizes[depth] as number) <= max) kept += sizes[depth++] as number;
  // Copies down to the last level that fits whole; that level's entries lose their children.
  const copy = (n: OutlineNode, at: number): OutlineNode => ({ ...n, children: at < depth ? n.children.map((c) => copy(c, at + 1)) : [] });
  return { nodes: nodes.map((n) => copy(n, 1)), omitted: total - kept };
}

