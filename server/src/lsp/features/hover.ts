/** textDocument/hover: the pure hover builder over the document's cached analysis. */
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { hoverAt } from '../../hover';
import type { Feature } from './index';

export const hoverFeature: Feature = {
  capabilities: () => ({ hoverProvider: true }),
  register(ctx) {
    ctx.connection.onHover((params): Hover | null => {
      const document = ctx.documents.get(params.textDocument.uri);
      if (!document) return null;
      // The store returns the analysis of this version (already computed for diagnostics).
      const analysis = ctx.store.analyze(document);
      const offset = analysis.lines.offsetAt(params.position);
      const result = hoverAt(analysis, offset, ctx.locale(), ctx.store.optionsFor(document.uri));
      if (!result) return null;
      return { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: analysis.lines.rangeOf(result.start, result.end) };
    });
  },
};
