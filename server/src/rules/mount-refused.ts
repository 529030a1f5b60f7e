/**
 * Part of mount-shadows-image: a mount an image's entrypoint refuses to start with. PostgreSQL 18
 * and later keep their data in /var/lib/postgresql/18/docker (VOLUME /var/lib/postgresql), and
 * their docker-entrypoint.sh stops when /var/lib/postgresql/data is a mount point while PGDATA is
 * left at that default ("there appears to be PostgreSQL data in: /var/lib/postgresql/data (unused
 * mount/volume)"; docker-library/postgres#1259): the container exits 1 and crash-loops, whatever
 * the volume holds. The mount every manifest written for 17 and older has.
 */
import { getSeqItems, getString, asMap } from '../core/yaml-access';
import { lookupImage } from '../k8s/images';
import { parseImageRef, tagMajor } from '../k8s/images/image-ref';
import { normaliseMountPath } from '../k8s/names';
import { containerLabel, type ContainerModel, type PodModel } from '../k8s/pod-model';
import type { RuleContext } from './types';

interface RefusedMount {
  readonly repositories: readonly string[];
  /** From this major version on; an unversioned tag (`latest`, `alpine`) is the newest. */
  readonly fromMajor: number;
  readonly path: string;
  /** Setting this variable (to anything) moves the data and lifts the refusal. */
  readonly unlessEnv: string;
  /** Where to mount the volume instead. */
  readonly mountInstead: string;
}

const REFUSED: readonly RefusedMount[] = [
  { repositories: ['postgres', 'postgis/postgis'], fromMajor: 18, path: '/var/lib/postgresql/data', unlessEnv: 'PGDATA', mountInstead: '/var/lib/postgresql' },
];

/** The refusal that applies to a container's image, if any (the entrypoint must run: no `command`). */
export function refusedMountOf(container: ContainerModel, images: Parameters<typeof lookupImage>[1]): RefusedMount | undefined {
  if (!container.image || container.commandOverridden) return undefined;
  const resolved = lookupImage(container.image, images);
  const ref = parseImageRef(container.image);
  if (!resolved?.builtinRepository || !ref || (ref.tag === undefined && ref.digest !== undefined)) return undefined;
  const major = tagMajor(ref.tag);
  return REFUSED.find((r) => r.repositories.includes(resolved.builtinRepository ?? '') && (major === undefined || major >= r.fromMajor));
}

/** Whether the container sets the variable, or may (envFrom). */
function setsEnv(container: ContainerModel, pod: PodModel, name: string): boolean {
  if (getSeqItems(container.node, 'envFrom', pod.doc).length > 0) return true;
  return getSeqItems(container.node, 'env', pod.doc).some(({ node }) => getString(asMap(node, pod.doc), 'name', pod.doc) === name);
}

export function checkRefusedMounts(ctx: RuleContext): void {
  for (const pod of ctx.pods) {
    for (const container of pod.containers) {
      const refused = refusedMountOf(container, ctx.options.images);
      if (!refused || setsEnv(container, pod, refused.unlessEnv)) continue;
      for (const mount of container.mounts) {
        if (!mount.mountPath || !mount.mountPathNode || normaliseMountPath(mount.mountPath) !== refused.path) continue;
        const args = { container: containerLabel(container), image: container.image ?? '', path: refused.path, env: refused.unlessEnv, instead: refused.mountInstead, volume: mount.name ?? '?' };
        ctx.report({
          node: mount.mountPathNode,
          message: ctx.t('mount-shadows-image.refused', args),
          severity: 'error',
          data: { refusedMount: true, mountInstead: refused.mountInstead, unlessEnv: refused.unlessEnv },
        });
      }
    }
  }
}
