/**
 * Code lenses above each pod spec: "N containers · one IP · P ports · V volumes · K problems",
 * and "Show diagram" when the client contributes that command. `podsight.codeLens.enable` turns
 * them off; `podsight.codeLens.showDiagram` hides the diagram action.
 */
import { CodeLensRefreshRequest, type CodeLens } from 'vscode-languageserver';
import { t, type Locale } from '../../l10n';
import { podSummaries, type PodSummary } from '../../navigation/pod-summary';
import type { Feature } from './index';

/** The command the diagram feature contributes. */
export const SHOW_DIAGRAM_COMMAND = 'podsight.showDiagram';

function count(locale: Locale, what: string, n: number): string {
  return t(locale, `lens.${what}.${n === 1 ? 'one' : 'other'}`, { n });
}

/** The summary line of a pod. */
export function summaryTitle(locale: Locale, s: PodSummary): string {
  return [
    count(locale, 'containers', s.containers),
    t(locale, s.hostNetwork ? 'lens.host-network' : 'lens.one-ip'),
    count(locale, 'ports', s.ports),
    count(locale, 'volumes', s.volumes),
    count(locale, 'problems', s.problems),
  ].join(' · ');
}

export const codeLensFeature: Feature = {
  capabilities: () => ({ codeLensProvider: { resolveProvider: false } }),
  register(ctx) {
    ctx.onSettingsChanged(() => {
      // Lenses depend on settings; ask the client to re-request them (when it can).
      ctx.connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    });
    ctx.connection.onCodeLens(async (params): Promise<CodeLens[] | null> => {
      const document = ctx.documents.get(params.textDocument.uri);
      if (!document) return null;
      const settings = await ctx.settings(document.uri);
      if (settings.codeLens?.enable === false) return [];
      const current = ctx.documents.get(params.textDocument.uri);
      if (!current) return null;
      const analysis = await ctx.store.analysisOf(current);
      if (!analysis) return null;
      const locale = ctx.locale();
      const diagram = ctx.initOptions().diagramCommand === true && settings.codeLens?.showDiagram !== false;
      return podSummaries(analysis).flatMap((s) => {
        const range = analysis.lines.rangeOf(s.start, s.end);
        // An empty command id makes VS Code show the lens as plain text.
        const lenses: CodeLens[] = [{ range, command: { title: summaryTitle(locale, s), command: '' } }];
        if (diagram) lenses.push({ range, command: { title: t(locale, 'lens.show-diagram'), command: SHOW_DIAGRAM_COMMAND, arguments: [current.uri, range.start, s.index] } });
        return lenses;
      });
    });
  },
};
