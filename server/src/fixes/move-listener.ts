/**
 * Moving a process to another port, the only fix for a port conflict that changes what happens
 * at run time: set the image's documented argument or variable (or edit the one the container
 * already sets), or for nginx edit the `listen` of its ConfigMap or add a ConfigMap with a
 * `listen` directive mounted over the default server. The declaration, probes, lifecycle handlers
 * and the Services of the file that meant this container follow the process.
 */
import type { Document, Scalar, YAMLMap } from 'yaml';
import { asMap, asSeq, getMap, getNode, getPair, getSeqItems } from '../core/yaml-access';
import { chunkStartOf, configMapsOfAnalysis } from '../k8s/config-maps';
import type { ListenSetting } from '../k8s/images';
import { envEntry } from '../k8s/listen-values';
import { containerListeners, podListeners, type Listener, type ListenerEnv } from '../k8s/listeners';
import { containerLabel, runTogether, type ContainerModel, type PodModel } from '../k8s/pod-model';
import { selects, serviceOf, templateLabels } from '../k8s/services';
import { unique, writtenIn } from './find';
import type { Fix, FixContext } from './types';
import { addPair, appendItem, eolOf, replaceScalar, scalarText, type OffsetEdit, type YValue } from './yaml-edit';

export function listenerEnv(ctx: FixContext): ListenerEnv {
  return { images: ctx.options.images, configMaps: configMapsOfAnalysis(ctx.analysis) };
}

/** Every port a listener or a declaration of the pod uses (the containers running beside `container`, and itself). */
export function portsInUse(pod: PodModel, container: ContainerModel, env: ListenerEnv): Set<number> {
  const used = new Set<number>();
  for (const of of podListeners(pod, env)) {
    if (of.container !== container && !runTogether(of.container, container)) continue;
    for (const l of of.listeners) used.add(l.port);
    for (const p of of.container.ports) if (p.containerPort !== undefined) used.add(p.containerPort);
  }
  return used;
}

/** `text` with the port number `from` replaced (the last occurrence: `host:80` keeps its host). */
function withPort(text: string, from: number, to: number): string | undefined {
  const re = new RegExp(`(^|[^0-9])${from}(?![0-9])`, 'g');
  let last = -1;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m.index + (m[1]?.length ?? 0);
  return last < 0 ? undefined : text.slice(0, last) + String(to) + text.slice(last + String(from).length);
}

/** The value a setting takes for port `to`. */
function settingValue(setting: ListenSetting, to: number): string {
  return setting.value === 'address' ? `:${to}` : String(to);
}

interface ProcessMove {
  readonly edits: OffsetEdit[];
  /** Title part: how the process moves. */
  readonly how: string;
}

