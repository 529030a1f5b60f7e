/**
 * Envoy's bootstrap (envoy.yaml: static listeners and the admin address) and Traefik's static
 * configuration (traefik.yml / traefik.toml: entry points), read from a ConfigMap the container
 * mounts. Anything Podsight cannot follow (listeners from xDS, `--config-yaml`, a templated
 * address) leaves the container unsure.
 */
import { parse } from 'yaml';
import { fileAt, isFile, type ConfigFile } from './listen-config';
import { directiveIn, reason } from './listen-reasons';
import { flagValue, listensOf, type FileConfigResult, type RawListen, type ReadContext } from './listen-files';
import { parseAddress } from './listen-values';

type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

/** A YAML or JSON file as plain data; undefined when it does not parse to a mapping. */
export function parseData(text: string): Obj | undefined {
  try {
    const data: unknown = parse(text);
    return isObj(data) ? data : undefined;
  } catch {
    return undefined;
  }
}

const ENVOY_CONFIG = '/etc/envoy/envoy.yaml';

/** An Envoy `socket_address` as a listen; undefined to skip it (a pipe, port 0); a string says why it is unsure. */
function socketListen(address: unknown, what: string): RawListen | string | undefined {
  if (!isObj(address)) return undefined;
  const socket = address.socket_address;
  if (!isObj(socket)) return isObj(address.pipe) || isObj(address.envoy_internal_address) ? undefined : `${what}.address`;
  if (socket.named_port !== undefined || socket.resolver_name !== undefined) return `${what}.address.socket_address.${socket.named_port !== undefined ? 'named_port' : 'resolver_name'}`;
  const placeholder = Object.entries(socket).find(([, v]) => typeof v === 'string' && /[${]/.test(v));
  if (placeholder) return `${what}.address.socket_address.${placeholder[0]}: ${String(placeholder[1])}`;
  const port = typeof socket.port_value === 'number' ? socket.port_value : typeof socket.port_value === 'string' && /^\d+$/.test(socket.port_value) ? Number(socket.port_value) : undefined;
  if (port === undefined) return socket.port_value === undefined ? undefined : `${what}.address.socket_address.port_value: ${String(socket.port_value)}`;
  if (port === 0) return undefined;
  const host = typeof socket.address === 'string' ? socket.address : '';
  const parsed = parseAddress(host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);
  if (!parsed) return `${what}.address.socket_address.address: ${host}`;
  const protocol = socket.protocol === 'UDP' ? 'UDP' : 'TCP';
  return { port, protocol, address: parsed.address, directive: `${what} ${host || '0.0.0.0'}:${port}${protocol === 'UDP' ? '/udp' : ''}` };
}

/** Envoy reads the file `-c` (or `--config-path`) names; the image's CMD names /etc/envoy/envoy.yaml. */
export function readEnvoy(ctx: ReadContext): FileConfigResult {
  const { pod, container, args, configMaps } = ctx;
  const yamlFlag = args.find((a) => a.text === '--config-yaml' || a.text.startsWith('--config-yaml='));
  if (yamlFlag) return { kind: 'unsure', why: reason('envoy-flag', { flag: yamlFlag.text }) };
  const flag = flagValue(args, ['-c', '--config-path']);
  // args replace the image's CMD (`envoy -c /etc/envoy/envoy.yaml`): without -c they name no file.
  if (!flag && args.length > 0) return { kind: 'unsure', why: reason('envoy-no-c', { path: ENVOY_CONFIG }) };
  const path = flag?.value ?? ENVOY_CONFIG;
  const file = fileAt(pod, container, path, configMaps);
  if (file === undefined) return path === ENVOY_CONFIG ? { kind: 'default', ...(flag ? { consumed: flag.items } : {}) } : { kind: 'unsure', why: reason('file-unreadable', { flag: '-c', path }) };
  if (!isFile(file)) return { kind: 'unsure', why: file };
  const data = /\.pb(_text)?$/.test(path) ? undefined : parseData(file.text);
  if (!data) return { kind: 'unsure', why: reason('unparsable', { file: file.key }) };
  const dynamic = data.dynamic_resources;
  if (isObj(dynamic) && (dynamic.lds_config !== undefined || dynamic.lds_resources_locator !== undefined)) return { kind: 'unsure', why: reason('envoy-lds', { file: file.key }) };
  const raw: RawListen[] = [];
  const statics = isObj(data.static_resources) ? data.static_resources.listeners : undefined;
  if (statics !== undefined && !Array.isArray(statics)) return { kind: 'unsure', why: directiveIn('static_resources.listeners', file.key) };
  for (const listener of statics ?? []) {
    // `bind_to_port: false` binds nothing: the listener only takes connections another listener
    // with `use_original_dst` hands over (the iptables-redirect "virtual listener" pattern).
    if (!isObj(listener) || listener.bind_to_port === false || listener.bind_to_port === 'false') continue;
    const name = typeof listener.name === 'string' ? `listener ${listener.name}` : 'listener';
    const extra = Array.isArray(listener.additional_addresses) ? listener.additional_addresses.map((a) => (isObj(a) ? a.address : undefined)) : [];
    for (const address of [listener.address, ...extra]) {
      const got = socketListen(address, name);
      if (typeof got === 'string') return { kind: 'unsure', why: directiveIn(got, file.key) };
      if (got) raw.push(listener.udp_listener_config !== undefined ? { ...got, protocol: 'UDP' } : got);
    }
  }
  if (isObj(data.admin)) {
    const got = socketListen(data.admin.address, 'admin');
    if (typeof got === 'string') return { kind: 'unsure', why: directiveIn(got, file.key) };
    if (got) raw.push(got);
  }
  return { kind: 'listens', listens: listensOf(raw, file), files: [file.key], imageDefault: false, ...(flag ? { consumed: flag.items } : {}) };
}

/**
 * A small TOML reader for Traefik's static file: `[a.b]` tables and `key = value` lines
 * (strings, numbers, booleans) into nested data; arrays of tables and multi-line values are
 * kept out (Podsight reads only entry points and a few switches).
 */
export function parseToml(text: string): Obj | undefined {
  const root: Obj = {};
  let table = root;
  const at = (path: string[], from: Obj): Obj | undefined => {
    let o = from;
    for (const k of path) {
      const next = o[k] ?? (o[k] = {});
      if (!isObj(next)) return undefined;
      o = next;
    }
    return o;
  };
  const keyPath = (k: string): string[] => k.split('.').map((p) => p.trim().replace(/^["']|["']$/g, ''));
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/^\s+|\s+$/g, '');
    if (line === '' || line.startsWith('#')) continue;
    const header = /^\[([^[\]]+)\]\s*(#.*)?$/.exec(line);
    if (header) {
      const t = at(keyPath(header[1] ?? ''), root);
      if (!t) return undefined;
      table = t;
      continue;
    }
    if (line.startsWith('[[')) {
      table = {}; // an array of tables: not read
      continue;
    }
    const kv = /^([A-Za-z0-9_.\-"' ]+?)\s*=\s*(.*)$/.exec(line);
    if (!kv) continue;
    const path = keyPath(kv[1] ?? '');
    const last = path.pop() as string;
    const holder = at(path, table);
    if (!holder) return undefined;
    const v = (kv[2] ?? '').replace(/\s+#.*$/, '');
    const str = /^"((?:[^"\\]|\\.)*)"$|^'([^']*)'$/.exec(v);
    holder[last] = str ? (str[1] ?? str[2] ?? '') : v === 'true' ? true : v === 'false' ? false : /^-?\d+$/.test(v) ? Number(v) : { unread: v };
  }
  return root;
}

/** Traefik's keys are case-insensitive: data with lower-case keys. */
function lowerKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(lowerKeys);
  if (!isObj(v)) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k.toLowerCase(), lowerKeys(x)]));
}

