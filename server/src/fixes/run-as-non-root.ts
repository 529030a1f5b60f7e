/**
 * run-as-non-root: an image whose USER is a name (prometheus's `nobody`) gets `runAsUser` with
 * that user's UID in the container's securityContext (preferred): the kubelet can then verify it,
 * and the process runs as the very user it ran as before. An image that starts as root has no
 * fix here: which non-root UID it supports is the image's business (nginx needs another image).
 */
import { isMap, isScalar } from 'yaml';
import { getNode, getPair } from '../core/yaml-access';
import { containerLabel } from '../k8s/pod-model';
import { containersAt, fact, isAt, writtenIn } from './find';
import type { FixProvider } from './types';
import { addPair, replaceScalar } from './yaml-edit';

export const runAsNonRootFixes: FixProvider = (ctx) => {
  const uid = fact(ctx, 'uid');
  if (typeof uid !== 'number') return [];
  const hit = containersAt(ctx, (c) => (isAt(ctx, c.imageNode) ? c : undefined))[0];
  if (!hit || !writtenIn(hit.container.imageNode, hit.container.node)) return [];
  const { container, pod } = hit;
  const text = ctx.analysis.text;
  const security = getNode(container.node, 'securityContext', pod.doc);
  const existing = isMap(security) ? getPair(security, 'runAsUser', pod.doc) : undefined;
  const edit =
    existing && isScalar(existing.value)
      ? replaceScalar(ctx.chunk.start, existing.value, uid)
      : isMap(security)
        ? addPair(text, ctx.chunk.start, security, 'runAsUser', uid)
        : security === undefined
          ? addPair(text, ctx.chunk.start, container.node, 'securityContext', { runAsUser: uid })
          : undefined;
  return edit ? [{ title: ctx.t('fix.run-as-user', { container: containerLabel(container), uid }), edits: [edit], preferred: true }] : [];
};
