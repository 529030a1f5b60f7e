/** duplicate-volume-name: two volumes of one pod with the same name (the API server rejects it). */
import type { Rule } from './types';

export const duplicateVolumeName: Rule = {
  id: 'duplicate-volume-name',
  defaultSeverity: 'error',
  check(ctx) {
    for (const pod of ctx.pods) {
      const seen = new Map<string, (typeof pod.volumes)[number]>();
      for (const volume of pod.volumes) {
        if (!volume.name || !volume.nameNode) continue;
        const first = seen.get(volume.name);
        if (!first) {
          seen.set(volume.name, volume);
          continue;
        }
        const args = { name: volume.name, path: `${volume.path}.name` };
        ctx.report({
          node: volume.nameNode,
          message: ctx.t('duplicate-volume-name.message', args),
          related: [{ node: first.nameNode ?? first.node, message: ctx.t('duplicate-volume-name.related', args) }],
          data: { name: volume.name },
        });
      }
    }
  },
};
