/**
 * What sends traffic to a Service from outside the pod: Ingress backends (networking.k8s.io/v1
 * and the older v1beta1 form) and Gateway API route `backendRefs`; and the ports a Service offers.
 */
import { isScalar, type Document, type Scalar, type YAMLMap } from 'yaml';
import { isOpenCollection } from '../core/open-collections';
import { isUnknownValue } from '../core/unknown-values';
import { asMap, getMap, getNode, getScalar, getSeqItems, getString } from '../core/yaml-access';
import type { K8sObject } from './workloads';

/** One backend: the Service it names and the port, by number or name. */
export interface BackendRef {
  readonly service: string;
  readonly serviceNode: Scalar;
  readonly port?: number | string;
  readonly portNode?: Scalar;
  /** A route may send traffic to another namespace (`backendRefs[].namespace`). */
  readonly namespace?: string;
}

/** One port of a Service. */
export interface ServicePort {
  readonly port?: number;
  readonly name?: string;
  readonly targetPort?: number | string;
  /** A template or placeholder writes its port, name or targetPort (or the whole entry): any value may come. */
  readonly unknown?: true;
}

function portValue(node: Scalar | undefined): number | string | undefined {
  const v = node?.value;
  return typeof v === 'number' || (typeof v === 'string' && v !== '') ? v : undefined;
}

function scalarString(node: Scalar | undefined): string | undefined {
  return typeof node?.value === 'string' && node.value !== '' ? node.value : undefined;
}

/** The backends of an Ingress, an HTTPRoute or a GRPCRoute; [] for other kinds. */
export function backendsOf(object: K8sObject, doc: Document): BackendRef[] {
  const spec = getMap(object.node, 'spec', doc);
  const out: BackendRef[] = [];
  if (object.kind === 'Ingress') {
    const add = (backend: YAMLMap | undefined): void => {
      const service = getMap(backend, 'service', doc);
      if (service) {
        const nameNode = getScalar(service, 'name', doc);
        const port = getMap(service, 'port', doc);
        const portNode = getScalar(port, 'number', doc) ?? getScalar(port, 'name', doc);
        const name = scalarString(nameNode);
        if (nameNode && name) out.push({ service: name, serviceNode: nameNode, port: portValue(portNode), portNode });
        return;
      }
      const nameNode = getScalar(backend, 'serviceName', doc);
      const portNode = getScalar(backend, 'servicePort', doc);
      const name = scalarString(nameNode);
      if (nameNode && name) out.push({ service: name, serviceNode: nameNode, port: portValue(portNode), portNode });
    };
    add(getMap(spec, 'defaultBackend', doc) ?? getMap(spec, 'backend', doc));
    for (const { node } of getSeqItems(spec, 'rules', doc)) {
      for (const { node: path } of getSeqItems(getMap(asMap(node, doc), 'http', doc), 'paths', doc)) add(getMap(asMap(path, doc), 'backend', doc));
    }
  } else if (object.kind === 'HTTPRoute' || object.kind === 'GRPCRoute') {
    for (const { node } of getSeqItems(spec, 'rules', doc)) {
      for (const { node: ref } of getSeqItems(asMap(node, doc), 'backendRefs', doc)) {
        const map = asMap(ref, doc);
        const kind = getString(map, 'kind', doc) ?? 'Service';
        const group = getString(map, 'group', doc) ?? '';
        if (kind !== 'Service' || group !== '') continue;
        const nameNode = getScalar(map, 'name', doc);
        const portNode = getScalar(map, 'port', doc);
        const name = scalarString(nameNode);
        if (nameNode && name) out.push({ service: name, serviceNode: nameNode, port: portValue(portNode), portNode, namespace: getString(map, 'namespace', doc) });
      }
    }
  }
  return out;
}

/**
 * The ports a Service offers; undefined when it lists none (an ExternalName Service, a headless
 * one...) or when a template writes some of them (`{{- toYaml .Values.extraPorts | nindent 4 }}`).
 */
export function servicePortsOf(object: K8sObject, doc: Document): ServicePort[] | undefined {
  const list = getNode(getMap(object.node, 'spec', doc), 'ports', doc);
  if (isUnknownValue(list) || isOpenCollection(list)) return undefined;
  const items = getSeqItems(getMap(object.node, 'spec', doc), 'ports', doc);
  if (items.length === 0) return undefined;
  return items.map(({ node }) => {
    const map = asMap(node, doc);
    const port = getNode(map, 'port', doc);
    const unknown = !map || ['port', 'name', 'targetPort'].some((key) => isUnknownValue(getNode(map, key, doc)));
    return {
      port: isScalar(port) && typeof port.value === 'number' ? port.value : undefined,
      name: getString(map, 'name', doc),
      targetPort: portValue(getScalar(map, 'targetPort', doc)),
      ...(unknown ? { unknown: true as const } : {}),
    };
  });
}

/**
 * Whether a template adds entries to the Service's port list (`{{- toYaml .Values.extraPorts | nindent 4 }}`
 * or a `range` on lines of their own): the ports written are then not all the Service has.
 */
export function servicePortsOpen(object: K8sObject, doc: Document): boolean {
  return isOpenCollection(getNode(getMap(object.node, 'spec', doc), 'ports', doc));
}

/** Whether the Service is (or, written by a template, may be) of type ExternalName. */
export function mayBeExternalName(object: K8sObject, doc: Document): boolean {
  const spec = getMap(object.node, 'spec', doc);
  return getString(spec, 'type', doc) === 'ExternalName' || isUnknownValue(getNode(spec, 'type', doc));
}
