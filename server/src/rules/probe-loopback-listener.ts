/**
 * Part of port-not-served: a probe on a port that the pod serves on its loopback only. The kubelet
 * connects to the pod's IP from the node; a process bound to `127.0.0.1:8081` (or `localhost`,
 * `[::1]`) is not there, and while it holds the port no other process of the pod can bind it on
 * every address. The probe gets "connection refused": a liveness probe restarts the container
 * forever, a readiness probe keeps the pod out of its Services.
 * What binds there: a listener of a known image under its settings (`--web.listen-address`), or,
 * for any image, a flag of the container's command line that names a listen or bind address
 * (`--health-probe-bind-address=127.0.0.1:8081`, `--listen-client-urls=http://127.0.0.1:2379`).
 */
import type { Node, Scalar } from 'yaml';
import { isOpenCollection } from '../core/open-collections';
import { asMap, getMap, getSeqItems, getString } from '../core/yaml-access';
import { isLoopback, showAddress, type ContainerListeners } from '../k8s/listeners';
import { argItems, parseAddress, type ArgItem } from '../k8s/listen-values';
import { flagHits, type FlagHit } from '../k8s/command-flags';
import { containerLabel, runTogether, type ContainerModel, type PodModel } from '../k8s/pod-model';
import { PROBE_PORT, probesOtherHost } from '../k8s/proxy-forwards';
import type { FileRuleContext } from './types';
import { isKnativeServing } from '../k8s/knative';
import { devServerBinds, type DevServerBind } from '../k8s/dev-servers';
import { managerLoopbackPorts } from '../k8s/manager-flags';

/** Flags that name where the program itself listens: `--listen…`, `--…-bind-address`, `--http-address`. */
const LISTEN_FLAG = /^--?(?:[\w.-]*[-_.])?(?:listen|bind)(?:[-_.][\w.-]*)?$|^--?(?:metrics|health|healthz|probe|http|https|web|admin|status)[-_.]?(?:addr|address)$|^--?metrics$/i;
/** Not a TCP listener (`--statsd.listen-udp`, a unix socket). */
const NOT_TCP_LISTEN = /udp|unix|sock/i;

/** A loopback bind of one port, and where it is set. */
export interface LoopbackBind {
  readonly container: ContainerModel;
  readonly port: number;
  /** As written: `--health-probe-bind-address=127.0.0.1:8081`. */
  readonly origin: string;
  readonly node?: Node;
  /** For a listen flag: its name and the scalar holding its value (the fix rebinds it). */
  readonly flag?: { readonly name: string; readonly value: Scalar };
  /**
   * Read from a flag's name alone: it tells of the container's own probes only. A sibling's flag
   * may be where a client connects (Consul's CLI `-http-addr`), not where anything listens.
   */
  readonly ownOnly?: boolean;
  /** A server's default address (uvicorn, `flask run`, Django's runserver): what to write instead. */
  readonly byDefault?: { readonly program: string; readonly address: string; readonly how: string };
  /** For a server the command starts (dev-servers.ts): the edit that binds every address. */
  readonly edit?: DevServerBind['edit'];
}

/** What a container's listen flags bind, port by port: loopback only, or somewhere the pod IP reaches. */
interface FlagPorts {
  /** The last flag binding the port on loopback, for ports no flag binds elsewhere. */
  readonly loopback: Map<number, FlagHit<ArgItem>>;
  readonly reachable: Set<number>;
  /** A listen flag whose value cannot be read (a placeholder): any port may be bound anywhere. */
  readonly unread: boolean;
}

/**
 * Every listen flag of the command line, each time it is given: some are repeatable (gunicorn
 * `--bind`, node-exporter's `--web.listen-address`), others keep their last value, so a port is
 * loopback only when every address any of them gives it is a loopback one
 * (`--listen-client-urls=http://127.0.0.1:2379,http://$(POD_IP):2379` is not).
 */
