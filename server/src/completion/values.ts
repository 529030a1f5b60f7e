/**
 * Value completions that know the pod: volume names for a mount, the container's port names for a
 * probe or lifecycle handler, the selected pods' port names for a Service `targetPort`, free ports
 * for a new `containerPort`, and the schema's enum values with their documented meaning.
 */
import type { UserImageInfo } from '../k8s/images';
import { containerLabel } from '../k8s/pod-model';
import { selects, templateLabels } from '../k8s/services';
import type { SchemaSpot } from './schema-walk';
import { enumDocs, firstSentence } from './schema-walk';
import { freePorts, usedPorts } from './free-ports';
import { ITEM } from './lines';
import type { PodCompletion, Translate } from './types';
import type { CompletionWorld } from './world';

const PROBES = new Set(['livenessProbe', 'readinessProbe', 'startupProbe', 'postStart', 'preStop']);
const HANDLERS = new Set(['httpGet', 'tcpSocket', 'grpc']);

function value(label: string, kind: PodCompletion['kind'], order: string, detail: string, documentation?: string): PodCompletion {
  return { label, kind, detail, documentation, insertText: label, snippet: false, sortText: `${order}_${label}`, knowledge: true };
}

function volumeNames(w: CompletionWorld, t: Translate): PodCompletion[] {
  const pod = w.pod;
  if (!pod) return [];
  const mounted = new Set(w.container?.mounts.map((m) => m.name));
  return [...pod.volumes, ...pod.claimTemplates].flatMap((v) =>
    v.name === undefined
      ? []
      : [value(v.name, 'volume', mounted.has(v.name) ? '1' : '0', t('complete.volume', { source: v.source ?? '?' }), mounted.has(v.name) ? t('complete.volume.mounted') : undefined)],
  );
}

function probePorts(w: CompletionWorld, grpc: boolean, t: Translate): PodCompletion[] {
  const c = w.container;
  if (!c) return [];
  const out: PodCompletion[] = [];
  for (const p of c.ports) {
    if (p.name && !grpc) out.push(value(p.name, 'port-name', '0', t('complete.port', { port: p.containerPort ?? '?', protocol: p.protocol, container: containerLabel(c) })));
    if (p.containerPort !== undefined) out.push(value(String(p.containerPort), 'port-number', '1', t('complete.port', { port: p.containerPort, protocol: p.protocol, container: containerLabel(c) })));
  }
  return out;
}

function targetPorts(w: CompletionWorld, t: Translate): PodCompletion[] {
  const service = w.object ? w.services.find((s) => s.object.node === w.object?.node) : undefined;
  if (!service) return [];
  const selected = w.pods.filter((p) => selects(service.selector, templateLabels(p)));
  const out = new Map<string, PodCompletion>();
  for (const pod of selected.length > 0 ? selected : w.pods) {
    for (const c of pod.containers) {
      for (const p of c.ports) {
        const detail = t('complete.target-port', { port: p.containerPort ?? '?', protocol: p.protocol, container: containerLabel(c), pod: pod.name ?? pod.kind });
        const order = selected.length > 0 ? '0' : '2';
        if (p.name && !out.has(p.name)) out.set(p.name, value(p.name, 'port-name', order, detail));
        if (p.containerPort !== undefined && !out.has(String(p.containerPort))) out.set(String(p.containerPort), value(String(p.containerPort), 'port-number', `${order}1`, detail));
      }
    }
  }
  return [...out.values()];
}

function containerPorts(w: CompletionWorld, images: Readonly<Record<string, UserImageInfo>> | undefined, t: Translate): PodCompletion[] {
  const { pod, container } = w;
  if (!pod || !container) return [];
  const used = usedPorts(pod, container, w.port, images, w.configMaps);
  const taken = used.map((u) => `${u.port}/${u.protocol} (${u.container})`).join(', ');
  const doc = taken ? t('complete.free-port.taken', { ports: taken }) : t('complete.free-port.none');
  return freePorts(used, container, w.port?.protocol ?? 'TCP', images, pod, w.configMaps).map((f, i) =>
    value(String(f.port), 'free-port', `0${i}`, t(f.reason === 'image' ? 'complete.free-port.image' : 'complete.free-port.next', { image: container.image ?? '' }), doc),
  );
}

function enumValues(spot: SchemaSpot | undefined, t: Translate): PodCompletion[] {
  const field = spot?.field;
  if (!field) return [];
  if (field.enum) {
    const docs = enumDocs(field.description);
    return field.enum
      .filter((v) => !v.includes('<'))
      .map((v) => value(v === '' ? '""' : v, 'enum', '3', t('complete.enum', { field: field.name }), docs.get(v) ?? firstSentence(field.description)));
  }
  if (spot.type.kind === 'primitive' && spot.type.name === 'boolean') {
    return ['true', 'false'].map((v) => ({ ...value(v, 'boolean', '4', 'boolean'), knowledge: false }));
  }
  return [];
}

/** Value completions at the world's cursor. */
export function valueCompletions(w: CompletionWorld, spot: SchemaSpot | undefined, images: Readonly<Record<string, UserImageInfo>> | undefined, t: Translate): PodCompletion[] {
  const path = w.path;
  const key = path[path.length - 1];
  const parent = path[path.length - 2];
  const grand = path[path.length - 3];
  const out: PodCompletion[] = [];
  if (key === 'name' && parent === ITEM && (grand === 'volumeMounts' || grand === 'volumeDevices') && w.container) out.push(...volumeNames(w, t));
  if (key === 'port' && parent && HANDLERS.has(parent) && grand && PROBES.has(grand)) out.push(...probePorts(w, parent === 'grpc', t));
  if (key === 'targetPort' && parent === ITEM && grand === 'ports' && w.object?.kind === 'Service') out.push(...targetPorts(w, t));
  if (key === 'containerPort' && parent === ITEM && grand === 'ports' && w.container) out.push(...containerPorts(w, images, t));
  out.push(...enumValues(spot, t));
  return out;
}
