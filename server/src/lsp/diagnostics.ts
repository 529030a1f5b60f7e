/** Findings → LSP diagnostics. */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import type { FileAnalysis } from '../core/analyze';
import { docsUrl, type Finding, type Severity } from '../rules/types';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * The `data` every Podsight diagnostic carries: the document version it was made for, so a code
 * action never applies a fix computed for another text. Nothing more: code actions find the
 * finding again by rule (the diagnostic's `code`) and range, and a big file publishes thousands of
 * diagnostics on every edit (the finding's facts were an eighth of the bytes, the rule id again
 * another twentieth). Undefined when made without a version (the CLI's objects, tests).
 */
export type DiagnosticData = number | undefined;

export function toDiagnostic(finding: Finding, analysis: FileAnalysis, uri: string, version?: number): Diagnostic {
  return {
    range: analysis.lines.rangeOf(finding.start, finding.end),
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    codeDescription: { href: docsUrl(finding.rule) },
    source: 'podsight',
    message: finding.message,
    // Left out when empty: a big file publishes thousands of diagnostics in one message.
    relatedInformation:
      finding.related.length > 0
        ? finding.related.map((r) => ({
            location: { uri, range: analysis.lines.rangeOf(r.start, r.end) },
            message: r.message,
          }))
        : undefined,
    tags: finding.tags?.map((tag) => (tag === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated)),
    data: version satisfies DiagnosticData,
  };
}
