/**
 * Network hovers: a container, its ports, `containerPort`. Each leads with what happens to this
 * element in this pod (who binds the port, who else wants it), then one compact table of the pod's
 * port space, then a link for the general lesson. The diagnostic VS Code shows above the hover is
 * never repeated here.
 */
import { configMapsOfAnalysis } from '../k8s/config-maps';
import { lookupImage, parseImageRef } from '../k8s/images';
import { addressesClash, containerListeners, isLoopback, showAddress, type Listener as ModelListener } from '../k8s/listeners';
import { containerLabel, runTogether, type ContainerModel, type PodModel, type PortModel } from '../k8s/pod-model';
import { code, learnMore, nameList, table, type HoverContext } from './context';

/**
 * One thing listening in the pod (or declared to, and served by nothing): the effective-listener
 * model (k8s/listeners.ts), as hovers show it.
 */
export interface Listener extends Pick<ModelListener, 'container' | 'port' | 'protocol' | 'address' | 'source' | 'origin'> {
  readonly declared: boolean;
  /** Declared, but the process (a fully known image) listens elsewhere. */
  readonly unserved: boolean;
  /** Declared, but `command` replaces the entrypoint of an image known to listen there. */
  readonly commandHides: boolean;
}

/** Listeners per pod model (models are cached per chunk text, so hovers reuse this). */
const listenerCache = new WeakMap<PodModel, { images: unknown; configMaps: unknown; listeners: Listener[] }>();

export function listenersOf(ctx: HoverContext, pod: PodModel): Listener[] {
  const configMaps = configMapsOfAnalysis(ctx.analysis);
  const cached = listenerCache.get(pod);
  if (cached && cached.images === ctx.options.images && cached.configMaps === configMaps) return cached.listeners;
  const env = { images: ctx.options.images, configMaps };
  const out: Listener[] = [];
  for (const c of pod.containers) {
    if (c.role === 'ephemeral') continue;
    const of = containerListeners(pod, c, env);
    for (const l of of.listeners) {
      const declared = l.source === 'declared' || l.declaration !== undefined;
      out.push({ container: c, port: l.port, protocol: l.protocol, address: l.address, source: l.source, origin: l.origin, declared, unserved: false, commandHides: of.basis === 'command' && commandHidesPort(ctx, c, l.port) });
    }
    for (const p of of.unserved) {
      if (p.containerPort !== undefined) out.push({ container: c, port: p.containerPort, protocol: p.protocol.toUpperCase(), address: '', source: 'declared', origin: 'containerPort', declared: true, unserved: true, commandHides: false });
    }
  }
  out.sort((a, b) => a.port - b.port || a.protocol.localeCompare(b.protocol));
  listenerCache.set(pod, { images: ctx.options.images, configMaps, listeners: out });
  return out;
}

