/**
 * When `podsight check` exits 1, as linters let CI choose: `--fail-on LEVEL` (the lowest severity
 * that fails the run; default error, `never` to report only) and `--max-warnings N` (fail when
 * there are more than N warnings, as ESLint's option).
 */
import type { Severity } from '../rules/types';

export const FAIL_LEVELS = ['error', 'warning', 'information', 'hint', 'never'] as const;
export type FailLevel = (typeof FAIL_LEVELS)[number];

export interface ExitPolicy {
  readonly failOn: FailLevel;
  readonly maxWarnings?: number;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** 1 when the findings fail the run under the policy, else 0. */
export function exitCodeFor(findings: readonly { readonly severity: Severity }[], policy: ExitPolicy): 0 | 1 {
  if (policy.failOn !== 'never' && findings.some((f) => RANK[f.severity] <= RANK[policy.failOn as Severity])) return 1;
  if (policy.maxWarnings !== undefined && findings.filter((f) => f.severity === 'warning').length > policy.maxWarnings) return 1;
  return 0;
}

/** Parses a `--fail-on` value. */
export function parseFailLevel(value: string | undefined): FailLevel | undefined {
  return FAIL_LEVELS.find((l) => l === value);
}

/** Parses a `--max-warnings` value: a whole number ≥ 0 (−1 means no limit, as in ESLint). */
export function parseMaxWarnings(value: string | undefined): number | null | undefined {
  if (value === '-1') return null;
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}
