/**
 * The pod model: what the containers of one pod share. Built once per pod spec and used by the
 * rules, hovers, the diagram and completion. Nodes point at the YAML text that defines each part.
 */
import type { Document, Node, Pair, Scalar, YAMLMap } from 'yaml';
import { asMap, getBoolean, getNode, getScalar, getSeqItems, getString, mapPairs, keyText } from '../core/yaml-access';
import { containersOf, stringScalar } from './container-model';
import { podLocationsOf, walk, type PodLocation } from './pod-locations';
import type { PodShape, UserPodTemplate } from './pod-templates';
import { isSelectorlessAppsWorkload, objectsOf, type K8sObject } from './workloads';
import { fieldPath } from './field-paths';
import { misshapen } from './misshapen-pod';
import { podSpecPatchOf, type PodSpecPatch } from './pod-spec-patch';

/**
 * How a container lives beside the others. `step`: a Tekton step, run one after another with the
 * other steps and beside the sidecars.
 */
export type ContainerRole = 'init' | 'sidecar' | 'app' | 'ephemeral' | 'step';

/**
 * The key that holds a container: the three lists of a pod spec, or a custom resource's own
 * (`steps`, `sidecars`, Argo's single `container`, `containerSet.containers`...).
 */
export type ContainerList = 'containers' | 'initContainers' | 'ephemeralContainers' | (string & {});

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
  /** `subPath`, or `subPathExpr` expanded with the container's literal env (see sub-path.ts). */
  readonly subPath?: string;
  /** A subPath is set, but its name is not known here (kept as written in `subPath`). */
  readonly subPathUnknown?: true;
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
  /** The name a custom resource's controller gives it when `name` is left out (Argo: `main`). */
  readonly defaultName?: string;
  /**
   * The name the container has in the pod when the controller does not take the written one:
   * `main` for Argo's main container, `step-<name>` for a Tekton step; '' when the controller
   * makes one up (an unnamed Tekton step). Undefined when the pod has the written name.
   */
  readonly podName?: string;
  readonly nameNode?: Scalar;
  readonly image?: string;
  readonly imageNode?: Scalar;
  /** `command` is set, so the image's entrypoint (and its default listener) does not run. */
  readonly commandOverridden: boolean;
  /** Containers of its list this one starts after they have completed (Argo containerSet `dependencies`). */
  readonly startsAfter?: ReadonlySet<string>;
  readonly ports: readonly PortModel[];
  readonly mounts: readonly MountModel[];
  /** `volumeDevices`: block volumes handed to the container as devices. */
  readonly devices: readonly DeviceModel[];
  readonly portReferences: readonly PortReference[];
}

/** One entry of a container's `volumeDevices`. */
export interface DeviceModel {
  readonly node: YAMLMap;
  readonly path: string;
  readonly name?: string;
  readonly nameNode?: Scalar;
}

/** Volume sources whose entries are files the API server writes (keys of a ConfigMap or Secret): deliberate content, never sockets. */
export const FILE_VOLUME_SOURCES: ReadonlySet<string> = new Set(['configMap', 'secret', 'projected', 'downwardAPI']);

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
  /** Defined by the enclosing object for all its pods (Argo workflow volumes): never "unused" here. */
  readonly inherited?: boolean;
}

/** A part of a custom resource validated against the Kubernetes schema (its own schema is unknown). */
export interface SchemaPart {
  readonly node: YAMLMap;
  readonly typeName: string;
  readonly path: string;
  readonly extraKeys: readonly string[];
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
  /** The map holding the spec: the pod template (or the Pod itself), with the pod's `metadata`. */
  readonly owner: YAMLMap;
  /**
   * Not a whole pod (a kustomize patch, a test assertion, a Helm template with masked parts, the
   * containers a SidecarSet injects, an `apps/v1` workload without `spec.selector`, a pod whose
   * lists are written as mappings, which apply cannot decode): rules that judge what is missing stay quiet.
   */
  readonly partial: boolean;
  /** How the containers are laid out (the standard pod spec, or a custom resource's). */
  readonly shape: PodShape;
  /** For custom resources: what to validate against the schema (built-in kinds are validated whole). */
  readonly schemaParts: readonly SchemaPart[];
  /** What the controller's pod spec patches add (Argo `podSpecPatch`). */
  readonly specPatch?: PodSpecPatch;
}

function volumesOf(owner: YAMLMap | undefined, ownerPath: string, doc: Document, inherited: boolean): VolumeModel[] {
  return getSeqItems(owner, 'volumes', doc).flatMap(({ node, index }) => {
    const map = asMap(node, doc);
    if (!map) return [];
    const sourcePair = mapPairs(map, doc).find((p) => keyText(p) !== 'name');
    return [{
      node: map,
      index,
      path: fieldPath(`${ownerPath}.volumes[${index}]`),
      name: getString(map, 'name', doc),
      nameNode: stringScalar(map, 'name', doc),
      source: sourcePair ? keyText(sourcePair) : undefined,
      sourcePair,
      ...(inherited ? { inherited } : {}),
    }];
  });
}

/** The map at a dotted path from the object (`spec.workflowSpec`), or undefined. */
function mapAt(object: K8sObject, dotted: string, doc: Document): YAMLMap | undefined {
  let map: YAMLMap | undefined = object.node;
  for (const key of dotted.split('.')) map = asMap(getNode(map, key, doc), doc);
  return map;
}

