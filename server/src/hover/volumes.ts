/**
 * Volume hovers: a volume by its source (emptyDir, hostPath, configMap, secret, PVC, projected,
 * downwardAPI...) and a volumeMount: who shares the volume at which paths, read-only or not, and
 * what the mount hides in the container's image.
 */
import { isScalar } from 'yaml';
import { asMap, getScalar } from '../core/yaml-access';
import { lookupImage, mountImpact } from '../k8s/images';
import { containerLabel, type ContainerModel, type MountModel, type PodModel, type VolumeModel } from '../k8s/pod-model';
import { code, learnMore, table, type DocKey, type HoverContext } from './context';

const MAX_ROWS = 24;
const READ_ONLY_SOURCES = new Set(['configMap', 'secret', 'downwardAPI', 'projected', 'image']);
const HOST_PATH_TYPES = ['', 'DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice'];

const SOURCE_DOCS: Readonly<Record<string, readonly DocKey[]>> = {
  emptyDir: ['emptyDir'],
  hostPath: ['hostPath'],
  configMap: ['configMap', 'configMapUpdates'],
  secret: ['secret', 'secrets'],
  persistentVolumeClaim: ['pv'],
  volumeClaimTemplate: ['statefulSetStorage'],
  projected: ['projected'],
  downwardAPI: ['downwardApi'],
  ephemeral: ['ephemeral'],
};

function sourceMap(ctx: HoverContext, v: VolumeModel) {
  return asMap(v.sourcePair?.value, ctx.loc.doc);
}

function scalarText(ctx: HoverContext, v: VolumeModel, key: string): string | undefined {
  const s = getScalar(sourceMap(ctx, v), key, ctx.loc.doc);
  return isScalar(s) && s.value !== null && s.value !== undefined ? String(s.value) : undefined;
}

function mountsOf(pod: PodModel, name: string | undefined): { c: ContainerModel; m: MountModel }[] {
  if (name === undefined) return [];
  return pod.containers.flatMap((c) => c.mounts.filter((m) => m.name === name).map((m) => ({ c, m })));
}

function mode(ctx: HoverContext, m: MountModel, source?: string): string {
  return ctx.t(m.readOnly || (source !== undefined && READ_ONLY_SOURCES.has(source)) ? 'hover.volume.ro' : 'hover.volume.rw');
}

/** Who mounts volume `name`, at which path (the focused mount in bold). */
function sharingSection(ctx: HoverContext, pod: PodModel, name: string | undefined, source: string | undefined, focus?: MountModel): string {
  const all = mountsOf(pod, name);
  // A volume shared by hundreds of containers: show the first rows and the focused mount.
  const shown = all.length <= MAX_ROWS ? all : all.filter(({ m }, i) => i < MAX_ROWS || m === focus);
  const rows = shown.map(({ c, m }) => {
    const path = (m.mountPath !== undefined ? code(m.mountPath) : ctx.t('hover.mount.no-path')) + (m.subPath ? ` (subPath ${code(m.subPath)})` : '');
    return [m === focus ? `**${code(containerLabel(c))}**` : code(containerLabel(c)), path, mode(ctx, m, source)];
  });
  if (rows.length === 0) return ctx.t('hover.volume.unmounted');
  if (shown.length < all.length) rows.push(['…', ctx.t('hover.net.more', { count: all.length - shown.length }), '']);
  const parts = [ctx.t('hover.volume.mounted-by'), table([ctx.t('hover.volume.col.container'), ctx.t('hover.volume.col.path'), ctx.t('hover.volume.col.mode')], rows)];
  if (new Set(rows.map((r) => r[0])).size > 1) parts.push(ctx.t('hover.volume.shared-note'));
  return parts.join('\n\n');
}

function emptyDirText(ctx: HoverContext, v: VolumeModel): string[] {
  const medium = scalarText(ctx, v, 'medium') ?? '';
  const size = scalarText(ctx, v, 'sizeLimit');
  const out = [ctx.t('hover.volume.emptyDir')];
  if (medium === '') out.push(ctx.t('hover.volume.emptyDir.disk'));
  else if (medium === 'Memory') out.push(ctx.t('hover.volume.emptyDir.memory'));
  else if (medium === 'HugePages' || medium.startsWith('HugePages-')) out.push(ctx.t('hover.volume.emptyDir.hugepages', { medium }));
  else out.push(ctx.t('hover.volume.emptyDir.bad-medium', { medium }));
  out.push(size !== undefined ? ctx.t('hover.volume.emptyDir.size', { size }) : ctx.t('hover.volume.emptyDir.no-size', { memory: medium === 'Memory' ? ctx.t('hover.volume.emptyDir.no-size-memory') : '' }));
  return out;
}

/** The key the user probably meant as `path` (`Path:`, `PATH:`...), when `path` itself is missing. */
function pathLookalike(ctx: HoverContext, v: VolumeModel): string | undefined {
  const map = sourceMap(ctx, v);
  for (const item of map?.items ?? []) {
    const key = isScalar(item.key) ? String(item.key.value) : '';
    if (key !== 'path' && key.toLowerCase().replace(/[^a-z]/g, '') === 'path') return key;
  }
  return undefined;
}