function flagPorts(container: ContainerModel, doc: PodModel['doc']): FlagPorts {
  const items = [...argItems(container, 'command', doc), ...argItems(container, 'args', doc)];
  const out: FlagPorts = { loopback: new Map(), reachable: new Set(), unread: false };
  for (const found of flagHits(items)) {
    if (!LISTEN_FLAG.test(found.flag) || NOT_TCP_LISTEN.test(found.flag)) continue;
    for (const part of found.value.split(',')) {
      const address = parseAddress(part);
      if (!address?.port) {
        if (/[$`{}]/.test(part)) (out as { unread: boolean }).unread = true;
        continue;
      }
      // `$(POD_IP):8000`: a host the kubelet fills in is the pod's, reachable.
      if (address.address !== '' && isLoopback(address.address)) out.loopback.set(address.port, found);
      else out.reachable.add(address.port);
    }
  }
  for (const port of out.reachable) out.loopback.delete(port);
  return out;
}

/** The loopback-only binds of a container's listen flags. */
function flagBinds(container: ContainerModel, ports: FlagPorts): LoopbackBind[] {
  if (ports.unread) return [];
  return [...ports.loopback].map(([port, { flag, value, flagItem: item, item: valueItem }]) => {
    const written = item.index >= 0 && valueItem.index >= 0 && valueItem.node; // not a word of a variable
    return { container, port, origin: item === valueItem ? item.text : `${flag} ${value}`, ...(item.node ? { node: item.node } : {}), ...(written ? { flag: { name: flag, value: written } } : {}) };
  });
}

/** Loopback-only binds of the pod: known images' listeners and listen flags of any container. */
export function loopbackBinds(pod: PodModel, all: readonly ContainerListeners[]): LoopbackBind[] {
  const binds: LoopbackBind[] = [];
  const flags = new Map(pod.containers.map((c) => [c, flagPorts(c, pod.doc)]));
  for (const of of all) {
    const own = flags.get(of.container);
    for (const l of of.listeners) {
      if (l.protocol !== 'TCP' || l.address === '' || !isLoopback(l.address)) continue;
      // The model keeps one address per listener; the flags may bind the port elsewhere too.
      if (own && (own.unread || own.reachable.has(l.port))) continue;
      // `-p 11211` says the port only; `-l 127.0.0.1` bound it: name the address then.
      const origin = l.origin.includes(l.address) ? l.origin : showAddress(l.address, l.port);
      binds.push({ container: of.container, port: l.port, origin, ...(l.node ? { node: l.node } : {}) });
    }
  }
  for (const container of pod.containers) {
    const flagged = flags.get(container)!;
    // The servers the command starts (uvicorn, flask run, runserver, gunicorn -b): their binds are the
    // serving process's own, for a sibling's probes and Services too.
    for (const server of flagged.unread ? [] : devServerBinds(container, pod.doc)) {
      if (flagged.reachable.has(server.port) || binds.some((b) => b.container === container && b.port === server.port)) continue;
      const { node, edit } = server;
      const origin = server.byDefault ? server.program : `${server.program} ${showAddress(server.address, server.port)}`;
      binds.push({ container, port: server.port, origin, ...(node ? { node } : {}), ...(edit ? { edit } : {}), ...(server.byDefault ? { byDefault: { program: server.program, address: server.address, how: server.how } } : {}) });
    }
    // A controller-runtime manager's own listen flag is where it serves (a Service's too); other flags may be a client's.
    const manager = managerLoopbackPorts(container, pod.doc);
    for (const bind of flagBinds(container, flagged)) if (!binds.some((b) => b.container === container && b.port === bind.port)) binds.push({ ...bind, ...(manager.has(bind.port) ? {} : { ownOnly: true }) });
  }
  return binds;
}

/** How a bind is told in messages: as written, or the server's default address. */
export function bindOrigin(bind: LoopbackBind, t: (key: string, args?: Readonly<Record<string, string | number>>) => string): string {
  return bind.byDefault ? t('loopback.default-bind', { program: bind.byDefault.program, address: showAddress(bind.byDefault.address, bind.port) }) : bind.origin;
}

/**
 * A mesh that sends the kubelet's probes to the app over the pod's loopback, where they pass.
 * Istio's injector rewrites HTTP probes to its agent, which sends them to the pod IP (since 1.10),
 * or to localhost when REWRITE_PROBE_LEGACY_LOCALHOST_DESTINATION is true (in
 * `proxy.istio.io/config`'s proxyMetadata or the istio-proxy container's env).
 */
export function meshProbesLocalhost(pod: PodModel): boolean {
  const legacy = /REWRITE_PROBE_LEGACY_LOCALHOST_DESTINATION["']?\s*[:=]\s*["']?(true|1|t)\b/i;
  const annotations = getMap(getMap(pod.owner, 'metadata', pod.doc), 'annotations', pod.doc);
  if (legacy.test(getString(annotations, 'proxy.istio.io/config', pod.doc) ?? '')) return true;
  // Consul's injector rewrites probes to Envoy, which sends them on to 127.0.0.1; Linkerd's proxy
  // takes the kubelet's connections too (its way to the app is not read here).
  if (/^true$/i.test(getString(annotations, 'consul.hashicorp.com/connect-inject', pod.doc) ?? '')) return true;
  if (/^enabled$/i.test(getString(annotations, 'linkerd.io/inject', pod.doc) ?? '')) return true;
  const proxy = pod.containers.find((c) => c.name === 'istio-proxy');
  const env = proxy ? getSeqItems(proxy.node, 'env', pod.doc) : [];
  return env.some(({ node }) => {
    const entry = asMap(node, pod.doc);
    return getString(entry, 'name', pod.doc) === 'REWRITE_PROBE_LEGACY_LOCALHOST_DESTINATION' && /^(true|1|t)$/i.test(getString(entry, 'value', pod.doc) ?? '');
  });
}

export function reportLoopbackListeners(ctx: FileRuleContext, chunkStart: number, pod: PodModel, all: readonly ContainerListeners[]): void {
  // Under hostNetwork too: the kubelet probes the pod's IP, then the node's, which is no loopback
  // either (a probe that sets `host: 127.0.0.1`, as node agents do, is left alone below).
  if (pod.partial || isOpenCollection(pod.spec) || meshProbesLocalhost(pod)) return;
  // Knative's queue-proxy runs the readiness probe inside the pod, where 127.0.0.1 is the pod.
  if (isKnativeServing(pod)) return;
  // Most pods have no probe on a port: read no command lines for them.
  if (!pod.containers.some((c) => c.portReferences.some((r) => PROBE_PORT.test(r.where)))) return;
  const binds = loopbackBinds(pod, all);
  if (binds.length === 0) return;
  for (const container of pod.containers) {
    if (container.role === 'init' || container.role === 'ephemeral') continue; // never probed
    for (const ref of container.portReferences) {
      if (!PROBE_PORT.test(ref.where) || probesOtherHost(container, ref.where, pod.doc)) continue;
      const port = typeof ref.value === 'number' ? ref.value : container.ports.find((p) => p.name === ref.value)?.containerPort;
      const bind = binds.find((b) => b.port === port && (b.container === container || (!b.ownOnly && runTogether(b.container, container))));
      // A listener of the pod's on every address of that port (read from a setting, not a declaration): it answers.
      if (!bind || all.some((o) => o.listeners.some((l) => l.port === port && l.protocol === 'TCP' && !isLoopback(l.address) && l.source !== 'declared'))) continue;
      const args = { where: ref.where.replace(/\.port$/, ''), port: port ?? '', container: containerLabel(container), binder: containerLabel(bind.container), origin: bindOrigin(bind, ctx.t) };
      // On the node's network the process shares the node's loopback: a probe `host: 127.0.0.1` reaches it.
      const key = pod.hostNetwork ? 'port-not-served.loopback-listener-host-network' : bind.container === container ? 'port-not-served.loopback-listener' : 'port-not-served.loopback-listener-sibling';
      ctx.report(chunkStart, {
        node: ref.node,
        message: ctx.t(key, args),
        related: bind.node ? [{ node: bind.node, message: ctx.t('port-not-served.loopback-listener-related', args) }] : [],
        data: { loopbackListener: ref.where, port, containerPath: bind.container.path, probedPath: container.path, hostNetwork: pod.hostNetwork },
      });
    }
  }
}

/** The listen value with its loopback host made every address: `127.0.0.1:8081` → `0.0.0.0:8081`, `[::1]:9090` → `[::]:9090`. */
export function everyAddress(value: string): string {
  return value.replace(/(^|\/\/|,|=)(?:127(?:\.\d{1,3}){3}|localhost)(?=:\d)/gi, '$10.0.0.0').replace(/(^|\/\/|,|=)\[::1\](?=:\d)/g, '$1[::]');
}
