/** Test helpers for the workspace rules: files as peers of one another, findings of one file among them. */
import { Analyzer, analyzeText } from '../../server/src/core/analyze';
import { docStarts } from '../../server/src/navigation/workspace-view';
import type { AnalysisOptions, Finding, PeerPods } from '../../server/src/rules/types';

/**
 * A file's text as a peer, the way the CLI builds it; with `byDocument`, the way the language
 * server gives an open document (its documents one by one too).
 */
export function peer(text: string, source: string, namespace?: string, byDocument = false): PeerPods {
  const analysis = analyzeText(text);
  const plain = analysis.chunks.filter((c) => !c.analysis.chunk.templated);
  return {
    source,
    pods: plain.flatMap((c) => c.analysis.pods),
    objects: plain.flatMap((c) => c.analysis.objects),
    templated: analysis.chunks.filter((c) => c.analysis.chunk.templated).map((c) => c.analysis.chunk.text),
    namespace,
    text,
    starts: docStarts(analysis.chunks),
    ...(byDocument ? { chunks: plain.map((c) => c.analysis) } : {}),
  };
}

/** The findings of `rule` in `text` (at `source`), with the other files as peers. */
export function workspaceFindings(
  text: string,
  rule: string,
  others: Record<string, string> = {},
  opts: { source?: string; namespace?: string; options?: AnalysisOptions } = {},
): (Finding & { text: string })[] {
  const source = opts.source ?? '/ws/app/main.yaml';
  const peers = Object.entries(others).map(([path, t]) => peer(t, path));
  const analysis = new Analyzer((id, e) => {
    throw new Error(`rule ${id} threw: ${String(e)}`);
  }).analyze(text, opts.options ?? {}, peers, { source, namespace: opts.namespace });
  return analysis.findings.filter((f) => f.rule === rule).map((f) => ({ ...f, text: text.slice(f.start, f.end) }));
}
