/**
 * The ports a service mesh's injected proxy serves. The mesh's mutating webhook adds the proxy
 * container to each pod it injects, so the pod template never shows it; a Service may still target
 * its ports (Envoy's Prometheus endpoint, Linkerd's admin port). Injection is often switched on
 * for a whole namespace (`istio-injection=enabled`, a namespace's `linkerd.io/inject` annotation),
 * so no mark on the pod is needed: the proxy is assumed unless the pod opts out or runs on the
 * host network (neither mesh injects such pods). Dapr injects only the pods that ask for it. The
 * names and numbers are the meshes' own and unlikely in an application by chance.
 */
import { getMap } from '../core/yaml-access';
import type { PodModel } from './pod-model';
import { stringMap, templateLabels } from './services';

interface MeshProxy {
  /** Port names the proxy container declares. */
  readonly names: readonly string[];
  /** Port numbers it listens on, on the pod IP. */
  readonly ports: readonly number[];
  /** Whether the pod's labels or annotations keep the proxy out. */
  readonly optedOut: (labels: Readonly<Record<string, string>>, annotations: Readonly<Record<string, string>>) => boolean;
}

const PROXIES: readonly MeshProxy[] = [
  // istio/istio injection-template.yaml: istio-proxy declares 15090 http-envoy-prom; pilot-agent
  // serves 15020 (merged metrics, status) and Envoy 15021 (health).
  {
    names: ['http-envoy-prom'],
    ports: [15090, 15020, 15021],
    optedOut: (labels, annotations) => (labels['sidecar.istio.io/inject'] ?? annotations['sidecar.istio.io/inject']) === 'false',
  },
  // linkerd2's proxy partial: linkerd-proxy 4143 (inbound), linkerd-admin 4191.
  {
    names: ['linkerd-proxy', 'linkerd-admin'],
    ports: [4143, 4191],
    optedOut: (_labels, annotations) => annotations['linkerd.io/inject'] === 'disabled',
  },
  // Dapr's injector adds daprd only to pods that ask (`dapr.io/enabled: "true"`): HTTP API 3500,
  // gRPC API 50001, internal gRPC 50002, metrics 9090 (its defaults; dapr/dapr injector patches).
  {
    names: ['dapr-http', 'dapr-grpc', 'dapr-internal', 'dapr-metrics'],
    ports: [3500, 50001, 50002, 9090],
    optedOut: (_labels, annotations) => annotations['dapr.io/enabled'] !== 'true',
  },
];

export interface InjectedPorts {
  readonly names: readonly string[];
  readonly ports: readonly number[];
}

const NONE: InjectedPorts = { names: [], ports: [] };

/** The names and numbers mesh proxies may add to the pods of this template. */
export function injectedProxyPorts(pod: PodModel): InjectedPorts {
  if (pod.hostNetwork) return NONE;
  const labels = templateLabels(pod);
  const annotations = stringMap(getMap(getMap(pod.owner, 'metadata', pod.doc), 'annotations', pod.doc), pod.doc);
  const proxies = PROXIES.filter((p) => !p.optedOut(labels, annotations));
  return { names: proxies.flatMap((p) => p.names), ports: proxies.flatMap((p) => p.ports) };
}
