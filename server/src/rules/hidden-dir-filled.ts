/**
 * Part of mount-shadows-image: whether the directory a mount hides is filled or not needed after
 * all, for this container. A file mounted inside the mount (with `subPath`) puts content there (a ConfigMap key at
 * `conf.d/default.conf` over an emptyDir at `conf.d`); the image's entrypoint may write into it
 * from another mount or when a variable says so (nginx renders `/etc/nginx/templates` into
 * `conf.d`), when the entrypoint runs; and the program may not read the directory at all (nginx
 * started with `-c` another configuration, or a test run `nginx -t`).
 */
import type { Document } from 'yaml';
import { getNode } from '../core/yaml-access';
import { envOf } from '../k8s/env';
import { strings } from '../k8s/self-fill';
import type { PopulatedDir } from '../k8s/images/types';
import { isBelow, normaliseMountPath } from '../k8s/names';
import type { ContainerModel, MountModel } from '../k8s/pod-model';

const words = (container: ContainerModel, key: 'command' | 'args', doc: Document): string[] => strings(getNode(container.node, key, doc), doc);

const mountedAt = (container: ContainerModel): string[] => container.mounts.flatMap((m) => (m.mountPath === undefined ? [] : (normaliseMountPath(m.mountPath) ?? [])));

/** Whether `dir`, hidden by the container's `mount`, still holds what the program needs, or is not read. */
export function hiddenDirFilled(dir: PopulatedDir, container: ContainerModel, mount: MountModel, doc: Document): boolean {
  const at = normaliseMountPath(mount.mountPath ?? '');
  if (at === undefined) return false;
  const paths = mountedAt(container);
  // A file mounted inside it (`subPath: default.conf`); a nested directory mount leaves the image's files hidden.
  const filesInside = container.mounts.some((m) => m.subPath !== undefined && m.mountPath !== undefined && isBelow(normaliseMountPath(m.mountPath) ?? '', at));
  if (filesInside) return true;
  const command = words(container, 'command', doc);
  const argv = [...command, ...words(container, 'args', doc)];
  // `command` replaces the image's entrypoint, unless it runs it (`/docker-entrypoint.sh nginx …`).
  const entrypoint = !container.commandOverridden || command.some((w) => w.includes('docker-entrypoint'));
  // Only a writable mount can be written into.
  if (entrypoint && !mount.readOnly) {
    const sources = (dir.filledFrom ?? []).flatMap((s) => normaliseMountPath(s) ?? []);
    if (paths.some((p) => sources.some((s) => p === s || isBelow(p, s)))) return true;
    const variables = dir.filledFromEnv ?? [];
    const env = variables.length > 0 ? envOf(container, doc) : undefined;
    // `envFrom` may set one of them.
    if (env && (env.hasEnvFrom || env.entries.some((e) => e.name !== undefined && variables.includes(e.name)))) return true;
  }
  const unused = dir.unusedWith;
  if (unused?.mounts?.some((m) => paths.includes(normaliseMountPath(m) ?? ''))) return true;
  return argv.some((w) => unused?.args?.some((a) => w === a || (a.startsWith('-') && a.length === 2 && w.startsWith(a) && !w.startsWith('--'))) === true);
}
