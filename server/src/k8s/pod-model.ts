/**
 * The pod model: what the containers of one pod share. Built once per pod spec and used by the
 * rules, hovers, the diagram and completion. Nodes point at the YAML text that defines each part.
 */
import { isScalar, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { asMap, getBoolean, getNode, getPair, getScalar, getSeqItems, getString, mapPairs, keyText } from '../core/yaml-access';
import { objectsOf, podSpecOf, type K8sObject } from './workloads';

/** How a container lives beside the others. */
export type ContainerRole = 'init' | 'sidecar' | 'app' | 'ephemeral';

/** The three container lists of a pod spec. */
export type ContainerList = 'containers' | 'initContainers' | 'ephemeralContainers';

/** One entry of a container's `ports`. */
export interface PortModel {
  readonly node: YAMLMap;
  readonly index: number;
  readonly path: string;
  readonly containerPort?: number;
  readonly containerPortNode?: Node;
  /** Protocol as written, or 'TCP' when omitted (the API server's default). */
  readonly protocol: string;
  readonly protocolNode?: Scalar;
  readonly hostPort?: number;
  readonly hostPortNode?: Node;
  readonly hostIP: string;
  readonly name?: string;
  readonly nameNode?: Scalar;
}

/** One entry of a container's `volumeMounts`. */
export interface MountModel {
  readonly node: YAMLMap;
  readonly index: number;
  readonly path: string;
  readonly name?: string;
  readonly nameNode?: Scalar;
  readonly mountPath?: string;
  readonly mountPathNode?: Scalar;
  readonly readOnly: boolean;
  readonly subPath?: string;
}

/** A probe or lifecycle handler port reference (`httpGet.port`, `tcpSocket.port`, `grpc.port`). */
export interface PortReference {
  /** e.g. `livenessProbe.httpGet.port` */
  readonly where: string;
  readonly node: Scalar;
  readonly value: string | number;
}

/** One container of any of the three lists. */
export interface ContainerModel {
  readonly node: YAMLMap;
  readonly list: ContainerList;
  readonly index: number;
  readonly path: string;
  readonly role: ContainerRole;
  readonly name?: string;
  readonly nameNode?: Scalar;
  readonly image?: string;
  readonly imageNode?: Scalar;
  /** `command` is set, so the image's entrypoint (and its default listener) does not run. */
  readonly commandOverridden: boolean;
  readonly ports: readonly PortModel[];
  readonly mounts: readonly MountModel[];
  readonly deviceNames: readonly string[];
  readonly portReferences: readonly PortReference[];
}

/** One entry of `spec.volumes` (or a StatefulSet volume claim template). */
export interface VolumeModel {
  readonly node: YAMLMap;
  readonly index: number;
  readonly path: string;
  readonly name?: string;
  readonly nameNode?: Scalar;
  /** The source key, e.g. `emptyDir`, `hostPath`, `configMap`, or `volumeClaimTemplate`. */
  readonly source?: string;
  readonly sourcePair?: Pair;
}

/** A pod spec with everything its containers share. */
export interface PodModel {
  readonly doc: Document;
  readonly object: K8sObject;
  readonly kind: string;
  /** The workload's `metadata.name`. */
  readonly name?: string;
  readonly spec: YAMLMap;
  readonly specPair: Pair;
  /** Field path of the spec, e.g. `spec.template.spec`. */
  readonly path: string;
  readonly containers: readonly ContainerModel[];
  readonly volumes: readonly VolumeModel[];
  readonly claimTemplates: readonly VolumeModel[];
  readonly hostNetwork: boolean;
  readonly hostNetworkNode?: Scalar;
  readonly shareProcessNamespace: boolean;
  readonly hostname?: string;
}

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'];
const HANDLERS = ['httpGet', 'tcpSocket', 'grpc'];

function intValue(node: Node | undefined): number | undefined {
  return isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value) ? node.value : undefined;
}

