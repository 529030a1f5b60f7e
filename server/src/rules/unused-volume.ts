/** unused-volume: a volume that no container mounts (or attaches as a block device). */
import type { Rule } from './types';

export const unusedVolume: Rule = {
  id: 'unused-volume',
  defaultSeverity: 'information',
  tags: ['unnecessary'],
  check(ctx) {
    for (const pod of ctx.pods) {
      if (pod.partial) continue; // the mount may be in the part a fragment leaves out
      const used = new Set(pod.containers.flatMap((c) => [...c.mounts.map((m) => m.name), ...c.deviceNames]));
      for (const volume of pod.volumes) {
        if (!volume.name || !volume.nameNode || volume.inherited || used.has(volume.name)) continue;
        ctx.report({
          node: volume.nameNode,
          message: ctx.t('unused-volume.message', { name: volume.name, source: volume.source ?? '?' }),
          data: { name: volume.name, index: volume.index },
        });
      }
    }
  },
};