/** Whether the listener has a process behind it (not a declaration nothing serves). */
function live(l: Listener): boolean {
  return !l.unserved && !l.commandHides;
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

/** The program an image runs, as people call it: `nginx` for `docker.io/library/nginx:1.27`. */
export function programOf(c: ContainerModel): string | undefined {
  const repository = c.image ? parseImageRef(c.image)?.repository : undefined;
  return repository?.slice(repository.lastIndexOf('/') + 1) || undefined;
}

/** Rows shown in the port table; a pod with hundreds of ports gets the first ones and the focus. */
const MAX_ROWS = 16;

interface PortGroup {
  readonly port: number;
  readonly protocol: string;
  readonly listeners: readonly Listener[];
}

/** The pod's one port space: listeners grouped by port/protocol, in port order. */
function portSpace(ctx: HoverContext, pod: PodModel): PortGroup[] {
  const groups = new Map<string, Listener[]>();
  for (const l of listenersOf(ctx, pod)) {
    const key = `${l.port}/${l.protocol}`;
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  return [...groups.values()].map((listeners) => ({ port: listeners[0]!.port, protocol: listeners[0]!.protocol, listeners }));
}

/** Listeners of a group that fight over the port with at least one other (they run together). */
function clashing(group: PortGroup): Set<ContainerModel> {
  const out = new Set<ContainerModel>();
  const running = group.listeners.filter(live);
  for (const a of running) for (const b of running) if (a.container !== b.container && runTogether(a.container, b.container) && addressesClash(a.address, b.address)) out.add(a.container).add(b.container);
  return out;
}

function howKnown(ctx: HoverContext, l: Listener): string {
  if (l.commandHides) return ctx.t('hover.net.command-note');
  if (l.unserved) return ctx.t('hover.net.unserved-note');
  let base: string;
  if (l.source === 'arg' || l.source === 'env' || l.source === 'config') base = ctx.t('hover.net.set-by', { origin: shortOrigin(l.origin) });
  else if (l.source === 'image') base = ctx.t('hover.net.implied', { source: programOf(l.container) ?? '' });
  else base = ctx.t('hover.net.declared');
  if (l.address !== '') base += ctx.t('hover.list-sep') + (isLoopback(l.address) ? ctx.t('hover.net.loopback-note', { address: l.address }) : ctx.t('hover.net.address-note', { address: l.address }));
  return l.container.role === 'init' ? `${base}${ctx.t('hover.list-sep')}${ctx.t('hover.net.init-note')}` : base;
}

/** The setting as written, cut short enough for a table cell (a ConfigMap origin keeps its directive). */
function shortOrigin(origin: string): string {
  const text = origin.replace(/ \(ConfigMap .*$/, '');
  return code(text.length > 48 ? `${text.slice(0, 47)}…` : text);
}

/** One row per port/protocol: who binds it, and how Podsight knows (or that they clash). */
export function portTable(ctx: HoverContext, pod: PodModel, focus?: ContainerModel): string {
  const groups = portSpace(ctx, pod);
  if (groups.length === 0) return ctx.t('hover.net.no-ports');
  const shown = groups.length <= MAX_ROWS ? groups : groups.filter((g, i) => i < MAX_ROWS || g.listeners.some((l) => l.container === focus));
  const rows = shown.map((g) => {
    const names = g.listeners.map((l) => (l.container === focus ? `**${code(containerLabel(l.container))}**` : code(containerLabel(l.container))));
    const clash = clashing(g);
    const note = clash.size > 1 ? ctx.t('hover.net.clash-note') : [...new Set(g.listeners.map((l) => howKnown(ctx, l)))].join(ctx.t('hover.list-sep'));
    const proto = g.protocol === 'TCP' ? '' : `/${g.protocol}`;
    return [code(`localhost:${g.port}${proto}`), names.join(ctx.t('hover.list-sep')), note];
  });
  if (shown.length < groups.length) rows.push(['…', ctx.t('hover.net.more', { count: groups.length - shown.length }), '']);
  return table([ctx.t('hover.net.col.port'), ctx.t('hover.net.col.container'), ctx.t('hover.net.col.how')], rows);
}

const NET_LINK = (ctx: HoverContext): string => learnMore(ctx, ['podNetworking']);

function siblingsOf(pod: PodModel, c: ContainerModel): ContainerModel[] {
  return pod.containers.filter((o) => o !== c && (runTogether(o, c) || o.role === 'init' || c.role === 'init'));
}

function sharedLine(ctx: HoverContext, pod: PodModel): string {
  return pod.hostNetwork ? ctx.t('hover.net.host-shared') : ctx.t('hover.net.shared', { hostname: hostnameOf(ctx, pod) });
}

/** Hover on a container (its item or its name). */
export function containerHover(ctx: HoverContext, pod: PodModel, c: ContainerModel): string {
  const siblings = siblingsOf(pod, c);
  const name = containerLabel(c);
  const program = programOf(c);
  const args = { name, role: roleText(ctx, c), program: program ? ctx.t('hover.net.runs', { program }) : '', siblings: nameList(ctx, siblings.map(containerLabel)) };
  const title = siblings.length ? ctx.t('hover.net.container', args) : ctx.t('hover.net.container-alone', args);
  const extra = pod.containers.some((o) => o.role === 'init') ? [ctx.t('hover.net.init-sequence')] : [];
  return [title, sharedLine(ctx, pod), portTable(ctx, pod, c), ...extra, NET_LINK(ctx)].join('\n\n');
}

/** Hover on `ports` of a container, or on a pod's container list. */
export function portsHover(ctx: HoverContext, pod: PodModel, c?: ContainerModel): string {
  const title = c ? ctx.t('hover.net.ports', { name: containerLabel(c) }) : sharedLine(ctx, pod);
  return [title, portTable(ctx, pod, c), ctx.t('hover.net.protocols'), NET_LINK(ctx)].join('\n\n');
}

/** "`mycon1`'s nginx" for each other container that binds the same port at the same time, on an address that meets `address`. */
function rivals(ctx: HoverContext, pod: PodModel, c: ContainerModel, port: number, protocol: string, address: string): string[] {
  const group = portSpace(ctx, pod).find((g) => g.port === port && g.protocol === protocol);
  if (!group) return [];
  return group.listeners
    .filter((l) => l.container !== c && runTogether(l.container, c) && live(l) && addressesClash(l.address, address))
    .map((l) => ctx.t('hover.net.owner', { name: containerLabel(l.container), program: programOf(l.container) ?? ctx.t('hover.net.process') }));
}

/** Hover on one port entry or its `containerPort`. */
export function portHover(ctx: HoverContext, pod: PodModel, c: ContainerModel, port: PortModel): string {
  if (port.containerPort === undefined) return portsHover(ctx, pod, c);
  const name = containerLabel(c);
  const { containerPort: number } = port;
  const protocol = port.protocol.toUpperCase();
  const program = programOf(c);
  const all = listenersOf(ctx, pod);
  const own = all.filter((l) => l.container === c && l.protocol === protocol);
  const here = own.find((l) => l.port === number);
  const args = { port: number, protocol, name, program: program ?? '' };
  let lead: string;
  if (commandHidesPort(ctx, c, number)) lead = ctx.t('hover.net.port.command', args);
  else if (here?.unserved) {
    const really = own.filter(live).map((l) => showAddress(l.address, l.port));
    lead = ctx.t(really.length ? 'hover.net.port.unserved' : 'hover.net.port.unserved-none', { ...args, actual: nameList(ctx, really) });
  } else if (here && here.source !== 'declared') {
    lead = ctx.t('hover.net.port.binds', args);
    if (here.source !== 'image') lead += ctx.t('hover.net.port.set-by', { origin: shortOrigin(here.origin) });
    if (here.address !== '') lead += ctx.t(isLoopback(here.address) ? 'hover.net.port.loopback' : 'hover.net.port.address', { address: here.address });
  } else lead = ctx.t('hover.net.port.declared', args);
  const others = here && live(here) ? rivals(ctx, pod, c, number, protocol, here.address) : [];
  if (others.length) lead += ctx.t('hover.net.port.clash', { others: others.join(ctx.t('hover.list-sep')) });
  const parts = [lead + ctx.t('hover.net.sentence-end')];
  // Siblings that bind the same number have their own process there: localhost is not this one for them.
  const reach = siblingsOf(pod, c).filter((s) => !all.some((l) => l.container === s && l.port === number && l.protocol === protocol && live(l)));
  if (pod.hostNetwork) parts.push(ctx.t('hover.net.host-shared'));
  else if (here?.unserved) parts.push(ctx.t('hover.net.port-refused', { port: number }));
  else if (here && isLoopback(here.address)) {
    if (reach.length) parts.push(ctx.t('hover.net.port-reach-local', { siblings: nameList(ctx, reach.map(containerLabel)), port: number }));
  }
  else if (reach.length) parts.push(ctx.t('hover.net.port-reach', { siblings: nameList(ctx, reach.map(containerLabel)), port: number }));
  else parts.push(ctx.t('hover.net.port-outside', { port: number }));
  parts.push(portTable(ctx, pod, c), NET_LINK(ctx));
  return parts.join('\n\n');
}
