/**
 * `FileRule.context` helpers: what of one chunk other chunks' findings may depend on. Kept
 * conservative: the whole chunk text when it holds an object of the kinds a rule looks up
 * across chunks, so that any edit there re-checks the file.
 */
import { chunkMembership } from '../k8s/neighbourhood';
import type { FileRule, FileRuleContext, RelatedReport } from './types';

type Chunk = Parameters<NonNullable<FileRule['context']>>[0];

/** The chunk's text when it holds an object of one of `kinds`, else ''. */
export function textIfKinds(chunk: Chunk, kinds: ReadonlySet<string>): string {
  return chunk.objects.some(({ object }) => object.kind !== undefined && kinds.has(object.kind)) ? chunk.text : '';
}

export const CONFIG_MAP = new Set(['ConfigMap']);
export const CONFIG_OBJECTS = new Set(['ConfigMap', 'Secret']);
export const SERVICE = new Set(['Service']);

/** Context of the rules that run the listener model: the ConfigMaps a container may read its ports from. */
export function listenerContext(chunk: Chunk): string {
  return textIfKinds(chunk, CONFIG_MAP);
}

/** Which pods and label sets the chunk brings, in which namespaces: what a selector matches. */
export function membershipContext(chunk: Chunk): string {
  return chunkMembership(chunk);
}

/** Membership plus the names its pods go by in messages: what a near-miss search reads of a peer's document. */
export function membershipAndNames(chunk: Chunk): string {
  const membership = chunkMembership(chunk);
  if (membership === '' || membership === chunk.text) return membership;
  return membership + JSON.stringify(chunk.pods.map((pod) => [pod.kind, pod.name]));
}

/** The chunks whose reports are wanted (all of them unless the run is a re-check). */
export function targetChunks(ctx: Pick<FileRuleContext, 'chunks' | 'targets'>): FileRuleContext['chunks'] {
  return ctx.targets ? [...ctx.targets.values()] : ctx.chunks;
}

/** Whether reports on the chunk at `start` are wanted. */
export function isTarget(ctx: Pick<FileRuleContext, 'targets'>, start: number | undefined): boolean {
  return start !== undefined && (ctx.targets === undefined || ctx.targets.has(start));
}

/**
 * Whether any wanted chunk passes `test`, looked at 200 chunks per step: a first look that works
 * out something of every pod (its config references, its port names) is tens of milliseconds at
 * 5,000 documents, too long for one step of the server.
 */
export function* anyTargetChunkSteps(ctx: Pick<FileRuleContext, 'chunks' | 'targets'>, test: (chunk: FileRuleContext['chunks'][number]) => boolean): Generator<void, boolean, void> {
  let looked = 0;
  for (const chunk of targetChunks(ctx)) {
    if (test(chunk)) return true;
    if (++looked % 200 === 0) yield;
  }
  return false;
}

/**
 * Related information at a node of another chunk of this file: a file rule reports relative to
 * the finding's chunk (`reportChunk`), so the node's range (relative to `nodeChunk`) is moved
 * there. None when the node is in another file (`nodeChunk` undefined) or has no range.
 */
export function relatedInChunk(range: readonly number[] | null | undefined, nodeChunk: number | undefined, reportChunk: number, message: string): RelatedReport[] {
  if (nodeChunk === undefined || !range) return [];
  return [{ node: { start: range[0]! + nodeChunk - reportChunk, end: range[1]! + nodeChunk - reportChunk }, message }];
}