/** The edits that make `listener`'s process listen on `to`, or undefined when Podsight knows no way. */
function moveProcess(ctx: FixContext, pod: PodModel, listener: Listener, to: number, env: ListenerEnv): ProcessMove | undefined {
  const { container } = listener;
  const text = ctx.analysis.text;
  const base = ctx.chunk.start;
  const doc = pod.doc;
  const of = containerListeners(pod, container, env);
  const model = of.image?.listen;
  // A server started at the end of a script: its words are inside the script, and `args` would be
  // the script's; only nginx's ConfigMap (the script writes nothing under /etc) moves it.
  if (of.viaScript) return listener.source === 'image' && model?.config === 'nginx' ? nginxConfigMap(ctx, pod, container, to) : undefined;
  // The container already sets the port: change that value.
  if ((listener.source === 'arg' || listener.source === 'env') && listener.node && writtenIn(listener.node, container.node)) {
    const scalar = listener.node as Scalar;
    const next = withPort(String(scalar.value), listener.port, to);
    if (next === undefined || next.includes('$(')) return undefined;
    return { edits: [replaceScalar(base, scalar, /^\d+$/.test(next) && typeof scalar.value === 'number' ? Number(next) : next)], how: ctx.t('fix.move.how.change', { from: listener.origin, to: next }) };
  }
  if (listener.source === 'config' && listener.config) return nginxEdit(ctx, pod, listener, to, env);
  if (listener.source !== 'image' || !model) return undefined;
  if (model.config === 'nginx') return nginxConfigMap(ctx, pod, container, to);
  const setting = model.settings.find((s) => s.port === listener.defaultPort && ((s.args?.length ?? 0) > 0 || (s.env?.length ?? 0) > 0));
  if (!setting) return undefined;
  const value = settingValue(setting, to);
  const flag = setting.args?.[0];
  const items = flag === undefined ? [] : flag.startsWith('--') && !setting.separate ? [`${flag}=${value}`] : [flag, value];
  // redis-stack: its CMD script passes REDIS_ARGS on, and args would replace that script.
  const cmdVar = model.argsEnv?.cmdOnly && !container.commandOverridden && !getPair(container.node, 'args', doc) ? model.argsEnv.names[0] : undefined;
  if (cmdVar) {
    // Flags already there: append ours (redis-server takes the last); a Secret or envFrom value is not ours to replace.
    const set = envEntry(container, cmdVar, doc);
    if (set?.value && typeof set.value.value === 'string' && writtenIn(set.value, container.node)) {
      const next = `${set.value.value} ${items.join(' ')}`.trim();
      return { edits: [replaceScalar(base, set.value, next)], how: ctx.t('fix.move.how.change', { from: `${cmdVar}=${set.value.value}`, to: next }) };
    }
    if (set || getPair(container.node, 'envFrom', doc)) return undefined;
  }
  const envName = cmdVar ?? setting.env?.[0];
  if (flag && !cmdVar) {
    const args = asSeq(getNode(container.node, 'args', doc), doc);
    if (getPair(container.node, 'args', doc) && (!args || !writtenIn(args, container.node))) return undefined;
    const edits = args ? items.map((item) => appendItem(text, base, args, item)) : [addPair(text, base, container.node, 'args', [...(model.cmd ?? []), ...items])];
    return { edits: mergeSamePoint(edits), how: ctx.t('fix.move.how.arg', { setting: items.join(' ') }) };
  }
  if (envName) {
    const envSeq = asSeq(getNode(container.node, 'env', doc), doc);
    if (envSeq && !writtenIn(envSeq, container.node)) return undefined;
    const entry = { name: envName, value: cmdVar ? items.join(' ') : value };
    return { edits: [envSeq ? appendItem(text, base, envSeq, entry) : addPair(text, base, container.node, 'env', [entry])], how: ctx.t('fix.move.how.env', { setting: `${envName}=${entry.value}` }) };
  }
  return undefined;
}

/** Changes `listen <port>` in the ConfigMap the container reads, when no other container reads it. */
function nginxEdit(ctx: FixContext, pod: PodModel, listener: Listener, to: number, env: ListenerEnv): ProcessMove | undefined {
  const config = listener.config!;
  const sharers = podListeners(pod, env).filter((o) => o.listeners.some((l) => l.config?.configMap === config.configMap));
  const start = chunkStartOf(ctx.analysis, config.configMap);
  const node = config.configMap.files.get(config.key)?.node;
  if (sharers.length !== 1 || start === undefined || !node?.range) return undefined;
  const raw = ctx.analysis.text.slice(start + node.range[0], start + node.range[1]);
  const edits: OffsetEdit[] = [];
  const re = /(^|[\s;{])listen\s+([^;\s]*?)(\d+)(?=[\s;])/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    if (Number(m[3]) !== listener.port) continue;
    const at = start + node.range[0] + m.index + m[0].length - (m[3]?.length ?? 0);
    edits.push({ start: at, end: at + (m[3]?.length ?? 0), newText: String(to) });
  }
  return edits.length === 0 ? undefined : { edits, how: ctx.t('fix.move.how.nginx-edit', { from: listener.port, to, configMap: config.configMap.name }) };
}

/** The default server of the official image, moved to `port`. */
function nginxDefaultConf(port: number): string {
  return `server {\n  listen ${port};\n  listen [::]:${port};\n  server_name localhost;\n  location / {\n    root /usr/share/nginx/html;\n    index index.html index.htm;\n  }\n  error_page 500 502 503 504 /50x.html;\n  location = /50x.html {\n    root /usr/share/nginx/html;\n  }\n}\n`;
}

