/**
 * nested-mount-path: a mountPath inside another mountPath of the same container. Legal, but the
 * inner mount sits on top of the outer volume and hides that part of it in this container, unless
 * the inner mount shows the very folder it covers: the same volume at the matching subPath, or a
 * hostPath naming the same host path (the Kubernetes docs' FileOrCreate example, sweeps ET and EW).
 */
import { getMap, getScalar } from '../core/yaml-access';
import { isBelow, normaliseMountPath } from '../k8s/names';
import type { MountModel, PodModel } from '../k8s/pod-model';
import { nameAsWritten } from '../k8s/unknown-names';
import type { Rule } from './types';

/** Where a mount's content comes from: `volume:name:/sub/path`, `claim:name:/sub/path` for a claim, `host:/abs/path` for a hostPath. */
function contentPath(pod: PodModel, mount: MountModel, below = ''): string | undefined {
  if (mount.subPathUnknown || !mount.name) return undefined;
  const volume = pod.volumes.find((v) => v.name === mount.name);
  const host = volume?.source === 'hostPath' ? getScalar(getMap(volume.node, 'hostPath', pod.doc), 'path', pod.doc)?.value : undefined;
  // Two volumes of one claim hold the same files.
  const claim = volume?.source === 'persistentVolumeClaim' ? getScalar(getMap(volume.node, 'persistentVolumeClaim', pod.doc), 'claimName', pod.doc)?.value : undefined;
  const path = normaliseMountPath(`${mount.subPath ?? ''}/${below}`);
  if (typeof host === 'string') return `host:${normaliseMountPath(`${host}/${path}`)}`;
  return typeof claim === 'string' ? `claim:${claim}:${path}` : `volume:${mount.name}:${path}`;
}

export const nestedMountPath: Rule = {
  id: 'nested-mount-path',
  defaultSeverity: 'information',
  check(ctx) {
    for (const pod of ctx.pods) {
      for (const container of pod.containers) {
        const mounts = container.mounts.filter((m) => m.mountPath && m.mountPathNode);
        for (const inner of mounts) {
          const innerPath = normaliseMountPath(inner.mountPath ?? '');
          // The deepest enclosing mount is the one actually covered.
          const outer = mounts
            .filter((m) => isBelow(innerPath, normaliseMountPath(m.mountPath ?? '')))
            .sort((a, b) => (b.mountPath ?? '').length - (a.mountPath ?? '').length)[0];
          if (!outer || !inner.mountPathNode) continue;
          const covered = contentPath(pod, outer, innerPath.slice(normaliseMountPath(outer.mountPath ?? '').length));
          if (covered !== undefined && covered === contentPath(pod, inner)) continue;
          // A name a template writes reads as written (`{{ .Release.Name }}-html`), not as "".
          const shown = (m: typeof inner): string => m.name ?? nameAsWritten(m.node, 'name', pod.doc, ctx.chunk.text) ?? '?';
          const args = { mountPath: inner.mountPath ?? '', parent: outer.mountPath ?? '', parentVolume: shown(outer), volume: shown(inner) };
          ctx.report({
            node: inner.mountPathNode,
            message: ctx.t('nested-mount-path.message', args),
            related: [{ node: outer.mountPathNode ?? outer.node, message: ctx.t('nested-mount-path.related', args) }],
            data: { mountPath: inner.mountPath, parent: outer.mountPath },
          });
        }
      }
    }
  },
};
