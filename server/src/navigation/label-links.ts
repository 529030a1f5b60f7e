/**
 * Links between pod template labels and the selectors that pick them across the workspace: a
 * Service's `spec.selector`, a NetworkPolicy's `spec.podSelector.matchLabels` and the workload's
 * own `spec.selector.matchLabels`. A selector entry's definitions are the labels of the pods it
 * selects; a label's references are the entries of the selectors that select its pod. The set is
 * closed over shared selectors (two Deployments behind one Service), so that a rename that
 * follows it keeps every pairing. A selector only meets pods of its namespace.
 */
import type { Document, Node, YAMLMap } from 'yaml';
import type { FileAnalysis } from '../core/analyze';
import { chunkAt } from '../core/locate';
import { getMap, getPair } from '../core/yaml-access';
import { sameNamespace, type IndexedPod, type Neighbourhood, type Placement } from '../k8s/neighbourhood';
import { selects, stringMap, templateLabelsMap } from '../k8s/services';
import type { WorkspaceLinks } from './config-links';
import { hoodOf, onNode, Placer, uniquePlaces, type Place, type WorkspaceView } from './workspace-view';

/** A written label selector (matchLabels only: expressions name no single label to link). */
interface Selector extends Placement {
  readonly doc: Document;
  readonly map: YAMLMap;
  readonly labels: Readonly<Record<string, string>>;
  /** A workload's selector picks its own template only. */
  readonly only?: IndexedPod;
  /** The API server refuses to change it on an existing object (apps/v1 and Job selectors). */
  readonly immutable?: boolean;
}

const WORKLOADS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'ReplicationController']);

function selectorsOf(hood: Neighbourhood): Selector[] {
  const out: Selector[] = [];
  const add = (place: Placement, doc: Document, map: YAMLMap | undefined, only?: IndexedPod): void => {
    if (map) out.push({ namespace: place.namespace, chunkStart: place.chunkStart, source: place.source, doc, map, labels: stringMap(map, doc), only, immutable: only && only.pod.object.kind !== 'ReplicationController' });
  };
  for (const o of hood.objects('Service')) add(o, o.doc, getMap(getMap(o.object.node, 'spec', o.doc), 'selector', o.doc));
  for (const o of hood.objects('NetworkPolicy')) add(o, o.doc, getMap(getMap(getMap(o.object.node, 'spec', o.doc), 'podSelector', o.doc), 'matchLabels', o.doc));
  for (const p of hood.pods) {
    const { object, doc } = p.pod;
    if (!object.kind || !WORKLOADS.has(object.kind)) continue;
    const spec = getMap(object.node, 'spec', doc);
    const selector = getMap(spec, 'selector', doc);
    // ReplicationController selectors are plain maps; the others use matchLabels.
    add(p, doc, object.kind === 'ReplicationController' ? selector : getMap(selector, 'matchLabels', doc), p);
  }
  return out;
}

const picks = (s: Selector, p: IndexedPod): boolean => (s.only ? s.only === p : Object.keys(s.labels).length > 0 && sameNamespace(s.namespace, p.namespace) && selects(s.labels, p.labels));

/** The label entry under the cursor: its key, value, side, and the pods and selectors it starts from. */
export interface LabelTarget {
  readonly key: string;
  readonly value: string;
  readonly side: 'key' | 'value';
  readonly pods: readonly IndexedPod[];
  readonly selector?: Selector;
}

function pairAt(map: YAMLMap | undefined, doc: Document, rel: number): { key: string; value: string; side: 'key' | 'value' } | undefined {
  if (!map) return undefined;
  for (const [key, value] of Object.entries(stringMap(map, doc))) {
    const pair = getPair(map, key, doc);
    if (onNode(pair?.key as Node, rel)) return { key, value, side: 'key' };
    if (onNode(pair?.value as Node, rel)) return { key, value, side: 'value' };
  }
  return undefined;
}

export function labelTargetAt(analysis: FileAnalysis, offset: number, hood: Neighbourhood): LabelTarget | undefined {
  const chunk = chunkAt(analysis, offset);
  if (!chunk) return undefined;
  const rel = offset - chunk.start;
  for (const p of hood.ownPods) {
    if (p.chunkStart !== chunk.start) continue;
    const hit = pairAt(templateLabelsMap(p.pod), p.pod.doc, rel);
    if (hit) return { ...hit, pods: [p] };
  }
  for (const s of selectorsOf(hood)) {
    if (s.chunkStart !== chunk.start) continue;
    const hit = pairAt(s.map, s.doc, rel);
    if (hit) return { ...hit, pods: hood.podsWith('pair', hit.key, hit.value).filter((p) => picks(s, p)), selector: s };
  }
  return undefined;
}

function side(map: YAMLMap | undefined, doc: Document, key: string, which: 'key' | 'value'): Node | undefined {
  const pair = getPair(map, key, doc);
  return (which === 'key' ? pair?.key : pair?.value) as Node | undefined;
}

/** The links of the label or selector entry at an absolute offset, across the file's workspace. */
export function labelLinksAt(analysis: FileAnalysis, offset: number, view: WorkspaceView): WorkspaceLinks | undefined {
  const hood = hoodOf(analysis, view);
  const target = labelTargetAt(analysis, offset, hood);
  if (!target) return undefined;
  const candidates = hood.podsWith('pair', target.key, target.value);
  const selectors = selectorsOf(hood).filter((s) => s.labels[target.key] === target.value);
  // Close over shared selectors: the pods every linked selector picks, the selectors picking any of them.
  const pods = new Set(target.pods);
  const linked = new Set<Selector>(target.selector ? [target.selector] : []);
  for (let grew = true, round = 0; grew && round < 20; round++) {
    grew = false;
    for (const s of selectors) if (!linked.has(s) && [...pods].some((p) => picks(s, p)) && linked.add(s)) grew = true;
    for (const p of candidates) if (!pods.has(p) && [...linked].some((s) => picks(s, p)) && pods.add(p)) grew = true;
  }
  const placer = new Placer(view);
  const definitions: (Place | undefined)[] = [...pods].map((p) => placer.place(p, p.pod.doc, side(templateLabelsMap(p.pod), p.pod.doc, target.key, target.side)));
  const references = [...linked].map((s) => placer.place(s, s.doc, side(s.map, s.doc, target.key, target.side)));
  const immutable = [...linked].filter((s) => s.immutable).map((s) => placer.place(s, s.doc, side(s.map, s.doc, target.key, target.side)));
  return {
    immutable: uniquePlaces(immutable),
    kind: target.side === 'key' ? 'label-key' : 'label-value',
    name: target.side === 'key' ? target.key : target.value,
    definitions: uniquePlaces(definitions),
    references: uniquePlaces(references),
  };
}
