/**
 * duplicate-volume-name: two volumes of one list with the same name (the API server rejects it).
 * A name in two lists a custom resource's pod draws from (an Argo template's `volumes` and the
 * workflow's) is no duplicate: the controller takes the first it finds, once.
 */
import type { Rule } from './types';

/** The list a volume sits in (`spec.templates[0].volumes`). */
const listOf = (path: string): string => path.replace(/\[\d+\]$/, '');

export const duplicateVolumeName: Rule = {
  id: 'duplicate-volume-name',
  defaultSeverity: 'error',
  check(ctx) {
    for (const pod of ctx.pods) {
      const seen = new Map<string, (typeof pod.volumes)[number]>();
      for (const volume of pod.volumes) {
        if (!volume.name || !volume.nameNode) continue;
        const first = seen.get(volume.name);
        if (first && listOf(first.path) !== listOf(volume.path)) continue;
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
