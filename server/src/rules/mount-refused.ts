/**
 * Part of mount-shadows-image: a mount an image's entrypoint refuses to start with. PostgreSQL 18
 * and later keep their data in /var/lib/postgresql/18/docker (VOLUME /var/lib/postgresql), and
 * their docker-entrypoint.sh stops when /var/lib/postgresql/data is a mount point while PGDATA is
 * left at that default ("there appears to be PostgreSQL data in: /var/lib/postgresql/data (unused
 * mount/volume)"; docker-library/postgres#1259): the container exits 1 and crash-loops, whatever
 * the volume holds. The mount every manifest written for 17 and older has.
 */
import { isScalar, type Document } from 'yaml';
import { getSeqItems } from '../core/yaml-access';
import { envOf } from '../k8s/env';
import { lookupImage } from '../k8s/images';
import { normaliseRepository, parseImageRef, tagMajor } from '../k8s/images/image-ref';
import { normaliseMountPath } from '../k8s/names';
import { containerLabel, type ContainerModel, type PodModel } from '../k8s/pod-model';
import type { RuleContext } from './types';

interface RefusedMount {
  readonly repositories: readonly string[];
  /** From this major version on; an unversioned tag (`latest`, `alpine`) is the newest. */
  readonly fromMajor: number;
  /** Repositories whose unversioned tag is judged (their `latest` is known to be that new); others need a version. */
  readonly latestIn: readonly string[];
  readonly path: string;
  /** Setting this variable (to anything) moves the data and lifts the refusal. */
  readonly unlessEnv: string;
  /** Where to mount the volume instead. */
  readonly mountInstead: string;
  /** The server program, whose start the entrypoint checks the mount for. */
  readonly program: string;
}

const REFUSED: readonly RefusedMount[] = [
  // postgis/postgis's `latest` lags behind postgres's (it pairs a PostgreSQL and a PostGIS release): only `18-…` tags.
  { repositories: ['postgres', 'postgis/postgis'], fromMajor: 18, latestIn: ['postgres'], path: '/var/lib/postgresql/data', unlessEnv: 'PGDATA', mountInstead: '/var/lib/postgresql', program: 'postgres' },
];

/**
 * Whether the entrypoint starts the server, where it checks its data directory: no `command`, and
 * `args` that are the server's own (`postgres -c …`) or its flags; `args: [sleep, infinity]` or
 * `[sh, -c, chown …]` run another program, which the entrypoint executes without a check.
 */
function startsServer(container: ContainerModel, doc: Document, program: string): boolean {
  if (container.commandOverridden) return false;
  const first = getSeqItems(container.node, 'args', doc)[0]?.node;
  if (first === undefined) return true;
  return isScalar(first) && typeof first.value === 'string' && (first.value === program || first.value.startsWith('-'));
}

/** The refusal that applies to a container's image, if any (the entrypoint must start the server). */
export function refusedMountOf(container: ContainerModel, doc: Document, images: Parameters<typeof lookupImage>[1]): RefusedMount | undefined {
  if (!container.image) return undefined;
  const resolved = lookupImage(container.image, images);
  const ref = parseImageRef(container.image);
  if (!resolved?.builtinRepository || !ref || (ref.tag === undefined && ref.digest !== undefined)) return undefined;
  const major = tagMajor(ref.tag);
  const repository = normaliseRepository(container.image);
  const refused = REFUSED.find((r) => r.repositories.includes(repository ?? '') && (major === undefined ? r.latestIn.includes(repository ?? '') : major >= r.fromMajor));
  return refused && startsServer(container, doc, refused.program) ? refused : undefined;
}

/** Whether the container sets the variable, or may (envFrom). */
function setsEnv(container: ContainerModel, pod: PodModel, name: string): boolean {
  const env = envOf(container, pod.doc);
  return env.hasEnvFrom || env.entries.some((entry) => entry.name === name);
}

export function checkRefusedMounts(ctx: RuleContext): void {
  for (const pod of ctx.pods) {
    for (const container of pod.containers) {
      const refused = refusedMountOf(container, pod.doc, ctx.options.images);
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
