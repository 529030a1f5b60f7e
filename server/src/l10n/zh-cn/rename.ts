/** 重命名相关的简体中文消息。 */
export const renameZhCn = {
  'rename.not-here':
    'Podsight 可以重命名容器端口名（在其声明处或使用它的探针处）、卷名（在卷或挂载处）、ConfigMap 或 Secret 的键（在数据条目或读取它的引用处，且该对象在工作区中），以及标签的键或值（在 Pod 模板或选择器处）。',
  'rename.config-key-read-whole':
    '未重命名 {kind}“{name}”的键“{key}”：{pod} 读取整个 {kind}（envFrom，或不带 items 的卷），在那里键是应用程序使用的变量名或文件名。',
  'rename.invalid-config-key': '“{name}”不是有效的 ConfigMap 或 Secret 键：{reason}。',
  'rename.invalid-label-key': '“{name}”不是有效的标签键：{reason}。',
  'rename.invalid-label-value': '“{name}”不是有效的标签值：{reason}。',
  'rename.immutable-selector': '已有工作负载的选择器',
  'rename.immutable-selector.why': 'API 服务器不允许修改已有 Deployment、StatefulSet、DaemonSet、ReplicaSet 或 Job 的 spec.selector：在删除并重新创建该对象之前，kubectl apply 会失败。',
  'rename.invalid-port-name': '“{name}”不是有效的端口名：{reason}。',
  'rename.invalid-volume-name': '“{name}”不是有效的卷名：{reason}。',
};
