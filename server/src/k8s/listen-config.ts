/**
 * Ports set in configuration files that a container mounts from a ConfigMap of the same file or its folder:
 * nginx `listen` (nginx.conf, conf.d/*.conf, templates rendered into conf.d) and redis.conf
 * `port` / `bind`. When the file cannot be read (another volume type, a ConfigMap elsewhere,
 * an `include`), the answer is "unsure": Podsight then does not guess.
 */
import { getMap, getSeqItems, getString, asMap } from '../core/yaml-access';
import { configMapFor, type ConfigMapIndex, type ConfigMapModel } from './config-maps';
import { normaliseMountPath } from './images';
import { parseAddress, type ContainerEnv } from './listen-values';
import type { ContainerModel, PodModel } from './pod-model';

/** A port a configuration file makes the process listen on. */
export interface ConfigListen {
  readonly port: number;
  readonly protocol: 'TCP' | 'UDP';
  readonly address: string;
  /** The directive as written, e.g. `listen 8081` or `port 6380`. */
  readonly directive: string;
  readonly configMap: ConfigMapModel;
  readonly key: string;
}

export type ConfigResult =
  | { readonly kind: 'default' }
  | {
      readonly kind: 'listens';
      readonly listens: readonly ConfigListen[];
      readonly files: readonly string[];
      /** The image's own default.conf is still there beside the mounted files: its default port stays. */
      readonly imageDefault: boolean;
    }
  | { readonly kind: 'unsure'; readonly why: string };

export interface ConfigFile {
  readonly text: string;
  readonly configMap: ConfigMapModel;
  readonly key: string;
}

/** The files a mount puts at its mountPath (a directory, or one file with subPath), or why it cannot be read. */
function mountedFiles(pod: PodModel, mount: ContainerModel['mounts'][number], configMaps: ConfigMapIndex): Map<string, ConfigFile> | string {
  const volume = pod.volumes.find((v) => v.name === mount.name);
  if (!volume) return `volume "${mount.name ?? ''}"`;
  if (volume.source !== 'configMap') return `volume "${volume.name ?? ''}" (${volume.source ?? '?'})`;
  const source = getMap(volume.node, 'configMap', pod.doc);
  const name = getString(source, 'name', pod.doc) ?? '';
  const cm = configMapFor(configMaps, name, pod);
  if (!cm) return `ConfigMap "${name}", which is not in this file, its folder or its kustomize bases (in the pod's namespace)`;
  const files = new Map<string, ConfigFile>();
  const items = getSeqItems(source, 'items', pod.doc);
  if (items.length > 0) {
    for (const { node } of items) {
      const item = asMap(node, pod.doc);
      const key = getString(item, 'key', pod.doc);
      const path = getString(item, 'path', pod.doc);
      const data = key ? cm.data.get(key) : undefined;
      if (key && path && data) files.set(path, { text: data.value, configMap: cm, key });
    }
  } else {
    for (const [key, data] of cm.data) files.set(key, { text: data.value, configMap: cm, key });
  }
  if (mount.subPath !== undefined) {
    if (mount.subPath.includes('$(')) return `subPathExpr of volume "${volume.name ?? ''}"`;
    const file = files.get(mount.subPath);
    return new Map(file ? [['', file]] : []);
  }
  return files;
}

