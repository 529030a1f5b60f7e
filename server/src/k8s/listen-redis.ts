/**
 * redis-server (and valkey-server) read a configuration file only when it is named as the first
 * argument (`redis-server /etc/redis/redis.conf`, any name not starting with `-`); its `port`
 * and `bind` lines then set the listener, and flags after it (`--port`) override them. Two
 * modes add to that: Sentinel (`--sentinel`, or the `redis-sentinel` or `valkey-sentinel`
 * program) listens on 26379 unless `port` says otherwise, and a cluster node (`cluster-enabled
 * yes`) also binds its bus port, `cluster-port` or the client port + 10000. `tls-port` opens a
 * TLS listener beside (or, with `port 0`, instead of) the plain one.
 */
import type { ConfigMapIndex } from './config-maps';
import { fileAt, isFile, type ConfigListen } from './listen-config';
import { directiveIn, reason, type UnsureReason } from './listen-reasons';
import { parseAddress, type ArgItem } from './listen-values';
import { findFlag } from './command-flags';
import type { ContainerModel, PodModel } from './pod-model';

const SENTINEL_PORT = 26379;
const BUS_OFFSET = 10000;

export interface RedisConfig {
  readonly port?: number;
  readonly bind?: string;
  /** How the client port is set; undefined when only cluster flags were given (the image default stands). */
  readonly origin?: string;
  readonly listen?: ConfigListen;
  /** A cluster node's bus listener: its own port, or undefined for client port + 10000. */
  readonly bus?: { readonly port?: number; readonly origin: string };
  /** The file's `tls-port` listener (a `--tls-port` flag is a setting of its own and wins). */
  readonly tls?: { readonly port: number; readonly origin: string };
}

