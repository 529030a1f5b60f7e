/**
 * Builds the pod graph (what the diagram draws) from a file's analysis: pure, no editor. The same
 * graph feeds the webview (through `podsight/podGraph`), the CLI's SVG and the tests.
 */
import type { Document, Node } from 'yaml';
import type { FileAnalysis } from '../core/analyze';
import { getMap, getPair, getScalar, getString, span } from '../core/yaml-access';
import type { UserImageInfo } from '../k8s/images';
import { configMapsOfAnalysis } from '../k8s/config-maps';
import { containerListeners } from '../k8s/listeners';
import { localhostCalls } from '../k8s/localhost-calls';
import type { Neighbourhood } from '../k8s/neighbourhood';
import { containerLabel, type ContainerModel, type PodModel } from '../k8s/pod-model';
import { servicesOfPod, volumeObject, type ObjectLocator } from './neighbourhood-graph';
import type {
  GraphCall,
  GraphContainer,
  GraphFinding,
  GraphMount,
  GraphPort,
  GraphRange,
  GraphVolume,
  PodGraph,
  PodSummary,
  SharedNamespace,
} from '../protocol/pod-graph';
import type { Finding } from '../rules/types';

/** A pod of the file with the offset of the chunk it lives in. */
export interface PlacedPod {
  readonly pod: PodModel;
  readonly chunkStart: number;
}

/** Every pod of the file, in text order; the index is the pod's index in `PodSummary`. */
export function placedPods(analysis: FileAnalysis): PlacedPod[] {
  return analysis.chunks.flatMap((c) => c.analysis.pods.map((pod) => ({ pod, chunkStart: c.start })));
}

/** The hostname containers see: `spec.hostname`, else what Kubernetes derives from the name. */
function hostnameOf(pod: PodModel): string {
  if (pod.hostname) return pod.hostname;
  const name = pod.name ?? '';
  if (pod.kind === 'Pod' || !name) return name;
  // The pod name the controller generates: spelled out, so it does not read as a cut-off text.
  if (pod.kind === 'StatefulSet') return `${name}-0`;
  if (pod.kind === 'Deployment') return `${name}-<hash>-<id>`;
  if (pod.kind === 'CronJob') return `${name}-<time>-<id>`;
  return `${name}-<id>`;
}

/** Mutable findings lists, filled after the elements exist. */
interface Slot {
  readonly start: number;
  readonly end: number;
  readonly findings: GraphFinding[];
  /** For implied ports: the port number an `implicit-port-conflict` finding names. */
  readonly impliedPort?: number;
}

class Builder {
  readonly slots: Slot[] = [];
  readonly configMaps;

  constructor(
    private readonly analysis: FileAnalysis,
    private readonly base: number,
  ) {
    this.configMaps = configMapsOfAnalysis(analysis);
  }

  offsets(node: Node | { range?: [number, number, number] | null } | undefined): [number, number] {
    const [s, e] = span(node);
    return [s + this.base, e + this.base];
  }

  range([s, e]: [number, number]): GraphRange {
    return this.analysis.lines.rangeOf(s, e);
  }

  /** Range, selection range and a findings list for a node. */
  element(node: Node | { range?: [number, number, number] | null } | undefined, selection?: Node, impliedPort?: number): { range: GraphRange; selectionRange: GraphRange; findings: GraphFinding[] } {
    const whole = this.offsets(node);
    const sel = selection?.range ? this.offsets(selection) : whole;
    const findings: GraphFinding[] = [];
    this.slots.push({ start: whole[0], end: whole[1], findings, impliedPort });
    return { range: this.range(whole), selectionRange: this.range(sel), findings };
  }

  /** Attaches a finding to the innermost element holding `at`; implied ports win for their number. */
  attach(at: number, finding: Finding): boolean {
    let best: Slot | undefined;
    for (const slot of this.slots) {
      if (at < slot.start || at > slot.end) continue;
      if (slot.impliedPort !== undefined && slot.impliedPort !== finding.data?.port) continue;
      if (!best || slot.end - slot.start < best.end - best.start || (slot.impliedPort !== undefined && best.impliedPort === undefined)) best = slot;
    }
    if (!best) return false;
    if (!best.findings.some((f) => f.message === finding.message)) {
      best.findings.push({ rule: finding.rule, severity: finding.severity, message: finding.message, range: this.range([finding.start, finding.end]) });
    }
    return true;
  }
}

const ROLE_ORDER = { init: 0, sidecar: 1, step: 2, app: 3, ephemeral: 4 } as const;

function containerId(c: ContainerModel): string {
  return `c:${c.list}:${c.index}`;
}

