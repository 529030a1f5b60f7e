/**
 * Part of service-target-port: what the rule needs of one pod template (its labels, the ports its
 * serving containers declare by name, protocol and number, and what their processes listen on),
 * computed once per pod model (models are cached per chunk).
 */
import { isUnknownValue } from '../core/unknown-values';
import { getNode } from '../core/yaml-access';
import { NO_CONFIG_MAPS, type ConfigMapIndex } from '../k8s/config-maps';
import { containerListeners, isLoopback, type ContainerListeners } from '../k8s/listeners';
import { managerBindPorts, managerLoopbackPorts, managerMaybePorts } from '../k8s/manager-flags';
import { injectedProxyPorts, type InjectedPorts } from '../k8s/mesh-proxies';
import { operatorPorts } from '../k8s/operator-ports';
import type { ContainerModel, PodModel } from '../k8s/pod-model';
import { templateLabels } from '../k8s/services';
import { portNamesOpen } from '../k8s/unknown-names';
import { mentionedPorts } from '../k8s/mentioned-ports';
import { mayStartDevServer } from '../k8s/dev-servers';
import { loopbackBinds, meshProbesLocalhost, type LoopbackBind } from './probe-loopback-listener';
import type { FileRuleContext } from './types';

/** Containers that serve traffic for the pod's lifetime (app containers and sidecars). */
export function servingContainers(pod: PodModel): ContainerModel[] {
  return pod.containers.filter((c) => c.role === 'app' || c.role === 'sidecar');
}

/** What the rule needs of one pod template; computed once per pod model (models are cached per chunk). */
export interface PodSummary {
  readonly labels: Readonly<Record<string, string>>;
  readonly serving: readonly ContainerModel[];
  readonly names: readonly string[];
  /** A serving container may declare a port of any name (`name: ${PORT_NAME}`): no name is missing. */
  readonly namesOpen: boolean;
  /** The named ports, each as `name/protocol` with its number: endpoints match a name and the Service port's protocol. */
  readonly named: ReadonlyMap<string, number | undefined>;
  readonly declared: readonly number[];
  /** Ports the processes listen on (effective listeners) that no container declares. */
  readonly implied: readonly number[];
  /** A manager's health-probe port: it listens there, but only for the kubelet, so it is no hint for a Service. */
  readonly healthOnly: readonly number[];
  readonly unknownListener: boolean;
  /** Image defaults that gave way to other declared ports: the process may listen there still (ContainerListeners.gaveWay). */
  readonly maybe: readonly number[];
  readonly hasDeclared: boolean;
  /** Every serving container runs an image whose listeners are all known (complete in the image table). */
  readonly fullyKnown: boolean;
  /** What a mesh proxy the webhook may add serves (not in the template, so apart from the rest). */
  readonly proxy: InjectedPorts;
  /**
   * Ports a serving container binds on the pod's loopback only (`--listen=127.0.0.1:9100`,
   * `listen 127.0.0.1:80;`, Mosquitto 2 without a listener), with nothing of the pod on every
   * address there: a Service's connections, which come to the pod's IP (the node's under
   * hostNetwork), are refused. None when a mesh sends inbound traffic on to 127.0.0.1 (Consul,
   * Linkerd, Istio's legacy mode).
   */
  readonly loopback: ReadonlyMap<number, LoopbackBind>;
}

export type Images = FileRuleContext['options']['images'];

function loopbackOnly(pod: PodModel, listeners: readonly ContainerListeners[]): ReadonlyMap<number, LoopbackBind> {
  const out = new Map<number, LoopbackBind>();
  // Most pods bind no loopback port: read no command lines for them (flag binds are no Service's).
  if (!listeners.some((o) => o.listeners.some((l) => l.address !== '' && isLoopback(l.address)) || mayStartDevServer(o.container, pod.doc) || managerLoopbackPorts(o.container, pod.doc).size > 0)) return out;
  if (pod.partial || meshProbesLocalhost(pod)) return out;
  for (const bind of loopbackBinds(pod, listeners)) {
    // A flag read from any container may be a client's (`-http-addr=127.0.0.1:8500`): only the
    // serving containers' listeners count; a plain init container has exited by then.
    if (bind.ownOnly || !listeners.some((l) => l.container === bind.container)) continue;
    // Another container that declares or binds the port elsewhere may serve it on the pod's IP
    // (a socat forwarding to the loopback binds the pod IP: no clash).
    const elsewhere = listeners.some((o) => o.listeners.some((l) => l.port === bind.port && l.protocol === 'TCP' && !isLoopback(l.address) && (l.source !== 'declared' || o.container !== bind.container)));
    if (!elsewhere && !out.has(bind.port)) out.set(bind.port, bind);
  }
  return out;
}

