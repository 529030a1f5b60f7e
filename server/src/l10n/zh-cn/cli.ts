/** Simplified Chinese texts of the command line (keys mirror `en/cli.ts`). */
export const cliZhCn: Record<string, string> = {
  'cli.summary': '共 {count} 个问题（{errors} 个错误，{warnings} 个警告，{notes} 个提示）',
  'cli.summary-one': '共 {count} 个问题（{errors} 个错误，{warnings} 个警告，{notes} 个提示）',
  'cli.cannot-read': '无法读取 {file}',
  'cli.cannot-read-config': '无法读取配置文件 {file}',
  'cli.rule-failed': '规则 {rule} 在 {file} 上执行失败：{error}',
  'cli.usage': '用法：\n  podsight check 文件|目录... [选项]      检查 Kubernetes 清单（目录：其中所有 *.yaml / *.yml）\n  podsight diagram 文件 [--pod 名称] [--out pod.svg] [--lang en|zh-cn]\n                                         把文件中的一个 Pod 画成 SVG（默认：第一个 Pod，输出到标准输出）\n  podsight lsp --stdio                   启动语言服务器（适用于任何 LSP 客户端）\n\ncheck 的选项：\n  --format text|json|sarif   输出格式（默认：text）\n  --lang en|zh-cn            消息语言（默认：取自 LANG）\n  --config 文件              配置文件（默认：从当前目录向上查找 .podsight.yaml）\n  --rule 规则=级别           覆盖某条规则：error、warning、information、hint 或 off（可重复）\n  --no-config                忽略 .podsight.yaml\n\n退出码：0 没有错误级别的问题，1 至少有一个错误，2 用法错误或输入无法读取。\n',
  'cli.unknown-command': '未知命令 "{command}"',
  'cli.unknown-option': '未知选项 {option}',
  'cli.bad-format': '--format 只能是 text、json 或 sarif',
  'cli.bad-rule': '--rule 的格式为 规则=error|warning|information|hint|off',
  'cli.no-file': '没有指定文件',
  'cli.one-file': '只能指定一个文件',
};
