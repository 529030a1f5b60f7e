/** English texts of the command line (the findings themselves come from `rules.ts`). */
export const cliEn = {
  'cli.summary': '{count} findings ({errors} errors, {warnings} warnings, {notes} notes)',
  'cli.summary-one': '{count} finding ({errors} errors, {warnings} warnings, {notes} notes)',
  'cli.cannot-read': 'cannot read {file}',
  'cli.cannot-read-config': 'cannot read config {file}',
  'cli.rule-failed': 'rule {rule} failed on {file}: {error}',
} as const;
