/** The CLI's help text. */
export const usage = `Usage:
  podsight check FILE|DIR... [options]   check Kubernetes manifests (directories: every *.yaml / *.yml)
  podsight diagram FILE [--pod NAME] [--out pod.svg] [--lang en|zh-cn]
                                         draw a pod of FILE as SVG (default: the first pod, to stdout)
  podsight lsp --stdio                   start the language server (any LSP client)

Options for check:
  --format text|json|sarif   output format (default: text)
  --lang en|zh-cn            message language (default: from LANG)
  --config FILE              config file (default: .podsight.yaml found from the current folder up)
  --rule ID=LEVEL            override a rule: error, warning, information, hint or off (repeatable)
  --no-config                ignore .podsight.yaml

Exit codes: 0 no error-severity finding, 1 at least one error, 2 bad usage or unreadable input.
`;
