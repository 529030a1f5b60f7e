/**
 * nested-mount-path: a mountPath inside another mountPath of the same container. Legal, but the
 * inner mount sits on top of the outer volume and hides that part of it in this container.
 */
import { isBelow, normaliseMountPath } from '../k8s/names';
import { nameAsWritten } from '../k8s/unknown-names';
import type { Rule } from './types';

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
