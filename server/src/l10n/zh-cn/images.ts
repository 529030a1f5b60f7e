/** Simplified Chinese validation messages for user image knowledge (keys mirror `en/images.ts`). */
export const imagesZhCn: Record<string, string> = {
  'images.a-list': '一个列表',
  'images.an-object': '一个对象',
  'images.ports-list': '{at}：应为端口号或 { port, protocol } 对象组成的列表，实际为 {got}',
  'images.port-field': '{at}：未知字段 "{field}"（应为 port、protocol）',
  'images.protocol': '{at}：应为 TCP、UDP 或 SCTP，实际为 {got}',
  'images.port-number': '{at}：应为 1 到 65535 之间的端口号，实际为 {got}',
  'images.dirs-list': '{at}：应为绝对路径组成的列表，实际为 {got}',
  'images.dir': '{at}：应为绝对路径，实际为 {got}',
  'images.root': 'images：应为以镜像仓库名为键的对象（例如 { "nginx": { "ports": [8080] } }），实际为 {got}',
  'images.bad-key': '{at}：不是镜像仓库名（应类似 "nginx"、"grafana/grafana" 或 "registry.example.com/team/app"，且为小写）',
  'images.tag-ignored': '{at}：标签或摘要会被忽略，此条目适用于 "{repository}" 的所有标签',
  'images.entry': '{at}：应为包含 ports、populatedDirs 和/或 dataDirs 的对象，实际为 {got}',
  'images.entry-field': '{at}：未知字段 "{field}"（应为 ports、populatedDirs、dataDirs）',
  'images.duplicate': '{at}：另一个键也指向 "{repository}"；两者的字段会合并，以此条为准',
};
