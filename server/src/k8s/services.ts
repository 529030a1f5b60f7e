/**
 * Services and the pods they select: a Service's selector and forwarded ports, and the labels of
 * a pod template. Used by the service-target-port rule and by rename.
 */
import { isScalar, type Document, type Scalar, type YAMLMap } from 'yaml';
import { isUnknownValue } from '../core/unknown-values';
import { asMap, getMap, getNode, getScalar, getSeqItems, getString, keyText, mapPairs } from '../core/yaml-access';
import type { PodModel } from './pod-model';
import type { K8sObject } from './workloads';

/** The labels of a pod template (`metadata.labels` beside the pod spec). */
export function templateLabels(pod: PodModel): Record<string, string> {
  return stringMap(templateLabelsMap(pod), pod.doc);
}

/** The `labels` mapping of a pod template, if written (beside the pod spec, in the template). */
export function templateLabelsMap(pod: PodModel): YAMLMap | undefined {
  return getMap(getMap(pod.owner, 'metadata', pod.doc), 'labels', pod.doc);
}

export function stringMap(map: YAMLMap | undefined, doc: Document): Record<string, string> {
  const out: Record<string, string> = {};
  if (!map) return out;
  for (const pair of mapPairs(map, doc)) {
    const key = keyText(pair);
    const value = isScalar(pair.value) ? pair.value.value : undefined;
    if (key !== undefined && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) out[key] = String(value);
  }
  return out;
}

/** A Service's port entry that points at pods. */
export interface ServicePortRef {
  readonly node: Scalar;
  readonly value: string | number;
  readonly field: 'targetPort' | 'port';
  readonly index: number;
  /** TCP, UDP or SCTP (TCP when left out); undefined when written otherwise (templated, misspelt). */
  readonly protocol?: string;
  /** The Service's own `port` number (clients connect to it), when written as one. */
  readonly port?: number;
}

/** A Service with a selector, and the ports it forwards. */
export interface ServiceModel {
  readonly object: K8sObject;
  readonly doc: Document;
  readonly name?: string;
  readonly selector: Record<string, string>;
  readonly ports: readonly ServicePortRef[];
}

const serviceModels = new WeakMap<K8sObject, { model: ServiceModel | undefined }>();

/** The Service model of an object (memoised: objects live as long as their chunk's analysis). */
export function serviceOf(object: K8sObject, doc: Document): ServiceModel | undefined {
  if (object.kind !== 'Service') return undefined;
  const hit = serviceModels.get(object);
  if (hit) return hit.model;
  const model = buildService(object, doc);
  serviceModels.set(object, { model });
  return model;
}

function buildService(object: K8sObject, doc: Document): ServiceModel | undefined {
  const spec = getMap(object.node, 'spec', doc);
  const type = getString(spec, 'type', doc);
  if (type === 'ExternalName') return undefined;
  const selector = stringMap(getMap(spec, 'selector', doc), doc);
  if (Object.keys(selector).length === 0) return undefined; // endpoints are managed by hand
  const ports: ServicePortRef[] = [];
  for (const { node, index } of getSeqItems(spec, 'ports', doc)) {
    const map = asMap(node, doc);
    const target = getScalar(map, 'targetPort', doc) ?? (getNode(map, 'targetPort', doc) ? undefined : getScalar(map, 'port', doc));
    const value = target?.value;
    if (!target || (typeof value !== 'string' && typeof value !== 'number')) continue;
    const protocolNode = getNode(map, 'protocol', doc);
    // "" is defaulted to TCP by the API server, as an absent protocol is.
    const written = protocolNode === undefined || isUnknownValue(protocolNode) ? undefined : getScalar(map, 'protocol', doc)?.value;
    const protocol = protocolNode === undefined || written === '' ? 'TCP' : written;
    const port = getScalar(map, 'port', doc)?.value;
    ports.push({
      node: target,
      value,
      field: getScalar(map, 'targetPort', doc) ? 'targetPort' : 'port',
      index,
      ...(protocol === 'TCP' || protocol === 'UDP' || protocol === 'SCTP' ? { protocol } : {}),
      ...(typeof port === 'number' ? { port } : {}),
    });
  }
  return { object, doc, name: object.name, selector, ports };
}

export function selects(selector: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}
