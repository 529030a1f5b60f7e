/** duplicate-mount-path: remove the duplicate mount, or move it to a path of its own. */
import { asSeq, getNode } from '../core/yaml-access';
import { normaliseMountPath } from '../k8s/names';
import { containersAt, isAt, writtenIn } from './find';
import type { Fix, FixProvider } from './types';
import { removeItem, replaceScalar } from './yaml-edit';

export const duplicateMountPathFixes: FixProvider = (ctx) => {
  const hit = containersAt(ctx, (c) => c.mounts.find((m) => isAt(ctx, m.mountPathNode)))[0];
  if (!hit?.part.mountPathNode || !hit.part.mountPath || !writtenIn(hit.part.node, hit.container.node)) return [];
  const { pod, container, part: mount } = hit;
  const pathNode = hit.part.mountPathNode;
  const at = normaliseMountPath(hit.part.mountPath);
  const taken = new Set(container.mounts.map((m) => normaliseMountPath(m.mountPath ?? '')));
  const first = container.mounts.find((m) => m !== mount && normaliseMountPath(m.mountPath ?? '') === at);
  const fixes: Fix[] = [];
  const seq = asSeq(getNode(container.node, 'volumeMounts', pod.doc), pod.doc);
  const edit = seq && seq.items.length > 1 ? removeItem(ctx.analysis.text, ctx.chunk.start, seq, mount.index) : undefined;
  // Removing is the obvious fix only when both mounts attach the same volume the same way.
  const same = first?.name === mount.name && first?.subPath === mount.subPath && first?.readOnly === mount.readOnly;
  if (edit) fixes.push({ title: ctx.t('fix.duplicate-mount-path.remove', { path: mount.mountPath ?? '' }), edits: [edit], preferred: same, safe: same });
  let path = `${at === '/' ? '' : at}-${(mount.name ?? '2').toLowerCase()}`;
  for (let i = 2; taken.has(path); i++) path = `${at}-${i}`;
  fixes.push({ title: ctx.t('fix.duplicate-mount-path.move', { path }), edits: [replaceScalar(ctx.chunk.start, pathNode, path)] });
  return fixes;
};
