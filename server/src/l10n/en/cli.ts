/** English texts of the command line (the findings themselves come from `rules.ts`). */
export const cliEn = {
  'cli.summary': '{count} findings ({errors} errors, {warnings} warnings, {notes} notes)',
  'cli.summary-one': '{count} finding ({errors} errors, {warnings} warnings, {notes} notes)',
  'cli.cannot-read': 'cannot read {file}',
  'cli.cannot-read-config': 'cannot read config {file}',
  'cli.rule-failed': 'rule {rule} failed on {file}: {error}',
  'cli.usage': 'Usage:\n  podsight check FILE|DIR... [options]   check Kubernetes manifests (directories: every *.yaml / *.yml)\n  podsight diagram FILE [--pod NAME] [--out pod.svg] [--lang en|zh-cn]\n                                         draw a pod of FILE as SVG (default: the first pod, to stdout)\n  podsight lsp --stdio                   start the language server (any LSP client)\n\nOptions for check:\n  --format text|json|sarif   output format (default: text)\n  --lang en|zh-cn            message language (default: from LANG)\n  --config FILE              config file (default: .podsight.yaml found from the current folder up)\n  --rule ID=LEVEL            override a rule: error, warning, information, hint or off (repeatable)\n  --no-config                ignore .podsight.yaml\n\nExit codes: 0 no error-severity finding, 1 at least one error, 2 bad usage or unreadable input.\n',
  'cli.unknown-command': 'unknown command "{command}"',
  'cli.unknown-option': 'unknown option {option}',
  'cli.bad-format': '--format must be text, json or sarif',
  'cli.bad-rule': '--rule takes ID=error|warning|information|hint|off',
  'cli.no-file': 'no file given',
  'cli.one-file': 'one file only',
} as const;
