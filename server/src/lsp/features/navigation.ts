/**
 * Go to definition, find all references and document highlights for the names Podsight links:
 * in the file, volumes ↔ volumeMounts, container ports ↔ probes, lifecycle handlers and Service
 * targetPorts (navigation/links.ts); across the workspace, ConfigMap/Secret names and keys ↔ the
 * objects and their data, pod template labels ↔ the selectors that pick them, Ingress and route
 * backends ↔ the Services and their ports, claimName ↔ the PersistentVolumeClaim
 * (navigation/workspace-links.ts).
 */
import { DocumentHighlightKind, type DocumentHighlight, type Location } from 'vscode-languageserver';
import type { TextDocumentPositionParams } from 'vscode-languageserver';
import { linksAt, type Span } from '../../navigation/links';
import { workspaceLinksAt } from '../../navigation/workspace-links';
import type { ServerContext } from '../server';
import type { Feature } from './index';
import { placeLocator } from './workspace-places';

interface Found {
  readonly definitions: readonly Location[];
  readonly references: readonly Location[];
}

const defined = <T>(x: T | undefined): x is T => x !== undefined;

async function linksFor(ctx: ServerContext, params: TextDocumentPositionParams): Promise<Found | undefined> {
  const document = ctx.documents.get(params.textDocument.uri);
  if (!document) return undefined;
  const analysis = await ctx.store.analysisOf(document);
  if (!analysis) return undefined;
  const uri = document.uri;
  const offset = analysis.lines.offsetAt(params.position);
  const links = linksAt(analysis, offset);
  if (links) {
    const at = (s: Span): Location => ({ uri, range: analysis.lines.rangeOf(s.start, s.end) });
    return { definitions: links.definitions.map(at), references: links.references.map(at) };
  }
  const view = ctx.store.workspaceView(document);
  const across = workspaceLinksAt(analysis, offset, view);
  if (!across) return undefined;
  const at = placeLocator(uri, analysis, view);
  return { definitions: across.definitions.map(at).filter(defined), references: across.references.map(at).filter(defined) };
}

export const navigationFeature: Feature = {
  capabilities: () => ({ definitionProvider: true, referencesProvider: true, documentHighlightProvider: true }),
  register(ctx) {
    ctx.connection.onDefinition(async (params) => {
      const found = await linksFor(ctx, params);
      return found ? [...found.definitions] : null;
    });
    ctx.connection.onReferences(async (params) => {
      const found = await linksFor(ctx, params);
      if (!found) return null;
      return params.context.includeDeclaration ? [...found.definitions, ...found.references] : [...found.references];
    });
    ctx.connection.onDocumentHighlight(async (params): Promise<DocumentHighlight[] | null> => {
      const found = await linksFor(ctx, params);
      if (!found) return null;
      const here = (l: Location): boolean => l.uri === params.textDocument.uri;
      return [
        ...found.definitions.filter(here).map((l) => ({ range: l.range, kind: DocumentHighlightKind.Write })),
        ...found.references.filter(here).map((l) => ({ range: l.range, kind: DocumentHighlightKind.Read })),
      ];
    });
  },
};
