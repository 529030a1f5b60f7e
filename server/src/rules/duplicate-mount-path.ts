/**
 * duplicate-mount-path: the same mountPath twice in one container, after normalising (`/data`
 * and `/data/` are the same directory). The API server compares strings only; the kubelet fails.
 */
import { normaliseMountPath } from '../k8s/names';
import { containerLabel, type MountModel } from '../k8s/pod-model';
import type { Rule } from './types';

export const duplicateMountPath: Rule = {
  id: 'duplicate-mount-path',
  defaultSeverity: 'error',
  check(ctx) {
    for (const pod of ctx.pods) {
      for (const container of pod.containers) {
        const seen = new Map<string, MountModel>();
        for (const mount of container.mounts) {
          if (!mount.mountPath || !mount.mountPathNode) continue;
          const key = normaliseMountPath(mount.mountPath);
          const first = seen.get(key);
          if (!first) {
            seen.set(key, mount);
            continue;
          }
          const exact = first.mountPath === mount.mountPath;
          const args = {
            mountPath: mount.mountPath,
            other: first.mountPath ?? '',
            volume: mount.name ?? '',
            otherVolume: first.name ?? '',
            container: containerLabel(container),
            path: `${mount.path}.mountPath`,
          };
          ctx.report({
            node: mount.mountPathNode,
            message: ctx.t(exact ? 'duplicate-mount-path.exact' : 'duplicate-mount-path.normalised', args),
            related: [{ node: first.mountPathNode ?? first.node, message: ctx.t('duplicate-mount-path.related', args) }],
            data: { mountPath: mount.mountPath, normalised: key },
          });
        }
      }
    }
  },
};
