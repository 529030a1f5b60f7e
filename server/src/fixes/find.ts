/** Finding the model parts (pod, container, port...) a finding points at, by node position. */
import { isScalar, type Node } from 'yaml';
import { locate } from '../core/locate';
import type { ContainerModel, PodModel } from '../k8s/pod-model';
import { closest } from '../util/suggest';
import type { Fix, FixContext } from './types';
import { replaceScalar } from './yaml-edit';

/** True when `node` is the finding's node (same chunk-relative span). */
export function isAt(ctx: FixContext, node: Node | undefined): boolean {
  const r = node?.range;
  return !!r && ctx.chunk.start + r[0] === ctx.finding.start && ctx.chunk.start + r[1] === ctx.finding.end;
}

/** True when `inner` is written inside `outer` (not merged in from an anchor elsewhere). */
export function writtenIn(inner: Node | undefined, outer: Node | undefined): boolean {
  const a = inner?.range;
  const b = outer?.range;
  return !!a && !!b && b[0] <= a[0] && a[1] <= b[1];
}

/** A string fact of the finding's data. */
export function fact(ctx: FixContext, key: string): unknown {
  return ctx.finding.data?.[key];
}

/**
 * The containers whose part `pick` is at the finding. A node merged from an anchor is shared by
 * several containers: the finding's `container` fact chooses among them.
 */
export function containersAt<T>(ctx: FixContext, pick: (c: ContainerModel) => T | undefined): { pod: PodModel; container: ContainerModel; part: T }[] {
  const hits: { pod: PodModel; container: ContainerModel; part: T }[] = [];
  for (const pod of ctx.chunk.analysis.pods) {
    for (const container of pod.containers) {
      const part = pick(container);
      if (part !== undefined) hits.push({ pod, container, part });
    }
  }
  const named = fact(ctx, 'container');
  return typeof named === 'string' ? [...hits.filter((h) => h.container.name === named), ...hits.filter((h) => h.container.name !== named)] : hits;
}

/** The first port after `from` that is not in `used` (wrapping to 1024 at the top of the range). */
export function nextFree(from: number, used: ReadonlySet<number>): number | undefined {
  for (let n = from + 1, tries = 0; tries < 65535; n++, tries++) {
    if (n > 65535) n = 1024;
    if (!used.has(n)) return n;
  }
  return undefined;
}

/** `base`, or `base-2`, `base-3`... whichever is not taken (kept within `max` characters). */
export function unique(base: string, taken: ReadonlySet<string>, max = 63): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) {
    const suffix = `-${i}`;
    const name = base.slice(0, max - suffix.length).replace(/-+$/, '') + suffix;
    if (!taken.has(name)) return name;
  }
}

/** Replaces the scalar the finding points at, keeping its quotes. */
export function replaceAtFinding(ctx: FixContext, value: string | number): Fix['edits'] {
  const at = locate(ctx.analysis, ctx.finding.start);
  const node = at?.node;
  if (node && isScalar(node) && node.range && ctx.chunk.start + node.range[0] === ctx.finding.start && ctx.chunk.start + node.range[1] === ctx.finding.end) {
    return [replaceScalar(ctx.chunk.start, node, value)];
  }
  return [];
}

/** The closest of `candidates`, if any is close. */
export { closest };

/**
 * The container at field path `path` (a finding's `containerPath` fact) in the pod that holds the
 * finding (several documents of a chunk may have pods with the same paths).
 */
export function containerByPath(ctx: FixContext, path: unknown): { pod: PodModel; container: ContainerModel } | undefined {
  if (typeof path !== 'string') return undefined;
  const at = ctx.finding.start - ctx.chunk.start;
  let fallback: { pod: PodModel; container: ContainerModel } | undefined;
  for (const pod of ctx.chunk.analysis.pods) {
    const container = pod.containers.find((c) => c.path === path);
    if (!container) continue;
    const r = pod.object.node.range;
    if (r && r[0] <= at && at <= r[1]) return { pod, container };
    fallback ??= { pod, container };
  }
  return fallback;
}
