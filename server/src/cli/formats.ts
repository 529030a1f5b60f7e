/** Output formats of `podsight check`: text for people, JSON for tools, SARIF 2.1.0 for code scanning. */
import type { Range } from '../core/line-index';
import { t, type Locale } from '../l10n';
import { ruleCatalogue } from '../rules';
import { docsUrl, type Severity } from '../rules/types';

/** One finding as the JSON contract prints it. */
export interface CliFinding {
  readonly file: string;
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
}

export function formatJson(findings: readonly CliFinding[]): string {
  return JSON.stringify(findings, null, 2) + '\n';
}

export function formatText(findings: readonly CliFinding[], color: boolean, locale: Locale = 'en'): string {
  const paint = (code: string, s: string): string => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const colors: Record<Severity, string> = { error: '31', warning: '33', information: '36', hint: '90' };
  const lines = findings.map(
    (f) =>
      `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${paint(colors[f.severity], f.severity)} ${f.message} ${paint('90', `[${f.rule}]`)}`,
  );
  const count = (s: Severity): number => findings.filter((f) => f.severity === s).length;
  const summary = t(locale, findings.length === 1 ? 'cli.summary-one' : 'cli.summary', { count: findings.length, errors: count('error'), warnings: count('warning'), notes: count('information') + count('hint') });
  return [...lines, summary].join('\n') + '\n';
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function formatSarif(findings: readonly CliFinding[]): string {
  const ruleIds = ruleCatalogue().map((r) => r.id);
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'podsight',
            informationUri: 'https://github.com/podsight/podsight',
            version: '0.1.0',
            rules: ruleIds.map((id) => ({ id, helpUri: docsUrl(id), shortDescription: { text: id } })),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: ruleIds.indexOf(f.rule),
          level: SARIF_LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file.split('\\').join('/') },
                // SARIF lines and columns are 1-based; columns here count UTF-16 code units.
                region: {
                  startLine: f.range.start.line + 1,
                  startColumn: f.range.start.character + 1,
                  endLine: f.range.end.line + 1,
                  endColumn: f.range.end.character + 1,
                },
              },
            },
          ],
        })),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
