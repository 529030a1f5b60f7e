/**
 * Effective listeners: what the process of each container really binds, as (port, protocol,
 * bind address) with its source. A declaration (`containerPort`) is not a process: for a known
 * image the listeners are the image's defaults, moved by the documented settings the container
 * uses (args, env, a configuration file mounted from a ConfigMap of the file). Only when the
 * image is unknown, or `command` replaces its entrypoint, do the declarations stand in for the
 * process. Every port rule, fix, hover, completion, code lens and the diagram read this model.
 */
import type { Node } from 'yaml';
import { NO_CONFIG_MAPS, type ConfigMapIndex } from './config-maps';
import { lookupImage, normaliseMountPath, type ListenSetting, type ResolvedImage, type UserImageInfo } from './images';
import { scriptProgram } from './script-program';
import { readSettings } from './listen-setting-reads';
import { tcpTurnedOff, withoutModifiers } from './listen-settings';
import { nginxConfig, type ConfigListen } from './listen-config';
import { argItems, containerEnv, envArgItems, showAddress, templatedInputs, type ArgItem } from './listen-values';
import { hasFlagPrefix } from './command-flags';
import { readConfigFile } from './listen-files';
import { configFileArg, exitWord, ownProgram, runsPublishedImage } from './listen-programs';
import { readRedisConfig } from './listen-redis';
import { switchedOff, withPropertiesFile } from './listen-switches';
import { reason, type UnsureReason } from './listen-reasons';
import type { ContainerModel, PodModel, PortModel } from './pod-model';

export { addressesClash, isLoopback, showAddress } from './listen-values';

/** Where a listener comes from. */
export type ListenerSource = 'image' | 'arg' | 'env' | 'config' | 'declared';

export interface Listener {
  readonly container: ContainerModel;
  readonly port: number;
  readonly protocol: string;
  /** The bind address: '' for every address of the pod (0.0.0.0, ::). */
  readonly address: string;
  readonly source: ListenerSource;
  /** How it is set, for messages: `--web.listen-address=127.0.0.1:9101`, `GF_SERVER_HTTP_PORT=3001`, `listen 8081`. */
  readonly origin: string;
  /** The node in the container that sets it (arg item, env value, declaration), else the image. */
  readonly node?: Node;
  /** The image default it replaces (moved listeners) or is (image listeners). */
  readonly defaultPort?: number;
  /** The setting that moved it (arg or env). */
  readonly setting?: ListenSetting;
  readonly config?: ConfigListen;
  /** The declaration of this port, if the container has one. */
  readonly declaration?: PortModel;
}

/**
 * How the listeners were found: `image` (a known image, its settings understood), `declared`
 * (unknown image: the declarations stand in), `command` (the entrypoint is replaced, so the image
 * default no longer holds), `unsure` (a known image whose settings Podsight cannot read).
 */
export type ListenerBasis = 'image' | 'declared' | 'command' | 'unsure';

export interface ContainerListeners {
  readonly container: ContainerModel;
  readonly listeners: readonly Listener[];
  readonly basis: ListenerBasis;
  readonly image?: ResolvedImage;
  /** Why the basis is `unsure` (render with `reasonText`). */
  readonly unsure?: UnsureReason;
  /** Declarations the process does not listen on (only for images whose ports are fully known). */
  readonly unserved: readonly PortModel[];
  /** The image's ports are fully known (ListenModel.complete) and nothing made them unsure. */
  readonly complete: boolean;
  /** The setting that turned every TCP listener off (`--skip-networking`), as written. */
  readonly tcpOff?: string;
  /**
   * Basis `command` without a replaced `command`: the program `args` run instead of the server
   * (`psql`), or the flag that makes the server exit at once (`nginx -t`).
   */
  readonly runsInstead?: { readonly program: string } | { readonly exitFlag: string };
  /**
   * Image defaults that gave way to the declarations (an image whose ports are not all known, with
   * other ports declared): the process may still listen there, or the author moved it in a way
   * Podsight does not follow. Neither listening nor refused.
   */
  readonly gaveWay?: readonly number[];
  /** The program is the last command of the container's `sh -c` script (k8s/script-program.ts): no fix edits its words. */
  readonly viaScript?: true;
}

