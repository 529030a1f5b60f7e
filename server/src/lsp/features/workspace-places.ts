/**
 * Places of the workspace (navigation/workspace-view.ts) as LSP locations: a place in the
 * document itself uses its analysis's line index, a place in a peer the peer's text.
 */
import type { Location } from 'vscode-languageserver';
import type { FileAnalysis } from '../../core/analyze';
import { LineIndex } from '../../core/line-index';
import type { Place, WorkspaceView } from '../../navigation/workspace-links';

/** Converts places to locations; a peer's line index is built once per call. */
export function placeLocator(uri: string, analysis: FileAnalysis, view: WorkspaceView): (p: Place) => Location | undefined {
  const lines = new Map<string, LineIndex | undefined>();
  const linesOf = (source: string): LineIndex | undefined => {
    if (!lines.has(source)) {
      const text = view.peers.find((peer) => peer.source === source)?.text;
      lines.set(source, text === undefined ? undefined : new LineIndex(text));
    }
    return lines.get(source);
  };
  return (p) => {
    if (p.source === undefined) return { uri, range: analysis.lines.rangeOf(p.start, p.end) };
    const index = linesOf(p.source);
    return index ? { uri: p.source, range: index.rangeOf(p.start, p.end) } : undefined;
  };
}
