/**
 * mount-shadows-image: a mount at or above a directory the image ships content in hides that
 * content, because Kubernetes never copies image files into a volume (unlike Docker named
 * volumes). Not raised when something else fills the volume (another container mounts it
 * writable), nor at the image's data directories, which are meant to be mounted. ConfigMap,
 * Secret and projected volumes are deliberate overrides: reported as information only.
 */
import { lookupImage } from '../k8s/images';
import { isBelow, normaliseMountPath } from '../k8s/names';
import { containerLabel } from '../k8s/pod-model';
import type { Rule } from './types';

const CONFIG_SOURCES = new Set(['configMap', 'secret', 'projected', 'downwardAPI']);

export const mountShadowsImage: Rule = {
  id: 'mount-shadows-image',
  defaultSeverity: 'warning',
  check(ctx) {
    for (const pod of ctx.pods) {
      for (const container of pod.containers) {
        if (!container.image) continue;
        const image = lookupImage(container.image, ctx.options.images);
        if (!image || image.populatedDirs.length === 0) continue;
        for (const mount of container.mounts) {
          if (!mount.mountPath || !mount.mountPathNode) continue;
          const at = normaliseMountPath(mount.mountPath);
          const hidden = image.populatedDirs.find((d) => {
            const dir = normaliseMountPath(d.path);
            return dir === at || isBelow(dir, at);
          });
          if (!hidden) continue;
          if (image.dataDirs.some((d) => { const dir = normaliseMountPath(d.path); return dir === at || isBelow(at, dir); })) continue;
          const filledElsewhere = pod.containers.some(
            (other) => other !== container && other.mounts.some((m) => m.name === mount.name && !m.readOnly),
          );
          if (filledElsewhere) continue;
          const volume = pod.volumes.find((v) => v.name === mount.name) ?? pod.claimTemplates.find((v) => v.name === mount.name);
          const deliberate = volume?.source !== undefined && CONFIG_SOURCES.has(volume.source);
          const args = {
            volume: mount.name ?? '',
            source: volume?.source ?? '?',
            mountPath: mount.mountPath,
            dir: hidden.path,
            contents: hidden.contents,
            image: container.image,
            container: containerLabel(container),
          };
          ctx.report({
            node: mount.mountPathNode,
            message: ctx.t(deliberate ? 'mount-shadows-image.config' : 'mount-shadows-image.message', args),
            related: container.imageNode ? [{ node: container.imageNode, message: ctx.t('mount-shadows-image.related', args) }] : [],
            severity: deliberate ? 'information' : undefined,
            data: { mountPath: mount.mountPath, hiddenDir: hidden.path, image: container.image, volume: mount.name, source: volume?.source },
          });
        }
      }
    }
  },
};
