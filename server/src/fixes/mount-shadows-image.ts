/**
 * mount-shadows-image: mount the volume at a sub-directory (the image's files stay visible), mount
 * a single file with `subPath` (the rest of the directory stays visible), or add an init container
 * that copies the image's content into the volume first, explained by a comment in the snippet.
 */
import { asSeq, getNode } from '../core/yaml-access';
import { normaliseMountPath } from '../k8s/names';
import { containerLabel, FILE_VOLUME_SOURCES } from '../k8s/pod-model';
import { containersAt, fact, isAt, unique, writtenIn } from './find';
import { mountOverFileFixes } from './mount-over-file';
import type { Fix, FixProvider } from './types';
import { addPair, appendItem, replaceScalar } from './yaml-edit';

const SEED_PATH = '/podsight-seed';

/** `index.html and 50x.html (the default site)` → `index.html`. */
function firstFile(contents: string): string | undefined {
  return /[\w.-]+\.[A-Za-z0-9]+\b/.exec(contents)?.[0];
}

function label(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'data';
}

export const mountShadowsImageFixes: FixProvider = (ctx) => {
  if (fact(ctx, 'overFile') !== undefined) return mountOverFileFixes(ctx);
  if (fact(ctx, 'refusedMount') === true) return refusedMountFixes(ctx);
  if (fact(ctx, 'nginxInclude') !== undefined) return nginxConfOnlyFixes(ctx);
  const hit = containersAt(ctx, (c) => c.mounts.find((m) => isAt(ctx, m.mountPathNode)))[0];
  if (!hit?.part.mountPathNode || !hit.part.mountPath || !writtenIn(hit.part.node, hit.container.node)) return [];
  const { pod, container, part: mount } = hit;
  const pathNode = hit.part.mountPathNode;
  const text = ctx.analysis.text;
  const base = ctx.chunk.start;
  const at = normaliseMountPath(mount.mountPath ?? '');
  const hidden = String(fact(ctx, 'hiddenDir') ?? at);
  const volume = mount.name ?? 'data';
  const fixes: Fix[] = [];

  const sub = `${at === '/' ? '' : at}/${label(volume)}`;
  fixes.push({ title: ctx.t('fix.mount-shadows-image.subdir', { path: sub }), edits: [replaceScalar(base, pathNode, sub)] });

  // Only a volume whose entries are files holds one by that name: the subPath of an emptyDir (or
  // of a claim without the file) is created as a directory, and a directory over the image's file
  // is refused (mount-over-file).
  const file = firstFile(String(fact(ctx, 'contents') ?? ''));
  if (file && !mount.subPath && FILE_VOLUME_SOURCES.has(String(fact(ctx, 'source')))) {
    const path = `${normaliseMountPath(hidden)}/${file}`;
    fixes.push({
      title: ctx.t('fix.mount-shadows-image.subpath', { file, path }),
      edits: [replaceScalar(base, pathNode, path), addPair(text, base, mount.node, 'subPath', file)],
    });
  }

  if (container.image && mount.name) {
    const names = new Set(pod.containers.flatMap((c) => (c.name ? [c.name] : [])));
    const name = unique(`seed-${label(mount.name)}`.slice(0, 63), names);
    const init = {
      name,
      image: container.image,
      command: ['sh', '-c', `cp -a ${at === '/' ? '' : at}/. ${SEED_PATH}/`],
      volumeMounts: [{ name: mount.name, mountPath: SEED_PATH }],
    };
    const comment = [ctx.t('fix.mount-shadows-image.init-comment-1', { path: at, volume: mount.name }), ctx.t('fix.mount-shadows-image.init-comment-2', { container: containerLabel(container) })];
    const list = asSeq(getNode(pod.spec, 'initContainers', pod.doc), pod.doc);
    if (!list || writtenIn(list, pod.spec)) {
      const edit = list ? appendItem(text, base, list, init, list.flow ? [] : comment) : addPair(text, base, pod.spec, 'initContainers', [init], pod.spec.flow ? [] : comment);
      fixes.push({ title: ctx.t('fix.mount-shadows-image.init', { path: at, volume: mount.name }), edits: [edit] });
    }
  }
  return fixes;
};

/**
 * A mount the entrypoint refuses (PostgreSQL 18's /var/lib/postgresql/data): mount the volume where
 * the image keeps its data now (preferred: the data goes to a versioned folder in it), or set the
 * variable that moves the data into a folder of this mount.
 */
const refusedMountFixes: FixProvider = (ctx) => {
  const hit = containersAt(ctx, (c) => c.mounts.find((m) => isAt(ctx, m.mountPathNode)))[0];
  if (!hit?.part.mountPathNode || !hit.part.mountPath || !writtenIn(hit.part.node, hit.container.node)) return [];
  const { pod, container, part: mount } = hit;
  const instead = String(fact(ctx, 'mountInstead'));
  const env = String(fact(ctx, 'unlessEnv'));
  const volume = mount.name ?? '?';
  const text = ctx.analysis.text;
  const base = ctx.chunk.start;
  const entry = { name: env, value: `${normaliseMountPath(mount.mountPath ?? '')}/pgdata` };
  const envSeq = asSeq(getNode(container.node, 'env', pod.doc), pod.doc);
  return [
    { title: ctx.t('fix.mount-shadows-image.mount-instead', { volume, path: instead }), edits: [replaceScalar(base, hit.part.mountPathNode, instead)], preferred: true },
    { title: ctx.t('fix.mount-shadows-image.set-env', { setting: `${entry.name}=${entry.value}` }), edits: [envSeq ? appendItem(text, base, envSeq, entry) : addPair(text, base, container.node, 'env', [entry])] },
  ];
};

/**
 * A ConfigMap over /etc/nginx whose nginx.conf includes an image file it lacks: mount only its
 * nginx.conf (subPath), so the image's mime.types and the rest stay (offered when nginx.conf
 * includes no other file of the ConfigMap, which would then be gone).
 */
const nginxConfOnlyFixes: FixProvider = (ctx) => {
  if (fact(ctx, 'subPathFix') !== true) return [];
  const hit = containersAt(ctx, (c) => c.mounts.find((m) => isAt(ctx, m.mountPathNode)))[0];
  if (!hit?.part.mountPathNode || !writtenIn(hit.part.node, hit.container.node)) return [];
  const base = ctx.chunk.start;
  return [{
    title: ctx.t('fix.mount-shadows-image.subpath', { file: 'nginx.conf', path: '/etc/nginx/nginx.conf' }),
    edits: [replaceScalar(base, hit.part.mountPathNode, '/etc/nginx/nginx.conf'), addPair(ctx.analysis.text, base, hit.part.node, 'subPath', 'nginx.conf')],
    preferred: true,
  }];
};
