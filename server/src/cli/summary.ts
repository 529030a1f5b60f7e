/** The last line of the text and github formats: how many findings, by severity, in the user's language. */
import { t, type Locale } from '../l10n';
import type { Severity } from '../rules/types';
import type { CliFinding } from './formats';

export function summaryLine(locale: Locale, findings: readonly CliFinding[]): { text: string; errors: number; warnings: number } {
  const count = (s: Severity): number => findings.filter((f) => f.severity === s).length;
  const errors = count('error');
  const warnings = count('warning');
  if (findings.length === 1) {
    // "1 finding (1 errors, 0 warnings…)" reads badly: name the one severity instead.
    const kind = errors === 1 ? 'error' : warnings === 1 ? 'warning' : 'note';
    return { text: t(locale, `cli.summary-one-${kind}`), errors, warnings };
  }
  // "1 warning", "3 notes": each count with its own plural form.
  const counted = (kind: string, n: number): string => t(locale, `cli.count.${kind}.${n === 1 ? 'one' : 'other'}`, { n });
  const parts = [counted('error', errors), counted('warning', warnings), counted('note', count('information') + count('hint'))].join(t(locale, 'cli.summary-separator'));
  const text = t(locale, 'cli.summary', { count: findings.length, parts });
  return { text, errors, warnings };
}
