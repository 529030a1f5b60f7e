/**
 * mount-shadows-image: a mount at or above a directory the image ships content in hides that
 * content, because Kubernetes never copies image files into a volume (unlike Docker named
 * volumes). Not raised when something fills the volume (another container mounts it writable and
 * runs more than a wait such as `sleep infinity`,
 * or the container's own shell script or postStart hook writes under the mount path), nor at the image's data directories, which are meant to be mounted. Only volumes
 * that surely start empty (emptyDir, ephemeral) are warnings; ConfigMap, Secret and projected
 * volumes are deliberate overrides, and persistent or node volumes may already hold the content:
 * those are reported as information. A directory volume mounted over a file the image ships is
 * an error (mount-over-file.ts), and so is a mount the image's entrypoint refuses to start with
 * (mount-refused.ts: PostgreSQL 18's /var/lib/postgresql/data).
 */
import type { Document, YAMLMap } from 'yaml';
import { getMap, getNode } from '../core/yaml-access';
import { lookupImage } from '../k8s/images';
import { isBuiltInWorkload } from '../k8s/workloads';
import { isBelow, normaliseMountPath } from '../k8s/names';
import { containerLabel, FILE_VOLUME_SOURCES } from '../k8s/pod-model';
import { checkMountsOverFiles } from './mount-over-file';
import { checkRefusedMounts } from './mount-refused';
import { nameAsWritten } from '../k8s/unknown-names';
import { onlyWaits, selfWrittenPaths } from '../k8s/self-fill';
import { hiddenDirFilled } from './hidden-dir-filled';
import type { Rule } from './types';

/** Whether an `ephemeral` volume's claim is made from a data source (`dataSource`, `dataSourceRef`). */
function fromDataSource(volume: YAMLMap, doc: Document): boolean {
  const spec = getMap(getMap(getMap(volume, 'ephemeral', doc), 'volumeClaimTemplate', doc), 'spec', doc);
  return getNode(spec, 'dataSource', doc) !== undefined || getNode(spec, 'dataSourceRef', doc) !== undefined;
}

const EMPTY_SOURCES = new Set(['emptyDir', 'ephemeral']);

export const mountShadowsImage: Rule = {
  id: 'mount-shadows-image',
  defaultSeverity: 'warning',
  check(ctx) {
    checkMountsOverFiles(ctx);
    checkRefusedMounts(ctx);
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
          // A name a template writes may be any other container's volume (or not): unknown, so filled maybe.
          // A container that only sleeps (a debug or keep-alive sidecar) fills nothing (sweep ED).
          const filledElsewhere = pod.containers.some(
            (other) =>
              other !== container &&
              other.mounts.some((m) => !m.readOnly && (m.name === undefined || mount.name === undefined || m.name === mount.name)) &&
              !onlyWaits(other, pod.doc),
          );
          if (filledElsewhere) continue;
          // The container fills the volume itself before serving it (`sh -c "echo ... > $dir/index.html && exec nginx"`, a postStart hook).
          if (!mount.readOnly && selfWrittenPaths(container, pod.doc).some((p) => p === at || isBelow(p, at))) continue;
          // Files mounted inside it, the entrypoint filling it (nginx's templates rendered into conf.d), or a program that does not read it.
          if (hiddenDirFilled(hidden, container, mount, pod.doc)) continue;
          const named = mount.name;
          // A StatefulSet's claim template replaces the template's volume of the same name (updateStorage).
          const volume = named === undefined ? undefined : (pod.claimTemplates.find((v) => v.name === named) ?? pod.volumes.find((v) => v.name === named));
          // A volume with a name only is made an emptyDir by the API server's defaulting (SetDefaults_Volume);
          // in a patch or a template, its source may come from elsewhere.
          // Built-in workloads only: an operator may give it a claim (ECK), a webhook may refuse it (Knative).
          const defaulted = volume !== undefined && volume.source === undefined && volume.node.items.length === 1 && !pod.partial && !ctx.options.kustomizeResource && isBuiltInWorkload(pod.object);
          const source = volume?.source ?? (defaulted ? 'emptyDir' : '');
          // A fragment (a kustomize patch) does not show the pod's other containers: one of them may fill the volume.
          // A generic ephemeral volume made from a snapshot or another claim starts with its files.
          const startsEmpty = EMPTY_SOURCES.has(source) && !(source === 'ephemeral' && volume && fromDataSource(volume.node, pod.doc));
          const kind = startsEmpty && !pod.partial ? 'message' : FILE_VOLUME_SOURCES.has(source) ? 'config' : 'persistent';
          if (hidden.emptyOnly && kind !== 'message') continue;
          const name = mount.name ?? nameAsWritten(mount.node, 'name', pod.doc, ctx.chunk.text) ?? '?';
          const args = {
            volume: defaulted
              ? ctx.t('mount-shadows-image.volume-defaulted', { name })
              : volume?.source
                ? ctx.t('mount-shadows-image.volume', { name, source: volume.source })
                : ctx.t('mount-shadows-image.volume-unknown', { name }),
            name,
            source,
            mountPath: mount.mountPath,
            dir: hidden.path,
            contents: hidden.contents,
            image: container.image,
            container: containerLabel(container),
          };
          ctx.report({
            node: mount.mountPathNode,
            message: ctx.t(`mount-shadows-image.${kind}`, args),
            related: container.imageNode ? [{ node: container.imageNode, message: ctx.t('mount-shadows-image.related', args) }] : [],
            severity: kind === 'message' ? undefined : 'information',
            data: { mountPath: mount.mountPath, hiddenDir: hidden.path, contents: hidden.contents, image: container.image, volume: mount.name, source: source || undefined },
          });
        }
      }
    }
  },
};
