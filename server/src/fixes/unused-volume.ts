/** unused-volume: remove the volume, or mount it into one of the pod's containers (one action each). */
import { asSeq, getNode } from '../core/yaml-access';
import { containerLabel } from '../k8s/pod-model';
import { isAt, writtenIn } from './find';
import type { Fix, FixProvider } from './types';
import { addPair, appendItem, removeBlockPair, removeItem } from './yaml-edit';
import { getPair } from '../core/yaml-access';

export const unusedVolumeFixes: FixProvider = (ctx) => {
  const pod = ctx.chunk.analysis.pods.find((p) => p.volumes.some((v) => isAt(ctx, v.nameNode)));
  const volume = pod?.volumes.find((v) => isAt(ctx, v.nameNode));
  if (!pod || !volume?.name) return [];
  const text = ctx.analysis.text;
  const base = ctx.chunk.start;
  const fixes: Fix[] = [];
  const seq = asSeq(getNode(pod.spec, 'volumes', pod.doc), pod.doc);
  const pair = getPair(pod.spec, 'volumes', pod.doc);
  if (seq && pair && writtenIn(seq, pod.spec)) {
    const edit = seq.items.length === 1 && !seq.flow ? removeBlockPair(text, base, pair.key as never, seq) : removeItem(text, base, seq, volume.index);
    if (edit) fixes.push({ title: ctx.t('fix.unused-volume.remove', { name: volume.name }), edits: [edit] });
  }
  for (const container of pod.containers) {
    if (container.list === 'ephemeralContainers' || !writtenIn(container.node, pod.spec)) continue;
    const mount = { name: volume.name, mountPath: `/mnt/${volume.name}` };
    const mounts = asSeq(getNode(container.node, 'volumeMounts', pod.doc), pod.doc);
    if (mounts && !writtenIn(mounts, container.node)) continue;
    const edit = mounts ? appendItem(text, base, mounts, mount) : addPair(text, base, container.node, 'volumeMounts', [mount]);
    fixes.push({ title: ctx.t('fix.unused-volume.mount', { name: volume.name, container: containerLabel(container), path: mount.mountPath }), edits: [edit] });
  }
  return fixes;
};