/** `listen` directives of nginx configuration text, with the default `listen 80` of a server block that names none. */
export function nginxListens(text: string): { listens: { port: number; protocol: 'TCP' | 'UDP'; address: string; directive: string }[]; includesConfD: boolean; unsure?: string } {
  const clean = text.replace(/#[^\n]*/g, '');
  const tokens = clean.match(/[{};]|"[^"]*"|'[^']*'|[^\s{};]+/g) ?? [];
  const listens: { port: number; protocol: 'TCP' | 'UDP'; address: string; directive: string }[] = [];
  const stack: { name: string; listened: boolean }[] = [];
  let statement: string[] = [];
  let includesConfD = false;
  let unsure: string | undefined;
  for (const token of tokens) {
    if (token === '{') {
      stack.push({ name: statement[0] ?? '', listened: false });
      statement = [];
    } else if (token === '}') {
      const block = stack.pop();
      if (block?.name === 'server' && !block.listened && !stack.some((b) => b.name === 'upstream')) listens.push({ port: 80, protocol: 'TCP', address: '', directive: 'server { … } (no listen: port 80)' });
      statement = [];
    } else if (token === ';') {
      const [name, first, ...flags] = statement.map((w) => w.replace(/^["']|["']$/g, ''));
      const top = stack[stack.length - 1];
      if (name === 'listen' && top?.name === 'server' && first !== undefined) {
        top.listened = true;
        if (!first.startsWith('unix:')) {
          const parsed = first.includes('$') ? undefined : parseAddress(first);
          if (!parsed) unsure = `listen ${first}`;
          else listens.push({ port: parsed.port ?? 80, protocol: flags.includes('udp') || flags.includes('quic') ? 'UDP' : 'TCP', address: parsed.address, directive: `listen ${first}` });
        }
      } else if (name === 'include' && first !== undefined) {
        if (/conf\.d\/\*/.test(first)) includesConfD = true;
        else if (!/(mime\.types|_params|modules|\.conf\.default)/.test(first) && stack.some((b) => b.name === 'http' || b.name === 'server' || b.name === 'stream')) unsure = `include ${first}`;
      }
      statement = [];
    } else statement.push(token);
  }
  return { listens, includesConfD, ...(unsure ? { unsure } : {}) };
}

/** envsubst as the nginx entrypoint runs it: only variables the container defines are replaced. */
function renderTemplate(text: string, env: ContainerEnv): string | undefined {
  let unknown = false;
  const out = text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, a?: string, b?: string) => {
    const v = env.vars.get((a ?? b)!);
    if (!v) return whole;
    if (v.value === undefined) unknown = true;
    return v.value ?? whole;
  });
  return unknown ? undefined : out;
}

const NGINX = '/etc/nginx';

/** What nginx listens on given the container's mounts: the image default, the mounted configuration's listens, or unsure. */
export function nginxConfig(pod: PodModel, container: ContainerModel, env: ContainerEnv, configMaps: ConfigMapIndex): ConfigResult {
  let nginxConf: ConfigFile | undefined;
  let confD: Map<string, ConfigFile | 'image'> = new Map([['default.conf', 'image']]);
  const templates = new Map<string, ConfigFile>();
  let changed = false;
  const mounts = [...container.mounts].sort((a, b) => (a.mountPath?.length ?? 0) - (b.mountPath?.length ?? 0));
  for (const mount of mounts) {
    const path = mount.mountPath === undefined ? undefined : normaliseMountPath(mount.mountPath);
    if (path === undefined) continue;
    const relevant = path === '/' || path === '/etc' || path === NGINX || path === `${NGINX}/nginx.conf` || path.startsWith(`${NGINX}/conf.d`) || path.startsWith(`${NGINX}/templates`);
    if (!relevant) continue;
    if (path === '/' || path === '/etc') return { kind: 'unsure', why: `a volume mounted at ${path}` };
    const files = mountedFiles(pod, mount, configMaps);
    if (typeof files === 'string') return { kind: 'unsure', why: `${files} mounted at ${path}` };
    changed = true;
    const single = files.get('');
    if (path === NGINX) {
      nginxConf = files.get('nginx.conf');
      confD = new Map([...files].filter(([k]) => k.startsWith('conf.d/')).map(([k, f]) => [k.slice(7), f]));
      if (!nginxConf) return { kind: 'unsure', why: `${NGINX} replaced without nginx.conf` };
    } else if (path === `${NGINX}/nginx.conf`) nginxConf = single;
    else if (path === `${NGINX}/conf.d`) confD = new Map(files);
    else if (path.startsWith(`${NGINX}/conf.d/`) && single) confD.set(path.slice(`${NGINX}/conf.d/`.length), single);
    else if (path === `${NGINX}/templates`) for (const [k, f] of files) templates.set(k, f);
    else if (path.startsWith(`${NGINX}/templates/`) && single) templates.set(path.slice(`${NGINX}/templates/`.length), single);
  }
  if (!changed) return { kind: 'default' };
  if (templates.size > 0) {
    if (['NGINX_ENVSUBST_TEMPLATE_DIR', 'NGINX_ENVSUBST_TEMPLATE_SUFFIX', 'NGINX_ENVSUBST_OUTPUT_DIR'].some((v) => env.vars.has(v))) return { kind: 'unsure', why: 'NGINX_ENVSUBST_* settings' };
    for (const [name, file] of templates) {
      if (!name.endsWith('.template')) continue;
      const text = renderTemplate(file.text, env);
      if (text === undefined) return { kind: 'unsure', why: `template ${name} uses a variable Podsight cannot read` };
      confD.set(name.slice(0, -'.template'.length), { ...file, text });
    }
  }
  const listens: ConfigListen[] = [];
  const fileNames: string[] = [];
  const read = (file: ConfigFile): string | undefined => {
    const found = nginxListens(file.text);
    if (found.unsure) return found.unsure;
    fileNames.push(file.key);
    // `listen 80` and `listen [::]:80` are one port for the pod (both every address).
    for (const l of found.listens) if (!listens.some((o) => o.port === l.port && o.protocol === l.protocol && o.address === l.address)) listens.push({ ...l, configMap: file.configMap, key: file.key });
    return undefined;
  };
  let imageDefault = false;
  const includesConfD = nginxConf ? nginxListens(nginxConf.text).includesConfD : true;
  if (nginxConf) {
    const why = read(nginxConf);
    if (why) return { kind: 'unsure', why: `${why} in ${nginxConf.key}` };
  }
  if (includesConfD) {
    for (const [name, file] of confD) {
      if (!name.endsWith('.conf')) continue;
      // default.conf still comes from the image: its `listen` is the image's default port.
      if (file === 'image') {
        imageDefault = true;
        continue;
      }
      const why = read(file);
      if (why) return { kind: 'unsure', why: `${why} in ${file.key}` };
    }
  }
  return { kind: 'listens', listens, files: fileNames, imageDefault };
}

/** redis.conf: the last `port` and `bind` lines (`port 0` turns TCP off); an `include` is unsure. */
export function redisConfigPort(text: string): { port?: number; bind?: string; unsure?: string } {
  let port: number | undefined;
  let bind: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const [name, ...values] = raw.trim().split(/\s+/);
    const key = name?.toLowerCase();
    if (key === 'port' && /^\d+$/.test(values[0] ?? '')) port = Number(values[0]);
    else if (key === 'bind' && values.length > 0) bind = values.join(' ');
    else if (key === 'include') return { unsure: `include ${values.join(' ')}` };
  }
  return { ...(port !== undefined ? { port } : {}), ...(bind !== undefined ? { bind } : {}) };
}

/** The ConfigMap file mounted at `filePath` in the container (a subPath file, or a key of a mounted directory). */
export function fileAt(pod: PodModel, container: ContainerModel, filePath: string, configMaps: ConfigMapIndex): ConfigFile | string | undefined {
  const target = normaliseMountPath(filePath);
  if (target === undefined) return undefined;
  let best: { mount: ContainerModel['mounts'][number]; path: string } | undefined;
  for (const mount of container.mounts) {
    const path = mount.mountPath === undefined ? undefined : normaliseMountPath(mount.mountPath);
    if (path === undefined || !(target === path || target.startsWith(path === '/' ? '/' : path + '/'))) continue;
    if (!best || path.length > best.path.length) best = { mount, path };
  }
  if (!best) return undefined;
  const files = mountedFiles(pod, best.mount, configMaps);
  if (typeof files === 'string') return `${files} mounted at ${best.path}`;
  const rel = target === best.path ? '' : target.slice(best.path === '/' ? 1 : best.path.length + 1);
  return files.get(rel) ?? `${filePath} is not a key of the mounted ConfigMap`;
}

/**
 * The ConfigMap files directly inside directory `dir` of the container (for `Include dir/*.conf`):
 * undefined when no mount covers it (the image's own directory), a string when it cannot be read.
 */
export function filesIn(pod: PodModel, container: ContainerModel, dir: string, configMaps: ConfigMapIndex): Map<string, ConfigFile> | string | undefined {
  const target = normaliseMountPath(dir);
  if (target === undefined) return undefined;
  let best: { mount: ContainerModel['mounts'][number]; path: string } | undefined;
  for (const mount of container.mounts) {
    const path = mount.mountPath === undefined ? undefined : normaliseMountPath(mount.mountPath);
    if (path === undefined || mount.subPath !== undefined || !(target === path || target.startsWith(path === '/' ? '/' : path + '/'))) continue;
    if (!best || path.length > best.path.length) best = { mount, path };
  }
  if (!best) return undefined;
  const files = mountedFiles(pod, best.mount, configMaps);
  if (typeof files === 'string') return `${files} mounted at ${best.path}`;
  const prefix = target === best.path ? '' : target.slice(best.path === '/' ? 1 : best.path.length + 1) + '/';
  return new Map([...files].filter(([k]) => k.startsWith(prefix) && !k.slice(prefix.length).includes('/')).map(([k, f]) => [k.slice(prefix.length), f]));
}
