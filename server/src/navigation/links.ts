/**
 * The name links of a file: a volume and the mounts that use it; a container port and the probes,
 * lifecycle handlers and Service `targetPort`s that point at it (by name or number). Definition,
 * references and highlights all ask `linksAt` what the cursor is on.
 */
import type { Node } from 'yaml';
import type { FileAnalysis } from '../core/analyze';
import { chunkAt } from '../core/locate';
import type { ContainerModel, PodModel, PortModel } from '../k8s/pod-model';
import { selects, serviceOf, templateLabels, type ServiceModel } from '../k8s/services';

const selectsPod = (service: ServiceModel, pod: PodModel): boolean => selects(service.selector, templateLabels(pod));

/** Absolute [start, end) offsets of a name in the file. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** What a name under the cursor links: where it is defined and where it is used. */
export interface Links {
  readonly kind: 'volume' | 'port';
  readonly name: string;
  readonly definitions: readonly Span[];
  readonly references: readonly Span[];
}

interface Placed<T> {
  readonly item: T;
  readonly start: number;
}

function spanOf(node: Node | undefined, base: number): Span[] {
  const r = node?.range;
  return r ? [{ start: r[0] + base, end: r[1] + base }] : [];
}

function unique(spans: Span[]): Span[] {
  const seen = new Set<string>();
  return spans.filter((s) => !seen.has(`${s.start}:${s.end}`) && !!seen.add(`${s.start}:${s.end}`)).sort((a, b) => a.start - b.start);
}

function on(node: Node | undefined, rel: number): boolean {
  const r = node?.range;
  return !!r && r[0] <= rel && rel <= r[1];
}

/** Every pod and Service of the file, with the start of its chunk. */
function inventory(analysis: FileAnalysis): { pods: Placed<PodModel>[]; services: Placed<ServiceModel>[] } {
  const pods: Placed<PodModel>[] = [];
  const services: Placed<ServiceModel>[] = [];
  for (const chunk of analysis.chunks) {
    for (const pod of chunk.analysis.pods) pods.push({ item: pod, start: chunk.start });
    for (const { object, doc } of chunk.analysis.objects) {
      const service = serviceOf(object, doc);
      if (service) services.push({ item: service, start: chunk.start });
    }
  }
  return { pods, services };
}

function volumeLinks(pod: Placed<PodModel>, name: string): Links {
  const { item, start } = pod;
  const definitions = [...item.volumes, ...item.claimTemplates].filter((v) => v.name === name).flatMap((v) => spanOf(v.nameNode, start));
  const references = item.containers.flatMap((c) => c.mounts.filter((m) => m.name === name).flatMap((m) => spanOf(m.nameNode, start)));
  return { kind: 'volume', name, definitions: unique(definitions), references: unique(references) };
}

const matches = (port: PortModel, value: string | number): boolean => (typeof value === 'string' ? port.name === value : port.containerPort === value);

function portLinks(all: ReturnType<typeof inventory>, pod: Placed<PodModel>, container: ContainerModel, value: string | number): Links {
  const definitions: Span[] = [];
  const references: Span[] = [];
  const ports = container.ports.filter((p) => matches(p, value));
  for (const port of ports) definitions.push(...spanOf(typeof value === 'string' ? port.nameNode : port.containerPortNode, pod.start));
  const values = new Set<string | number>([value, ...ports.flatMap((p) => (typeof value === 'string' ? [] : p.name ? [p.name] : []))]);
  for (const ref of container.portReferences) if (values.has(ref.value)) references.push(...spanOf(ref.node, pod.start));
  for (const s of all.services) {
    if (!selectsPod(s.item, pod.item)) continue;
    for (const target of s.item.ports) if (values.has(target.value)) references.push(...spanOf(target.node, s.start));
  }
  return { kind: 'port', name: String(value), definitions: unique(definitions), references: unique(references) };
}

function merge(name: string, parts: Links[]): Links {
  return {
    kind: 'port',
    name,
    definitions: unique(parts.flatMap((p) => [...p.definitions])),
    references: unique(parts.flatMap((p) => [...p.references])),
  };
}

/** The links of the name at an absolute offset, or undefined when the cursor is on none. */
export function linksAt(analysis: FileAnalysis, offset: number): Links | undefined {
  const chunk = chunkAt(analysis, offset);
  if (!chunk) return undefined;
  const rel = offset - chunk.start;
  const all = inventory(analysis);
  for (const placed of all.pods.filter((p) => p.start === chunk.start)) {
    const pod = placed.item;
    for (const v of [...pod.volumes, ...pod.claimTemplates]) if (v.name !== undefined && on(v.nameNode, rel)) return volumeLinks(placed, v.name);
    for (const c of pod.containers) {
      for (const m of c.mounts) if (m.name !== undefined && on(m.nameNode, rel)) return volumeLinks(placed, m.name);
      for (const p of c.ports) {
        if (p.name !== undefined && on(p.nameNode, rel)) return portLinks(all, placed, c, p.name);
        if (p.containerPort !== undefined && on(p.containerPortNode, rel)) return portLinks(all, placed, c, p.containerPort);
      }
      for (const ref of c.portReferences) if (on(ref.node, rel)) return portLinks(all, placed, c, ref.value);
    }
  }
  for (const s of all.services.filter((x) => x.start === chunk.start)) {
    const target = s.item.ports.find((tp: ServiceModel['ports'][number]) => on(tp.node, rel));
    if (!target) continue;
    const parts = all.pods
      .filter((p) => selectsPod(s.item, p.item))
      .flatMap((p) => p.item.containers.filter((c) => c.ports.some((port) => matches(port, target.value))).map((c) => portLinks(all, p, c, target.value)));
    const links = merge(String(target.value), parts);
    return links.references.length > 0 ? links : { ...links, references: spanOf(target.node, s.start) };
  }
  return undefined;
}