/** Volume claim templates: the items of the lists at these paths of the object (`[]` walks lists). */
function claimTemplatesOf(object: K8sObject, doc: Document, lists: readonly string[]): VolumeModel[] {
  return lists.flatMap((dotted) =>
    walk(object, `${dotted}[]`, doc).flatMap(({ map, path }, index) => {
      const metadata = asMap(getNode(map, 'metadata', doc), doc);
      if (!metadata) return [];
      return [{ node: map, index, path, name: getString(metadata, 'name', doc), nameNode: stringScalar(metadata, 'name', doc), source: 'volumeClaimTemplate' }];
    }),
  );
}

/** What a custom resource's pod contributes to schema validation (built-in kinds: nothing extra). */
function schemaPartsOf(location: PodLocation, containers: readonly ContainerModel[], volumes: readonly VolumeModel[]): SchemaPart[] {
  if (!location.custom) return [];
  const { shape, spec, path } = location;
  if (shape.podSpec) return [{ node: spec, typeName: 'core.v1.PodSpec', path, extraKeys: shape.podSpec.extraKeys ?? [] }];
  const parts: SchemaPart[] = containers.map((c) => ({
    node: c.node,
    typeName: 'core.v1.Container',
    path: c.path,
    extraKeys: shape.slots.find((s) => s.key === c.list)?.extraKeys ?? [],
  }));
  for (const v of volumes) if (!v.inherited) parts.push({ node: v.node, typeName: 'core.v1.Volume', path: v.path, extraKeys: [] });
  return parts;
}

function modelAt(object: K8sObject, doc: Document, location: PodLocation, partial: boolean): PodModel | undefined {
  const { spec, pair, path, shape } = location;
  const containers = containersOf(spec, path, doc, shape);
  // A custom resource's map without any container is another kind of step (Argo `dag`, `resource`).
  if (location.custom && !shape.podSpec && containers.length === 0) return undefined;
  const volumes = [
    ...volumesOf(spec, path, doc, false),
    ...(shape.sharedVolumeOwners ?? []).flatMap((owner) => volumesOf(mapAt(object, owner, doc), `${object.pathPrefix}${owner}`, doc, true)),
  ];
  const claims = [...(object.kind === 'StatefulSet' ? ['spec.volumeClaimTemplates'] : []), ...(shape.sharedClaims ?? [])];
  const hostNetworkNode = getScalar(spec, 'hostNetwork', doc);
  const specPatch = shape.podSpecPatches ? podSpecPatchOf(shape.podSpecPatches.map((p) => (p === '' ? spec : mapAt(object, p, doc))), doc) : undefined;
  return {
    doc,
    object,
    kind: object.kind ?? '',
    name: object.name,
    spec,
    specPair: pair,
    path,
    containers,
    volumes,
    claimTemplates: claimTemplatesOf(object, doc, claims),
    hostNetwork: hostNetworkNode?.value === true,
    hostNetworkNode,
    shareProcessNamespace: getBoolean(spec, 'shareProcessNamespace', doc),
    hostname: getString(spec, 'hostname', doc),
    owner: location.owner,
    partial: partial || shape.injected === true || isSelectorlessAppsWorkload(object, doc) || misshapen(spec, containers, doc, shape.podSpec !== undefined),
    shape,
    schemaParts: schemaPartsOf(location, containers, volumes),
    ...(specPatch ? { specPatch } : {}),
  };
}

/** The models of the pods an object holds (one for a workload, several in some custom resources). */
export function podModelsOf(object: K8sObject, doc: Document, user: readonly UserPodTemplate[] = [], partial = false): PodModel[] {
  return podLocationsOf(object, doc, user).flatMap((location) => modelAt(object, doc, location, partial) ?? []);
}

/** Builds the model of the first pod of an object, or undefined when it holds no pod spec. */
export function buildPodModel(object: K8sObject, doc: Document, user: readonly UserPodTemplate[] = []): PodModel | undefined {
  return podModelsOf(object, doc, user)[0];
}

/** Every pod of a document (workloads, custom resources, the items of a `List`). */
export function podsOf(doc: Document, user: readonly UserPodTemplate[] = [], partial = false): PodModel[] {
  return objectsOf(doc).flatMap((o) => podModelsOf(o, doc, user, partial));
}

/**
 * Whether two containers of one pod are running at the same moment, so that they compete for
 * the pod's ports. Plain init containers run one at a time before everything else, beside the
 * sidecars started before them; sidecars (init containers with `restartPolicy: Always`), app and
 * ephemeral containers all run together. Tekton steps run in sequence, each beside the sidecars;
 * an Argo containerSet container with `dependencies` starts when those have completed.
 */
export function runTogether(a: ContainerModel, b: ContainerModel): boolean {
  if (a === b) return false;
  if (a.role === 'init' && b.role === 'init') return false;
  if (a.role === 'init') return b.role === 'sidecar' && b.index < a.index;
  if (b.role === 'init') return a.role === 'sidecar' && a.index < b.index;
  // A container that starts once another has completed never runs beside it.
  if (a.list === b.list && ((b.name !== undefined && a.startsAfter?.has(b.name)) || (a.name !== undefined && b.startsAfter?.has(a.name)))) return false;
  // Tekton steps run one after another (beside the task's sidecars).
  return !(a.role === 'step' && b.role === 'step');
}

/** A display name for a container: its name, or its position when unnamed. */
export function containerLabel(c: ContainerModel): string {
  return c.name ?? c.defaultName ?? `${c.list}[${c.index}]`;
}
