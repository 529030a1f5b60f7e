/** textDocument/hover: the pure hover builder over the document's cached analysis. */
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { hoverAt } from '../../hover';
import type { Feature } from './index';

export const hoverFeature: Feature = {
  capabilities: () => ({ hoverProvider: true }),
  register(ctx) {
    ctx.connection.onHover(async (params): Promise<Hover | null> => {
      const document = ctx.documents.get(params.textDocument.uri);
      if (!document) return null;
      // The analysis of this version (usually computed for diagnostics already).
      const analysis = await ctx.store.analysisOf(document);
      if (!analysis) return null;
      const offset = analysis.lines.offsetAt(params.position);
      const result = hoverAt(analysis, offset, ctx.locale(), ctx.store.optionsFor(document.uri));
      if (!result) return null;
      return { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: analysis.lines.rangeOf(result.start, result.end) };
    });
  },
};