function hostPathText(ctx: HoverContext, v: VolumeModel): string[] {
  const type = scalarText(ctx, v, 'type');
  const path = scalarText(ctx, v, 'path');
  const meaning = (t: string): string => ctx.t(`hover.volume.hostPath.type.${t === '' ? 'empty' : t}`);
  const guess = pathLookalike(ctx, v);
  const out = [path !== undefined ? ctx.t('hover.volume.hostPath', { path }) : ctx.t('hover.volume.hostPath.no-path', { guess: guess ? ctx.t('hover.volume.hostPath.guess', { key: guess }) : '' })];
  if (type !== undefined && HOST_PATH_TYPES.includes(type)) out.push(ctx.t('hover.volume.hostPath.type', { type: type || '""', meaning: meaning(type) }));
  // The whole list of types only where it helps: on `type` itself.
  if (ctx.loc.path.includes('type')) {
    out.push(`${ctx.t('hover.volume.hostPath.types')}\n\n${table([code('type'), ctx.t('hover.volume.hostPath.col.meaning')], HOST_PATH_TYPES.map((t) => [code(t || '""'), meaning(t)]))}`, ctx.t('hover.volume.hostPath.mismatch'));
  }
  out.push(ctx.t('hover.volume.hostPath.risk'));
  return out;
}

/** The explanation of a volume source (no sharing table). */
export function sourceText(ctx: HoverContext, v: VolumeModel): string[] {
  const ref = (key: string): string => {
    const value = scalarText(ctx, v, key);
    return value !== undefined ? code(value) : ctx.t('hover.volume.no-ref');
  };
  switch (v.source) {
    case undefined:
      return [ctx.t('hover.volume.no-source')];
    case 'emptyDir':
      return emptyDirText(ctx, v);
    case 'hostPath':
      return hostPathText(ctx, v);
    case 'configMap':
      return [ctx.t('hover.volume.configMap', { ref: ref('name') }), ctx.t('hover.volume.projection-update', { kind: 'ConfigMap' })];
    case 'secret':
      return [ctx.t('hover.volume.secret', { ref: ref('secretName') }), ctx.t('hover.volume.projection-update', { kind: 'Secret' })];
    case 'persistentVolumeClaim':
      return [ctx.t('hover.volume.persistentVolumeClaim', { ref: ref('claimName') })];
    case 'volumeClaimTemplate':
      return [ctx.t('hover.volume.volumeClaimTemplate', { name: v.name ?? ctx.t('hover.volume.unnamed') })];
    case 'projected':
    case 'downwardAPI':
    case 'ephemeral':
    case 'image':
    case 'nfs':
    case 'csi':
      return [ctx.t(`hover.volume.${v.source}`)];
    default:
      return [ctx.t('hover.volume.other', { source: v.source })];
  }
}

function docLinks(ctx: HoverContext, source: string | undefined): string {
  return learnMore(ctx, [...(source ? SOURCE_DOCS[source] ?? [] : []), 'volumes']);
}

/** Hover on a volume: its name, its source key or the source's own settings. */
export function volumeHover(ctx: HoverContext, pod: PodModel, v: VolumeModel): string {
  const source = v.source ? ctx.t('hover.volume.title-source', { source: code(v.source) }) : '';
  const title = ctx.t('hover.volume.title', { name: v.name ?? ctx.t('hover.volume.unnamed'), source });
  return [title, ...sourceText(ctx, v), sharingSection(ctx, pod, v.name, v.source), docLinks(ctx, v.source)].join('\n\n');
}

/** What the mount hides in the container's image. */
function imageSection(ctx: HoverContext, c: ContainerModel, m: MountModel): string[] {
  if (!c.image || !m.mountPath || m.subPath) return [];
  const resolved = lookupImage(c.image, ctx.options.images);
  if (!resolved) return [];
  const impact = mountImpact(resolved, m.mountPath);
  const image = code(c.image);
  if (impact.dataDir) return [ctx.t('hover.mount.data-dir', { mountPath: code(m.mountPath), image, why: impact.dataDir.why })];
  const out: string[] = [];
  if (impact.hidden.length) {
    out.push(`${ctx.t('hover.mount.hides', { image })}\n\n${table(['', ''], impact.hidden.map((d) => [code(d.path), d.contents]))}`);
  }
  for (const d of impact.within) out.push(ctx.t('hover.mount.hides-within', { dir: code(d.path), mountPath: code(m.mountPath), contents: d.contents }));
  if (out.length === 0) out.push(ctx.t('hover.mount.nothing-hidden', { image, mountPath: code(m.mountPath) }));
  return out;
}

/** Hover on a volumeMount entry (its item, name, mountPath, readOnly or subPath). */
export function mountHover(ctx: HoverContext, pod: PodModel, c: ContainerModel, m: MountModel): string {
  const volume = [...pod.volumes, ...pod.claimTemplates].find((v) => v.name !== undefined && v.name === m.name);
  const source = volume?.source;
  const name = m.name ?? ctx.t('hover.mount.unnamed');
  const mountPath = m.mountPath ?? ctx.t('hover.mount.no-path');
  const parts = [ctx.t('hover.mount.title', { volume: name, mountPath, name: containerLabel(c), mode: mode(ctx, m, source) })];
  if (!volume) {
    parts.push(ctx.t('hover.mount.undefined', { volume: name }));
  } else {
    const first = sourceText(ctx, volume)[0] ?? '';
    // The source's first paragraph, its bold heading turned into a prefix ("`emptyDir`: ...").
    parts.push(ctx.t('hover.mount.source', { volume: name, source: first.replace(/^\*\*`[^`]*`\*\* —+ /, source ? `${code(source)}${ctx.t('hover.colon')}` : '') }));
  }
  if (m.readOnly) parts.push(ctx.t('hover.mount.readonly', { mountPath }));
  if (m.subPath) {
    parts.push(ctx.t('hover.mount.subpath', { subPath: m.subPath, mountPath }));
    if (source && ['configMap', 'secret', 'projected', 'downwardAPI'].includes(source)) parts.push(ctx.t('hover.mount.subpath-projection', { source: code(source) }));
  }
  parts.push(...imageSection(ctx, c, m));
  parts.push(sharingSection(ctx, pod, m.name, source, m));
  parts.push(docLinks(ctx, source));
  return parts.join('\n\n');
}

