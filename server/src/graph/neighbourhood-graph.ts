/**
 * The pod in its neighbourhood, for the diagram: the Services of its namespace that select it
 * (with where each port lands in the pod's port space) and the ConfigMaps, Secrets and PVCs
 * behind its volumes, with the files that define them. Read from the workspace index
 * (k8s/neighbourhood.ts) with the same namespace rules as service-target-port and missing-config-key.
 */
import type { FileAnalysis } from '../core/analyze';
import { asMap, getMap, getScalar, getSeqItems, getString, span } from '../core/yaml-access';
import { sameNamespace, type IndexedObject, type Neighbourhood } from '../k8s/neighbourhood';
import type { PodModel, VolumeModel } from '../k8s/pod-model';
import { selects, serviceOf, templateLabels } from '../k8s/services';
import type { GraphContainer, GraphService, GraphServicePort, GraphVolumeObject } from '../protocol/pod-graph';
import { baseName } from '../util/uri-name';

/** The pod's namespace as the index files it (metadata.namespace, else the file's default). */
function podNamespace(hood: Neighbourhood, pod: PodModel): string {
  return hood.ownPods.find((p) => p.pod === pod)?.namespace ?? '';
}

/**
 * Where a Service port lands: a number as is, a name through the serving containers' ports.
 * Broken when no effective listener of an app or sidecar container serves it; never broken
 * when a serving container shows no port at all (it may listen on anything, as the rule says).
 */
function servicePort(map: ReturnType<typeof asMap>, doc: IndexedObject['doc'], containers: readonly GraphContainer[]): GraphServicePort | undefined {
  const port = getScalar(map, 'port', doc)?.value;
  const targetValue = getScalar(map, 'targetPort', doc)?.value ?? port;
  if (typeof targetValue !== 'string' && typeof targetValue !== 'number') return undefined;
  const protocol = getString(map, 'protocol', doc) ?? 'TCP';
  const serving = containers.filter((c) => c.role === 'app' || c.role === 'sidecar');
  const live = serving.flatMap((c) => c.ports.filter((p) => p.port !== undefined && !p.unserved && p.protocol === protocol));
  const numeric = typeof targetValue === 'number' ? targetValue : /^\d+$/.test(targetValue) ? Number(targetValue) : undefined;
  const resolved = numeric ?? serving.flatMap((c) => c.ports).find((p) => p.name === targetValue && !p.implied)?.port;
  const unknown = serving.some((c) => c.ports.length === 0);
  const broken = !unknown && (resolved === undefined || !live.some((p) => p.port === resolved));
  const name = getString(map, 'name', doc);
  return { ...(name ? { name } : {}), port: typeof port === 'number' ? port : undefined, target: String(targetValue), protocol, resolved, broken };
}

/** Where an object of another file is, for a click on it in the diagram (undefined when unknown). */
export type ObjectLocator = (o: IndexedObject) => GraphService['location'];

/** Services of the pod's namespace selecting its template labels, this file's first. */
export function servicesOfPod(analysis: FileAnalysis, hood: Neighbourhood, pod: PodModel, containers: readonly GraphContainer[], locate?: ObjectLocator): GraphService[] {
  const labels = templateLabels(pod);
  if (Object.keys(labels).length === 0 || pod.partial) return [];
  const namespace = podNamespace(hood, pod);
  const out: GraphService[] = [];
  for (const o of hood.objects('Service')) {
    const model = serviceOf(o.object, o.doc);
    if (!model || !sameNamespace(o.namespace, namespace) || !selects(model.selector, labels)) continue;
    const spec = getMap(o.object.node, 'spec', o.doc);
    const ports = getSeqItems(spec, 'ports', o.doc).flatMap(({ node }) => servicePort(asMap(node, o.doc), o.doc, containers) ?? []);
    const [s, e] = span(o.object.node);
    const here = o.chunkStart !== undefined;
    out.push({
      id: `svc:${out.length}`,
      name: model.name ?? '',
      ...(here ? { range: analysis.lines.rangeOf(s + o.chunkStart!, e + o.chunkStart!) } : { file: o.source ? baseName(o.source) : '', location: locate?.(o) }),
      ports,
    });
  }
  return out.sort((a, b) => Number(a.file !== undefined) - Number(b.file !== undefined));
}

const VOLUME_OBJECTS: Readonly<Record<string, [GraphVolumeObject['kind'], string]>> = {
  configMap: ['ConfigMap', 'name'],
  secret: ['Secret', 'secretName'],
  persistentVolumeClaim: ['PersistentVolumeClaim', 'claimName'],
};

/** The ConfigMap, Secret or PVC a volume stands for, with the files of the workspace defining it. */
export function volumeObject(hood: Neighbourhood, pod: PodModel, v: VolumeModel): GraphVolumeObject | undefined {
  const entry = v.source ? VOLUME_OBJECTS[v.source] : undefined;
  if (!entry) return undefined;
  const [kind, key] = entry;
  const name = getString(getMap(v.node, v.source!, pod.doc), key, pod.doc);
  if (!name) return undefined;
  const namespace = podNamespace(hood, pod);
  const found = hood.objects(kind, name).filter((o) => sameNamespace(o.namespace, namespace));
  const files = [...new Set(found.map((o) => (o.chunkStart !== undefined ? '' : o.source ? baseName(o.source) : '')))];
  return { kind, name, files };
}
