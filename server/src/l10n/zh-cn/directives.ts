/** 注释指令（`# podsight-disable…`）与项目配置文件的简体中文消息。 */
export const directivesZhCn = {
  'unused-disable-directive.unused': '此指令{where}禁用了 {rule}，但没有可抑制的 {rule} 问题。请删除它，否则它会掩盖将来无人审查的问题。',
  'unused-disable-directive.unused-all': '此指令{where}禁用了所有规则，但没有可抑制的问题。请删除它。',
  'unused-disable-directive.unknown-rule': '未知规则 "{rule}"：没有 Podsight 规则使用此 ID，因此该指令不会抑制任何问题。规则列表见 README。',
  'unused-disable-directive.next-line': '对下一行',
  'unused-disable-directive.in-file': '在整个文件中',

  'config.invalid': 'Podsight 配置问题：{message}',
  'config.bad-pod-template': 'podTemplates 的第 {index} 项被忽略：它需要 apiVersion（API 组或 group/version）、kind 和 podSpecs（点分路径，例如 spec.template.spec）',
  'config.unknown-rule': 'rules: 下的未知规则 "{rule}"',
  'config.bad-level': '规则 "{rule}"：级别必须是 error、warning、information、hint 或 off',
  'config.unreadable': '无法读取 {file}：{message}',
};
