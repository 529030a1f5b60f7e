/**
 * undefined-volume: a volumeMount names a volume the pod does not define. StatefulSet
 * volumeClaimTemplates count as defined. The message suggests the closest existing name. Where
 * volumes may also come from elsewhere (an Argo WorkflowTemplate's callers, a Tekton run's pod
 * template), only a name close to a defined one is reported, as a likely typo (a warning).
 */
import { closest } from '../util/suggest';
import { containerLabel } from '../k8s/pod-model';
import { volumeNamesOpen } from '../k8s/unknown-names';
import type { Rule } from './types';

export const undefinedVolume: Rule = {
  id: 'undefined-volume',
  defaultSeverity: 'error',
  check(ctx) {
    for (const pod of ctx.pods) {
      // The volume may be defined in the part a fragment leaves out.
      // So may a volume whose name a placeholder writes (`name: ${DATA_VOLUME}`).
      if (pod.partial || volumeNamesOpen(pod)) continue;
      const open = pod.shape.openVolumes === true;
      const defined = [...pod.volumes, ...pod.claimTemplates].flatMap((v) => (v.name ? [v.name] : []));
      // A mount every container gets (Argo's containerSet.volumeMounts) is reported once.
      const seen = new Set<object>();
      for (const container of pod.containers) {
        for (const mount of container.mounts) {
          if (!mount.name || !mount.nameNode || defined.includes(mount.name) || seen.has(mount.node)) continue;
          seen.add(mount.node);
          const suggestion = closest(mount.name, defined);
          if (open && !suggestion) continue;
          const didYouMean = suggestion ? ctx.t('common.did-you-mean', { suggestion }) : '';
          const args = { didYouMean, name: mount.name, container: containerLabel(container), path: `${mount.path}.name`, volumes: `${pod.path}.volumes` };
          ctx.report({
            node: mount.nameNode,
            message: ctx.t(open ? 'undefined-volume.open' : 'undefined-volume.message', args),
            data: { name: mount.name, suggestion, defined },
            ...(open ? { severity: 'warning' as const } : {}),
          });
        }
      }
    }
  },
};
