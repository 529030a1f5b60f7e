/**
 * Part of port-not-served: a probe whose `httpGet.host` or `tcpSocket.host` is a loopback address
 * (`127.0.0.1`, `localhost`, `::1`) in a pod with a network namespace of its own. The kubelet
 * connects from the node, so that address is the node's loopback, not the pod: the probe checks
 * whatever listens there on the node, and fails when nothing does (a liveness probe restarts the
 * container forever). Under `hostNetwork` the pod shares the node's loopback, and it works.
 */
import { isScalar, type Pair, type Scalar } from 'yaml';
import { isOpenCollection } from '../core/open-collections';
import { getMap, getPair } from '../core/yaml-access';
import { containerLabel, type PodModel } from '../k8s/pod-model';
import type { FileRuleContext } from './types';
import { isKnativeServing } from '../k8s/knative';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'];
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\]|0:0:0:0:0:0:0:1|0\.0\.0\.0)$/i;

/** A probe's loopback `host`: where it is written, and the pair (the fix removes it). */
export interface LoopbackHost {
  readonly probe: string;
  readonly handler: 'httpGet' | 'tcpSocket';
  readonly pair: Pair<Scalar, Scalar>;
  /** The probed port (a number, or a port name). */
  readonly port?: string | number;
}

/** The probes of a container whose `host` is a loopback address. */
export function loopbackHosts(pod: PodModel, container: PodModel['containers'][number]): LoopbackHost[] {
  const out: LoopbackHost[] = [];
  for (const probe of PROBES) {
    for (const handler of ['httpGet', 'tcpSocket'] as const) {
      const map = getMap(getMap(container.node, probe, pod.doc), handler, pod.doc);
      // `{{- if .Values.hostNetwork }} host: 127.0.0.1 {{- end }}`: written only when it is right.
      if (!map || isOpenCollection(map)) continue;
      const pair = getPair(map, 'host', pod.doc);
      if (pair && isScalar(pair.key) && isScalar(pair.value) && typeof pair.value.value === 'string' && LOOPBACK.test(pair.value.value.trim())) {
        const port = container.portReferences.find((r) => r.where === `${probe}.${handler}.port`)?.value;
        out.push({ probe, handler, pair: pair as Pair<Scalar, Scalar>, ...(port !== undefined ? { port } : {}) });
      }
    }
  }
  return out;
}

export function reportLoopbackHosts(ctx: FileRuleContext, chunkStart: number, pod: PodModel): void {
  // A kustomize patch may be merged into a pod with hostNetwork; a patch says nothing of it.
  if (pod.hostNetwork || pod.partial) return;
  // `hostNetwork: {{ .Values.hostNetwork }}` may be true; so may a spec a template writes keys into.
  if ((pod.hostNetworkNode && pod.hostNetworkNode.value !== false) || isOpenCollection(pod.spec)) return;
  // Knative's queue-proxy runs the readiness probe inside the pod, where 127.0.0.1 is the pod.
  if (isKnativeServing(pod)) return;
  for (const container of pod.containers) {
    if (container.role === 'init' || container.role === 'ephemeral') continue; // never probed
    for (const found of loopbackHosts(pod, container)) {
      // A hostPort of the probed port: the CNI portmap plugin sends the node's 127.0.0.1:port to the pod.
      const port = found.port;
      if (pod.containers.some((c) => c.ports.some((p) => p.hostPort !== undefined && (p.hostPort === port || (typeof port === 'string' && p.name === port))))) continue;
      const args = { where: `${found.probe}.${found.handler}`, host: String(found.pair.value?.value), container: containerLabel(container) };
      ctx.report(chunkStart, { node: found.pair.value as Scalar, message: ctx.t('port-not-served.loopback-host', args), data: { loopbackHost: found.probe, handler: found.handler } });
    }
  }
}
