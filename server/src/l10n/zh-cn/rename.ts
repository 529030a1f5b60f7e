/** 重命名相关的简体中文消息。 */
export const renameZhCn = {
  'rename.not-here': 'Podsight 可以重命名容器端口名（在其声明处或使用它的探针处）或卷名（在卷或挂载处）。',
  'rename.invalid-port-name': '"{name}" 不是有效的端口名：{reason}。',
  'rename.invalid-volume-name': '"{name}" 不是有效的卷名：{reason}。',
};
