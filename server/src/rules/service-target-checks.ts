/**
 * Part of service-target-port: what one Service port may mean besides a number the pods serve or
 * not — a named port declared for the other protocol, the names it may have meant, a port the pods
 * bind on their loopback only.
 */
import { containerLabel } from '../k8s/pod-model';
import { bindOrigin } from './probe-loopback-listener';
import type { ServiceModel } from '../k8s/services';
import { closest } from '../util/suggest';
import type { PodSummary } from './service-pod-summary';
import type { FileRuleContext } from './types';

/**
 * A named targetPort the containers declare, but not for the Service port's protocol (`dns` as
 * TCP only, the Service port UDP): the endpoints controller looks a name up with the protocol, so
 * the endpoints get no port for it. The fix points at the same number by a name declared with
 * that protocol.
 */
export function reportProtocol(ctx: FileRuleContext, chunkStart: number, service: ServiceModel, ref: ServiceModel['ports'][number], summaries: readonly PodSummary[]): void {
  const name = String(ref.value);
  if (!ref.protocol || summaries.some((s) => s.named.has(`${name}/${ref.protocol}`))) return;
  const declaredAs = [...new Set(summaries.flatMap((s) => [...s.named.keys()]).filter((key) => key.startsWith(`${name}/`)))];
  const entry = summaries.flatMap((s) => [...s.named]).find(([key]) => key.startsWith(`${name}/`));
  const number = entry?.[1];
  const sameNumber = summaries.flatMap((s) => [...s.named]).find(([key, n]) => n === number && key.endsWith(`/${ref.protocol}`))?.[0];
  // Only a name of this protocol on that number: the bare number would send this protocol where
  // the process may listen for the other one alone (coredns' metrics are TCP; probe CX).
  const suggestion = sameNumber?.slice(0, sameNumber.lastIndexOf('/'));
  const args = { service: service.name ?? '?', value: name, field: ref.field, protocol: ref.protocol, declared: declaredAs.join(', ') || name };
  ctx.report(chunkStart, {
    node: ref.node,
    message: ctx.t('service-target-port.protocol', args) + (suggestion !== undefined ? ctx.t('service-target-port.suggest', { suggestion: String(suggestion) }) : ''),
    data: { service: service.name, field: ref.field, value: ref.value, portIndex: ref.index, suggestion },
  });
}

/**
 * The declared port names a misnamed targetPort may have meant. Named ports are matched by name
 * and protocol, so only names of the Service port's protocol count: the one declared on the
 * Service's own port number (`https` on 443 is `pihole-ssl`, not the closer-spelt `pihole-http`
 * on 80, sweep CT), and a name spelt nearly alike (`metrcs` is `metrics`, though `grpc` is on the
 * Service's port, probe CX). When they differ, both are offered and neither is preferred. None
 * otherwise: a guess would send the traffic to some other port and silence the finding.
 */
export function namesToSuggest(ref: ServiceModel['ports'][number], summaries: readonly PodSummary[]): { onPort?: string; alike?: string } {
  const protocol = ref.protocol ?? 'TCP';
  const named = summaries.flatMap((s) => [...s.named]).filter(([key]) => key.endsWith(`/${protocol}`));
  const nameOf = (key: string): string => key.slice(0, key.lastIndexOf('/'));
  const onPort = named.find(([, number]) => number === ref.port);
  const alike = closest(String(ref.value), [...new Set(named.map(([key]) => nameOf(key)))]);
  return { ...(onPort ? { onPort: nameOf(onPort[0]) } : {}), ...(alike ? { alike } : {}) };
}

/**
 * A Service port whose pods' processes bind it on their loopback only (every selected pod): its
 * connections come to the pod's IP and are refused, though the number is served.
 */
export function reportLoopback(ctx: FileRuleContext, chunkStart: number, service: ServiceModel, ref: ServiceModel['ports'][number], matched: readonly PodSummary[]): boolean {
  if ((ref.protocol ?? 'TCP') !== 'TCP') return false;
  const binds = matched.map((summary) => {
    const number = typeof ref.value === 'number' ? ref.value : summary.named.get(`${ref.value}/TCP`);
    return number === undefined ? undefined : summary.loopback.get(number);
  });
  const bind = binds[0];
  if (!bind || binds.some((b) => !b)) return false;
  const args = { service: service.name ?? '?', field: ref.field, value: String(ref.value), port: bind.port, container: containerLabel(bind.container), origin: bindOrigin(bind, ctx.t) };
  ctx.report(chunkStart, { node: ref.node, message: ctx.t('service-target-port.loopback', args), data: { service: service.name, field: ref.field, value: ref.value, portIndex: ref.index, loopback: bind.port } });
  return true;
}

/**
 * The port an unserved number may have meant: the only one the pods serve, or the nearest when it
 * is clearly nearer than the next (`8081` → `8080` beside 9090; a manager's metrics moved to 8080
 * rather than its webhook's 9443). None when two are about as near: the nearest number is then a
 * guess that would send the traffic to another protocol (jaeger's retired TChannel 14267 is
 * neither its HTTP collector 14268 nor its admin 14269, sweep EV).
 */
export function portToSuggest(written: number, candidates: readonly number[], taken: ReadonlySet<number> = new Set()): number | undefined {
  // Ports the Service already sends to elsewhere are never the answer, but still the nearest: then there is none.
  const [first, second] = [...new Set([...candidates, ...taken])].sort((a, b) => Math.abs(a - written) - Math.abs(b - written) || a - b);
  if (first === undefined || taken.has(first)) return undefined;
  if (second === undefined) return first;
  return 2 * Math.abs(first - written) < Math.abs(second - written) ? first : undefined;
}
