/**
 * The configuration files of httpd, Caddy, Envoy, Traefik, nats-server, the registry, Tomcat and Mosquitto, read when the file the process
 * loads is mounted from a ConfigMap the pod sees (its file, its folder, its kustomize bases, in
 * its namespace). Each reader answers as nginx's does (listen-config.ts): the image default
 * (nothing mounted over the file), the listens the file sets, or "unsure" with the reason,
 * never a guess. This module picks the reader and holds httpd's; the others are beside it.
 */
import type { ConfigMapIndex } from './config-maps';
import { holdsPlaceholder } from './config-text';
import { readCaddyfile } from './listen-caddy';
import { fileAt, filesIn, isFile, type ConfigFile, type ConfigListen, type ConfigResult } from './listen-config';
import { directiveIn, reason, type UnsureReason } from './listen-reasons';
import { readMosquitto } from './listen-mosquitto';
import { readNats } from './listen-nats';
import { readEnvoy, readTraefik } from './listen-proxies';
import { readRegistry } from './listen-registry';
import { readTomcat } from './listen-tomcat';
import { parseAddress, type ArgItem, type ContainerEnv } from './listen-values';
import { findFlag } from './command-flags';
import type { ContainerModel, PodModel } from './pod-model';

/** What a reader gives, and the args it has read (they are not "unknown configuration" flags then). */
export type FileConfigResult = ConfigResult & {
  readonly consumed?: readonly ArgItem[];
  /** The file replaces the args and env settings altogether (Traefik reads one source only). */
  readonly exclusive?: boolean;
  /** The args load the file the image's CMD names (nats' bundled config): the ports only it opens stay. */
  readonly bundled?: boolean;
};

/** What a reader needs: the container, its args and env, the ConfigMaps it sees. */
export interface ReadContext {
  readonly pod: PodModel;
  readonly container: ContainerModel;
  readonly args: readonly ArgItem[];
  readonly env: ContainerEnv;
  readonly configMaps: ConfigMapIndex;
}

/** A listen a file sets, before it is tied to its ConfigMap. */
export interface RawListen {
  readonly port: number;
  readonly protocol: 'TCP' | 'UDP';
  readonly address: string;
  readonly directive: string;
}

export type FileFormat = 'httpd' | 'caddy' | 'envoy' | 'traefik' | 'nats' | 'registry' | 'tomcat' | 'mosquitto';

/** `imageFile`: the configuration file the image's CMD names (ListenModel.configFile). */
export function readConfigFile(format: FileFormat, ctx: ReadContext, imageFile?: string): FileConfigResult {
  switch (format) {
    case 'httpd':
      return readHttpd(ctx);
    case 'caddy':
      return readCaddyfile(ctx);
    case 'envoy':
      return readEnvoy(ctx);
    case 'traefik':
      return readTraefik(ctx);
    case 'nats':
      return readNats(ctx);
    case 'registry':
      return readRegistry(ctx, imageFile);
    case 'tomcat':
      return readTomcat(ctx);
    case 'mosquitto':
      return readMosquitto(ctx, imageFile);
  }
}

/** The listens of one file, tied to its ConfigMap, deduplicated. */
export function listensOf(raw: readonly RawListen[], file: ConfigFile): ConfigListen[] {
  const out: ConfigListen[] = [];
  for (const l of raw) if (!out.some((o) => o.port === l.port && o.protocol === l.protocol && o.address === l.address)) out.push({ ...l, configMap: file.configMap, key: file.key });
  return out;
}

/** The value of `flag` in args (`-f path`, `--flag=path`) and the items that hold it. */
export function flagValue(args: readonly ArgItem[], flags: readonly string[]): { value: string; items: ArgItem[] } | undefined {
  const hit = findFlag(args, flags);
  return hit && { value: hit.value, items: hit.joined ? [hit.item] : [hit.flagItem, hit.item] };
}

const ROOT = '/usr/local/apache2';
/** Files of the image's conf/extra that set a port (the others set none). */
const IMAGE_EXTRA_LISTENS: Readonly<Record<string, readonly number[]>> = { 'httpd-ssl.conf': [443] };

/** A path as httpd resolves it: relative to ServerRoot. */
const fromRoot = (path: string): string => (path.startsWith('/') ? path : `${ROOT}/${path}`);

