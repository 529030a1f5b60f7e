/** `textDocument/documentSymbol`: object → pod → containers (with ports and mounts) and volumes. */
import { MessageType, ShowMessageNotification, SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { FileAnalysis } from '../../core/analyze';
import { t } from '../../l10n';
import { limitedOutline, type OutlineKind, type OutlineNode } from '../../navigation/outline';
import { baseName } from '../../util/uri-name';
import type { Feature } from './index';

/** At most this many symbols per file (see limitOutline): every object always, details while they fit. */
export const MAX_SYMBOLS = 5000;

const KINDS: Record<OutlineKind, SymbolKind> = {
  object: SymbolKind.Class,
  pod: SymbolKind.Namespace,
  container: SymbolKind.Object,
  port: SymbolKind.Interface,
  mount: SymbolKind.Field,
  volume: SymbolKind.Package,
};

function toSymbol(node: OutlineNode, analysis: FileAnalysis): DocumentSymbol {
  return {
    name: node.name,
    detail: node.detail,
    kind: KINDS[node.kind],
    range: analysis.lines.rangeOf(node.start, node.end),
    selectionRange: analysis.lines.rangeOf(node.selStart, node.selEnd),
    children: node.children.map((c) => toSymbol(c, analysis)),
  };
}

export const symbolsFeature: Feature = {
  capabilities: () => ({ documentSymbolProvider: { label: 'Podsight' } }),
  register(ctx) {
    // Files whose cut outline the user was told about: once per file while the server runs, as
    // the outline is asked for again after every pause in typing.
    const told = new Set<string>();
    ctx.connection.onDocumentSymbol(async (params) => {
      const document = ctx.documents.get(params.textDocument.uri);
      if (!document) return null;
      const analysis = await ctx.store.analysisOf(document);
      if (!analysis) return null;
      const locale = ctx.locale();
      const { nodes, cut } = limitedOutline(analysis, (key, args) => t(locale, key, args), MAX_SYMBOLS);
      const symbols = nodes.map((n) => toSymbol(n, analysis));
      if (cut && !told.has(document.uri)) {
        told.add(document.uri);
        void ctx.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: t(locale, 'outline.cut', { file: baseName(document.uri), max: MAX_SYMBOLS.toLocaleString('en-US') }) });
      }
      return symbols;
    });
  },
};