function buildContainer(b: Builder, pod: PodModel, c: ContainerModel, doc: Document, images: Readonly<Record<string, UserImageInfo>> | undefined): GraphContainer {
  const id = containerId(c);
  // Effective listeners: declarations (marked when nothing serves them), then what listens undeclared.
  const of = containerListeners(pod, c, { images, configMaps: b.configMaps });
  const ports: GraphPort[] = c.ports.map((p) => ({
    id: `p:${c.list}:${c.index}:${p.index}`,
    ...b.element(p.node, p.containerPortNode),
    port: p.containerPort,
    protocol: p.protocol,
    name: p.name,
    hostPort: p.hostPort,
    implied: false,
    ...(of.unserved.includes(p) ? { unserved: true } : {}),
  }));
  of.listeners
    .filter((l) => l.source !== 'declared' && !l.declaration)
    .forEach((l, k) => {
      const node = l.node ?? c.imageNode;
      ports.push({
        id: `pi:${c.list}:${c.index}:${k}`,
        ...b.element(node, node, l.port),
        port: l.port,
        protocol: l.protocol,
        implied: true,
        ...(l.address ? { address: l.address } : {}),
        ...(l.source !== 'image' ? { origin: l.origin } : {}),
      });
    });
  const calls: GraphCall[] = localhostCalls(c, doc).map((call, k) => {
    const scalar = { range: [call.start, call.end, call.end] as [number, number, number] };
    return { id: `k:${c.list}:${c.index}:${k}`, ...b.element(scalar), port: call.port, source: call.source };
  });
  return { id, ...b.element(c.node, c.nameNode), name: containerLabel(c), image: c.image, role: c.role, order: c.index, ports, calls };
}

/**
 * Builds the graph of the `index`-th pod of the file, or undefined when there is no such pod.
 * With the file's neighbourhood, the graph also holds the Services selecting the pod and the
 * objects behind its volumes.
 */
export function buildPodGraph(analysis: FileAnalysis, index: number, images?: Readonly<Record<string, UserImageInfo>>, hood?: Neighbourhood, locate?: ObjectLocator): PodGraph | undefined {
  const placed = placedPods(analysis)[index];
  if (!placed) return undefined;
  const { pod, chunkStart } = placed;
  const b = new Builder(analysis, chunkStart);
  const nameNode = getScalar(getMap(pod.object.node, 'metadata', pod.doc), 'name', pod.doc);
  const podElement = b.element(pod.object.node, nameNode ?? (getPair(pod.object.node, 'kind', pod.doc)?.key as Node | undefined));
  const namespaces: SharedNamespace[] = ['net', 'ipc', 'uts'];
  if (pod.shareProcessNamespace) namespaces.push('pid');
  const infraSelection = pod.hostNetworkNode ?? getScalar(pod.spec, 'shareProcessNamespace', pod.doc) ?? (pod.specPair.key as Node | undefined);
  const infra = { id: 'infra', ...b.element(pod.spec, infraSelection), namespaces, hostNetwork: pod.hostNetwork };

  const ordered = [...pod.containers].sort((x, y) => ROLE_ORDER[x.role] - ROLE_ORDER[y.role] || x.index - y.index);
  const containers = ordered.map((c) => buildContainer(b, pod, c, pod.doc, images));

  const volumeIds = new Map<string, string>();
  const volumes: GraphVolume[] = [];
  const addVolumes = (list: PodModel['volumes'], prefix: string): void => {
    for (const v of list) {
      const id = `${prefix}:${v.index}`;
      if (v.name !== undefined && !volumeIds.has(v.name)) volumeIds.set(v.name, id);
      const medium = v.source === 'emptyDir' ? getString(getMap(v.node, 'emptyDir', pod.doc), 'medium', pod.doc) : undefined;
      const object = hood ? volumeObject(hood, pod, v) : undefined;
      volumes.push({ id, ...b.element(v.node, v.nameNode), name: v.name ?? '', kind: v.source ?? '', ...(medium ? { medium } : {}), ...(object ? { object } : {}) });
    }
  };
  addVolumes(pod.volumes, 'v');
  addVolumes(pod.claimTemplates, 'vt');

  const mounts: GraphMount[] = ordered.flatMap((c) =>
    c.mounts.map((m) => ({
      id: `m:${c.list}:${c.index}:${m.index}`,
      ...b.element(m.node, m.mountPathNode ?? m.nameNode),
      container: containerId(c),
      volume: m.name !== undefined ? volumeIds.get(m.name) : undefined,
      volumeName: m.name ?? '',
      mountPath: m.mountPath ?? '',
      readOnly: m.readOnly,
      subPath: m.subPath,
    })),
  );

  const [podStart, podEnd] = b.offsets(pod.object.node);
  for (const f of analysis.findings) {
    if (f.start < podStart || f.start > podEnd) continue;
    b.attach(f.start, f);
    for (const r of f.related) if (r.start >= podStart && r.start <= podEnd) b.attach(r.start, f);
  }

  const services = hood ? servicesOfPod(analysis, hood, pod, containers, locate) : [];
  return { id: 'pod', ...podElement, name: pod.name ?? '', kind: pod.kind, hostname: hostnameOf(pod), infra, containers, volumes, mounts, ...(services.length > 0 ? { services } : {}) };
}

/** The pods of a file, for the selector. */
export function podSummaries(analysis: FileAnalysis): PodSummary[] {
  return placedPods(analysis).map(({ pod, chunkStart }, index) => {
    const [s, e] = span(pod.object.node);
    return { index, name: pod.name ?? '', kind: pod.kind, range: analysis.lines.rangeOf(s + chunkStart, e + chunkStart) };
  });
}

/** The index of the pod whose object holds `offset`, if any. */
export function podIndexAt(analysis: FileAnalysis, offset: number): number | undefined {
  const i = placedPods(analysis).findIndex(({ pod, chunkStart }) => {
    const [s, e] = span(pod.object.node);
    return s + chunkStart <= offset && offset <= e + chunkStart;
  });
  return i < 0 ? undefined : i;
}
