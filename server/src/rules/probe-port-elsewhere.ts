/**
 * probe-port-elsewhere: a probe's numeric port is not one its container's process listens on
 * (its effective listeners: the image default moved by args, env or a mounted configuration, or
 * the declarations when the image is unknown), but one a sibling running beside it really listens
 * on. The kubelet probes the pod IP, so the probe tests the sibling: this container is "healthy"
 * whenever the sibling answers. A sibling bound to 127.0.0.1 does not answer on the pod IP, so it
 * is not the one probed. A health sidecar that checks this container for the kubelet (kube-dns's
 * `sidecar` answering `/healthcheck/kubedns`, `exechealthz` answering `/healthz-dnsmasq`) is
 * named in the probe's path: then the probe does test this container, and nothing is reported;
 * nor when the sibling is a reverse proxy known to send the probe on to this container's port
 * (nginx, oauth2-proxy and its forks, kube-rbac-proxy), nor when the sibling shares a socket
 * directory with it (a health sidecar asking it over its socket: CSI's livenessprobe), or serves on a
 * unix socket in a folder the sibling mounts too (gunicorn behind nginx).
 * A file rule: the listeners read ConfigMaps of the file and its folder.
 */
import type { Document } from 'yaml';
import { getMap, getString } from '../core/yaml-access';
import { listenerConfigMaps } from '../k8s/config-maps';
import { envOf } from '../k8s/env';
import { containerListeners, isLoopback, type ContainerListeners } from '../k8s/listeners';
import { containerLabel, FILE_VOLUME_SOURCES, runTogether, type ContainerModel, type PodModel } from '../k8s/pod-model';
import { forwardsProbe, httpProbePath, PROBE_PORT, probesOtherHost } from '../k8s/proxy-forwards';
import { listenerContext, targetChunks } from './file-contexts';
import type { FileRule, FileRuleContext } from './types';

/** TCP ports a container's process listens on; `podIp`: only those the kubelet's probe reaches. */
function tcpPorts(of: ContainerListeners, podIp = false): Set<number> {
  return new Set(of.listeners.filter((l) => l.protocol === 'TCP' && !(podIp && isLoopback(l.address))).map((l) => l.port));
}

function checkPod(ctx: FileRuleContext, chunkStart: number, pod: PodModel, env: Parameters<typeof containerListeners>[2]): void {
  if (pod.hostNetwork) return; // the kubelet probes the node's address: every process of the node shares it
  const of = new Map(pod.containers.map((c) => [c, containerListeners(pod, c, env)]));
  for (const container of pod.containers) {
    if (container.role === 'init' || container.role === 'ephemeral') continue; // plain init containers are never probed
    for (const ref of container.portReferences) {
      if (!PROBE_PORT.test(ref.where) || typeof ref.value !== 'number') continue;
      const port = ref.value;
      const own = tcpPorts(of.get(container)!);
      if (own.has(port) || probesOtherHost(container, ref.where, pod.doc)) continue;
      // A process that listens on loopback only cannot be probed on its own port: a sidecar
      // in front of it (a TLS proxy) is the way in, and the probe through it tests it.
      if (own.size > 0 && tcpPorts(of.get(container)!, true).size === 0) continue;
      const sibling = pod.containers.find((c) => c !== container && runTogether(c, container) && tcpPorts(of.get(c)!, true).has(port));
      if (!sibling || pathNames(container, ref.where, pod.doc) || talksOverSocket(pod, container, sibling, ref.where.includes('.httpGet.'))) continue;
      // A reverse proxy that sends the probe on to this container: the probe tests both. When the
      // sibling's configuration cannot be read (a ConfigMap of a file not in sight, a Secret), its
      // routes are unknown too: it may be such a proxy.
      const path = httpProbePath(container, ref.where, pod.doc);
      if (path !== undefined && of.get(sibling)!.basis === 'unsure') continue;
      const through = of.get(sibling)!.listeners.find((l) => l.port === port && l.protocol === 'TCP' && !isLoopback(l.address));
      if (path !== undefined && forwardsProbe(sibling, through, path, reaches(pod, container, of), pod.doc)) continue;
      const mine = [...own];
      const args = { port, where: ref.where, container: containerLabel(container), other: containerLabel(sibling) };
      const declared = sibling.ports.find((p) => p.containerPort === port);
      ctx.report(chunkStart, {
        node: ref.node,
        message: ctx.t('probe-port-elsewhere.message', args) + (mine.length === 1 ? ctx.t('probe-port-elsewhere.own', { own: mine[0] ?? '' }) : ''),
        related: declared ? [{ node: declared.containerPortNode ?? declared.node, message: ctx.t('probe-port-elsewhere.related', args) }] : [],
        data: { port, container: container.name, sibling: sibling.name, own: mine.length === 1 ? mine[0] : undefined },
      });
    }
  }
}

/**
 * Which loopback ports reach the probed container: its own listeners; when it has none Podsight
 * knows of (no declaration, an unknown image), a port no other container of the pod listens on.
 * An app bound to `127.0.0.1:8080` behind its proxy seldom declares that port, and it is the only
 * process there the proxy can reach. A container that declares other ports keeps to them: a
 * proxy sending the probe elsewhere is then more likely a mistake.
 */