function stringScalar(map: YAMLMap, key: string, doc: Document): Scalar | undefined {
  const s = getScalar(map, key, doc);
  return s && typeof s.value === 'string' ? s : undefined;
}

function portsOf(container: YAMLMap, path: string, doc: Document): PortModel[] {
  const ports: PortModel[] = [];
  for (const { node, index } of getSeqItems(container, 'ports', doc)) {
    const map = asMap(node, doc);
    if (!map) continue;
    const containerPortNode = getNode(map, 'containerPort', doc);
    const hostPortNode = getNode(map, 'hostPort', doc);
    const protocolNode = getScalar(map, 'protocol', doc);
    const protocol = protocolNode && protocolNode.value !== null ? String(protocolNode.value) : 'TCP';
    const hostPort = intValue(hostPortNode);
    ports.push({
      node: map,
      index,
      path: `${path}.ports[${index}]`,
      containerPort: intValue(containerPortNode),
      containerPortNode,
      protocol,
      protocolNode,
      hostPort: hostPort === 0 ? undefined : hostPort,
      hostPortNode,
      hostIP: getString(map, 'hostIP', doc) ?? '',
      name: getString(map, 'name', doc),
      nameNode: stringScalar(map, 'name', doc),
    });
  }
  return ports;
}

function mountsOf(container: YAMLMap, path: string, doc: Document): MountModel[] {
  const mounts: MountModel[] = [];
  for (const { node, index } of getSeqItems(container, 'volumeMounts', doc)) {
    const map = asMap(node, doc);
    if (!map) continue;
    mounts.push({
      node: map,
      index,
      path: `${path}.volumeMounts[${index}]`,
      name: getString(map, 'name', doc),
      nameNode: stringScalar(map, 'name', doc),
      mountPath: getString(map, 'mountPath', doc),
      mountPathNode: stringScalar(map, 'mountPath', doc),
      readOnly: getBoolean(map, 'readOnly', doc),
      subPath: getString(map, 'subPath', doc) || getString(map, 'subPathExpr', doc) || undefined,
    });
  }
  return mounts;
}

function portReferencesOf(container: YAMLMap, doc: Document): PortReference[] {
  const refs: PortReference[] = [];
  const visitHandler = (owner: YAMLMap | undefined, prefix: string): void => {
    for (const handler of HANDLERS) {
      const port = getScalar(asMap(getNode(owner, handler, doc), doc), 'port', doc);
      if (port && (typeof port.value === 'string' || typeof port.value === 'number')) {
        refs.push({ where: `${prefix}.${handler}.port`, node: port, value: port.value });
      }
    }
  };
  for (const probe of PROBES) visitHandler(asMap(getNode(container, probe, doc), doc), probe);
  const lifecycle = asMap(getNode(container, 'lifecycle', doc), doc);
  for (const hook of ['postStart', 'preStop']) visitHandler(asMap(getNode(lifecycle, hook, doc), doc), `lifecycle.${hook}`);
  return refs;
}

function containersOf(spec: YAMLMap, specPath: string, doc: Document): ContainerModel[] {
  const out: ContainerModel[] = [];
  const lists: ContainerList[] = ['initContainers', 'containers', 'ephemeralContainers'];
  for (const list of lists) {
    for (const { node, index } of getSeqItems(spec, list, doc)) {
      const map = asMap(node, doc);
      if (!map) continue;
      const path = `${specPath}.${list}[${index}]`;
      const restartPolicy = getString(map, 'restartPolicy', doc);
      const role: ContainerRole =
        list === 'containers' ? 'app' : list === 'ephemeralContainers' ? 'ephemeral' : restartPolicy === 'Always' ? 'sidecar' : 'init';
      out.push({
        node: map,
        list,
        index,
        path,
        role,
        name: getString(map, 'name', doc),
        nameNode: stringScalar(map, 'name', doc),
        image: getString(map, 'image', doc),
        imageNode: stringScalar(map, 'image', doc),
        commandOverridden: getPair(map, 'command', doc) !== undefined && getNode(map, 'command', doc) !== undefined,
        ports: portsOf(map, path, doc),
        mounts: mountsOf(map, path, doc),
        deviceNames: getSeqItems(map, 'volumeDevices', doc)
          .map(({ node: d }) => getString(asMap(d, doc), 'name', doc))
          .filter((n): n is string => n !== undefined),
        portReferences: portReferencesOf(map, doc),
      });
    }
  }
  return out;
}

