/**
 * Network hovers: a container, its ports, `containerPort`, `hostPort`, `hostNetwork`. They teach
 * the shared network namespace with this pod's own containers: what `localhost:<port>` reaches
 * and which containers would fight over a port at run time.
 */
import { lookupImage } from '../k8s/images';
import { impliedPorts } from '../k8s/listeners';
import { containerLabel, runTogether, type ContainerModel, type PodModel, type PortModel } from '../k8s/pod-model';
import { code, learnMore, nameList, table, type HoverContext } from './context';

/** One thing listening in the pod. */
interface Listener {
  readonly container: ContainerModel;
  readonly port: number;
  readonly protocol: string;
  readonly declared: boolean;
  readonly source?: string;
  /** Declared, but `command` replaces the entrypoint of an image known to listen there. */
  readonly commandHides: boolean;
}

/** Listeners per pod model (models are cached per chunk text, so hovers reuse this). */
const listenerCache = new WeakMap<PodModel, { images: unknown; listeners: Listener[] }>();

function listenersOf(ctx: HoverContext, pod: PodModel): Listener[] {
  const cached = listenerCache.get(pod);
  if (cached && cached.images === ctx.options.images) return cached.listeners;
  const out: Listener[] = [];
  for (const c of pod.containers) {
    if (c.role === 'ephemeral') continue;
    for (const p of c.ports) {
      if (p.containerPort !== undefined) out.push({ container: c, port: p.containerPort, protocol: p.protocol, declared: true, commandHides: commandHidesPort(ctx, c, p.containerPort) });
    }
    for (const p of impliedPorts(c, ctx.options.images)) out.push({ container: c, port: p.port, protocol: p.protocol, declared: false, source: p.source, commandHides: false });
  }
  out.sort((a, b) => a.port - b.port || a.protocol.localeCompare(b.protocol));
  listenerCache.set(pod, { images: ctx.options.images, listeners: out });
  return out;
}

export function roleText(ctx: HoverContext, c: ContainerModel): string {
  return ctx.t(`hover.pod.role.${c.role}`);
}

export function hostnameOf(ctx: HoverContext, pod: PodModel): string {
  if (pod.hostname) return code(pod.hostname);
  if (pod.kind === 'Pod' && pod.name) return code(pod.name);
  return ctx.t('hover.pod.hostname-generated');
}

function commandHidesPort(ctx: HoverContext, c: ContainerModel, port: number): boolean {
  if (!c.commandOverridden || !c.image) return false;
  return !!lookupImage(c.image, ctx.options.images)?.ports.some((p) => p.port === port);
}

/** Rows shown in the localhost table; a pod with hundreds of containers gets the first ones and the focus. */
const MAX_ROWS = 24;

/** The `localhost:<port>` table and the conflicts that involve `focus` (or any, without focus). */
export function localhostSection(ctx: HoverContext, pod: PodModel, focus?: ContainerModel): string {
  const listeners = listenersOf(ctx, pod);
  if (listeners.length === 0) return ctx.t('hover.net.no-ports');
  const shown = listeners.length <= MAX_ROWS ? listeners : listeners.filter((l, i) => i < MAX_ROWS || l.container === focus);
  const rows = shown.map((l) => {
    const notes = [l.declared ? ctx.t('hover.net.declared') : ctx.t('hover.net.implied', { source: l.source ?? '' })];
    if (l.commandHides) notes.push(ctx.t('hover.net.command-note'));
    if (l.container.role === 'init') notes.push(ctx.t('hover.net.init-note'));
    const name = code(containerLabel(l.container));
    return [code(`localhost:${l.port}${l.protocol === 'TCP' ? '' : '/' + l.protocol}`), l.container === focus ? `**${name}**` : name, notes.join('; ')];
  });
  if (shown.length < listeners.length) rows.push(['…', ctx.t('hover.net.more', { count: listeners.length - shown.length }), '']);
  const parts = [ctx.t('hover.net.table-title'), table([ctx.t('hover.net.col.port'), ctx.t('hover.net.col.container'), ctx.t('hover.net.col.how')], rows)];
  // Group by port/protocol first: only listeners on one number can collide.
  const byPort = new Map<string, Listener[]>();
  for (const l of listeners) {
    const key = `${l.port}/${l.protocol}`;
    byPort.set(key, [...(byPort.get(key) ?? []), l]);
  }
  let conflicts = 0;
  for (const [key, group] of byPort) {
    if (group.length < 2) continue;
    const involved = new Set<ContainerModel>();
    for (const a of group) {
      for (const b of group) {
        if (!runTogether(a.container, b.container)) continue;
        if (focus && a.container !== focus && b.container !== focus) continue;
        involved.add(a.container).add(b.container);
      }
    }
    if (involved.size === 0) continue;
    conflicts++;
    const [port, protocol] = key.split('/');
    parts.push(ctx.t('hover.net.conflict', { port: port ?? '', protocol: protocol ?? '', containers: nameList(ctx, [...involved].map(containerLabel)) }));
  }
  if (conflicts === 0) parts.push(ctx.t('hover.net.conflict-free'));
  return parts.join('\n\n');
}

