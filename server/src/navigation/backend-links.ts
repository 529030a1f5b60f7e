/**
 * Links between the backends of Ingresses and Gateway API routes (HTTPRoute, GRPCRoute) and the
 * Services they send traffic to: a backend's Service name ↔ the Service's `metadata.name`; its
 * port (number or name) ↔ the Service's port entry. Namespace-aware as dangling-backend is: a
 * backend means the Service of its own namespace, or of `backendRefs[].namespace` for a route;
 * an unset namespace is `default`.
 */
import type { Document, Node, Scalar } from 'yaml';
import type { FileAnalysis } from '../core/analyze';
import { chunkAt } from '../core/locate';
import { asMap, getMap, getNode, getScalar, getSeqItems } from '../core/yaml-access';
import { backendsOf, type BackendRef } from '../k8s/backends';
import { sameNamespace, type IndexedObject, type Neighbourhood } from '../k8s/neighbourhood';
import { nameNodeOf, type WorkspaceLinks } from './config-links';
import { hoodOf, onNode, Placer, uniquePlaces, type Place, type WorkspaceView } from './workspace-view';

const OWNERS = ['Ingress', 'HTTPRoute', 'GRPCRoute'];

/** One backend with the object it is written in and the namespace its Service is looked up in. */
interface Backend {
  readonly owner: IndexedObject;
  readonly ref: BackendRef;
  readonly namespace: string;
}

/** One entry of a Service's `spec.ports`, with the nodes a backend can name it by. */
interface PortEntry {
  readonly port?: number;
  readonly portNode?: Node;
  readonly name?: string;
  readonly nameNode?: Scalar;
}

function backendsIn(owners: readonly IndexedObject[]): Backend[] {
  return owners.flatMap((owner) => backendsOf(owner.object, owner.doc).map((ref) => ({ owner, ref, namespace: ref.namespace ?? owner.namespace })));
}

function portEntriesOf(object: IndexedObject['object'], doc: Document): PortEntry[] {
  return getSeqItems(getMap(object.node, 'spec', doc), 'ports', doc).map(({ node }) => {
    const map = asMap(node, doc);
    const portNode = getNode(map, 'port', doc);
    const nameNode = getScalar(map, 'name', doc);
    const port = portNode && 'value' in portNode && typeof portNode.value === 'number' ? portNode.value : undefined;
    const name = typeof nameNode?.value === 'string' && nameNode.value !== '' ? nameNode.value : undefined;
    return { port, portNode: port === undefined ? undefined : portNode, name, nameNode: name === undefined ? undefined : nameNode };
  });
}

/** A port entry answers to a backend port by its number or by its name. */
const answers = (entry: PortEntry, port: number | string): boolean => (typeof port === 'number' ? entry.port === port : entry.name === port);

/** What the cursor is on: a Service (by name, from a backend or from the Service), maybe one of its ports. */
interface ServiceTarget {
  readonly service: string;
  readonly namespace: string;
  /** The port a backend names, or the values (number and name) of the Service port entry under the cursor. */
  readonly ports?: readonly (number | string)[];
  /** Set when the cursor is on the Service itself: it is the definition. */
  readonly object?: IndexedObject;
  readonly entry?: PortEntry;
}

function targetAt(analysis: FileAnalysis, offset: number, hood: Neighbourhood): ServiceTarget | undefined {
  const chunk = chunkAt(analysis, offset);
  if (!chunk) return undefined;
  const rel = offset - chunk.start;
  const here = (o: IndexedObject): boolean => o.chunkStart === chunk.start;
  for (const b of backendsIn(OWNERS.flatMap((k) => hood.ownObjects(k)).filter(here))) {
    if (onNode(b.ref.serviceNode, rel)) return { service: b.ref.service, namespace: b.namespace };
    if (b.ref.port !== undefined && onNode(b.ref.portNode, rel)) return { service: b.ref.service, namespace: b.namespace, ports: [b.ref.port] };
  }
  for (const o of hood.ownObjects('Service').filter(here)) {
    const name = o.object.name;
    if (name === undefined) continue;
    if (onNode(nameNodeOf(o), rel)) return { service: name, namespace: o.namespace, object: o };
    for (const entry of portEntriesOf(o.object, o.doc)) {
      if (!onNode(entry.portNode, rel) && !onNode(entry.nameNode, rel)) continue;
      // The value under the cursor first: it picks the node the definition is.
      const values = onNode(entry.nameNode, rel) ? [entry.name, entry.port] : [entry.port, entry.name];
      const ports = values.filter((p): p is number | string => p !== undefined);
      return { service: name, namespace: o.namespace, ports, object: o, entry };
    }
  }
  return undefined;
}

function linksOf(hood: Neighbourhood, placer: Placer, t: ServiceTarget): WorkspaceLinks {
  const services = t.object ? [t.object] : hood.objects('Service', t.service).filter((s) => sameNamespace(s.namespace, t.namespace));
  const definitions: (Place | undefined)[] = [];
  for (const s of services) {
    if (!t.ports) definitions.push(placer.place(s, s.doc, nameNodeOf(s)));
    else if (t.entry) definitions.push(placer.place(s, s.doc, typeof t.ports[0] === 'number' ? t.entry.portNode : t.entry.nameNode));
    else {
      const port = t.ports[0] as number | string;
      for (const entry of portEntriesOf(s.object, s.doc)) {
        if (answers(entry, port)) definitions.push(placer.place(s, s.doc, typeof port === 'number' ? entry.portNode : entry.nameNode));
      }
    }
  }
  const references: (Place | undefined)[] = [];
  for (const b of backendsIn(OWNERS.flatMap((k) => hood.objects(k)))) {
    if (b.ref.service !== t.service || !sameNamespace(b.namespace, t.namespace)) continue;
    if (!t.ports) references.push(placer.place(b.owner, b.owner.doc, b.ref.serviceNode));
    else if (b.ref.port !== undefined && t.ports.includes(b.ref.port)) references.push(placer.place(b.owner, b.owner.doc, b.ref.portNode));
  }
  return {
    kind: t.ports ? 'service-port' : 'service-name',
    name: t.ports ? String(t.ports[0]) : t.service,
    definitions: uniquePlaces(definitions),
    references: uniquePlaces(references),
  };
}

/** The links of a backend's Service name or port, or of a Service's name or port entry, at an absolute offset. */
export function backendLinksAt(analysis: FileAnalysis, offset: number, view: WorkspaceView): WorkspaceLinks | undefined {
  const hood = hoodOf(analysis, view);
  const target = targetAt(analysis, offset, hood);
  return target ? linksOf(hood, new Placer(view), target) : undefined;
}