/** A new ConfigMap (appended to the file), a volume and a mount that replace nginx's default server. */
function nginxConfigMap(ctx: FixContext, pod: PodModel, container: ContainerModel, to: number): ProcessMove | undefined {
  const doc = pod.doc;
  const text = ctx.analysis.text;
  const base = ctx.chunk.start;
  const taken = new Set([...configMapsOfAnalysis(ctx.analysis).keys()]);
  const name = unique(`${pod.name ?? 'pod'}-${containerLabel(container)}-nginx`.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^-+/, ''), taken, 253);
  const volumeName = unique(`${containerLabel(container)}-nginx-conf`.toLowerCase().replace(/[^a-z0-9-]+/g, '-').slice(0, 63).replace(/^-+|-+$/g, ''), new Set(pod.volumes.flatMap((v) => (v.name ? [v.name] : []))));
  const mounts = asSeq(getNode(container.node, 'volumeMounts', doc), doc);
  const volumes = asSeq(getNode(pod.spec, 'volumes', doc), doc);
  if ((mounts && !writtenIn(mounts, container.node)) || (volumes && !writtenIn(volumes, pod.spec))) return undefined;
  const mount = { name: volumeName, mountPath: '/etc/nginx/conf.d/default.conf', subPath: 'default.conf' };
  const volume = { name: volumeName, configMap: { name } };
  const edits: OffsetEdit[] = [
    mounts ? appendItem(text, base, mounts, mount) : addPair(text, base, container.node, 'volumeMounts', [mount]),
    volumes ? appendItem(text, base, volumes, volume) : addPair(text, base, pod.spec, 'volumes', [volume]),
    appendDocument(text, configMapYaml(name, pod, to, eolOf(text))),
  ];
  // Not merged here: when the pod ends the file, the container's new `ports` (a follower) must go
  // between the mount and the pod's `volumes`, which moveListenerFix orders by indentation.
  return { edits, how: ctx.t('fix.move.how.nginx-new', { port: to, configMap: name }) };
}

function configMapYaml(name: string, pod: PodModel, port: number, eol: string): string {
  const namespace = getMap(pod.object.node, 'metadata', pod.doc)?.get('namespace');
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', `  name: ${scalarText(name)}`];
  if (typeof namespace === 'string') lines.push(`  namespace: ${scalarText(namespace)}`);
  lines.push('data:', '  default.conf: |', ...nginxDefaultConf(port).trimEnd().split('\n').map((l) => `    ${l}`));
  return lines.join(eol) + eol;
}

/** A new `---` document at the end of the file. */
function appendDocument(text: string, body: string): OffsetEdit {
  const eol = eolOf(text);
  const needsBreak = text.length > 0 && !text.endsWith('\n');
  return { start: text.length, end: text.length, newText: `${needsBreak ? eol : ''}---${eol}${body}` };
}

/** Insertions at one point become one edit, in order (a new key after the container's last line, twice). */
export function mergeSamePoint(edits: OffsetEdit[]): OffsetEdit[] {
  const out: OffsetEdit[] = [];
  for (const e of edits) {
    const prev = out[out.length - 1];
    if (prev && prev.start === e.start && prev.end === e.end && e.start === e.end) out[out.length - 1] = { ...prev, newText: prev.newText + e.newText };
    else out.push(e);
  }
  return out;
}

