/**
 * read-only-root-fs: mount an emptyDir at each folder the program writes in (it then writes there,
 * and the rest of the root filesystem stays read-only). Preferred: it keeps the hardening. For a
 * container that runs as another user and listens below 1024, the pod's sysctl
 * net.ipv4.ip_unprivileged_port_start=0 too, so that it binds on any runtime.
 */
import { asSeq, getNode, getPair } from '../core/yaml-access';
import { containerByPath, fact, unique } from './find';
import type { Fix, FixProvider } from './types';
import { isMap, type YAMLSeq } from 'yaml';
import { UNPRIVILEGED_PORTS } from '../rules/read-only-root-fs';
import { mountHolds } from '../k8s/start-writes';
import { addPair, appendItem, flowText, type OffsetEdit, type YValue } from './yaml-edit';

/** Several items appended to one list: one edit for a flow list (with its commas), one per item for a block list. */
function appendItems(text: string, base: number, seq: YAMLSeq, values: readonly YValue[]): OffsetEdit[] {
  if (!seq.flow) return values.map((v) => appendItem(text, base, seq, v));
  const first = appendItem(text, base, seq, values[0] as YValue);
  const more = values.slice(1).map((v) => `, ${flowText(v)}`).join('');
  return [{ ...first, newText: first.newText + more }];
}

/** Inserts at one offset, joined in order (two appends to one list land at its end together). */
function joined(edits: readonly OffsetEdit[]): OffsetEdit[] {
  const out: OffsetEdit[] = [];
  for (const e of edits) {
    const same = out.find((o) => o.start === e.start && o.end === e.end && o.start === o.end);
    if (same && e.start === e.end) out[out.indexOf(same)] = { ...same, newText: same.newText + e.newText };
    else out.push(e);
  }
  return out;
}

/** A volume name from a folder: `/var/cache/nginx` → `nginx-cache`-like `var-cache-nginx`. */
const nameFor = (folder: string): string => folder.replace(/^\/+|\/+$/g, '').replace(/[^a-z0-9]+/gi, '-').toLowerCase().slice(0, 63) || 'scratch';

export const readOnlyRootFsFixes: FixProvider = (ctx) => {
  const hit = containerByPath(ctx, fact(ctx, 'containerPath'));
  const folders = fact(ctx, 'folders');
  if (!hit || !Array.isArray(folders) || folders.length === 0) return [];
  const { pod, container } = hit;
  const text = ctx.analysis.text;
  const base = ctx.chunk.start;
  const taken = new Set(pod.volumes.flatMap((v) => (v.name ? [v.name] : [])));
  const pairs = folders.map((f) => {
    const name = unique(nameFor(String(f)), taken);
    taken.add(name);
    return { name, folder: String(f) };
  });
  // A mount already at one of the folders (read-only) is the user's to change: a second one there is refused.
  if (container.mounts.some((m) => m.mountPath !== undefined && pairs.some((p) => mountHolds(p.folder, m.mountPath as string) && mountHolds(m.mountPath as string, p.folder)))) return [];
  const mounts = pairs.map((p) => ({ name: p.name, mountPath: p.folder }));
  const volumes = pairs.map((p) => ({ name: p.name, emptyDir: {} }));
  const edits: OffsetEdit[] = [];
  const mountSeq = asSeq(getNode(container.node, 'volumeMounts', pod.doc), pod.doc);
  if (mountSeq) edits.push(...appendItems(text, base, mountSeq, mounts));
  else if (getPair(container.node, 'volumeMounts', pod.doc)) return [];
  else edits.push(addPair(text, base, container.node, 'volumeMounts', mounts));
  const volumeSeq = asSeq(getNode(pod.spec, 'volumes', pod.doc), pod.doc);
  if (volumeSeq) edits.push(...appendItems(text, base, volumeSeq, volumes));
  else if (getPair(pod.spec, 'volumes', pod.doc)) return [];
  else edits.push(addPair(text, base, pod.spec, 'volumes', volumes));
  const folderList = pairs.map((p) => p.folder).join(', ');
  if (fact(ctx, 'unprivilegedPorts') === true) {
    const sysctl = { name: UNPRIVILEGED_PORTS, value: '0' };
    const security = getNode(pod.spec, 'securityContext', pod.doc);
    const sysctls = isMap(security) ? asSeq(getNode(security, 'sysctls', pod.doc), pod.doc) : undefined;
    if (sysctls) edits.push(...appendItems(text, base, sysctls, [sysctl]));
    else if (isMap(security) && !getPair(security, 'sysctls', pod.doc)) edits.push(addPair(text, base, security, 'sysctls', [sysctl]));
    else if (!getPair(pod.spec, 'securityContext', pod.doc)) edits.push(addPair(text, base, pod.spec, 'securityContext', { sysctls: [sysctl] }));
    // A securityContext or sysctls written some other way (a template, an alias): the mounts alone do not make the pod right everywhere.
    else return [{ title: ctx.t('fix.read-only-root-fs.mount', { folders: folderList }), edits: joined(edits) }];
    return [{ title: ctx.t('fix.read-only-root-fs.mount-and-ports', { folders: folderList, sysctl: UNPRIVILEGED_PORTS }), edits: joined(edits), preferred: true }];
  }
  // On the node's network a port below 1024 stays out of reach: the mounts alone do not make the pod right.
  const fix: Fix = { title: ctx.t('fix.read-only-root-fs.mount', { folders: folderList }), edits: joined(edits), preferred: fact(ctx, 'hostLowPorts') !== true };
  return [fix];
};
