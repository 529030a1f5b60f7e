/**
 * undefined-volume: a volumeMount (or a volumeDevice) names a volume the pod does not define.
 * StatefulSet volumeClaimTemplates count as defined. The message suggests the closest existing
 * name. Where volumes may also come from elsewhere (an Argo WorkflowTemplate's callers, a Tekton
 * run's pod template, a Jenkins agent template: k8s/jenkins-agent.ts), only a name close to a
 * defined one is reported, as a likely typo (a warning).
 */
import type { Scalar } from 'yaml';
import { closest } from '../util/suggest';
import { isJenkinsAgentPod, JENKINS_WORKSPACE_VOLUME } from '../k8s/jenkins-agent';
import { containerLabel, type ContainerModel, type PodModel } from '../k8s/pod-model';
import { volumeNamesOpen } from '../k8s/unknown-names';
import type { Rule } from './types';

/** A mount or a device: what names a volume. */
interface VolumeUse {
  readonly node: object;
  readonly path: string;
  readonly name?: string;
  readonly nameNode?: Scalar;
}

/**
 * KubeRay's cleanupInvalidVolumeMounts: the Ray container (`containers[0]`) loses mounts of no
 * volume. A worker's too when it has no init container of its own: the one KubeRay adds copies the
 * Ray container's mounts and is cleaned only as the first init container (probe BQ). A RayJob's
 * submitter pod is not cleaned.
 */
function kubeRayDrops(pod: PodModel, container: ContainerModel): boolean {
  if (pod.object.apiVersion?.startsWith('ray.io/') !== true || container.list !== 'containers' || container.index !== 0) return false;
  if (pod.path.includes('headGroupSpec.')) return true;
  return pod.path.includes('workerGroupSpecs[') && !pod.containers.some((c) => c.list === 'initContainers');
}

/**
 * The volume a mount of an undefined name meant: the closest name, leaving out volumes this
 * container already mounts elsewhere (two mounts of one volume are rarely the slip); or, in a whole
 * pod, the one volume no container mounts whose name the written one contains or is contained in
 * (`airflow-dags` for `dags`, sweep FB).
 */
function meantVolume(name: string, defined: readonly string[], pod: PodModel, container: ContainerModel, open: boolean): string | undefined {
  const mountedHere = new Set(container.mounts.flatMap((m) => (m.name && m.name !== name ? [m.name] : [])));
  const candidates = defined.filter((v) => !mountedHere.has(v));
  const near = closest(name, candidates.length > 0 ? candidates : defined);
  if (near || open) return near;
  const mounted = new Set(pod.containers.flatMap((c) => c.mounts.flatMap((m) => (m.name ? [m.name] : []))));
  const unused = candidates.filter((v) => !mounted.has(v) && Math.min(v.length, name.length) >= 2 && (name.includes(v) || v.includes(name)));
  return unused.length === 1 ? unused[0] : undefined;
}

export const undefinedVolume: Rule = {
  id: 'undefined-volume',
  defaultSeverity: 'error',
  check(ctx) {
    for (const pod of ctx.pods) {
      // The volume may be defined in the part a fragment leaves out.
      // So may a volume whose name a placeholder writes (`name: ${DATA_VOLUME}`).
      if (pod.partial || volumeNamesOpen(pod)) continue;
      // The Jenkins plugin merges an agent template into a pod of its own, with volumes of its own.
      const jenkins = isJenkinsAgentPod(pod);
      const open = pod.shape.openVolumes === true || jenkins;
      // Argo's podSpecPatch adds its volumes to the pod before it is created.
      const defined = [...pod.volumes, ...pod.claimTemplates]
        .flatMap((v) => (v.name ? [v.name] : []))
        .concat(pod.specPatch?.volumes ?? [], jenkins ? [JENKINS_WORKSPACE_VOLUME] : []);
      // A mount every container gets (Argo's containerSet.volumeMounts) is reported once.
      const seen = new Set<object>();
      for (const container of pod.containers) {
        const uses: [VolumeUse, boolean][] = [...container.mounts.map((m): [VolumeUse, boolean] => [m, false]), ...container.devices.map((d): [VolumeUse, boolean] => [d, true])];
        for (const [use, device] of uses) {
          if (!use.name || !use.nameNode || defined.includes(use.name) || seen.has(use.node)) continue;
          seen.add(use.node);
          const suggestion = meantVolume(use.name, defined, pod, container, open);
          if (open && !suggestion) continue;
          const didYouMean = suggestion ? ctx.t('common.did-you-mean', { suggestion }) : '';
          const args = { didYouMean, name: use.name, container: containerLabel(container), path: `${use.path}.name`, volumes: `${pod.path}.volumes` };
          // KubeRay removes such a mount from the Ray container: the pod starts without it.
          const dropped = !device && kubeRayDrops(pod, container);
          const key = dropped ? 'undefined-volume.dropped' : device ? (open ? 'undefined-volume.device-open' : 'undefined-volume.device') : open ? 'undefined-volume.open' : 'undefined-volume.message';
          ctx.report({
            node: use.nameNode,
            message: ctx.t(key, { ...args, mountPath: use.path }),
            data: { name: use.name, suggestion, defined, device },
            ...(open || dropped ? { severity: 'warning' as const } : {}),
          });
        }
      }
    }
  },
};
