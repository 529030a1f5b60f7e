/**
 * Ports set in configuration files that a container mounts from a ConfigMap of the same file or its folder:
 * nginx `listen` (nginx.conf, conf.d/*.conf, templates rendered into conf.d), and the lookup of
 * a mounted file that the other readers share (redis.conf is read in listen-redis.ts). When the file cannot be read (another volume type, a ConfigMap elsewhere,
 * an `include`), the answer is "unsure": Podsight then does not guess.
 */
import { isScalar, type YAMLMap } from 'yaml';
import { getMap, getNode, getSeqItems, getString, asMap } from '../core/yaml-access';
import { configMapFor, type ConfigMapIndex, type ConfigMapModel } from './config-maps';
import { lookupImage, normaliseMountPath } from './images';
import { readableText, holdsPlaceholder } from './config-text';
import { directiveIn, reason, type UnsureReason } from './listen-reasons';
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
  | { readonly kind: 'unsure'; readonly why: UnsureReason };

export interface ConfigFile {
  readonly text: string;
  readonly configMap: ConfigMapModel;
  readonly key: string;
  /** Why the file cannot be read (a template); `text` is then empty. */
  readonly unreadable?: UnsureReason;
}

/** Whether a lookup found a file (else it says why not). */
export const isFile = (x: ConfigFile | UnsureReason): x is ConfigFile => 'configMap' in x;

/** A ConfigMap key as a file (see config-text.ts). */
function configFile(cm: ConfigMapModel, key: string): ConfigFile | undefined {
  const value = cm.files.get(key);
  if (!value) return undefined;
  const text = readableText(value, key);
  return 'text' in text ? { text: text.text, configMap: cm, key } : { text: '', configMap: cm, key, unreadable: text };
}

/** The files a mount puts at its mountPath (a directory, or one file with subPath), or why it cannot be read. */
function mountedFiles(pod: PodModel, mount: ContainerModel['mounts'][number], configMaps: ConfigMapIndex): Map<string, ConfigFile> | UnsureReason {
  const volume = pod.volumes.find((v) => v.name === mount.name);
  if (!volume) return reason('volume-missing', { volume: mount.name ?? '' });
  if (volume.source !== 'configMap') return reason('volume-source', { volume: volume.name ?? '', source: volume.source ?? '?' });
  const source = getMap(volume.node, 'configMap', pod.doc);
  const name = getString(source, 'name', pod.doc) ?? '';
  const cm = configMapFor(configMaps, name, pod);
  if (!cm) return reason('config-map-elsewhere', { name });
  const files = new Map<string, ConfigFile>();
  const items = getSeqItems(source, 'items', pod.doc);
  if (items.length > 0) {
    for (const { node } of items) {
      const item = asMap(node, pod.doc);
      const key = getString(item, 'key', pod.doc);
      const path = getString(item, 'path', pod.doc);
      const file = key ? configFile(cm, key) : undefined;
      if (path && file) files.set(path, file);
    }
  } else {
    for (const key of cm.files.keys()) files.set(key, configFile(cm, key)!);
  }
  if (mount.subPath !== undefined) {
    if (mount.subPathUnknown) return reason('sub-path-expr', { volume: volume.name ?? '' });
    const file = files.get(mount.subPath);
    return new Map(file ? [['', file]] : []);
  }
  return files;
}

/**
 * `listen` directives of nginx configuration text, with the default of a server block that names
 * none: port 80, or 8000 when nginx runs without superuser privileges (nginx's `listen` docs).
 */
