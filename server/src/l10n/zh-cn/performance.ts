/** 文件大小限制（`file-too-large`）的简体中文文本。 */
export const performanceZhCn = {
  'file-too-large.message': 'Podsight 跳过了此文件：文件大小为 {size} MB，超过了 {limit} MB 的上限。请拆分文件，或调高设置 podsight.maxFileSize。',
} as const;
