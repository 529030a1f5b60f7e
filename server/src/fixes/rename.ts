/**
 * Shared by duplicate-container-name, duplicate-volume-name and invalid-name: rename to a valid
 * name unique in the pod. A volume renamed because its name was invalid takes its mounts along; a duplicate's
 * mounts are left alone (they may well mean the first volume).
 */
import type { Node } from 'yaml';
import type { PodModel } from '../k8s/pod-model';
import { isAt, unique, writtenIn } from './find';
import type { Fix, FixContext } from './types';
import { replaceScalar, type OffsetEdit } from './yaml-edit';

/** A valid RFC 1123 label derived from `value`. */
export function validLabel(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63).replace(/-+$/, '') || 'name';
}

interface Named {
  readonly kind: 'container' | 'volume' | 'field';
  readonly pod: PodModel;
  readonly node: Node;
  readonly owner: Node;
  readonly name: string;
}

function namedAt(ctx: FixContext): Named | undefined {
  for (const pod of ctx.chunk.analysis.pods) {
    for (const c of pod.containers) if (c.nameNode && c.name !== undefined && isAt(ctx, c.nameNode)) return { kind: 'container', pod, node: c.nameNode, owner: c.node, name: c.name };
    for (const v of pod.volumes) if (v.nameNode && v.name !== undefined && isAt(ctx, v.nameNode)) return { kind: 'volume', pod, node: v.nameNode, owner: v.node, name: v.name };
    for (const item of pod.spec.items) {
      const value = item.value as Node | null;
      if (value && isAt(ctx, value)) return { kind: 'field', pod, node: value, owner: pod.spec, name: String((value as { value?: unknown }).value ?? '') };
    }
  }
  return undefined;
}

function rename(ctx: FixContext, named: Named, base: string, carryMounts: boolean): Fix[] {
  const { pod } = named;
  if (!writtenIn(named.node, named.owner)) return [];
  const taken = new Set(
    named.kind === 'container'
      ? pod.containers.flatMap((c) => (c.name ? [c.name] : []))
      : named.kind === 'volume'
        ? [...pod.volumes, ...pod.claimTemplates].flatMap((v) => (v.name ? [v.name] : []))
        : [],
  );
  const to = unique(validLabel(base), taken);
  const edits: OffsetEdit[] = [replaceScalar(ctx.chunk.start, named.node, to)];
  if (named.kind === 'volume' && carryMounts) {
    for (const c of pod.containers) {
      for (const m of c.mounts) if (m.name === named.name && m.nameNode && writtenIn(m.nameNode, c.node)) edits.push(replaceScalar(ctx.chunk.start, m.nameNode, to));
    }
  }
  return [{ title: ctx.t('fix.rename', { from: named.name, to }), edits, preferred: true, safe: named.kind === 'volume' && carryMounts }];
}

/** Renames the container, volume or spec field the finding is on to a valid unique name derived from `base` (default: its name). */
export function renameAtFinding(ctx: FixContext, carryMounts: boolean, base?: string): Fix[] {
  const named = namedAt(ctx);
  return named ? rename(ctx, named, base ?? named.name, carryMounts) : [];
}