function volumesOf(spec: YAMLMap, specPath: string, doc: Document): VolumeModel[] {
  return getSeqItems(spec, 'volumes', doc).flatMap(({ node, index }) => {
    const map = asMap(node, doc);
    if (!map) return [];
    const sourcePair = mapPairs(map, doc).find((p) => keyText(p) !== 'name');
    return [{
      node: map,
      index,
      path: `${specPath}.volumes[${index}]`,
      name: getString(map, 'name', doc),
      nameNode: stringScalar(map, 'name', doc),
      source: sourcePair ? keyText(sourcePair) : undefined,
      sourcePair,
    }];
  });
}

function claimTemplatesOf(object: K8sObject, doc: Document): VolumeModel[] {
  if (object.kind !== 'StatefulSet') return [];
  const spec = asMap(getNode(object.node, 'spec', doc), doc);
  return getSeqItems(spec, 'volumeClaimTemplates', doc).flatMap(({ node, index }) => {
    const map = asMap(node, doc);
    const metadata = asMap(getNode(map, 'metadata', doc), doc);
    if (!map || !metadata) return [];
    return [{
      node: map,
      index,
      path: `${object.pathPrefix}spec.volumeClaimTemplates[${index}]`,
      name: getString(metadata, 'name', doc),
      nameNode: stringScalar(metadata, 'name', doc),
      source: 'volumeClaimTemplate',
    }];
  });
}

/** Builds the model of one pod-bearing object, or undefined when it holds no pod spec. */
export function buildPodModel(object: K8sObject, doc: Document): PodModel | undefined {
  const found = podSpecOf(object, doc);
  if (!found || !object.kind) return undefined;
  const { spec, pair, path } = found;
  const hostNetworkNode = getScalar(spec, 'hostNetwork', doc);
  return {
    doc,
    object,
    kind: object.kind,
    name: object.name,
    spec,
    specPair: pair,
    path,
    containers: containersOf(spec, path, doc),
    volumes: volumesOf(spec, path, doc),
    claimTemplates: claimTemplatesOf(object, doc),
    hostNetwork: hostNetworkNode?.value === true,
    hostNetworkNode,
    shareProcessNamespace: getBoolean(spec, 'shareProcessNamespace', doc),
    hostname: getString(spec, 'hostname', doc),
  };
}

/** Every pod of a document (a workload, or the workloads of a `List`). */
export function podsOf(doc: Document): PodModel[] {
  return objectsOf(doc).flatMap((o) => buildPodModel(o, doc) ?? []);
}

/**
 * Whether two containers of one pod are running at the same moment, so that they compete for
 * the pod's ports. Plain init containers run one at a time before everything else, beside the
 * sidecars started before them; sidecars (init containers with `restartPolicy: Always`), app and
 * ephemeral containers all run together.
 */
export function runTogether(a: ContainerModel, b: ContainerModel): boolean {
  if (a === b) return false;
  if (a.role === 'init' && b.role === 'init') return false;
  if (a.role === 'init') return b.role === 'sidecar' && b.index < a.index;
  if (b.role === 'init') return a.role === 'sidecar' && a.index < b.index;
  return true;
}

/** A display name for a container: its name, or its position when unnamed. */
export function containerLabel(c: ContainerModel): string {
  return c.name ?? `${c.list}[${c.index}]`;
}
