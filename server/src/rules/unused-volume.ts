/**
 * unused-volume: a volume that no container mounts (or attaches as a block device). GKE's Cloud
 * Storage FUSE driver injects a sidecar into pods annotated `gke-gcsfuse/volumes: "true"`, and that
 * sidecar mounts the `gke-gcsfuse-*` volumes (cache, tmp, buffer) the pod declares for it.
 */
import { getMap, getString } from '../core/yaml-access';
import type { PodModel } from '../k8s/pod-model';
import { isKnativeServing } from '../k8s/knative';
import { mountNamesOpen } from '../k8s/unknown-names';
import type { Rule } from './types';

const GCSFUSE_VOLUME = /^gke-gcsfuse-/;

function gcsfuseInjected(pod: PodModel): boolean {
  const annotations = getMap(getMap(pod.owner, 'metadata', pod.doc), 'annotations', pod.doc);
  return getString(annotations, 'gke-gcsfuse/volumes', pod.doc)?.toLowerCase() === 'true';
}

export const unusedVolume: Rule = {
  id: 'unused-volume',
  defaultSeverity: 'information',
  tags: ['unnecessary'],
  check(ctx) {
    for (const pod of ctx.pods) {
      // The mount may be in the part a fragment leaves out, or name a volume through a placeholder.
      if (pod.partial || mountNamesOpen(pod)) continue;
      // Argo's podSpecPatch may add the mount to a container.
      const used = new Set([...pod.containers.flatMap((c) => [...c.mounts.map((m) => m.name), ...c.devices.map((d) => d.name)]), ...(pod.specPatch?.mounts ?? [])]);
      for (const volume of pod.volumes) {
        if (!volume.name || !volume.nameNode || volume.inherited || used.has(volume.name)) continue;
        if (GCSFUSE_VOLUME.test(volume.name) && gcsfuseInjected(pod)) continue;
        if (pod.shape.operatorMounts?.test(volume.name)) continue; // ECK mounts `elasticsearch-data` itself
        // Knative Serving's webhook refuses a volume no container mounts (k8s_validation.go ValidateVolumes).
        const knative = isKnativeServing(pod);
        // A volume with only its name is the emptyDir the API server's defaulting makes of it.
        ctx.report({
          node: volume.nameNode,
          message: ctx.t(knative ? 'unused-volume.knative' : 'unused-volume.message', { name: volume.name, source: volume.source ?? (volume.node.items.length === 1 ? 'emptyDir' : '?'), path: volume.path }),
          data: { name: volume.name, index: volume.index },
          ...(knative ? { severity: 'error' as const } : {}),
        });
      }
    }
  },
};
