/**
 * Faults the LSP robustness tests inject, chosen by the environment variable
 * `PODSIGHT_TEST_FAULTS` read once when the server starts (never by anything a workspace or a
 * document can set). Unset in normal use: the server runs exactly the shipped rules.
 */
import { rules } from '../rules';
import type { Rule } from '../rules/types';

/** A rule that always throws, to prove a failing rule is contained and logged once. */
export const THROWING_RULE: Rule = {
  id: 'test-throwing-rule',
  defaultSeverity: 'error',
  check() {
    throw new Error('injected failure (PODSIGHT_TEST_FAULTS=throwing-rule)');
  },
};

/** The rules the server runs, given the value of `PODSIGHT_TEST_FAULTS`. */
export function serverRules(faults: string | undefined): readonly Rule[] {
  const set = new Set((faults ?? '').split(',').map((s) => s.trim()));
  return set.has('throwing-rule') ? [THROWING_RULE, ...rules] : rules;
}
