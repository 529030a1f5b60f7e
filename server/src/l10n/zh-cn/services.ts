/** Service 及其选中的 Pod 相关的简体中文消息。 */
export const servicesZhCn = {
  'service-target-port.name':
    'Service "{service}" 把流量发往 {workloads} 的 Pod 中名为 "{value}" 的端口（{field}），但那里没有容器声明这个名字的端口。Endpoints 中不会有该端口，所以这个 Service 端口没有后端。已声明：{declared}。',
  'service-target-port.number':
    'Service "{service}" 把流量发往 {workloads} 的 Pod 的 {value} 端口（{field}），但那里没有容器声明 {value}，也没有进程监听它。连接将被拒绝。已声明：{declared}。未声明但实际监听（镜像默认或设置）：{listening}。',
  'service-target-port.number-unsure':
    'Service "{service}" 把流量发往 {workloads} 的 Pod 的 {value} 端口（{field}），但那里没有容器声明 {value}，Podsight 所知的镜像默认值和设置也都不监听它。除非某个进程仍在监听 {value}（端口写在代码或配置文件里），否则连接将被拒绝。已声明：{declared}。未声明但实际监听（镜像默认或设置）：{listening}。',
  'service-target-port.protocol':
    'Service "{service}" 把 {protocol} 流量发往名为 "{value}" 的端口（{field}），但被选中的容器只把 "{value}" 声明为 {declared}。Endpoints 按名称和协议一起查找具名端口，所以这个 Service 端口没有后端。',
  'service-target-port.suggest-either': ' 是否应为 {onPort}（声明在 Service 的端口 {port} 上）或 {alike}（拼写相近）？',
  'service-target-port.loopback':
    'Service "{service}" 把流量发往端口 {port}（{field} {value}），但容器 "{container}" 只在 Pod 的回环地址上绑定它（{origin}）。Service 的连接到达的是 Pod 的 IP，因此会被拒绝：请让该端口绑定所有地址（0.0.0.0），或让 Service 指向这样的端口。',
  'service-target-port.suggest': ' 是否应为 {suggestion}？',
  'service-target-port.related': 'Service 选中了容器 "{container}"。',
};
