/**
 * undefined-volume: rename the mount to the closest defined volume (the usual typo), or add the
 * missing volume to the pod as an `emptyDir: {}` (creating `volumes:` when the pod has none).
 */
import { asSeq, getNode } from '../core/yaml-access';
import { closest, containersAt, fact, isAt, writtenIn } from './find';
import type { Fix, FixProvider } from './types';
import { addPair, appendItem, replaceScalar } from './yaml-edit';

export const undefinedVolumeFixes: FixProvider = (ctx) => {
  const device = containersAt(ctx, (c) => c.devices.find((d) => isAt(ctx, d.nameNode)))[0];
  if (device?.part.nameNode && device.part.name) {
    // A block device needs a PersistentVolumeClaim (or an ephemeral one): an emptyDir added for it
    // is rejected ("can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode").
    const defined = [...device.pod.volumes, ...device.pod.claimTemplates].flatMap((v) => (v.name ? [v.name] : [])).concat(device.pod.specPatch?.volumes ?? []);
    const to = suggested(ctx) ?? closest(device.part.name, defined);
    return to ? [{ title: ctx.t('fix.rename', { from: device.part.name, to }), edits: [replaceScalar(ctx.chunk.start, device.part.nameNode, to)], preferred: true }] : [];
  }
  const hit = containersAt(ctx, (c) => c.mounts.find((m) => isAt(ctx, m.nameNode)))[0];
  if (!hit?.part.nameNode || !hit.part.name) return [];
  const { pod, part: mount } = hit;
  const name = mount.name ?? '';
  // As the rule: the volumes Argo's podSpecPatch adds count.
  const defined = [...pod.volumes, ...pod.claimTemplates].flatMap((v) => (v.name ? [v.name] : [])).concat(pod.specPatch?.volumes ?? []);
  const fixes: Fix[] = [];
  // The volume the message names (the rule's choice: not one this container mounts already).
  const suggestion = suggested(ctx) ?? closest(name, defined);
  if (suggestion) fixes.push({ title: ctx.t('fix.rename', { from: name, to: suggestion }), edits: [replaceScalar(ctx.chunk.start, mount.nameNode!, suggestion)], preferred: true });
  const text = ctx.analysis.text;
  const volumes = asSeq(getNode(pod.spec, 'volumes', pod.doc), pod.doc);
  if (!volumes || writtenIn(volumes, pod.spec)) {
    const item = { name, emptyDir: {} };
    const edit = volumes ? appendItem(text, ctx.chunk.start, volumes, item) : addPair(text, ctx.chunk.start, pod.spec, 'volumes', [item]);
    fixes.push({ title: ctx.t('fix.undefined-volume.add', { name }), edits: [edit], preferred: !suggestion });
  }
  return fixes;
};

function suggested(ctx: Parameters<FixProvider>[0]): string | undefined {
  const s = fact(ctx, 'suggestion');
  return typeof s === 'string' ? s : undefined;
}