function reaches(pod: PodModel, container: ContainerModel, of: ReadonlyMap<ContainerModel, ContainerListeners>): (port: number) => boolean {
  const mine = of.get(container)!;
  const own = tcpPorts(mine);
  const others = pod.containers.filter((c) => c !== container && runTogether(c, container));
  return (port) => own.has(port) || (own.size === 0 && !mine.complete && !others.some((c) => tcpPorts(of.get(c)!).has(port)));
}

/** A mount path that holds sockets: `/csi`, `/var/run/frr`, `/run/php`, `/sockets`, `/tmp/app.sock`. */
/** kubernetes-csi's health sidecar, under its mirrors' names too (`sig-storage/livenessprobe`, `csi-livenessprobe`, `rancher/mirrored-sig-storage-livenessprobe`). */
const CSI_LIVENESS_PROBE = /(^|[/-])livenessprobe(:|@|$)/;
/** A mount path that holds sockets: `/csi`, `/csi-data`, `C:\\csi`, `/var/run/frr`, `/run/php`, `/sock`, `/tmp/app.sock`. */
const SOCKET_DIR = /(^|[\\/])(run|socks?|sockets?|csi[\w-]*|plugins?)([\\/]|$)|\.sock(et)?$/i;

/**
 * Whether the sibling shares a socket directory with the container: a health sidecar that asks
 * the container over its socket and answers the kubelet for it (CSI's livenessprobe calling the
 * driver's Probe() on /csi/csi.sock, MetalLB's frr-metrics running vtysh against FRR), or a proxy
 * that forwards over it (nginx to php-fpm's socket). The probe through it then tests this container.
 */
function talksOverSocket(pod: PodModel, container: ContainerModel, sibling: ContainerModel, http: boolean): boolean {
  if (sibling.image !== undefined && CSI_LIVENESS_PROBE.test(sibling.image)) return true;
  const socketVolume = (name: string): boolean => !FILE_VOLUME_SOURCES.has(pod.volumes.find((v) => v.name === name)?.source ?? '');
  // A request the proxy sends on over the socket reaches the server; a TCP connection the proxy
  // accepts itself does not (probe DG).
  const sockets = http ? socketPaths(container, pod.doc) : [];
  return sibling.mounts.some((m) =>
    container.mounts.some(
      (own) =>
        own.name !== undefined &&
        own.name === m.name &&
        socketVolume(own.name) &&
        ([m.mountPath, own.mountPath].some((p) => p !== undefined && SOCKET_DIR.test(p)) || sockets.some((path) => own.mountPath !== undefined && inside(path, own.mountPath))),
    ),
  );
}

/**
 * Unix socket paths the container's command line or env names: `--bind unix:/tmp/gunicorn.sock`,
 * uwsgi's `--socket /shared/uwsgi.sock`, `GUNICORN_CMD_ARGS=--bind=unix:/srv/app.sock`. A server
 * bound there, in a folder it shares with a proxy (Gunicorn's own nginx set-up, sweep DC), is
 * reached through the proxy's port, whatever the folder is called.
 */
function socketPaths(container: ContainerModel, doc: Document): string[] {
  const env = envOf(container, doc);
  const texts = [...env.commandArgs.map((a) => a.node.value), ...env.entries.flatMap((e) => (e.valueNode ? [e.valueNode.value] : []))];
  const out: string[] = [];
  for (const text of texts) {
    for (const m of text.matchAll(/(?:^|[\s=:'"])(?:unix:)?(\/[^\s'";,:]+)/g)) {
      const path = m[1] ?? '';
      if (/\.sock(et)?$/i.test(path) || m[0].includes('unix:')) out.push(path);
    }
  }
  return out;
}

/** Whether `path` lies inside the folder `dir` (`/tmp/app.sock` in `/tmp`). */
const inside = (path: string, dir: string): boolean => path.startsWith(dir.endsWith('/') ? dir : `${dir}/`);

/** Whether the probe's HTTP path names the container (`/healthcheck/kubedns` for "kubedns"): a health endpoint that reports on it. */
function pathNames(container: ContainerModel, where: string, doc: Document): boolean {
  const probe = where.slice(0, where.indexOf('.'));
  const path = getString(getMap(getMap(container.node, probe, doc), 'httpGet', doc), 'path', doc)?.toLowerCase();
  const name = container.name?.toLowerCase();
  if (!path || !name) return false;
  const at = path.indexOf(name);
  const boundary = (c: string | undefined): boolean => c === undefined || !/[a-z0-9]/.test(c);
  return at >= 0 && boundary(path[at - 1]) && boundary(path[at + name.length]);
}

export const probePortElsewhere: FileRule = {
  id: 'probe-port-elsewhere',
  defaultSeverity: 'warning',
  context: listenerContext,
  // Of a peer, only the ConfigMaps of its folder or a base (the listener model's configuration files).
  peerContext: listenerContext,
  checkFile(ctx) {
    const env = { images: ctx.options.images, configMaps: listenerConfigMaps(ctx) };
    for (const chunk of targetChunks(ctx)) for (const pod of chunk.pods) checkPod(ctx, chunk.start, pod, env);
  },
};
