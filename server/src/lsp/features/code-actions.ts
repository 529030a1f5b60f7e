/**
 * `textDocument/codeAction`: quick fixes for Podsight diagnostics, found through the diagnostic's
 * `code` and `data` (rule, document version) and its range — never its message — plus
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

/** The first finding starting at or after `offset` (findings are sorted by start). */
function firstAtOrAfter(findings: readonly Finding[], offset: number): number {
  let lo = 0;
  let hi = findings.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((findings[mid] as Finding).start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The finding a diagnostic was made from: same rule and same range, in this very version. */
function findingFor(analysis: FileAnalysis, diagnostic: Diagnostic, version: number): Finding | undefined {
  // Only the file's own diagnostics carry their version (a render's carry an object: no fixes there).
  const madeFor = diagnostic.data as DiagnosticData;
  if (diagnostic.source !== 'podsight' || typeof diagnostic.code !== 'string' || typeof madeFor !== 'number') return undefined;
  if (madeFor !== version) return undefined; // stale diagnostic
  const rule = diagnostic.code;
  const start = analysis.lines.offsetAt(diagnostic.range.start);
  const end = analysis.lines.offsetAt(diagnostic.range.end);
  // A binary search, so the cost does not grow with the number of findings in the file.
  for (let i = firstAtOrAfter(analysis.findings, start); i < analysis.findings.length; i++) {
    const f = analysis.findings[i] as Finding;
    if (f.start !== start) break;
    if (f.rule === rule && f.end === end) return f;
  }
  return undefined;
}

/** What a "fix all of a rule" action carries until it is resolved. */
interface FixAllData {
  readonly podsightFixAll: { readonly uri: string; readonly version: number; readonly rule: string };
}

function isFixAllData(data: unknown): data is FixAllData {
  const d = (data as Partial<FixAllData> | undefined)?.podsightFixAll;
  return !!d && typeof d.uri === 'string' && typeof d.version === 'number' && typeof d.rule === 'string';
}

function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** Computes the code actions for a request (exported for tests that have no connection). */
/**
 * `lazyFixAll`: the client resolves an action's edit (`codeAction/resolve`), so "Fix all <rule>
 * problems" is offered after checking only that two fixes exist, and its edits are computed when
 * picked. Without it the edits are computed now, which costs every finding of the rule.
 */
export function codeActions(
  analysis: FileAnalysis,
  document: Pick<TextDocument, 'uri' | 'version'>,
  params: CodeActionParams,
  options: Parameters<typeof fixAll>[1],
  lazyFixAll = false,
): CodeAction[] {
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
      const all = fixAll(analysis, options, finding.rule, lazyFixAll ? 2 : Infinity);
      if (all.fixed.length > 1) {
        const action: CodeAction = {
          title: t(locale, 'fix.all.rule', { rule: finding.rule }),
          kind: CodeActionKind.QuickFix,
          diagnostics: params.context.diagnostics.filter((d) => d.code === finding.rule),
        };
        if (lazyFixAll) action.data = { podsightFixAll: { uri, version: document.version, rule: finding.rule } } satisfies FixAllData;
        else action.edit = { changes: { [uri]: toTextEdits(analysis, all.edits) } };
        actions.push(action);
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

/** Fills in the edit of a lazily offered "fix all" action; a stale one (older version) gets none. */
export function resolveCodeAction(action: CodeAction, analysisOf: (uri: string, version: number) => FileAnalysis | undefined, options: Parameters<typeof fixAll>[1]): CodeAction {
  if (!isFixAllData(action.data) || action.edit) return action;
  const { uri, version, rule } = action.data.podsightFixAll;
  const analysis = analysisOf(uri, version);
  if (!analysis) return action;
  return { ...action, edit: { changes: { [uri]: toTextEdits(analysis, fixAll(analysis, options, rule).edits) } } };
}

let resolvesEdits = false;

export const codeActionsFeature: Feature = {
  capabilities: (params) => {
    resolvesEdits = !!params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
    return { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: resolvesEdits } };
  },
  register(ctx: ServerContext) {
    ctx.connection.onCodeAction(async (params) => {
      const document = ctx.documents.get(params.textDocument.uri);
      if (!document) return [];
      // The document is still at the analysed version when this returns one (nothing awaits after).
      const analysis = await ctx.store.analysisOf(document);
      if (!analysis) return [];
      return codeActions(analysis, document, params, { ...ctx.store.optionsFor(document.uri), locale: ctx.locale() }, resolvesEdits);
    });
    ctx.connection.onCodeActionResolve((action) => {
      const uri = isFixAllData(action.data) ? action.data.podsightFixAll.uri : undefined;
      const document = uri ? ctx.documents.get(uri) : undefined;
      if (!document) return action;
      const analysisOf = (u: string, version: number): FileAnalysis | undefined => (u === document.uri && version === document.version ? ctx.store.analyze(document) : undefined);
      return resolveCodeAction(action, analysisOf, { ...ctx.store.optionsFor(document.uri), locale: ctx.locale() });
    });
  },
};