/** The declaration, probes and lifecycle handlers of `container`, and the file's Services that meant it, moved from `from` to `to`. */
function followers(ctx: FixContext, pod: PodModel, container: ContainerModel, protocol: string, from: number, to: number): OffsetEdit[] | undefined {
  const text = ctx.analysis.text;
  const base = ctx.chunk.start;
  const edits: OffsetEdit[] = [];
  const declared = container.ports.find((p) => p.containerPort === from && p.protocol === protocol);
  if (declared?.containerPortNode && from !== to) {
    if (writtenIn(declared.containerPortNode, container.node)) edits.push(replaceScalar(base, declared.containerPortNode, to));
    else {
      // Merged from an anchor (`<<: *base`): give this container its own `ports:` (an override).
      if (getPair(container.node, 'ports', pod.doc) && writtenIn(getPair(container.node, 'ports', pod.doc)?.key as never, container.node)) return undefined;
      const ports = container.ports.map((p) => portItem(p.node, pod.doc, p === declared ? to : undefined));
      edits.push(addPair(text, base, container.node, 'ports', ports));
    }
  } else if (!declared && !container.ports.some((p) => p.containerPort === to)) {
    const item: Record<string, YValue> = protocol === 'TCP' ? { containerPort: to } : { containerPort: to, protocol };
    const seq = asSeq(getNode(container.node, 'ports', pod.doc), pod.doc);
    if (seq && !writtenIn(seq, container.node)) return undefined;
    edits.push(seq ? appendItem(text, base, seq, item) : addPair(text, base, container.node, 'ports', [item]));
  }
  for (const ref of container.portReferences) if (ref.value === from && writtenIn(ref.node, container.node)) edits.push(replaceScalar(base, ref.node, to));
  // A Service's number meant this container only when no other container declares it.
  const soleDeclarer = declared && !pod.containers.some((c) => c !== container && c.ports.some((p) => p.containerPort === from && p.protocol === protocol));
  if (soleDeclarer) edits.push(...serviceEdits(ctx, pod, from, to));
  return edits;
}

function portItem(node: YAMLMap, doc: Document, port: number | undefined): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const pair of node.items) {
    const key = String((pair.key as Scalar | undefined)?.value ?? '');
    const value = (asMap(node, doc)?.get(key) as unknown) ?? undefined;
    if (key === '<<' || value === undefined || typeof value === 'object') continue;
    out[key] = key === 'containerPort' && port !== undefined ? port : (value as string | number | boolean);
  }
  return out;
}

function serviceEdits(ctx: FixContext, pod: PodModel, from: number, to: number): OffsetEdit[] {
  const labels = templateLabels(pod);
  const edits: OffsetEdit[] = [];
  for (const chunk of ctx.analysis.chunks) {
    for (const { object, doc } of chunk.analysis.objects) {
      const service = serviceOf(object, doc);
      if (!service || !selects(service.selector, labels)) continue;
      const items = getSeqItems(getMap(object.node, 'spec', doc), 'ports', doc);
      for (const ref of service.ports) {
        if (ref.value !== from && ref.value !== String(from)) continue;
        if (ref.field === 'targetPort') edits.push(replaceScalar(chunk.start, ref.node, to));
        else {
          const map = asMap(items[ref.index]?.node, doc);
          if (map) edits.push(addPair(ctx.analysis.text, chunk.start, map, 'targetPort', to));
        }
      }
    }
  }
  return edits;
}

/**
 * The fix that moves `listener`'s process to `to` (and what follows it), titled for the user, or
 * undefined when Podsight knows no way to move that process.
 */
export function moveListenerFix(ctx: FixContext, pod: PodModel, listener: Listener, to: number, env: ListenerEnv): Fix | undefined {
  const move = moveProcess(ctx, pod, listener, to, env);
  if (!move) return undefined;
  const follow = followers(ctx, pod, listener.container, listener.protocol, listener.port, to);
  if (!follow) return undefined;
  // Insertions at one point: the deeper-indented one (an item of a list that ends there) goes first.
  const indent = (e: OffsetEdit): number => /^(?:\r?\n)?( *)/.exec(e.newText)?.[1]?.length ?? 0;
  const edits = mergeSamePoint([...move.edits, ...follow].sort((a, b) => a.start - b.start || (a.start === a.end && b.start === b.end ? indent(b) - indent(a) : 0)));
  if (edits.some((e, i) => i > 0 && e.start < edits[i - 1]!.end)) return undefined;
  return { title: ctx.t('fix.move', { container: containerLabel(listener.container), port: to, how: move.how }), edits, preferred: true };
}
