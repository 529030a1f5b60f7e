/**
 * duplicate-env: one container sets the same environment variable twice. The API server accepts
 * it (kubectl only warns), and the last entry wins, so the earlier value is silently dropped.
 * Unless the later one builds on it: the kubelet expands `JAVA_OPTS=$(JAVA_OPTS) -Dx=y` with the
 * earlier value, so both reach the process.
 */
import { envOf, varReferences, type EnvEntry } from '../k8s/env';
import { containerLabel } from '../k8s/pod-model';
import type { Rule } from './types';

export const duplicateEnv: Rule = {
  id: 'duplicate-env',
  defaultSeverity: 'warning',
  check(ctx) {
    for (const pod of ctx.pods) {
      for (const container of pod.containers) {
        const seen = new Map<string, EnvEntry>();
        for (const entry of envOf(container, pod.doc).entries) {
          if (entry.name === undefined || !entry.nameNode) continue;
          const earlier = seen.get(entry.name);
          seen.set(entry.name, entry);
          if (!earlier) continue;
          const value = entry.valueNode?.value;
          if (typeof value === 'string' && varReferences(value).some((r) => r.name === entry.name)) continue;
          const args = { name: entry.name, container: containerLabel(container) };
          ctx.report({
            node: entry.nameNode,
            message: ctx.t('duplicate-env.message', args),
            related: [{ node: earlier.nameNode ?? earlier.node, message: ctx.t('duplicate-env.related', args) }],
            data: { name: entry.name, container: container.name, index: entry.index, earlier: earlier.index },
          });
        }
      }
    }
  },
};
