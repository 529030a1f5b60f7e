/**
 * Go to definition, find all references and document highlights for the names Podsight links:
 * volumes ↔ volumeMounts, container ports ↔ probes, lifecycle handlers and Service targetPorts.
 */
import { DocumentHighlightKind, type DocumentHighlight, type Location } from 'vscode-languageserver';
import type { TextDocumentPositionParams } from 'vscode-languageserver';
import type { FileAnalysis } from '../../core/analyze';
import { linksAt, type Links, type Span } from '../../navigation/links';
import type { ServerContext } from '../server';
import type { Feature } from './index';

async function linksFor(ctx: ServerContext, params: TextDocumentPositionParams): Promise<{ links: Links; analysis: FileAnalysis; uri: string } | undefined> {
  const document = ctx.documents.get(params.textDocument.uri);
  if (!document) return undefined;
  const analysis = await ctx.store.analysisOf(document);
  if (!analysis) return undefined;
  const links = linksAt(analysis, analysis.lines.offsetAt(params.position));
  return links ? { links, analysis, uri: document.uri } : undefined;
}

const location = (analysis: FileAnalysis, uri: string) => (s: Span): Location => ({ uri, range: analysis.lines.rangeOf(s.start, s.end) });

export const navigationFeature: Feature = {
  capabilities: () => ({ definitionProvider: true, referencesProvider: true, documentHighlightProvider: true }),
  register(ctx) {
    ctx.connection.onDefinition(async (params) => {
      const found = await linksFor(ctx, params);
      return found ? found.links.definitions.map(location(found.analysis, found.uri)) : null;
    });
    ctx.connection.onReferences(async (params) => {
      const found = await linksFor(ctx, params);
      if (!found) return null;
      const spans = params.context.includeDeclaration ? [...found.links.definitions, ...found.links.references] : found.links.references;
      return spans.map(location(found.analysis, found.uri));
    });
    ctx.connection.onDocumentHighlight(async (params): Promise<DocumentHighlight[] | null> => {
      const found = await linksFor(ctx, params);
      if (!found) return null;
      const { links, analysis } = found;
      return [
        ...links.definitions.map((s) => ({ range: analysis.lines.rangeOf(s.start, s.end), kind: DocumentHighlightKind.Write })),
        ...links.references.map((s) => ({ range: analysis.lines.rangeOf(s.start, s.end), kind: DocumentHighlightKind.Read })),
      ];
    });
  },
};
