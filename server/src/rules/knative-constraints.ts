/**
 * Part of invalid-value: what Knative Serving's validating webhook rejects in the pod of a
 * Service, Configuration or Revision (knative.dev/serving pkg/apis/serving/k8s_validation.go),
 * beyond the core PodSpec checks. kubectl apply fails with "admission webhook
 * "validation.webhook.serving.knative.dev" denied the request: validation failed: …":
 *  - one container port in the whole pod: it is the port queue-proxy forwards requests to;
 *  - ports queue-proxy and the autoscaler take in the pod's shared network namespace (8012, 8013,
 *    8022, 9090, 9091, and 8008 for profiling) cannot be the app's;
 *  - a serving port's name is empty, `http1` or `h2c` (the name picks the protocol), and its protocol TCP;
 *  - `queue-proxy` is the injected container's name; `PORT` (in the serving container) and
 *    `K_SERVICE`, `K_CONFIGURATION`, `K_REVISION` are environment variables Knative sets.
 *  - `/`, `/dev` and `/dev/log` are not mount paths (the runtime needs them; `/dev/log` is a socket).
 * Mounts of ConfigMaps and Secrets without `readOnly` are not reported: the defaulting webhook sets it.
 */
import { isScalar, type Scalar } from 'yaml';
import { isUnknownValue } from '../core/unknown-values';
import { asMap, getNode, getSeqItems } from '../core/yaml-access';
import { containerLabel, type ContainerModel, type PodModel } from '../k8s/pod-model';
import { normaliseMountPath } from '../k8s/names';
import type { RuleContext } from './types';
import { isKnativeServing } from '../k8s/knative';

const RESERVED_PORTS = new Set([8012, 8013, 8022, 9090, 9091, 8008]);
const SERVING_PORT_NAMES = new Set(['', 'http1', 'h2c']);
const RESERVED_EVERYWHERE = ['K_SERVICE', 'K_CONFIGURATION', 'K_REVISION'];

/** Mount paths the webhook refuses, as `path.Clean` leaves them. */
const RESERVED_MOUNT_PATHS = new Set(['/', '/dev', '/dev/log']);

/** Knative's serving container: the only one, or the one with a port (the others are sidecars). */
const serving = (c: ContainerModel): boolean => c.list === 'containers';
const serves = (pod: PodModel, c: ContainerModel): boolean => serving(c) && (pod.containers.filter(serving).length === 1 || c.ports.length > 0);

function checkPorts(ctx: RuleContext, pod: PodModel): void {
  const apps = pod.containers.filter(serving);
  const first = apps.find((c) => c.nameNode);
  if (apps.length > 1 && apps.every((c) => c.ports.length === 0 && getNode(c.node, 'ports', pod.doc) === undefined) && first?.nameNode) {
    // Which container serves must be said: with none, queue-proxy would not know where to forward.
    ctx.report({ node: first.nameNode, message: ctx.t('invalid-value.knative-no-port', { path: `${pod.path}.containers[*].ports` }), data: { knative: 'no-port' } });
  }
  let firstPort = true;
  for (const container of pod.containers) {
    // Init containers' ports are checked for reserved numbers, each of them; the others' only the first counts.
    const ports = serving(container) ? container.ports.slice(0, 1) : container.ports;
    for (const port of serving(container) ? container.ports : []) {
      if (firstPort) {
        firstPort = false;
        continue;
      }
      ctx.report({ node: port.containerPortNode ?? port.node, message: ctx.t('invalid-value.knative-one-port', { container: containerLabel(container), path: `${pod.path}.containers[*].ports` }), data: { knative: 'one-port' } });
    }
    for (const port of ports) {
      if (port.containerPort !== undefined && port.containerPortNode && RESERVED_PORTS.has(port.containerPort)) {
        ctx.report({ node: port.containerPortNode, message: ctx.t('invalid-value.knative-reserved-port', { port: port.containerPort, container: containerLabel(container), path: `${container.path}.ports.containerPort` }), data: { knative: 'reserved-port' } });
      }
      // queue-proxy forwards HTTP: the serving port is TCP (the webhook's ErrInvalidValue(protocol)).
      const protocol = port.protocolNode;
      if (serving(container) && protocol && (protocol.value === 'UDP' || protocol.value === 'SCTP')) {
        ctx.report({ node: protocol, message: ctx.t('invalid-value.knative-protocol', { protocol: protocol.value, path: `${container.path}.ports.protocol` }), data: { knative: 'protocol' } });
      }
      const name = port.nameNode;
      if (serving(container) && name && typeof name.value === 'string' && !isUnknownValue(name) && !SERVING_PORT_NAMES.has(name.value)) {
        ctx.report({ node: name, message: ctx.t('invalid-value.knative-port-name', { name: name.value, path: `${container.path}.ports` }), data: { knative: 'port-name', name: name.value } });
      }
    }
  }
}

function checkNames(ctx: RuleContext, pod: PodModel, container: ContainerModel): void {
  if (container.name === 'queue-proxy' && container.nameNode) {
    ctx.report({ node: container.nameNode, message: ctx.t('invalid-value.knative-container-name', { path: `${container.path}.name` }), data: { knative: 'container-name' } });
  }
  const reserved = serves(pod, container) ? ['PORT', ...RESERVED_EVERYWHERE] : RESERVED_EVERYWHERE;
  for (const { node, index } of getSeqItems(container.node, 'env', pod.doc)) {
    const name = getNode(asMap(node, pod.doc), 'name', pod.doc) as Scalar | undefined;
    if (!isScalar(name) || typeof name.value !== 'string' || !reserved.includes(name.value)) continue;
    const key = name.value === 'PORT' ? 'invalid-value.knative-env-port' : 'invalid-value.knative-env';
    ctx.report({ node: name, message: ctx.t(key, { name: name.value, container: containerLabel(container), path: `${container.path}.env[${index}].name` }), data: { knative: 'env', name: name.value } });
  }
}

function checkMountPaths(ctx: RuleContext, container: ContainerModel): void {
  for (const mount of container.mounts) {
    const node = mount.mountPathNode;
    if (!node || mount.mountPath === undefined || isUnknownValue(node) || !mount.mountPath.startsWith('/')) continue;
    // Go's `path.Clean` of an absolute path, as the webhook compares it.
    const clean = normaliseMountPath(mount.mountPath);
    if (!RESERVED_MOUNT_PATHS.has(clean)) continue;
    ctx.report({ node, message: ctx.t('invalid-value.knative-mount-path', { path: clean, field: `${container.path}.volumeMounts[${mount.index}].mountPath` }), data: { knative: 'mount-path' } });
  }
}

export function checkKnativeConstraints(ctx: RuleContext): void {
  for (const pod of ctx.pods) {
    if (pod.partial || ctx.options.kustomizeResource || !isKnativeServing(pod)) continue;
    checkPorts(ctx, pod);
    for (const container of pod.containers) {
      checkNames(ctx, pod, container);
      checkMountPaths(ctx, container);
    }
  }
}
