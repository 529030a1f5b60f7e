/**
 * Part of mount-shadows-image: a volume mounted without `subPath` at a path the image ships as a
 * file (`/etc/nginx/nginx.conf`, `/etc/prometheus/prometheus.yml`). Every volume but a hostPath
 * is a directory, and the runtime cannot mount a directory over a file: the container is never
 * created (runc: "not a directory: Are you trying to mount a directory onto a file (or
 * vice-versa)?", kubernetes/kubernetes#45000). Meant was one key of a ConfigMap, with `subPath`.
 * Partial pods are left alone: the base's mount at that path may have the `subPath`.
 */
import { lookupImage } from '../k8s/images';
import { IMAGE_FILES } from '../k8s/images/data/files';
import { normaliseMountPath } from '../k8s/names';
import { containerLabel } from '../k8s/pod-model';
import type { RuleContext } from './types';

export function checkMountsOverFiles(ctx: RuleContext): void {
  for (const pod of ctx.pods) {
    if (pod.partial) continue;
    for (const container of pod.containers) {
      if (!container.image) continue;
      const builtin = lookupImage(container.image, ctx.options.images)?.builtinRepository;
      const files = builtin ? IMAGE_FILES[builtin] : undefined;
      if (!files) continue;
      for (const mount of container.mounts) {
        if (!mount.mountPath || !mount.mountPathNode || mount.subPath) continue;
        const file = files.find((f) => f === normaliseMountPath(mount.mountPath as string));
        if (!file) continue;
        const volume = pod.volumes.find((v) => v.name === mount.name) ?? pod.claimTemplates.find((v) => v.name === mount.name);
        // A hostPath may be a file on the node; a volume not in sight may be one too.
        if (!volume?.source || volume.source === 'hostPath') continue;
        const key = file.slice(file.lastIndexOf('/') + 1);
        const args = { volume: ctx.t('mount-shadows-image.volume', { name: mount.name ?? '', source: volume.source }), mountPath: mount.mountPath, image: container.image, container: containerLabel(container), key };
        ctx.report({
          node: mount.mountPathNode,
          severity: 'error',
          message: ctx.t('mount-shadows-image.over-file', args),
          data: { overFile: key, volume: mount.name, source: volume.source },
        });
      }
    }
  }
}