function sharedText(ctx: HoverContext, pod: PodModel): string {
  return pod.hostNetwork ? ctx.t('hover.net.host-shared') : ctx.t('hover.net.shared', { hostname: hostnameOf(ctx, pod) });
}

function siblingsOf(pod: PodModel, c: ContainerModel): ContainerModel[] {
  return pod.containers.filter((o) => o !== c && (runTogether(o, c) || o.role === 'init' || c.role === 'init'));
}

const NET_LINKS = (ctx: HoverContext): string => learnMore(ctx, ['podNetworking', 'sidecars', 'initContainers']);

/** Hover on a container (its item or its name). */
export function containerHover(ctx: HoverContext, pod: PodModel, c: ContainerModel): string {
  const siblings = siblingsOf(pod, c);
  const name = containerLabel(c);
  const title = siblings.length
    ? ctx.t('hover.net.container', { name, role: roleText(ctx, c), siblings: nameList(ctx, siblings.map(containerLabel)) })
    : ctx.t('hover.net.container-alone', { name, role: roleText(ctx, c) });
  const extra = pod.containers.some((o) => o.role === 'init') ? [ctx.t('hover.net.init-sequence')] : [];
  return [title, sharedText(ctx, pod), localhostSection(ctx, pod, c), ...extra, NET_LINKS(ctx)].join('\n\n');
}

/** Hover on `ports` of a container, or on a pod's container list. */
export function portsHover(ctx: HoverContext, pod: PodModel, c?: ContainerModel): string {
  const title = c ? ctx.t('hover.net.ports', { name: containerLabel(c) }) : undefined;
  return [title, sharedText(ctx, pod), localhostSection(ctx, pod, c), ctx.t('hover.net.protocols'), NET_LINKS(ctx)].filter(Boolean).join('\n\n');
}

/** Hover on one port entry or its `containerPort`. */
export function portHover(ctx: HoverContext, pod: PodModel, c: ContainerModel, port: PortModel): string {
  if (port.containerPort === undefined) return portsHover(ctx, pod, c);
  const name = containerLabel(c);
  const siblings = siblingsOf(pod, c);
  const parts = [ctx.t('hover.net.port', { port: port.containerPort, protocol: port.protocol, name })];
  if (siblings.length && !pod.hostNetwork) {
    parts.push(ctx.t('hover.net.port-reach', { siblings: nameList(ctx, siblings.map(containerLabel)), port: port.containerPort }));
  }
  parts.push(sharedText(ctx, pod), localhostSection(ctx, pod, c), ctx.t('hover.net.protocols'), NET_LINKS(ctx));
  return parts.join('\n\n');
}

/** Hover on `hostPort`. */
export function hostPortHover(ctx: HoverContext, pod: PodModel, c: ContainerModel, port: PortModel): string {
  if (port.hostPort === undefined) return portHover(ctx, pod, c, port);
  const parts = [
    ctx.t('hover.hostport.title', {
      hostPort: port.hostPort,
      protocol: port.protocol,
      hostIP: port.hostIP ? ` (${code(port.hostIP)})` : '',
      containerPort: port.containerPort ?? '?',
      name: containerLabel(c),
    }),
    ctx.t('hover.hostport.detail'),
  ];
  const others = pod.containers.flatMap((o) =>
    o.ports.filter((p) => p !== port && p.hostPort !== undefined).map((p) => `${code(`${p.hostPort}/${p.protocol}`)} (${code(containerLabel(o))})`),
  );
  if (others.length) parts.push(ctx.t('hover.hostport.others', { list: others.join(ctx.t('hover.list-sep')) }));
  if (pod.hostNetwork) parts.push(ctx.t('hover.hostport.host-network'));
  parts.push(learnMore(ctx, ['hostPort', 'podNetworking']));
  return parts.join('\n\n');
}

/** Hover on `hostNetwork`. */
export function hostNetworkHover(ctx: HoverContext, pod: PodModel): string {
  if (!pod.hostNetwork) return [ctx.t('hover.hostnetwork.off'), sharedText(ctx, pod)].join('\n\n');
  const bound = listenersOf(ctx, pod).map((l) => `${code(`${l.port}/${l.protocol}`)} (${code(containerLabel(l.container))})`);
  const parts = [ctx.t('hover.hostnetwork.on')];
  if (bound.length) parts.push(ctx.t('hover.hostnetwork.ports', { list: bound.join(ctx.t('hover.list-sep')) }));
  parts.push(learnMore(ctx, ['networking']));
  return parts.join('\n\n');
}
