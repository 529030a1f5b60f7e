/**
 * nats-server's ports when it loads a configuration file mounted from a ConfigMap
 * (`nats-server --config /etc/nats-config/nats.conf`). The client port always listens (4222 unless
 * `port` or `listen` moves it); monitoring (`http`, `http_port`, `monitor_port`, `https`…), the
 * profiler (`prof_port`) and the `cluster`, `gateway`, `leafnodes`, `websocket` and `mqtt` blocks
 * listen only when they name a port. Anything Podsight cannot follow (`include`, `$VARIABLES`, a
 * random port, a port flag beside `--config`, which wins over the file) is unsure.
 */
import { fileAt, isFile } from './listen-config';
import { holdsPlaceholder } from './config-text';
import { directiveIn, reason } from './listen-reasons';
import { flagValue, listensOf, type FileConfigResult, type RawListen, type ReadContext } from './listen-files';
import { parseAddress } from './listen-values';

const MAX_DEPTH = 64;

/** The configuration the image ships and loads without args (client 4222, monitoring 8222, cluster 6222). */
const BUNDLED = ['/etc/nats/nats-server.conf', 'nats-server.conf', '/nats-server.conf'];

type ConfValue = string | ConfMap | ConfValue[];
interface ConfMap {
  readonly entries: Map<string, { value: ConfValue; written: string }>;
}

/** The blocks whose listener starts only when it has a port: the name people write → the name in messages. */
const BLOCKS: readonly (readonly [readonly string[], string])[] = [
  [['cluster'], 'cluster'],
  [['gateway'], 'gateway'],
  [['leafnodes', 'leaf'], 'leafnodes'],
  [['websocket', 'ws'], 'websocket'],
  [['mqtt'], 'mqtt'],
];

/** Flags that move a listener: given beside --config they win over the file, so the file alone does not say. */
const LISTEN_FLAGS = ['--port', '-p', '--addr', '-a', '--net', '--http_port', '-m', '--https_port', '-ms', '--cluster', '--cluster_listen', '--profile'];

export function readNats(ctx: ReadContext): FileConfigResult {
  const { pod, container, args, configMaps } = ctx;
  const flag = flagValue(args, ['--config', '-c']);
  if (!flag) return { kind: 'default' };
  const file = fileAt(pod, container, flag.value, configMaps);
  // The flag is read either way: its own reason, not "a configuration Podsight does not read".
  const consumed = flag.items;
  if (file === undefined) return BUNDLED.includes(flag.value) ? { kind: 'default', consumed, bundled: true } : { kind: 'unsure', why: reason('file-unreadable', { flag: '--config', path: flag.value }), consumed };
  if (!isFile(file)) return { kind: 'unsure', why: file, consumed };
  const moved = flagValue(args, LISTEN_FLAGS);
  if (moved) return { kind: 'unsure', why: reason('nats-flag', { flag: moved.items.map((i) => i.text).join(' ') }), consumed };
  const conf = parseConf(file.text);
  if (typeof conf === 'string') return { kind: 'unsure', why: directiveIn(conf, file.key), consumed };
  const raw: RawListen[] = [];
  // An unsure answer names what could not be read: the directive as written.
  let unclear: string | undefined;
  const add = (port: Written | undefined, host: string, fallback?: number): void => {
    if (unclear) return;
    if (!port) {
      if (fallback !== undefined) raw.push({ port: fallback, protocol: 'TCP', address: host, directive: `port ${fallback} (the default)` });
      return;
    }
    const parsed = /^\d+$/.test(port.value) ? { port: Number(port.value), address: host } : parseAddress(port.value);
    if (!parsed || parsed.port === undefined) unclear = port.written;
    // Port 0 means "the default": the client's 4222, no listener for the others.
    else if (parsed.port !== 0) raw.push({ port: parsed.port, protocol: 'TCP', address: parsed.address === '' ? host : parsed.address, directive: port.written });
    else if (fallback !== undefined) raw.push({ port: fallback, protocol: 'TCP', address: host, directive: port.written });
  };
  const clientHost = hostOf(conf);
  if (clientHost === undefined) return { kind: 'unsure', why: directiveIn(entry(conf, 'host')?.written ?? entry(conf, 'net')?.written ?? 'host', file.key), consumed };
  add(entry(conf, 'port') ?? entry(conf, 'listen'), clientHost, 4222);
  add(entry(conf, 'http') ?? entry(conf, 'http_port') ?? entry(conf, 'monitor_port'), clientHost);
  add(entry(conf, 'https') ?? entry(conf, 'https_port'), clientHost);
  add(entry(conf, 'prof_port'), clientHost);
  for (const [names, label] of BLOCKS) {
    const found = names.map((n) => conf.entries.get(n)).find((v) => v !== undefined);
    if (found === undefined) continue;
    const block = found.value;
    if (!isMap(block)) {
      unclear ??= found.written;
      continue;
    }
    const host = hostOf(block);
    if (host === undefined) unclear ??= `${label} { host }`;
    else add(inBlock(entry(block, 'port') ?? entry(block, 'listen'), label), host);
  }
  if (unclear) return { kind: 'unsure', why: directiveIn(unclear, file.key), consumed };
  return { kind: 'listens', listens: listensOf(raw, file), files: [file.key], imageDefault: false, consumed };
}