/** Unsure reasons that are the image's own listener configuration, written in the manifest. */
const LISTENER_CONFIG: ReadonlySet<string> = new Set(['config-env', 'config-arg']);
const podSummaries = new WeakMap<PodModel, { images: Images; configMaps: ConfigMapIndex | undefined; summary: PodSummary }>();
export function summaryOf(pod: PodModel, images: Images, configMaps: ConfigMapIndex = NO_CONFIG_MAPS): PodSummary {
  const hit = podSummaries.get(pod);
  if (hit && hit.images === images && hit.configMaps === configMaps) return hit.summary;
  const serving = servingContainers(pod);
  const listeners = serving.map((c) => containerListeners(pod, c, { images, configMaps }));
  // With the named ports the operator of a custom resource adds (Kubeflow, KubeRay, ECK).
  const ports = serving.flatMap((c) => [...c.ports, ...operatorPorts(pod, c)]);
  const declaredPorts = ports.flatMap((p) => (p.containerPort ? [p.containerPort] : []));
  const managers = serving.flatMap((c) => managerBindPorts(c, pod.doc, images));
  const summary: PodSummary = {
    labels: templateLabels(pod),
    serving,
    names: ports.flatMap((p) => (p.name ? [p.name] : [])),
    namesOpen: serving.some((c) => portNamesOpen(c, pod.doc)),
    named: new Map(ports.flatMap((p) => (p.name ? [[`${p.name}/${p.protocol}`, p.containerPort] as const] : []))),
    declared: declaredPorts,
    // With a kubebuilder manager's --metrics-bind-address / --health-probe-bind-address.
    implied: [...listeners.flatMap((l) => l.listeners.map((x) => x.port)), ...managers.map((m) => m.port)].filter((p) => !declaredPorts.includes(p)),
    healthOnly: managers.filter((m) => m.health).map((m) => m.port),
    // A container with no declared ports may listen on anything, unless its image's ports are all
    // known (complete in the image table): an image we do not know, cannot read, or know only in part
    // (jaeger's all-in-one, keycloak's management port, rabbitmq's plugins) may serve the number.
    // So may one that declares a port whose number a placeholder writes (`containerPort: ${PORT}`).
    // So may one whose manifest sets the image's listener configuration itself (`KAFKA_LISTENERS`
    // with a controller listener, a `--config` flag): it names ports Podsight does not read.
    unknownListener:
      listeners.some((l) => l.container.ports.length === 0 && !(l.basis === 'image' && l.complete)) ||
      listeners.some((l) => l.unsure !== undefined && LISTENER_CONFIG.has(l.unsure.key)) ||
      serving.some((c) => c.ports.some((p) => isUnknownValue(getNode(p.node, 'containerPort', pod.doc)))),
    maybe: [
      ...listeners.flatMap((l) => l.gaveWay ?? []),
      ...serving.flatMap((c) => managerMaybePorts(c, pod.doc, images)),
      // A process Podsight does not model may listen where its command line or env says.
      ...listeners.flatMap((l) => (l.basis === 'image' && l.complete ? [] : mentionedPorts(l.container, pod.doc))),
    ],
    hasDeclared: serving.some((c) => c.ports.length > 0),
    fullyKnown: listeners.length > 0 && listeners.every((l) => l.basis === 'image' && l.complete),
    proxy: injectedProxyPorts(pod),
    loopback: loopbackOnly(pod, listeners),
  };
  podSummaries.set(pod, { images, configMaps, summary });
  return summary;
}
