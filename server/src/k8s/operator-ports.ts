/**
 * Ports an operator adds to the containers of the pods it builds from a custom resource's pod
 * template, so that a probe or a Service may name them although the template does not declare
 * them (as ECK's own volumes: `openVolumes` in pod-templates.ts). From the operators' sources:
 * - Kubeflow Training Operator (`setDefaultPort`, run by each kind's `SetDefaults_*` for every
 *   replica): `<kind>-port` on the container of the kind's default name, else on `containers[0]`;
 * - KubeRay (`DefaultHeadPodTemplate`, `DefaultWorkerPodTemplate`): `metrics` 8080 on the Ray
 *   container (`containers[0]`) of the head and of every worker, not on a RayJob's submitter;
 * - Elastic Cloud on Kubernetes (`getDefaultContainerPorts`): the HTTP port, named `https`, or
 *   `http` when `spec.http.tls` turns TLS off, and Elasticsearch's `transport` 9300.
 * Only added when the container does not declare a port of that name already.
 */
import type { Document } from 'yaml';
import { getBoolean, getMap, getString } from '../core/yaml-access';
import type { ContainerModel, PodModel } from './pod-model';
import { groupOf } from './pod-templates';

/** One port an operator adds; `byTls`: named after the resource's HTTP protocol (`https` or `http`). */
interface AddedPort {
  readonly name?: string;
  readonly port: number;
  readonly byTls?: boolean;
}

interface OperatorPorts {
  readonly group: string;
  readonly kind: string;
  /** The container that gets them: by name, else (`orFirst`) the first; no name: always the first. */
  readonly container?: string;
  readonly orFirst?: boolean;
  readonly ports: readonly AddedPort[];
  /** Only the pods at these paths (KubeRay: the Ray nodes, not a RayJob's submitter). */
  readonly pathIncludes?: readonly string[];
}

const kubeflow = (kind: string, container: string, name: string, port: number): OperatorPorts => ({ group: 'kubeflow.org', kind, container, orFirst: true, ports: [{ name, port }] });
const RAY_NODES = ['headGroupSpec', 'workerGroupSpecs'];
const ray = (kind: string): OperatorPorts => ({ group: 'ray.io', kind, ports: [{ name: 'metrics', port: 8080 }], pathIncludes: RAY_NODES });
const HTTP = (port: number): AddedPort => ({ port, byTls: true });
const eck = (group: string, kind: string, container: string, ports: readonly AddedPort[]): OperatorPorts => ({ group, kind, container, ports });

const TABLE: readonly OperatorPorts[] = [
  kubeflow('PyTorchJob', 'pytorch', 'pytorchjob-port', 23456),
  kubeflow('TFJob', 'tensorflow', 'tfjob-port', 2222),
  kubeflow('XGBoostJob', 'xgboost', 'xgboostjob-port', 9999),
  kubeflow('MXJob', 'mxnet', 'mxjob-port', 9091),
  kubeflow('PaddleJob', 'paddle', 'master', 36543),
  kubeflow('JAXJob', 'jax', 'jaxjob-port', 6666),
  ray('RayCluster'),
  ray('RayJob'),
  ray('RayService'),
  eck('elasticsearch.k8s.elastic.co', 'Elasticsearch', 'elasticsearch', [HTTP(9200), { name: 'transport', port: 9300 }]),
  eck('kibana.k8s.elastic.co', 'Kibana', 'kibana', [HTTP(5601)]),
  eck('apm.k8s.elastic.co', 'ApmServer', 'apm-server', [HTTP(8200)]),
  eck('enterprisesearch.k8s.elastic.co', 'EnterpriseSearch', 'enterprise-search', [HTTP(3002)]),
  eck('maps.k8s.elastic.co', 'ElasticMapsServer', 'maps', [HTTP(3000)]),
  // Logstash's API port is always named `http`.
  { group: 'logstash.k8s.elastic.co', kind: 'Logstash', container: 'logstash', ports: [{ name: 'http', port: 9600 }] },
];

/**
 * ECK's `HTTPConfig.Protocol()`: `https` unless the self-signed certificate is disabled and no
 * certificate of the user's is given.
 */
function httpProtocol(pod: PodModel, doc: Document): string {
  const tls = getMap(getMap(getMap(pod.object.node, 'spec', doc), 'http', doc), 'tls', doc);
  const disabled = getBoolean(getMap(tls, 'selfSignedCertificate', doc), 'disabled', doc);
  const ownCertificate = getString(getMap(tls, 'certificate', doc), 'secretName', doc) !== undefined;
  return disabled && !ownCertificate ? 'http' : 'https';
}

/** A named port the operator adds to this container: name, number and protocol. */
export interface OperatorPort {
  readonly name: string;
  readonly containerPort: number;
  readonly protocol: 'TCP';
}

/** The ports the operator adds to the container (none for built-in kinds). */
export function operatorPorts(pod: PodModel, container: ContainerModel): OperatorPort[] {
  const group = groupOf(pod.object.apiVersion);
  const entry = TABLE.find((e) => e.group === group && e.kind === pod.kind);
  if (!entry || container.list !== 'containers') return [];
  if (entry.pathIncludes && !entry.pathIncludes.some((p) => pod.path.includes(p))) return [];
  const named = entry.container !== undefined && pod.containers.some((c) => c.list === 'containers' && c.name === entry.container);
  const gets = entry.container === undefined ? container.index === 0 : container.name === entry.container || (entry.orFirst === true && !named && container.index === 0);
  if (!gets) return [];
  const declared = new Set(container.ports.flatMap((p) => (p.name ? [p.name] : [])));
  return entry.ports
    .map((p) => ({ name: p.byTls ? httpProtocol(pod, pod.doc) : (p.name ?? ''), containerPort: p.port, protocol: 'TCP' as const }))
    .filter((p) => !declared.has(p.name));
}