export function nginxListens(text: string, defaultPort = 80): { listens: { port: number; protocol: 'TCP' | 'UDP'; address: string; directive: string }[]; includesConfD: boolean; unsure?: string } {
  const clean = text.replace(/#[^\n]*/g, '');
  // `${name}` is one word to nginx (its own variables, or a placeholder filled in before it runs).
  const tokens = clean.match(/[{};]|"[^"]*"|'[^']*'|(?:\$\{[^}\s]*\}|[^\s{};])+/g) ?? [];
  const listens: { port: number; protocol: 'TCP' | 'UDP'; address: string; directive: string }[] = [];
  const stack: { name: string; listened: boolean }[] = [];
  let statement: string[] = [];
  let includesConfD = false;
  let unsure: string | undefined;
  // No directive's name starts with `$`: one that does is a placeholder standing for whole statements.
  const placeholderStatement = (): void => {
    if (statement[0]?.startsWith('$')) unsure ??= statement.join(' ');
  };
  for (const token of tokens) {
    if (token === '{' || token === '}' || token === ';') placeholderStatement();
    if (token === '{') {
      stack.push({ name: statement[0] ?? '', listened: false });
      statement = [];
    } else if (token === '}') {
      const block = stack.pop();
      if (block?.name === 'server' && !block.listened && !stack.some((b) => b.name === 'upstream')) listens.push({ port: defaultPort, protocol: 'TCP', address: '', directive: `server { … } (no listen: port ${defaultPort})` });
      statement = [];
    } else if (token === ';') {
      const [name, first, ...flags] = statement.map((w) => w.replace(/^["']|["']$/g, ''));
      const top = stack[stack.length - 1];
      if (name === 'listen' && top?.name === 'server' && first !== undefined) {
        top.listened = true;
        if (!first.startsWith('unix:')) {
          const parsed = holdsPlaceholder(first) ? undefined : parseAddress(first);
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
  placeholderStatement();
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
/** nginx runs without superuser privileges: the unprivileged image, or a non-zero `runAsUser`. */
function runsUnprivileged(pod: PodModel, container: ContainerModel): boolean {
  if (container.image && lookupImage(container.image)?.builtinRepository === 'nginxinc/nginx-unprivileged') return true;
  const user = (owner: YAMLMap | undefined): unknown => {
    const node = getNode(asMap(getNode(owner, 'securityContext', pod.doc), pod.doc), 'runAsUser', pod.doc);
    return isScalar(node) ? node.value : undefined;
  };
  const uid = user(container.node) ?? user(pod.spec);
  return typeof uid === 'number' && uid !== 0;
}

export function nginxConfig(pod: PodModel, container: ContainerModel, env: ContainerEnv, configMaps: ConfigMapIndex): ConfigResult {
  let nginxConf: ConfigFile | undefined;
  let confD: Map<string, ConfigFile | 'image'> = new Map([['default.conf', 'image']]);
  const templates = new Map<string, ConfigFile>();
  let changed = false;
  let confDMounted = false;
  const mounts = [...container.mounts].sort((a, b) => (a.mountPath?.length ?? 0) - (b.mountPath?.length ?? 0));
  for (const mount of mounts) {
    const path = mount.mountPath === undefined ? undefined : normaliseMountPath(mount.mountPath);
    if (path === undefined) continue;
    const relevant = path === '/' || path === '/etc' || path === NGINX || path === `${NGINX}/nginx.conf` || path.startsWith(`${NGINX}/conf.d`) || path.startsWith(`${NGINX}/templates`);
    if (!relevant) continue;
    if (path === '/' || path === '/etc') return { kind: 'unsure', why: reason('volume-over', { path }) };
    const files = mountedFiles(pod, mount, configMaps);
    if (!(files instanceof Map)) return { kind: 'unsure', why: reason('mounted-at', { what: files, path }) };
    changed = true;
    if (path === NGINX || path.startsWith(`${NGINX}/conf.d`)) confDMounted = true;
    const single = files.get('');
    if (path === NGINX) {
      nginxConf = files.get('nginx.conf');
      confD = new Map([...files].filter(([k]) => k.startsWith('conf.d/')).map(([k, f]) => [k.slice(7), f]));
      if (!nginxConf) return { kind: 'unsure', why: reason('nginx-no-conf', { dir: NGINX }) };
    } else if (path === `${NGINX}/nginx.conf`) nginxConf = single;
    else if (path === `${NGINX}/conf.d`) confD = new Map(files);
    else if (path.startsWith(`${NGINX}/conf.d/`) && single) confD.set(path.slice(`${NGINX}/conf.d/`.length), single);
    else if (path === `${NGINX}/templates`) for (const [k, f] of files) templates.set(k, f);
    else if (path.startsWith(`${NGINX}/templates/`) && single) templates.set(path.slice(`${NGINX}/templates/`.length), single);
  }
  if (!changed) return { kind: 'default' };
  if (templates.size > 0) {
    // The entrypoint renders into conf.d; a ConfigMap volume there is read-only (it skips or fails).
    if (confDMounted) return { kind: 'unsure', why: reason('nginx-templates-read-only') };
    if (['NGINX_ENVSUBST_TEMPLATE_DIR', 'NGINX_ENVSUBST_TEMPLATE_SUFFIX', 'NGINX_ENVSUBST_OUTPUT_DIR'].some((v) => env.vars.has(v))) return { kind: 'unsure', why: reason('nginx-envsubst-settings') };
    for (const [name, file] of templates) {
      if (!name.endsWith('.template')) continue;
      if (file.unreadable) return { kind: 'unsure', why: file.unreadable };
      const text = renderTemplate(file.text, env);
      if (text === undefined) return { kind: 'unsure', why: reason('nginx-template-var', { file: name }) };
      confD.set(name.slice(0, -'.template'.length), { ...file, text });
    }
  }
  const listens: ConfigListen[] = [];
  const fileNames: string[] = [];
  const read = (file: ConfigFile): UnsureReason | undefined => {
    if (file.unreadable) return file.unreadable;
    const found = nginxListens(file.text, runsUnprivileged(pod, container) ? 8000 : 80);
    if (found.unsure) return directiveIn(found.unsure, file.key);
    fileNames.push(file.key);
    // `listen 80` and `listen [::]:80` are one port for the pod (both every address).
    for (const l of found.listens) if (!listens.some((o) => o.port === l.port && o.protocol === l.protocol && o.address === l.address)) listens.push({ ...l, configMap: file.configMap, key: file.key });
    return undefined;
  };
  let imageDefault = false;
  const includesConfD = nginxConf ? nginxListens(nginxConf.text).includesConfD : true;
  if (nginxConf) {
    const why = read(nginxConf);
    if (why) return { kind: 'unsure', why };
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
      if (why) return { kind: 'unsure', why };
    }
  }
  return { kind: 'listens', listens, files: fileNames, imageDefault };
}


/** The ConfigMap file mounted at `filePath` in the container (a subPath file, or a key of a mounted directory). */
export function fileAt(pod: PodModel, container: ContainerModel, filePath: string, configMaps: ConfigMapIndex): ConfigFile | UnsureReason | undefined {
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
  if (!(files instanceof Map)) return reason('mounted-at', { what: files, path: best.path });
  const rel = target === best.path ? '' : target.slice(best.path === '/' ? 1 : best.path.length + 1);
  const file = files.get(rel);
  return file?.unreadable ?? file ?? reason('not-a-key', { path: filePath });
}

/**
 * The ConfigMap files directly inside directory `dir` of the container (for `Include dir/*.conf`):
 * undefined when no mount covers it (the image's own directory), a string when it cannot be read.
 */
export function filesIn(pod: PodModel, container: ContainerModel, dir: string, configMaps: ConfigMapIndex): Map<string, ConfigFile> | UnsureReason | undefined {
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
  if (!(files instanceof Map)) return reason('mounted-at', { what: files, path: best.path });
  const prefix = target === best.path ? '' : target.slice(best.path === '/' ? 1 : best.path.length + 1) + '/';
  return new Map([...files].filter(([k]) => k.startsWith(prefix) && !k.slice(prefix.length).includes('/')).map(([k, f]) => [k.slice(prefix.length), f]));
}
