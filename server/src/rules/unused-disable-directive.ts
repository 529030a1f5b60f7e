/**
 * unused-disable-directive: a `# podsight-disable…` comment that suppresses nothing, or names a
 * rule that does not exist. Greyed out (unnecessary) so stale suppressions get noticed and removed.
 * File-level: directives are applied after the chunk findings are combined (core/directives.ts).
 */
import type { DirectiveProblem } from '../core/directives';
import type { Finding, Severity } from './types';

export const UNUSED_DIRECTIVE_RULE = 'unused-disable-directive';

export const unusedDisableDirective = {
  id: UNUSED_DIRECTIVE_RULE,
  defaultSeverity: 'information' as Severity,
  tags: ['unnecessary'] as const,
};

/** Turns directive problems into findings (severity from the options, default information). */
export function directiveFindings(
  problems: readonly DirectiveProblem[],
  severity: Severity,
  t: (key: string, args?: Readonly<Record<string, string | number>>) => string,
): Finding[] {
  return problems.map((p) => {
    const where = t(p.kind === 'file' ? 'unused-disable-directive.in-file' : 'unused-disable-directive.next-line');
    const message =
      p.reason === 'unknown-rule'
        ? t('unused-disable-directive.unknown-rule', { rule: p.rule ?? '' })
        : p.reason === 'unused'
          ? t('unused-disable-directive.unused', { rule: p.rule ?? '', where })
          : t('unused-disable-directive.unused-all', { where });
    return {
      rule: UNUSED_DIRECTIVE_RULE,
      severity,
      message,
      start: p.start,
      end: p.end,
      related: [],
      data: { reason: p.reason, kind: p.kind, ruleId: p.rule },
      tags: unusedDisableDirective.tags,
    };
  });
}