/** Where Traefik looks for its static file when no --configFile is given (the first found is read). */
const TRAEFIK_FILES = ['/etc/traefik/traefik.toml', '/etc/traefik/traefik.yaml', '/etc/traefik/traefik.yml'];

/** The static file's entry points; a file found replaces every flag and variable (Traefik reads one source). */
export function readTraefik(ctx: ReadContext): FileConfigResult {
  const { pod, container, args, configMaps } = ctx;
  const flag = flagValue(args, ['--configFile', '--configfile']);
  let file: ConfigFile | undefined;
  if (flag) {
    const got = fileAt(pod, container, flag.value, configMaps);
    if (got === undefined || !isFile(got)) return { kind: 'unsure', why: got ?? reason('file-unreadable', { flag: '--configFile', path: flag.value }) };
    file = got;
  } else {
    for (const path of TRAEFIK_FILES) {
      const got = fileAt(pod, container, path, configMaps);
      if (got === undefined) continue;
      if (!isFile(got)) {
        if (got.key === 'not-a-key') continue;
        return { kind: 'unsure', why: got };
      }
      file = got;
      break;
    }
  }
  if (!file) return { kind: 'default' };
  const name = flag?.value ?? file.key;
  const data = lowerKeys(/\.toml$/i.test(name) ? parseToml(file.text) : parseData(file.text));
  if (!isObj(data)) return { kind: 'unsure', why: reason('unparsable', { file: file.key }) };
  const raw: RawListen[] = [];
  const points = data.entrypoints;
  if (points !== undefined && points !== null && !isObj(points)) return { kind: 'unsure', why: directiveIn('entryPoints', file.key) };
  const named = Object.entries(isObj(points) ? points : {});
  // No entry point defined: Traefik opens `http` on :80.
  for (const [ep, value] of named.length > 0 ? named : [['http', { address: ':80' }] as const]) {
    const address = isObj(value) ? value.address : undefined;
    if (typeof address !== 'string' || /[{$]/.test(address)) return { kind: 'unsure', why: directiveIn(`entryPoints.${ep}.address ${String(address)}`, file.key) };
    const m = /^(.*?)(?:\/(tcp|udp))?$/i.exec(address.trim());
    const parsed = parseAddress(m?.[1] ?? '');
    if (!parsed || parsed.port === undefined) return { kind: 'unsure', why: directiveIn(`entryPoints.${ep}.address ${address}`, file.key) };
    const protocol = m?.[2]?.toLowerCase() === 'udp' ? 'UDP' : 'TCP';
    raw.push({ port: parsed.port, protocol, address: parsed.address, directive: `entryPoints.${ep}.address ${address}` });
    if (protocol === 'TCP' && isObj(value) && value.http3 !== undefined) raw.push({ port: parsed.port, protocol: 'UDP', address: parsed.address, directive: `entryPoints.${ep}.http3` });
  }
  // The API (insecure), ping and Prometheus metrics open the `traefik` entry point on :8080 when it is not defined.
  const on = (v: unknown): boolean => v === null || (isObj(v) && (v.entrypoint === undefined || v.entrypoint === 'traefik') && v.manualrouting !== true);
  const api = data.api;
  const metrics = isObj(data.metrics) ? data.metrics.prometheus : undefined;
  const rest = isObj(data.providers) ? data.providers.rest : undefined;
  const traefikPoint = (isObj(api) && api.insecure === true) || ('ping' in data && on(data.ping)) || (metrics !== undefined && on(metrics)) || (isObj(rest) && rest.insecure === true);
  if (traefikPoint && !named.some(([ep]) => ep === 'traefik')) raw.push({ port: 8080, protocol: 'TCP', address: '', directive: 'the traefik entry point (:8080)' });
  return { kind: 'listens', listens: listensOf(raw, file), files: [file.key], imageDefault: false, exclusive: true, ...(flag ? { consumed: flag.items } : {}) };
}