/** The listener a redis.conf or the mode flags set; undefined when neither says anything; an UnsureReason says why it is unsure. */
export function readRedisConfig(pod: PodModel, container: ContainerModel, args: readonly ArgItem[], configMaps: ConfigMapIndex): RedisConfig | UnsureReason | undefined {
  const program = args[0]?.text.slice(args[0].text.lastIndexOf('/') + 1) ?? '';
  // The server checks its program name for `redis-sentinel` (valkey also for `valkey-sentinel`).
  const sentinel = /(?:redis|valkey)-sentinel/.test(program) || args.some((a) => a.text === '--sentinel');
  // After the program, the first argument is the file whenever it does not start with `-`
  // (server.c main()), whatever its name (`/redis-master/redis-config`). Without the program,
  // the image's entrypoint puts redis-server before a first argument ending in `.conf` only.
  // redis-stack's redis-stack-server script also takes a first argument that is a file as the file.
  const named = /^(?:redis|valkey)-(?:server|sentinel)$|^redis-stack-server$/.test(program);
  const at = named ? (args[1] !== undefined && !args[1].text.startsWith('-') ? 1 : -1) : args[0]?.text.endsWith('.conf') ? 0 : -1;
  const path = args[at]?.text;
  let conf: RedisFileSettings = {};
  let where = '';
  let file: { configMap: ConfigListen['configMap']; key: string } | undefined;
  if (path !== undefined) {
    const found = fileAt(pod, container, path, configMaps);
    if (found === undefined) return reason('file-not-mounted', { path });
    if (!isFile(found)) return found;
    conf = redisFileSettings(found.text);
    if (conf.unsure) return directiveIn(conf.unsure, path);
    file = found;
    where = ` (ConfigMap "${found.configMap.name}", ${found.key})`;
  }
  // Flags are configuration lines too, and come after the file.
  const clusterFlag = findFlag(args, ['--cluster-enabled'], { splitsArgs: true });
  const busFlag = findFlag(args, ['--cluster-port'], { splitsArgs: true });
  const cluster = (clusterFlag?.value ?? conf.clusterEnabled)?.toLowerCase() === 'yes';
  if (conf.tlsPort !== undefined && !/^\d+$/.test(conf.tlsPort)) return directiveIn(`tls-port ${conf.tlsPort}`, path ?? 'args');
  const tlsPort = conf.tlsPort === undefined || conf.tlsPort === '0' || findFlag(args, ['--tls-port'], { splitsArgs: true }) ? undefined : Number(conf.tlsPort);
  if (!file && !sentinel && !cluster) return undefined;
  const bind = conf.bind === undefined ? undefined : conf.bind.split(/\s+/).map((a) => parseAddress(a.replace(/^-/, ''))?.address ?? a);
  const address = bind === undefined || bind.includes('') ? '' : bind[0];
  const port = conf.port ?? (sentinel ? SENTINEL_PORT : undefined);
  const directive = [conf.port !== undefined ? `port ${conf.port}` : sentinel ? `port ${SENTINEL_PORT} (Sentinel's default)` : 'port 6379 (the default)', ...(conf.bind !== undefined ? [`bind ${conf.bind}`] : [])].join(', ');
  let bus: RedisConfig['bus'];
  if (cluster) {
    const busText = busFlag?.value ?? conf.clusterPort;
    if (busText !== undefined && !/^\d+$/.test(busText)) return directiveIn(`cluster-port ${busText}`, path ?? 'args');
    const busPort = busText === undefined || busText === '0' ? undefined : Number(busText);
    bus = { ...(busPort !== undefined ? { port: busPort } : {}), origin: busPort !== undefined ? `cluster-port ${busPort}${busFlag ? '' : where}` : `cluster-enabled yes: the bus port, client port + ${BUS_OFFSET}${clusterFlag ? '' : where}` };
  }
  return {
    ...(port !== undefined ? { port } : {}),
    ...(address !== undefined ? { bind: address } : {}),
    ...(file || sentinel ? { origin: `${directive}${where}` } : {}),
    ...(port !== undefined && file && conf.port !== undefined ? { listen: { port, protocol: 'TCP' as const, address: address ?? '', directive, configMap: file.configMap, key: file.key } } : {}),
    ...(bus ? { bus } : {}),
    ...(tlsPort !== undefined ? { tls: { port: tlsPort, origin: `tls-port ${tlsPort}${where}` } } : {}),
  };
}

interface RedisFileSettings {
  readonly port?: number;
  readonly bind?: string;
  readonly clusterEnabled?: string;
  readonly clusterPort?: string;
  readonly tlsPort?: string;
  readonly unsure?: string;
}

/**
 * redis.conf: the last `port`, `bind`, `cluster-enabled`, `cluster-port` and `tls-port` lines (`port 0` turns
 * TCP off). An `include`, a `port` that is not a number (`port ${REDIS_PORT}`), a placeholder in
 * `bind` or standing for a whole line is unsure (the line as written is returned).
 */
export function redisFileSettings(text: string): RedisFileSettings {
  const out: { -readonly [K in keyof RedisFileSettings]: RedisFileSettings[K] } = {};
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [name = '', ...values] = line.split(/\s+/).map((w) => w.replace(/^["']|["']$/g, ''));
    const key = name.toLowerCase();
    if (name.startsWith('$') || name.startsWith('{{')) return { unsure: line };
    if (key === 'port') {
      if (!/^\d+$/.test(values[0] ?? '')) return { unsure: line };
      out.port = Number(values[0]);
    } else if (key === 'bind' && values.length > 0) {
      if (values.some((v) => /[${]/.test(v))) return { unsure: line };
      out.bind = values.join(' ');
    } else if (key === 'cluster-enabled' && values[0] !== undefined) out.clusterEnabled = values[0];
    else if (key === 'cluster-port' && values[0] !== undefined) out.clusterPort = values[0];
    else if (key === 'tls-port' && values[0] !== undefined) out.tlsPort = values[0];
    else if (key === 'include') return { unsure: line };
  }
  return out;
}
