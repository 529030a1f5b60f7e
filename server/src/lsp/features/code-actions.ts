/**
 * `textDocument/codeAction`: quick fixes for Podsight diagnostics, found through the diagnostic's
 * `code` and `data` (rule, document version, facts) and its range — never its message — plus
 * "Fix all <rule> problems in this file" and `source.fixAll.podsight`. The fixes themselves are
 * pure functions in `server/src/fixes/`.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileAnalysis } from '../../core/analyze';
import { fixAll, fixesFor, type OffsetEdit } from '../../fixes';
import { t } from '../../l10n';
import type { Finding } from '../../rules/types';
import type { DiagnosticData } from '../diagnostics';
import type { ServerContext } from '../server';
import type { Feature } from './index';

/** The kind of the action that applies every safe preferred fix (e.g. on save). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.podsight`;

function toTextEdits(analysis: FileAnalysis, edits: readonly OffsetEdit[]): TextEdit[] {
  return edits.map((e) => ({ range: analysis.lines.rangeOf(e.start, e.end), newText: e.newText }));
}

/** The finding a diagnostic was made from: same rule and same range, in this very version. */
function findingFor(analysis: FileAnalysis, diagnostic: Diagnostic, version: number): Finding | undefined {
  const data = diagnostic.data as DiagnosticData | undefined;
  if (diagnostic.source !== 'podsight' || !data || data.rule !== diagnostic.code) return undefined;
  if (data.version !== undefined && data.version !== version) return undefined; // stale diagnostic
  const start = analysis.lines.offsetAt(diagnostic.range.start);
  const end = analysis.lines.offsetAt(diagnostic.range.end);
  return analysis.findings.find((f) => f.rule === data.rule && f.start === start && f.end === end);
}

function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** Computes the code actions for a request (exported for tests that have no connection). */
export function codeActions(analysis: FileAnalysis, document: Pick<TextDocument, 'uri' | 'version'>, params: CodeActionParams, options: Parameters<typeof fixAll>[1]): CodeAction[] {
  const { uri } = document;
  const only = params.context.only;
  const locale = options?.locale ?? 'en';
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    const rulesSeen = new Set<string>();
    for (const diagnostic of params.context.diagnostics) {
      const finding = findingFor(analysis, diagnostic, document.version);
      if (!finding) continue;
      for (const fix of fixesFor(analysis, finding, { options })) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          ...(fix.preferred ? { isPreferred: true } : {}),
          edit: { changes: { [uri]: toTextEdits(analysis, fix.edits) } },
        });
      }
      if (rulesSeen.has(finding.rule)) continue;
      rulesSeen.add(finding.rule);
      const all = fixAll(analysis, options, finding.rule);
      if (all.fixed.length > 1) {
        actions.push({
          title: t(locale, 'fix.all.rule', { rule: finding.rule }),
          kind: CodeActionKind.QuickFix,
          diagnostics: params.context.diagnostics.filter((d) => d.code === finding.rule),
          edit: { changes: { [uri]: toTextEdits(analysis, all.edits) } },
        });
      }
    }
  }
  // Only on request: source actions are for "fix all" commands and codeActionsOnSave.
  if (only && wants(only, FIX_ALL_KIND)) {
    const all = fixAll(analysis, options);
    if (all.edits.length > 0) {
      actions.push({ title: t(locale, 'fix.all.source'), kind: FIX_ALL_KIND, edit: { changes: { [uri]: toTextEdits(analysis, all.edits) } } });
    }
  }
  return actions;
}

export const codeActionsFeature: Feature = {
  capabilities: () => ({
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
  }),
  register(ctx: ServerContext) {
    ctx.connection.onCodeAction((params) => {
      const document = ctx.documents.get(params.textDocument.uri);
      if (!document) return [];
      const analysis = ctx.store.analyze(document);
      return codeActions(analysis, document, params, { ...ctx.store.optionsFor(document.uri), locale: ctx.locale() });
    });
  },
};
