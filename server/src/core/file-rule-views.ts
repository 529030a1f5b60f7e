/**
 * What a file-level rule sees of a chunk or of a peer file, for the file-rule memo
 * (file-rule-memo.ts) to tell whether an edit can have changed a rule's findings: the rule's
 * `context` (or `peerContext`) of each chunk, worked out once per chunk analysis.
 */
import type { FileRule, FileRuleContext, PeerPods } from '../rules/types';
import type { ChunkAnalysis } from './analyze';

export const sameList = <T>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

const contexts = new WeakMap<ChunkAnalysis, Map<string, string>>();

export function contextOf(rule: FileRule, analysis: ChunkAnalysis, options: FileRuleContext['options'], of: 'context' | 'peerContext' = 'context'): string {
  if (analysis.chunk.templated) return '';
  let byRule = contexts.get(analysis);
  if (!byRule) contexts.set(analysis, (byRule = new Map()));
  const key = of === 'context' ? rule.id : `${rule.id}\u0000peer`;
  let found = byRule.get(key);
  if (found === undefined) {
    const model = { start: 0, objects: analysis.objects, pods: analysis.pods, text: analysis.chunk.text };
    byRule.set(key, (found = (rule[of] as NonNullable<FileRule['context']>)(model, options)));
  }
  return found;
}

/**
 * Whether the rule sees the same of these peers as of the kept ones: the same files in the same
 * order, each one the same object or, for a rule with `peerContext`, an open document whose
 * changed documents say the same in it (an edit elsewhere in a neighbouring file).
 */
export function samePeers(rule: FileRule, before: readonly PeerPods[], now: readonly PeerPods[], options: FileRuleContext['options']): boolean {
  if (before.length !== now.length) return false;
  for (let i = 0; i < now.length; i++) {
    const a = before[i] as PeerPods;
    const b = now[i] as PeerPods;
    if (a !== b && !(rule.peerContext && samePeer(rule, a, b, options))) return false;
  }
  return true;
}

function samePeer(rule: FileRule, a: PeerPods, b: PeerPods, options: FileRuleContext['options']): boolean {
  if (a.source !== b.source || a.namespace !== b.namespace || a.generated || b.generated || !sameList(a.templated ?? [], b.templated ?? [])) return false;
  const before = analysesOf(a);
  const now = analysesOf(b);
  if (!before || !now) return false;
  let head = 0;
  while (head < now.length && head < before.length && now[head] === before[head]) head++;
  let tail = 0;
  while (tail < now.length - head && tail < before.length - head && now[now.length - 1 - tail] === before[before.length - 1 - tail]) tail++;
  const said = (analyses: readonly ChunkAnalysis[]): string[] => analyses.map((c) => contextOf(rule, c, options, 'peerContext')).filter((c) => c !== '');
  return sameList(said(before.slice(head, before.length - tail)), said(now.slice(head, now.length - tail)));
}

/** A peer's documents as chunk analyses (an open document's), or undefined when it has none. */
function analysesOf(peer: PeerPods): readonly ChunkAnalysis[] | undefined {
  // Asked by every rule of every pass: a big peer's 5,000 documents are looked through once.
  if (peerAnalyses.has(peer)) return peerAnalyses.get(peer);
  const chunks = peer.chunks;
  const analyses = chunks?.every((c) => 'chunk' in c) ? (chunks as readonly ChunkAnalysis[]) : undefined;
  peerAnalyses.set(peer, analyses);
  return analyses;
}
const peerAnalyses = new WeakMap<PeerPods, readonly ChunkAnalysis[] | undefined>();
