/** Simplified Chinese texts of the command line (keys mirror `en/cli.ts`). */
export const cliZhCn: Record<string, string> = {
  'cli.summary': '共 {count} 个问题（{errors} 个错误，{warnings} 个警告，{notes} 个提示）',
  'cli.summary-one': '共 {count} 个问题（{errors} 个错误，{warnings} 个警告，{notes} 个提示）',
  'cli.cannot-read': '无法读取 {file}',
  'cli.cannot-read-config': '无法读取配置文件 {file}',
  'cli.rule-failed': '规则 {rule} 在 {file} 上执行失败：{error}',
};
