/**
 * The containers of a pod spec as the pod model holds them: each one's role (init, sidecar, app,
 * ephemeral, step), image, command, ports, mounts, devices and the ports its probes and handlers
 * name. Where a pod's containers sit (its shape's slots) comes from pod-locations/pod-templates.
 */
import { isScalar, type Document, type Node, type Scalar, type YAMLMap } from 'yaml';
import { asMap, getBoolean, getNode, getPair, getScalar, getSeqItems, getString } from '../core/yaml-access';
import { fieldPath } from './field-paths';
import type { ContainerModel, ContainerRole, DeviceModel, MountModel, PortModel, PortReference } from './pod-model';
import type { ContainerSlot, PodShape } from './pod-templates';
import { literalEnv, subPathOf } from './sub-path';

export const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'];
const HANDLERS = ['httpGet', 'tcpSocket', 'grpc'];

function intValue(node: Node | undefined): number | undefined {
  return isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value) ? node.value : undefined;
}

/** The scalar at `key` when it holds a string (a name, a path, an image). */
export function stringScalar(map: YAMLMap, key: string, doc: Document): Scalar | undefined {
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
    // "" is defaulted to TCP by the API server, as an absent protocol is.
    const protocol = protocolNode && protocolNode.value !== null && protocolNode.value !== '' ? String(protocolNode.value) : 'TCP';
    const hostPort = intValue(hostPortNode);
    ports.push({
      node: map,
      index,
      path: fieldPath(`${path}.ports[${index}]`),
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

/** `env`: the container's literal env values, which a `subPathExpr` is expanded with (none for mounts several containers share). */
function mountsOf(container: YAMLMap | undefined, path: string, doc: Document, env?: () => ReadonlyMap<string, string | undefined>): MountModel[] {
  const mounts: MountModel[] = [];
  for (const { node, index } of getSeqItems(container, 'volumeMounts', doc)) {
    const map = asMap(node, doc);
    if (!map) continue;
    mounts.push({
      node: map,
      index,
      path: fieldPath(`${path}.volumeMounts[${index}]`),
      name: getString(map, 'name', doc),
      nameNode: stringScalar(map, 'name', doc),
      mountPath: getString(map, 'mountPath', doc),
      mountPathNode: stringScalar(map, 'mountPath', doc),
      readOnly: getBoolean(map, 'readOnly', doc),
      ...subPathOf(map, doc, env),
    });
  }
  return mounts;
}

function devicesOf(container: YAMLMap, path: string, doc: Document): DeviceModel[] {
  return getSeqItems(container, 'volumeDevices', doc).flatMap(({ node, index }) => {
    const map = asMap(node, doc);
    return map ? [{ node: map, path: fieldPath(`${path}.volumeDevices[${index}]`), name: getString(map, 'name', doc), nameNode: stringScalar(map, 'name', doc) }] : [];
  });
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

/** The map at a dotted key path (`containerSet.containers` → the `containers` pair's owner walk). */
function walkKeys(map: YAMLMap | undefined, dotted: string, doc: Document): { owner?: YAMLMap; last: string } {
  const keys = dotted.split('.');
  let owner = map;
  for (const key of keys.slice(0, -1)) owner = asMap(getNode(owner, key, doc), doc);
  return { owner, last: keys[keys.length - 1] ?? dotted };
}

/** The name the pod gets for a container of the slot, when the controller names it (see ContainerSlot.podName). */
function podNameOf(slot: ContainerSlot, written: string | undefined): string | undefined {
  if (slot.podName === 'fixed') return slot.defaultName;
  if (slot.podName) return written ? `${slot.podName.prefix}${written}` : '';
  return undefined;
}

function containerModel(map: YAMLMap, list: string, index: number, path: string, role: ContainerRole, doc: Document, defaultName?: string, shared: readonly MountModel[] = [], merge = false, slot?: ContainerSlot): ContainerModel {
  const name = getString(map, 'name', doc);
  const podName = slot ? podNameOf(slot, name) : undefined;
  let env: ReadonlyMap<string, string | undefined> | undefined;
  const mounts = mountsOf(map, path, doc, () => (env ??= literalEnv(map, doc)));
  // Merged by mountPath: the container's own mount at a path replaces the shared one.
  const own = merge ? new Set(mounts.map((m) => m.mountPath)) : undefined;
  const mountsForAll = own ? shared.filter((m) => m.mountPath === undefined || !own.has(m.mountPath)) : shared;
  return {
    ...(defaultName !== undefined ? { defaultName } : {}),
    ...(podName !== undefined ? { podName } : {}),
    node: map,
    list,
    index,
    path,
    role,
    name,
    nameNode: stringScalar(map, 'name', doc),
    image: getString(map, 'image', doc),
    imageNode: stringScalar(map, 'image', doc),
    // A Tekton step's or sidecar's `script` replaces the image's command as `command` does: Tekton
    // runs the script file instead of the image's ENTRYPOINT/CMD (a core container has no `script`).
    commandOverridden: (['command', 'script'] as const).some((key) => getPair(map, key, doc) !== undefined && getNode(map, key, doc) !== undefined),
    ports: portsOf(map, path, doc),
    mounts: mountsForAll.length > 0 ? [...mounts, ...mountsForAll] : mounts,
    devices: devicesOf(map, path, doc),
    portReferences: portReferencesOf(map, doc),
  };
}

/** The containers of a pod spec, in the slots its shape lists (the three lists of a standard pod). */
export function containersOf(spec: YAMLMap, specPath: string, doc: Document, shape: PodShape): ContainerModel[] {
  const out: ContainerModel[] = [];
  for (const slot of shape.slots) {
    const { owner, last } = walkKeys(spec, slot.key, doc);
    if (slot.single) {
      const map = asMap(getNode(owner, last, doc), doc);
      if (map) out.push(containerModel(map, slot.key, 0, fieldPath(`${specPath}.${slot.key}`), slot.role, doc, slot.defaultName, [], false, slot));
      continue;
    }
    const forAll = slot.mountsForAll;
    const shared = forAll ? mountsOf(walkKeys(spec, `${forAll}.volumeMounts`, doc).owner, fieldPath(`${specPath}.${forAll}`), doc) : [];
    const inSlot: ContainerModel[] = [];
    for (const { node, index } of getSeqItems(owner, last, doc)) {
      const map = asMap(node, doc);
      if (!map) continue;
      // An init container with `restartPolicy: Always` is a sidecar (Kubernetes 1.29+).
      const role = slot.role === 'init' && getString(map, 'restartPolicy', doc) === 'Always' ? 'sidecar' : slot.role;
      inSlot.push(containerModel(map, slot.key, index, fieldPath(`${specPath}.${slot.key}[${index}]`), role, doc, undefined, shared, slot.mergeMounts === true, slot));
    }
    out.push(...(slot.dependencies ? withStartOrder(inSlot, slot.dependencies, doc) : inSlot));
  }
  return out;
}

/** Each container with the names of the containers it starts after, directly or through others. */
function withStartOrder(containers: readonly ContainerModel[], key: string, doc: Document): ContainerModel[] {
  const direct = new Map<string, string[]>();
  for (const c of containers) {
    const names = getSeqItems(c.node, key, doc).flatMap(({ node }) => (isScalar(node) && typeof node.value === 'string' ? [node.value] : []));
    if (c.name !== undefined) direct.set(c.name, names);
  }
  return containers.map((c) => {
    const after = new Set<string>();
    const visit = (name: string): void => {
      for (const d of direct.get(name) ?? []) {
        if (after.has(d)) continue;
        after.add(d);
        visit(d);
      }
    };
    if (c.name !== undefined) visit(c.name);
    return after.size > 0 ? { ...c, startsAfter: after } : c;
  });
}
