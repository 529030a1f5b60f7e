/** `textDocument/completion`: schema keys, pod snippets and values that know the pod. */
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
} from 'vscode-languageserver';
import { complete, type PodCompletion } from '../../completion';
import { t } from '../../l10n';
import type { Feature } from './index';

const KINDS: Record<PodCompletion['kind'], CompletionItemKind> = {
  field: CompletionItemKind.Property,
  snippet: CompletionItemKind.Snippet,
  enum: CompletionItemKind.EnumMember,
  volume: CompletionItemKind.Reference,
  'port-name': CompletionItemKind.Reference,
  'port-number': CompletionItemKind.Value,
  'free-port': CompletionItemKind.Value,
  boolean: CompletionItemKind.Value,
  'config-name': CompletionItemKind.Reference,
  'config-key': CompletionItemKind.Field,
};

export const completionFeature: Feature = {
  capabilities: () => ({ completionProvider: { triggerCharacters: [' ', ':', '-'], resolveProvider: false } }),
  register(ctx) {
    ctx.connection.onCompletion(async (params): Promise<CompletionList | null> => {
      const document = ctx.documents.get(params.textDocument.uri);
      if (!document) return null;
      const analysis = await ctx.store.analysisOf(document);
      if (!analysis) return null;
      const offset = analysis.lines.offsetAt(params.position);
      const locale = ctx.locale();
      const options = ctx.store.optionsFor(document.uri);
      const result = complete(
        analysis,
        offset,
        (key, args) => t(locale, key, args),
        {
          yamlExtensionActive: ctx.initOptions().yamlExtensionActive === true,
          workspace: () => ctx.store.workspaceView(document),
          podTemplates: options.podTemplates,
        },
        options.images,
      );
      if (!result || result.items.length === 0) return null;
      // One line, from the typed word's start to its end (never before the cursor, as LSP requires).
      const range = {
        start: { line: result.line, character: Math.min(result.replaceStart, params.position.character) },
        end: { line: result.line, character: Math.max(result.replaceEnd, params.position.character) },
      };
      const items = result.items.map(
        (item): CompletionItem => ({
          label: item.label,
          kind: KINDS[item.kind],
          detail: item.detail,
          documentation: item.documentation ? { kind: MarkupKind.Markdown, value: item.documentation } : undefined,
          sortText: item.sortText,
          filterText: item.filterText,
          insertTextFormat: item.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
          insertTextMode: InsertTextMode.adjustIndentation,
          textEdit: { range, newText: item.insertText },
          preselect: item.kind === 'free-port' && item.sortText.startsWith('00') ? true : undefined,
        }),
      );
      return { isIncomplete: false, items };
    });
  },
};