/** What the model needs beyond the pod: user image knowledge and the file's ConfigMaps. */
export interface ListenerEnv {
  readonly images?: Readonly<Record<string, UserImageInfo>>;
  readonly configMaps?: ConfigMapIndex;
}

function declaredListeners(container: ContainerModel): Listener[] {
  return container.ports.flatMap((p) =>
    p.containerPort === undefined ? [] : [{ container, port: p.containerPort, protocol: p.protocol.toUpperCase(), address: '', source: 'declared' as const, origin: 'containerPort', node: p.containerPortNode ?? p.node, declaration: p }],
  );
}

const cache = new WeakMap<ContainerModel, { images: unknown; configMaps: unknown; result: ContainerListeners }>();

/** The effective listeners of one container (memoised on the container model). */
export function containerListeners(pod: PodModel, container: ContainerModel, env: ListenerEnv = {}): ContainerListeners {
  const configMaps = env.configMaps ?? NO_CONFIG_MAPS;
  const hit = cache.get(container);
  if (hit && hit.images === env.images && hit.configMaps === configMaps) return hit.result;
  const result = compute(pod, container, env.images, configMaps);
  cache.set(container, { images: env.images, configMaps, result });
  return result;
}

function compute(pod: PodModel, container: ContainerModel, images: ListenerEnv['images'], configMaps: ConfigMapIndex): ContainerListeners {
  const declared = declaredListeners(container);
  const info = container.image ? lookupImage(container.image, images) : undefined;
  const base: { container: ContainerModel; unserved: PortModel[]; complete: boolean; viaScript?: true } = { container, unserved: [], complete: false };
  if (!info) return { ...base, listeners: declared, basis: 'declared' };
  const listen = info.listen;
  const doc = pod.doc;
  const written = container.commandOverridden ? ownProgram(container, listen, doc) : [];
  // A shell script's own arguments are not the program's: `args` after `sh -c S` are $0, $1….
  const fromScript = written ? undefined : scriptProgram(container, listen, doc);
  const started = written ?? fromScript;
  if (!started) return { ...base, listeners: declared, basis: 'command', image: info };
  if (fromScript) base.viaScript = true;
  const own = withoutModifiers([...started, ...(fromScript ? [] : argItems(container, 'args', doc))], listen?.optionModifiers);
  const vars = containerEnv(pod, container, configMaps);
  // The image's key=value file (keycloak.conf) adds settings below the container's env.
  const withFile = withPropertiesFile(listen, pod, container, configMaps, vars);
  let unsure = templatedInputs(container, own, doc) ?? withFile.unsure;
  // Words of JENKINS_OPTS, REDIS_ARGS…: after the program, before the container's own args.
  const words = envArgItems(listen?.argsEnv, own.length, vars);
  if ('key' in words) unsure ??= words;
  const args = 'key' in words ? own : [...own.slice(0, started.length), ...words, ...own.slice(started.length)];
  const first = own[0]?.text;
  // `args` replace the image's CMD: a first word that is no flag and none of the server's own
  // programs or subcommands runs something else (`rabbitmqctl await_startup`, `sh -c …`,
  // `consul snapshot save`), whose ports nobody knows; so does a flag when the CMD is a script.
  if (first !== undefined && (!first.startsWith('-') || listen?.argsEnv?.cmdOnly) && !(listen?.programs ?? []).includes(first.slice(first.lastIndexOf('/') + 1)) && !configFileArg(listen, first)) {
    // An image that names its programs starts through an entrypoint that execs any other word
    // (docker-entrypoint.sh: `exec "$@"`): the server does not run, and port flags after the word
    // are the other program's (`psql -p 5432` connects there), as with a replaced `command`.
    if (!unsure && listen?.programs && !first.startsWith('-') && !first.includes('$')) return { ...base, listeners: declared, basis: 'command', image: info, runsInstead: { program: first } };
    unsure ??= reason('args-program', { program: first });
  }
  // `nginx -t`, `postgres --version`: the server prints or tests, then exits, binding nothing.
  const exitFlag = exitWord(listen, args, own);
  if (exitFlag && !unsure) return { ...base, listeners: declared, basis: 'command', image: info, runsInstead: { exitFlag } };
  const settingItems = new Set<ArgItem>();
  // httpd, Caddy, Envoy, Traefik: the file the process loads (a Traefik file replaces every flag).
  const format = listen?.config === 'nginx' || listen?.config === 'redis' ? undefined : listen?.config;
  const fromFile = format ? readConfigFile(format, { pod, container, args, env: vars, configMaps }, listen?.configFile) : undefined;
  const exclusive = fromFile?.kind === 'listens' && fromFile.exclusive === true;
  for (const a of fromFile?.consumed ?? []) settingItems.add(a);
  const read = readSettings(container, exclusive ? [] : (listen?.settings ?? []), { args, env: withFile.env, vars, fileSuffix: listen?.fileEnvSuffix }, settingItems);
  unsure ??= read.unsure;
  const { moves, added } = read;
  // Keycloak's `start` opens HTTP only when a setting turns it on, wherever --http-port moved it.
  const switched = switchedOff(listen?.switchedPorts, own.slice(started.length > 0 ? 1 : 0), args, withFile.env, vars);
  if (Array.isArray(switched)) for (const port of switched) moves.set(port, 'off');
  else unsure ??= switched;
  const configArg = listen?.configArgs && !exclusive ? hasFlagPrefix(args.filter((a) => !settingItems.has(a)), listen.configArgs) : undefined;
  if (configArg) unsure ??= reason('config-arg', { arg: configArg });
  const featureArg = listen?.featureArgs ? hasFlagPrefix(args, listen.featureArgs) : undefined;
  if (featureArg) unsure ??= reason('feature-arg', { arg: featureArg });
  const configEnv = listen?.configEnv?.find((name) => vars.vars.has(name));
  if (configEnv) unsure ??= reason('config-env', { name: configEnv });
  // A mounted configuration file the image reads and Podsight does not (my.cnf, grafana.ini):
  // it only matters for the ports no explicit setting moved.
  const configMount = container.mounts.find((m) => {
    const p = m.mountPath === undefined ? undefined : normaliseMountPath(m.mountPath);
    return p !== undefined && (listen?.configPaths ?? []).some((c) => p === c || c.startsWith(p === '/' ? '/' : p + '/') || p.startsWith(c + '/'));
  });

  const off = unsure ? undefined : tcpTurnedOff(listen?.tcpOff, args, vars);
  if (off) {
    // No TCP listener at all (clients use a unix socket): every declared TCP port is unserved.
    const known = listen?.complete === true && runsPublishedImage(container, pod.doc);
    const unserved = known ? container.ports.filter((p) => p.containerPort !== undefined && p.protocol.toUpperCase() === 'TCP') : [];
    return { ...base, listeners: [], basis: 'image', image: info, unserved, complete: known, tcpOff: off };
  }

  // A default bound to one address says why in its description (Mosquitto 2's local-only mode).
  let defaults = info.ports.filter((p) => !p.configured).map((p) => ({ port: p.port, protocol: p.protocol, address: p.address ?? '', origin: p.address ? p.description : info.portsSource }));
  // `args` (or a `command` naming the server) replace the image's CMD, and with it what only
  // the CMD turns on (nats' bundled file: cluster and monitoring), unless a setting moves it.
  const cmdPorts = listen?.cmdPorts ?? [];
  if (own.length > 0 && fromFile?.bundled !== true) defaults = defaults.filter((d) => !cmdPorts.includes(d.port) || moves.has(d.port));
  const configListeners: Listener[] = [];
  if (listen?.config !== 'redis') {
    const r = listen?.config === 'nginx' ? nginxConfig(pod, container, vars, configMaps) : fromFile;
    if (r?.kind === 'unsure') unsure ??= r.why;
    else if (r?.kind === 'listens') {
      if (!r.imageDefault) defaults = [];
      for (const l of r.listens) configListeners.push({ container, port: l.port, protocol: l.protocol, address: l.address, source: 'config', origin: `${l.directive} (ConfigMap "${l.configMap.name}", ${l.key})`, node: container.imageNode, config: l });
    }
  } else if (listen?.config === 'redis') {
    const r = readRedisConfig(pod, container, args, configMaps);
    if (r && 'key' in r) unsure ??= r;
    else if (r) {
      const port = info.ports[0]?.port ?? 6379;
      if (!moves.has(port) && r.origin !== undefined) moves.set(port, r.port === 0 ? 'off' : { container, port: r.port ?? port, address: r.bind ?? '', source: 'config', origin: r.origin, node: container.imageNode, defaultPort: port, config: r.listen });
      const client = moves.get(port);
      const clientPort = client === 'off' ? undefined : (client?.port ?? port);
      const busPort = r.bus?.port ?? (clientPort === undefined ? undefined : clientPort + 10000);
      if (r.bus && busPort !== undefined) added.push({ container, port: busPort, protocol: 'TCP', address: client && client !== 'off' ? client.address : '', source: 'config', origin: r.bus.origin, node: container.imageNode });
      if (r.tls) added.push({ container, port: r.tls.port, protocol: 'TCP', address: r.bind ?? '', source: 'config', origin: r.tls.origin, node: container.imageNode });
    }
  }

  const moved: Listener[] = [];
  const kept: Listener[] = [];
  for (const d of defaults) {
    const m = moves.get(d.port);
    if (m === 'off') continue;
    if (m) moved.push({ ...m, protocol: d.protocol });
    else kept.push({ container, port: d.port, protocol: d.protocol, address: d.address, source: 'image', origin: d.origin, node: container.imageNode, defaultPort: d.port });
  }
  const explicit = [...moved, ...configListeners, ...added];
  if (configMount && kept.length > 0) unsure ??= reason('config-mount', { path: configMount.mountPath ?? '' });
  const withDeclarations = (list: Listener[]): Listener[] => {
    const out: Listener[] = list.map((l) => ({ ...l, declaration: container.ports.find((p) => p.containerPort === l.port && p.protocol.toUpperCase() === l.protocol) }));
    for (const d of declared) if (!out.some((l) => l.port === d.port && l.protocol === d.protocol)) out.push(d);
    return out;
  };
  if (unsure) return { ...base, listeners: withDeclarations(explicit), basis: 'unsure', image: info, unsure };
  const all = [...kept, ...explicit].map((l) => ({ ...l, declaration: container.ports.find((p) => p.containerPort === l.port && p.protocol.toUpperCase() === l.protocol) }));
  if (listen?.complete && runsPublishedImage(container, pod.doc)) {
    const unserved = container.ports.filter((p) => p.containerPort !== undefined && !all.some((l) => l.port === p.containerPort && l.protocol === p.protocol.toUpperCase()));
    return { ...base, listeners: all, basis: 'image', image: info, unserved, complete: true };
  }
  // Not fully known: declarations say what else the author runs; unmoved defaults give way to them.
  if (declared.length === 0) return { ...base, listeners: all, basis: 'image', image: info };
  const gaveWay = kept.filter((k) => !declared.some((d) => d.port === k.port)).map((k) => k.port);
  return { ...base, listeners: withDeclarations(explicit), basis: 'image', image: info, ...(gaveWay.length > 0 ? { gaveWay } : {}) };
}

/** The listeners of every container of the pod, ephemeral containers included. */
export function podListeners(pod: PodModel, env: ListenerEnv = {}): ContainerListeners[] {
  return pod.containers.map((c) => containerListeners(pod, c, env));
}

/** How a listener reads in messages: `127.0.0.1:9101/TCP`, `80/TCP`. */
export function listenerText(l: Pick<Listener, 'address' | 'port' | 'protocol'>): string {
  return `${showAddress(l.address, l.port)}/${l.protocol}`;
}