interface Written {
  readonly value: string;
  readonly written: string;
}

/** A block's bind address ('' for every address), undefined when it is not one Podsight can read. */
function hostOf(map: ConfMap): string | undefined {
  const written = scalar(map, 'host') ?? scalar(map, 'net');
  if (written === undefined) return '';
  return holdsPlaceholder(written) ? undefined : parseAddress(written)?.address;
}

const isMap = (v: ConfValue | undefined): v is ConfMap => typeof v === 'object' && !Array.isArray(v);

function entry(map: ConfMap, key: string): Written | undefined {
  const e = map.entries.get(key);
  if (!e) return undefined;
  // A block or list where a port belongs: the raw text makes the answer unsure.
  return typeof e.value === 'string' ? { value: e.value, written: e.written } : { value: '?', written: e.written };
}

const scalar = (map: ConfMap, key: string): string | undefined => entry(map, key)?.value;

const inBlock = (e: Written | undefined, block: string): Written | undefined => (e ? { ...e, written: `${block} { ${e.written} }` } : undefined);

/**
 * The file as nested maps (keys lower-cased: nats-server matches them so), or the first line
 * Podsight cannot take at face value: an `include` (its file may set anything), unbalanced
 * braces. Values stay text (a `$VARIABLE` where a port belongs is then not a port); a later key
 * replaces an earlier one.
 */
export function parseConf(text: string): ConfMap | string {
  let i = 0;
  const n = text.length;
  const skipBlank = (newlines: boolean): void => {
    while (i < n) {
      const c = text[i]!;
      if (c === '#' || (c === '/' && text[i + 1] === '/')) {
        while (i < n && text[i] !== '\n' && text[i] !== '\r') i++;
      } else if (c === ' ' || c === '\t' || ((c === '\n' || c === '\r' || c === ',' || c === ';') && newlines)) i++;
      else break;
    }
  };
  const lineAt = (at: number): string => {
    const start = Math.max(text.lastIndexOf('\n', at - 1) + 1, 0);
    const end = text.indexOf('\n', at);
    return text.slice(start, end < 0 ? n : end).trim();
  };
  const readScalar = (): string => {
    const q = text[i];
    if (q === '"' || q === "'") {
      const end = text.indexOf(q, i + 1);
      const s = text.slice(i + 1, end < 0 ? n : end);
      i = end < 0 ? n : end + 1;
      return s;
    }
    const start = i;
    while (i < n && !/[\r\n,;}\]]/.test(text[i]!) && !(text[i] === '#' && /\s/.test(text[i - 1] ?? ' '))) i++;
    return text.slice(start, i).trim();
  };
  let problem: string | undefined;
  // Nesting deeper than any real file is taken as unreadable, not recursed into.
  let depth = 0;
  const readValue = (): ConfValue => {
    if ((text[i] === '{' || text[i] === '[') && depth >= MAX_DEPTH) {
      problem ??= lineAt(i);
      i = n;
      return '';
    }
    if (text[i] === '{') {
      i++;
      depth++;
      const m = readMap('}');
      depth--;
      return m;
    }
    if (text[i] === '[') {
      i++;
      depth++;
      const list = readList();
      depth--;
      return list;
    }
    return readScalar();
  };
  const readList = (): ConfValue[] => {
    const list: ConfValue[] = [];
    for (;;) {
      skipBlank(true);
      if (i >= n) {
        problem ??= '[';
        return list;
      }
      if (text[i] === ']') {
        i++;
        return list;
      }
      const before = i;
      list.push(readValue());
      if (i === before) i++;
    }
  };
  const readMap = (close: '}' | ''): ConfMap => {
    const entries = new Map<string, { value: ConfValue; written: string }>();
    for (;;) {
      skipBlank(true);
      if (i >= n) {
        if (close) problem ??= '{';
        return { entries };
      }
      if (text[i] === '}') {
        if (!close) problem ??= '}';
        i++;
        return { entries };
      }
      const at = i;
      const q = text[i];
      let key: string;
      if (q === '"' || q === "'") key = readScalar();
      else {
        const start = i;
        while (i < n && !/[\s:={[}\],;]/.test(text[i]!)) i++;
        key = text.slice(start, i);
      }
      skipBlank(false);
      if (text[i] === ':' || text[i] === '=') i++;
      skipBlank(false);
      const value = readValue();
      const lower = key.toLowerCase();
      if (lower === 'include') problem ??= lineAt(at);
      if (key === '' && i === at) i++;
      else entries.set(lower, { value, written: lineAt(at).replace(/\s*[{[]\s*$/, '') });
    }
  };
  const root = readMap('');
  return problem ?? root;
}