/** httpd's directives, one per logical line (`\` continues a line), with whether a section (`<IfModule>`…) holds it. */
function httpdDirectives(text: string): { name: string; args: string[]; conditional: boolean }[] {
  const out: { name: string; args: string[]; conditional: boolean }[] = [];
  const sections: string[] = [];
  for (const line of text.replace(/\\\r?\n/g, ' ').split(/\r?\n/)) {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) continue;
    const close = /^<\/\s*([^\s>]+)\s*>/.exec(t);
    if (close) {
      sections.pop();
      continue;
    }
    const open = /^<\s*([^\s>]+)/.exec(t);
    if (open) {
      sections.push(open[1] ?? '');
      continue;
    }
    const [name = '', ...args] = (t.match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map((w) => w.replace(/^["']|["']$/g, ''));
    // A Listen inside <IfModule>, <IfDefine>… depends on what is loaded or defined; inside any other section it is an error.
    out.push({ name: name.toLowerCase(), args, conditional: sections.length > 0 });
  }
  return out;
}

/** `Listen` of httpd.conf and the files it includes (mounted from ConfigMaps, or the image's conf/extra). */
function readHttpd(ctx: ReadContext): FileConfigResult {
  const { pod, container, args, configMaps } = ctx;
  // -C/-c add directives, -d moves ServerRoot: the file alone no longer says what listens.
  const other = args.find((a) => /^-[Ccd]/.test(a.text));
  if (other) return { kind: 'unsure', why: reason('httpd-flag', { flag: other.text }) };
  const f = flagValue(args, ['-f']);
  const path = fromRoot(f?.value ?? 'conf/httpd.conf');
  const main = fileAt(pod, container, path, configMaps);
  if (main === undefined) return f ? { kind: 'unsure', why: reason('file-unreadable', { flag: '-f', path: f.value }) } : { kind: 'default' };
  if (!isFile(main)) return { kind: 'unsure', why: main };
  const raw: RawListen[] = [];
  const files: ConfigFile[] = [];
  const found: { listen: RawListen; file: ConfigFile }[] = [];
  const read = (file: ConfigFile, depth: number, inSection: boolean): UnsureReason | undefined => {
    if (file.unreadable) return file.unreadable;
    files.push(file);
    for (const d of httpdDirectives(file.text)) {
      // No directive's name starts with `$`: a placeholder there stands for whole lines.
      if (d.name.startsWith('$')) return directiveIn([d.name, ...d.args].join(' '), file.key);
      if (d.name === 'serverroot' && d.args[0]?.replace(/\/$/, '') !== ROOT) return directiveIn(`ServerRoot ${d.args[0] ?? ''}`, file.key);
      if (d.name === 'listen') {
        const value = d.args[0] ?? '';
        if (d.conditional || inSection) return reason('in-section', { directive: `Listen ${value}`, file: file.key });
        const parsed = holdsPlaceholder(value) ? undefined : parseAddress(value);
        if (!parsed || parsed.port === undefined) return directiveIn(`Listen ${value}`, file.key);
        const listen = { port: parsed.port, protocol: 'TCP' as const, address: parsed.address, directive: `Listen ${value}` };
        raw.push(listen);
        found.push({ listen, file });
      } else if (d.name === 'include' || d.name === 'includeoptional') {
        const target = d.args[0] ?? '';
        if (depth > 8 || target.includes('$')) return directiveIn(`${d.name === 'include' ? 'Include' : 'IncludeOptional'} ${target}`, file.key);
        const why = include(fromRoot(target), d.name === 'includeoptional', depth, inSection || d.conditional);
        if (why) return why;
      }
    }
    return undefined;
  };
  const include = (target: string, optional: boolean, depth: number, inSection: boolean): UnsureReason | undefined => {
    const slash = target.lastIndexOf('/');
    const dir = target.slice(0, slash);
    const name = target.slice(slash + 1);
    if (/[*?[]/.test(dir)) return directiveIn(`Include ${target}`, main.key);
    if (/[*?[]/.test(name)) {
      const inDir = filesIn(pod, container, dir, configMaps);
      if (inDir === undefined) return reason('image-file', { directive: `Include ${target}` });
      if (!(inDir instanceof Map)) return inDir;
      const re = new RegExp(`^${name.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
      for (const [key, file] of [...inDir].sort(([a], [b]) => a.localeCompare(b))) {
        if (!re.test(key)) continue;
        const why = read(file, depth + 1, inSection);
        if (why) return why;
      }
      return undefined;
    }
    const file = fileAt(pod, container, target, configMaps);
    if (file === undefined) {
      // Not mounted: the image's own file. Only its conf/extra files are known.
      if (dir !== `${ROOT}/conf/extra`) return reason('image-file', { directive: `Include ${target}` });
      const ports = IMAGE_EXTRA_LISTENS[name] ?? [];
      if (ports.length > 0 && inSection) return reason('in-section', { directive: `Include ${target}`, file: main.key });
      for (const port of ports) raw.push({ port, protocol: 'TCP', address: '', directive: `Listen ${port} (${target})` });
      return undefined;
    }
    // IncludeOptional skips a file that is not there, not one that cannot be read.
    if (!isFile(file)) return optional && file.key === 'not-a-key' ? undefined : file;
    return read(file, depth + 1, inSection);
  };
  const why = read(main, 0, false);
  if (why) return { kind: 'unsure', why };
  if (raw.length === 0) return { kind: 'unsure', why: reason('httpd-no-listen', { file: main.key }) };
  const listens = found.flatMap(({ listen, file }) => listensOf([listen], file));
  // Listens from the image's conf/extra files are tied to the main file (they have no ConfigMap of their own).
  const imageListens = listensOf(raw.filter((l) => !found.some((x) => x.listen === l)), main);
  return { kind: 'listens', listens: dedupe([...listens, ...imageListens]), files: files.map((f) => f.key), imageDefault: false, consumed: f?.items ?? [] };
}

function dedupe(listens: readonly ConfigListen[]): ConfigListen[] {
  return listens.filter((l, i) => listens.findIndex((o) => o.port === l.port && o.protocol === l.protocol && o.address === l.address) === i);
}
