/**
 * Simplified Chinese diagnostic messages (keys mirror `en/rules.ts`; a test checks none is missing).
 * The quoted kubectl / API-server messages stay in English: that is what kubectl prints.
 */
export const rulesZhCn: Record<string, string> = {
  'common.did-you-mean': ' 是否想写 "{suggestion}"？',

  'yaml-syntax.message': 'YAML 语法错误：{message}',
  'yaml-syntax.empty-key':
    '这个键会被读成 null（它是空的，或写成 `~`、`null`）。Kubernetes 对象是 JSON，键只能是字符串：kubectl 无法转换这个映射（"unsupported map key"），会拒绝整个文件。请写上字段名，或删掉这一行。',
  'yaml-syntax.duplicate-key':
    '键 "{key}" 在同一个映射中出现了两次。Kubernetes 只保留最后一个值，严格校验时还可能拒绝该对象（"key already set in map"）；请删掉其中一个。',
  'templated-file.message':
    '该文档包含模板动作（{{ }}），即使屏蔽这些动作，渲染之前它仍不是合法的 YAML，因此 Podsight 没有检查它。请先渲染（例如用 `helm template`）再检查。',
  'templated-file.ytt':
    '这个文档是 ytt 模板：其 `#@` 注解会在 ytt 渲染时设置值、重复或删除部分内容。Podsight 把注解设置的 {count} 个值视为未知后检查了它，并且不报告其 {blocks} 个 `if`/`for`/`def` 块内的问题。请检查 `ytt -f …` 的输出以检查全部内容。',
  'templated-file.ytt-overlay':
    '这个文档是 ytt overlay（`#@overlay/match`）：ytt 会把它合并到匹配的文档中，它不是完整的对象，因此 Podsight 不检查它。请检查 `ytt -f …` 的输出以检查合并结果。',
  'templated-file.tokens':
    '该文档含有在 `kubectl apply` 之前由 `sed` 或 CI 步骤替换的占位符（如 `{token}`，共 {count} 个），替换之前它还不是将要应用的清单。Podsight 在屏蔽这些占位符后检查了它：它们插入的内容是未知的，因此不报告任何依赖它们的问题。请检查替换后的输出以检查全部内容。',
  'templated-file.placeholders':
    '该文档要在替换其中 {count} 个 `${…}` 占位符（envsubst、Flux postBuild 替换）之后才是合法的 YAML。Podsight 在屏蔽这些占位符后检查了它：它们插入的内容是未知的，因此不报告任何依赖它们的问题。请先替换（例如 `envsubst < file.yaml`）以检查全部内容。',
  'templated-file.engine':
    '这个文档是 {engine} 模板：在 {engine} 渲染之前它不是 YAML。Podsight 在屏蔽其 {count} 个指令和插值后检查了它：它们插入的内容未知，因此不报告依赖这些内容的问题，也不报告其 {blocks} 个条件或循环块内的问题。渲染后再检查即可覆盖全部内容。',
  'templated-file.directives':
    '该文档是 Terraform 模板：要等 `templatefile()` 渲染其中 {count} 个 `%{…}` 指令和 `${…}` 插值之后才是合法的 YAML。Podsight 在屏蔽它们后检查了它：它们插入的内容是未知的，因此不报告任何依赖它们的问题，{blocks} 个 `%{ if }`/`%{ for }` 块内的内容也不报告。请先渲染（例如用 `terraform console`）以检查全部内容。',
  'templated-file.masked':
    '该文档包含 {actions}（{{ }}）。Podsight 在屏蔽这些动作后检查了它：动作生成的值和插入的行都是未知的，因此不报告任何依赖它们的问题{blocks}请先渲染（例如用 `helm template`）以检查全部内容。',
  'templated-file.masked-other':
    '该文档包含 Go 模板无法读取的 {actions}（{{ }}，为 Jinja、Mustache 或脚本的 `sed` 编写），`helm template` 无法渲染。Podsight 在屏蔽这些动作后检查了它：动作生成的值和插入的行都是未知的，因此不报告任何依赖它们的问题{blocks}请用填充它的工具渲染后再检查全部内容。',
  'templated-file.message-other':
    '该文档包含 Go 模板无法读取的模板动作（{{ }}，为 Jinja、Mustache 或脚本的 `sed` 编写），即使屏蔽这些动作也不是合法 YAML，因此 Podsight 没有检查它。请用填充它的工具渲染后再检查。',
  'templated-file.actions.one': '1 个模板动作',
  'templated-file.actions.other': '{n} 个模板动作',
  'templated-file.blocks.none': '。',
  'templated-file.blocks.one': '，`if`/`range`/`with` 块内的内容也不报告。',
  'templated-file.blocks.other': '，{n} 个 `if`/`range`/`with` 块内的内容也不报告。',

  'port-conflict.message':
    '端口 {port}/{protocol} 已由同时运行的容器 "{other}" 声明。Pod 内所有容器共享同一个网络命名空间，第二个绑定 {port} 的进程会因 "Address already in use" 失败，其容器将反复崩溃重启。kubectl apply 只会给出警告："{path}: duplicate port definition with {otherPath}"。',
  'port-conflict.init':
    '端口 {port}/{protocol} 已由容器 "{other}" 声明。Init 容器与在它之前启动的边车容器运行在同一个网络命名空间中，第二个绑定 {port} 的进程会因 "Address already in use" 失败。',
  'port-conflict.unsure':
    '端口 {port}/{protocol} 也由同时运行的容器 "{other}" 声明。容器 "{unsure}" 中的 {image} 是否真的监听该端口无法确定：{why}。如果两个进程都绑定 {port}，第二个会因 "Address already in use" 失败；如果只有一个绑定，另一个声明只是误导读者和工具的副本。kubectl apply 会警告："{path}: duplicate port definition with {otherPath}"。',
  'port-conflict.declared':
    '端口 {port}/{protocol} 也由同时运行的容器 "{other}" 声明。只有声明说明了这些程序监听什么：如果两者都绑定 {port}，由于它们共享 Pod 的网络命名空间，第二个会因 "Address already in use" 失败（其容器反复崩溃重启）；如果其中一个实际监听别的端口，它的声明就是错的，会误导 Service 和读者。kubectl apply 只会给出警告："{path}: duplicate port definition with {otherPath}"。',
  'port-conflict.related': '容器 "{name}" 在此处声明了 {port}/{protocol}。',

  'implicit-port-conflict.message':
    '容器 "{name}"（{image}）监听 {listen}（{how}），容器 "{other}" 监听 {otherListen}（{otherHow}）。两者运行在同一个 Pod 网络命名空间中，后绑定 {port} 的进程会因 "Address already in use" 失败，其容器反复崩溃重启。containerPort 声明看不出这一点：声明既不会预留端口，也不会改变进程实际绑定的端口。',
  'implicit-port-conflict.related': '容器 "{name}" 在此监听 {listen}（{how}）。',

  'port-not-served.message':
    '容器 "{name}" 声明了 {port}/{protocol}，但 {image} 实际监听的是 {served}，而不是 {port}/{protocol}。声明不会改变任何东西：连接端口 {port} 的 Service、探针和其他容器都会得到 "connection refused"。',
  'port-not-served.knative':
    '容器 "{name}" 没有声明端口，因此 Knative 的 queue-proxy 把请求转发到端口 {port}（并设置 PORT={port}），但 {image} 监听的是 {served}，且不读取 PORT。queue-proxy 对 {port} 的就绪检查永远不会通过：修订版本（Revision）永远不会就绪，请求都会失败。请声明它实际提供服务的端口（ports: [{containerPort: …}]）。',
  'port-not-served.probe':
    '容器 "{name}" 的 {where} 检查端口 {port}，但 Pod 中没有任何进程监听该端口：{image} 监听的是 {served}。kubelet 每次都会得到 "connection refused"：存活探针会让容器无休止地重启，就绪或启动探针会让 Pod 一直不进入它的 Service。',
  'port-not-served.loopback-host':
    '容器 "{container}" 的 {where}.host 是 {host}。kubelet 从节点上发出探测，所以 {host} 是节点自己的回环地址，而不是这个 Pod（它有自己的网络命名空间）：探针检查的是节点上监听的进程，没有进程时就失败（存活探针会让容器无休止地重启）。去掉 host 即可探测 Pod IP；Host 请求头请写在 httpHeaders 中。',
  'loopback.default-bind': '{program} 默认绑定 {address}，这里也没有设置其他地址',
  'port-not-served.loopback-listener':
    '容器 "{container}" 只在 Pod 的回环地址上监听端口 {port}（{origin}），但 kubelet 从节点向 Pod IP 发送 {where}：连接被拒绝，探针失败（存活探针会让容器一再重启，就绪探针会让 Pod 一直不进入其 Service）。请让该端口绑定所有地址（0.0.0.0），或探测其他端口。',
  'port-not-served.loopback-listener-sibling':
    '容器 "{binder}" 只在 Pod 的回环地址上占用端口 {port}（{origin}），此时 Pod 中任何进程都无法在所有地址上绑定该端口；kubelet 从节点向 Pod IP 发送容器 "{container}" 的 {where}：连接被拒绝，探针失败（存活探针会让容器一再重启，就绪探针会让 Pod 一直不进入其 Service）。',
  'port-not-served.loopback-listener-host-network':
    '容器 "{binder}" 只在回环地址上监听端口 {port}（{origin}）；在节点网络中这是节点的回环地址，但 kubelet 把容器 "{container}" 的 {where} 发往节点地址：连接被拒绝，探针失败（存活探针会让容器一再重启）。请用 host: 127.0.0.1 探测回环地址，或让该端口绑定所有地址。',
  'port-not-served.loopback-listener-related': '端口 {port} 在这里只绑定到回环地址：{origin}。',
  'port-not-served.nothing': '按当前设置不监听任何端口',
  'port-not-served.served': '{listen}（来源：{how}）',

  'listener.how.image': '镜像默认端口',
  'listener.how.image-script': '镜像默认端口：其 `sh -c` 脚本最后启动了该服务',
  'listener.how.setting': '由 {origin} 设置',
  'listener.how.config': '来自 {origin}',
  'listener.how.declared': '来自声明；Podsight 不认识这个镜像，只能以声明代表其进程',
  'listener.how.declared-extra': '来自声明；Podsight 不了解这个镜像可能打开的全部端口，只能以声明代表其中一个进程',
  'listener.how.command': '来自声明；`command` 替换了镜像的入口程序，镜像默认端口不再适用',
  'listener.how.args-program': '来自声明；args 运行的是 "{program}" 而不是镜像的服务程序，镜像默认端口不再适用',
  'listener.how.exit-flag': '来自声明；{flag} 让服务程序只打印或检查后退出，镜像默认端口不再适用',
  'listener.how.unsure': '来自声明；Podsight 无法确定进程绑定的端口：{why}',

  'host-port-conflict.rejected':
    '{hostIP} 上的 hostPort {hostPort}/{protocol} 已被容器 "{other}" 占用；节点只能把它交给一个监听者。kubectl apply 会拒绝："{path}: Duplicate value: "{tuple}""。',
  'host-port-conflict.runtime':
    '{hostIP} 上的 hostPort {hostPort}/{protocol} 已被同时运行的容器 "{other}" 占用；节点只能把它交给一个监听者。API 服务器不检查这种组合，因此 Pod 会被接受，随后启动失败。',
  'host-port-conflict.host-network':
    '使用 hostNetwork 时，API 服务器会把每个端口的 hostPort 设为它的 containerPort，因此容器 "{name}" 会在节点上占用 {hostPort}/{protocol}，而容器 "{other}" 也占用它；节点只能把它交给一个监听者。kubectl apply 会拒绝："{path}: Duplicate value: "{tuple}""。',
  'host-port-conflict.host-network-template':
    '使用 hostNetwork 时，{kind} 的控制器创建 Pod 时 API 服务器会把每个端口的 hostPort 设为它的 containerPort，因此容器 "{name}" 会在节点上占用 {hostPort}/{protocol}，而容器 "{other}" 也占用它。每个这样的 Pod 都会被拒绝，没有一个能运行：{kind} 的事件中会出现 FailedCreate："{path}: Duplicate value: "{tuple}""。',
  'host-port-conflict.related': '容器 "{name}" 在此处占用 hostPort {hostPort}/{protocol}。',

  'host-network-port-mismatch.message':
    '设置 hostNetwork: true 后，容器直接在节点上监听，因此 hostPort 必须等于 containerPort（{containerPort}）。kubectl apply 会拒绝："{path}: Invalid value: {hostPort}: must match `containerPort` when `hostNetwork` is true"。',
  'host-network-port-mismatch.related': '此处启用了 hostNetwork。',

  'invalid-port.required': '端口必须有 containerPort。kubectl apply 会拒绝："{path}: Required value"。',
  'invalid-port.not-integer': '{field} 必须是 1 到 65535 之间的整数，而不是 {value}。kubectl apply 无法解码该对象。',
  'invalid-port.range': '{field} {value} 超出了 1–65535 的范围。kubectl apply 会拒绝："{path}: Invalid value: {value}: must be between 1 and 65535, inclusive"。',
  'invalid-port.protocol':
    '不支持协议 "{value}"；请使用 TCP、UDP 或 SCTP（大写）。kubectl apply 会拒绝："{path}: Unsupported value: "{value}": supported values: "SCTP", "TCP", "UDP""。',
  'invalid-port.name':
    '端口名 "{value}" 不是合法的 IANA 服务名：{reason}。kubectl apply 会拒绝："{path}: Invalid value: "{value}": {reason}"。',
  'invalid-port.quoted-number':
    '加了引号的 "{value}" 是端口名，而不是数字 {value}；端口名必须含有字母。kubectl apply 会拒绝："{path}: Invalid value: "{value}": {reason}"。请去掉引号，写成 {value}。',
  'invalid-port.duplicate-name':
    '端口名 "{value}" 在容器 "{container}" 中用了两次；按名称引用它的探针和 Service 将无法确定指的是哪一个。kubectl apply 会拒绝："{path}: Duplicate value: "{value}""。',
  'invalid-port.service-name-required':
    '这个 Service 有 {count} 个端口，因此每个端口都需要名称（Service 和 Endpoints 靠名称区分它们）。kubectl apply 会拒绝：“{path}: Required value”。',
  'invalid-port.service-name':
    'Service 端口名 "{value}" 不是合法的 DNS-1123 label：{reason}。kubectl apply 会拒绝："{path}: Invalid value: "{value}": {reason}"。',
  'invalid-port.service-duplicate-name':
    '端口名 "{value}" 在这个 Service 中出现了两次。kubectl apply 会拒绝："{path}: Duplicate value: "{value}""。',
  'invalid-port.node-port-range':
    'nodePort {port} 不在节点端口范围 {min}–{max} 内（除非集群以其他 --service-node-port-range 启动）。API 服务器会拒绝这个 Service："{path}: Invalid value: {port}: provided port is not in the valid range. The range of valid ports is {min}-{max}"。请选用范围内的端口，或去掉 nodePort，由集群自动分配。',
  'invalid-port.node-port-cluster-ip':
    "ClusterIP 类型的 Service（默认类型）不会在节点上开放端口，所以不能设置 nodePort {port}；要从集群外访问，请使用 type: NodePort 或 LoadBalancer，否则删除 nodePort。kubectl apply 会拒绝：\"{path}: Forbidden: may not be used when `type` is 'ClusterIP'\"。",
  'invalid-port.node-port-duplicate':
    "nodePort {port}/{protocol} 在这个 Service 中用了两次：每个节点端口只能对应一个 Service 端口。kubectl apply 会拒绝：\"{path}: Duplicate value: {port}\"。",
  'invalid-port.service-duplicate-port':
    '端口 {port}/{protocol} 在这个 Service 中列出了两次。kubectl apply 会拒绝："{path}: Duplicate value: …Protocol:"{protocol}"…Port:{port}…"。',
  'invalid-port.service-duplicate-port-related': '端口 {port}/{protocol} 首次列在这里。',
  'invalid-port.duplicate-name-related': '端口名 "{value}" 第一次在此处声明。',

  'unknown-port-name.message':
    '{where} 引用了端口 "{name}"，但容器 "{container}" 没有声明这个端口。{didYouMean} API 服务器会接受它，但 kubelet 无法解析该名称，因此检查每次都会失败（存活探针会让容器无休止地重启，就绪探针会让 Pod 一直不被加入其 Service）。',

  'mount-shadows-image.message':
    '把卷 {volume} 挂载到 {mountPath} 会遮住镜像 {image} 在 {dir} 中自带的内容：{contents}。Kubernetes 从不把镜像文件复制到卷里（这一点与 Docker 命名卷不同），因此容器 "{container}" 启动时那里是一个空目录。',
  'mount-shadows-image.nginx-include':
    '挂载在 {mountPath} 的 ConfigMap "{configMap}" 替换了 nginx 的整个目录，而它的配置 include 了 {file}——ConfigMap 里没有这个文件，镜像自带的又被挂载遮住：nginx 启动时退出（"[emerg] open() "{file}" failed (2: No such file or directory)"）。请只用 subPath 挂载 nginx.conf，或把该文件加入 ConfigMap。',
  'mount-shadows-image.nginx-no-conf':
    '挂载在 {mountPath} 的 ConfigMap "{configMap}" 替换了 nginx 的整个目录，却没有 nginx.conf：nginx 启动时退出（"[emerg] open() "/etc/nginx/nginx.conf" failed (2: No such file or directory)"）。如果它包含 server 块，请挂载到 /etc/nginx/conf.d，或加入 nginx.conf。',
  'mount-shadows-image.config':
    '把 {source} 卷 "{name}" 挂载到 {mountPath} 会替换镜像 {image} 在 {dir} 中自带的内容：{contents}。那里只会有该 {source} 的各个键；如果仍需要镜像的其他文件，请用 subPath 只挂载单个文件。',
  'mount-shadows-image.persistent':
    '把卷 {volume} 挂载到 {mountPath} 会遮住镜像 {image} 在 {dir} 中自带的内容：{contents}。Kubernetes 从不把镜像文件复制到卷里，因此只有当该卷里已经有这些内容时才能正常工作。',
  'mount-shadows-image.over-file':
    '卷 {volume} 是一个目录，容器 "{container}" 把它挂载到 {mountPath}，而 {image} 在那里自带的是一个文件。容器运行时无法把目录挂载到文件上，因此容器根本不会被创建（"not a directory: Are you trying to mount a directory onto a file?"）。要在那里放一个文件，请用 subPath: {key} 只挂载卷中的一个键。',
  'invalid-image.whitespace-pod': '容器 "{container}" 的镜像前后有空格（"{image}"）。kubectl apply 会拒绝："{path}: Invalid value: "{image}": must not have leading or trailing whitespace"。',
  'invalid-image.whitespace-template': '容器 "{container}" 的镜像前后有空格（"{image}"）。kubectl apply 会接受这个 {kind}，但 API 服务器会拒绝由它创建的每个 Pod："{path}: Invalid value: "{image}": must not have leading or trailing whitespace"，因此一个 Pod 也不会被创建。',
  'invalid-image.registry-slip': '容器 "{container}" 从镜像仓库 "{host}" 拉取 "{image}"，它与 {meant} 只差一个字母。Pod 不会被拒绝：kubelet 会向 {host} 请求镜像，拉取会失败（ErrImagePull），或者拉到该域名所有者提供的任意内容。是否想写 {meant}？',
  'invalid-image.message':
    '容器 "{container}" 不会启动："{image}" 不是合法的镜像引用（{reason}）。API 服务器会接受这个 Pod，但 kubelet 无法解析该引用来拉取镜像，容器会停在 InvalidImageName。',
  'run-as-non-root.image-root':
    '容器 "{container}" 不会启动：runAsNonRoot 为 true 且未设置 runAsUser，kubelet 会检查镜像的用户，而 {image} 以 root 启动（镜像没有设置 USER：{source}）。kubelet 拒绝该容器："container has runAsNonRoot and image will run as root"，Pod 停在 CreateContainerConfigError。请把 runAsUser 设为镜像支持的非 root UID，或改用以数字非 root 用户运行的镜像。',
  'run-as-non-root.image-named':
    '容器 "{container}" 不会启动：runAsNonRoot 为 true 且未设置 runAsUser，kubelet 会检查镜像的用户，而 {image} 的用户写作名字 "{user}"（{source}），kubelet 无法确认它不是 root。kubelet 拒绝该容器："container has runAsNonRoot and image has non-numeric user ({user}), cannot verify user is non-root"，Pod 停在 CreateContainerConfigError。请设置 runAsUser: {uid}，即镜像中 {user} 的 UID。',
  'run-as-non-root.root-uid':
    '容器 "{container}" 不会启动：runAsNonRoot 为 true，而 runAsUser 为 0（root）。kubelet 拒绝该容器："container\'s runAsUser breaks non-root policy"，Pod 停在 CreateContainerConfigError。',
  'run-as-non-root.related': '此处设置了 runAsNonRoot: true',
  'mount-shadows-image.refused':
    '容器 "{container}" 把卷 "{volume}" 挂载到 {path}，而 {image}（PostgreSQL 18 及以上）在那里有挂载时会拒绝启动：它的入口脚本报错 "there appears to be PostgreSQL data in: {path} (unused mount/volume)" 后退出，容器反复崩溃重启。从 18 起数据位于 /var/lib/postgresql/18/docker：请把卷挂载到 {instead}，或者把 {env} 设为这个挂载中的一个目录（例如 {path}/pgdata）以保留此挂载。',
  'mount-shadows-image.volume': '"{name}"（{source}）',
  'mount-shadows-image.volume-unknown': '"{name}"',
  'mount-shadows-image.volume-defaulted': '"{name}"（未写卷来源，API 服务器会把它设为 emptyDir）',
  'mount-shadows-image.related': '镜像 {image} 在 {dir} 中自带 {contents}。',

  'nested-mount-path.message':
    '{mountPath} 位于 {parent} 之内，而该容器也挂载了 {parent}（卷 "{parentVolume}"）。内层挂载叠加在上面，因此在这个容器里，"{parentVolume}" 中 {mountPath} 下的文件会被卷 "{volume}" 遮住。',
  'nested-mount-path.related': '卷 "{parentVolume}" 在此处挂载到 {parent}。',

  'duplicate-mount-path.exact':
    'mountPath {mountPath} 在容器 "{container}" 中用了两次（卷 "{otherVolume}" 和 "{volume}"）。kubectl apply 会拒绝："{path}: Invalid value: "{mountPath}": must be unique"。',
  'duplicate-mount-path.normalised':
    '在容器 "{container}" 中，{mountPath} 与 {other}（卷 "{otherVolume}"）是同一个目录。API 服务器按字符串比较 mountPath，所以发现不了，但这两项指向容器中的同一个目录：两个卷在那里最多只能看到一个。请保留其中一个挂载，或把另一个移走。',
  'duplicate-mount-path.related': '卷 "{otherVolume}" 已在此处挂载到 {other}。',

  'undefined-volume.message':
    '容器 "{container}" 挂载了卷 "{name}"，但 {volumes} 中没有定义这个名称的卷。{didYouMean} kubectl apply 会拒绝："{path}: Not found: "{name}""。',
  'undefined-volume.open':
    '容器 "{container}" 挂载了卷 "{name}"，而 {volumes} 中没有定义它。{didYouMean} 使用这个模板的运行可能会提供同名的卷；如果没有，Pod 会被拒绝："Not found: "{name}""。',
  'undefined-volume.dropped':
    '容器 "{container}" 挂载了卷 "{name}"，但 {volumes} 中没有定义这个名字的卷。{didYouMean}KubeRay 构建 Pod 时会把这样的挂载从 Ray 容器中去掉，所以 Pod 会在没有它的情况下启动：这个挂载路径上没有卷的内容，容器写在那里的数据只留在它自己的文件系统中。',

  'undefined-volume.device':
    '容器 "{container}" 把卷 "{name}" 用作块设备（volumeDevices），但 {volumes} 中没有定义这个名称的卷。{didYouMean} kubectl apply 会拒绝："{path}: Not found: "{name}""。',
  'undefined-volume.device-open':
    '容器 "{container}" 把卷 "{name}" 用作块设备（volumeDevices），而 {volumes} 中没有定义它。{didYouMean} 使用这个模板的运行可能会提供同名的卷；如果没有，Pod 会被拒绝："Not found: "{name}""。',

  'unused-volume.message': '卷 "{name}"（{source}）没有被任何容器挂载；它被白白创建了。',
  'unused-volume.knative': '卷 "{name}"（{source}）没有被任何容器挂载，Knative 的 webhook 会拒绝：kubectl apply 失败，提示 "validation failed: volume with name "{name}" not mounted: {path}.name"。请在应用需要的位置挂载它，或删除它。',

  'duplicate-volume-name.message': '卷名 "{name}" 在这个 Pod 中已被使用。kubectl apply 会拒绝："{path}: Duplicate value: "{name}""。',
  'duplicate-volume-name.related': '卷 "{name}" 第一次在此处定义。',

  'duplicate-container-name.message':
    '容器名 "{name}" 已被 {other} 使用；容器名在 containers、initContainers 和 ephemeralContainers 之间必须唯一。kubectl apply 会拒绝："{path}: Duplicate value: "{name}""。',
  'duplicate-container-name.related': '容器 "{name}" 第一次在此处定义。',

  'hpa-missing-request.message':
    '{scaler} 按 {resource} 利用率扩缩 {workload}，但容器 "{container}" 没有 {resource} 请求（requests）。利用率是用量除以请求值，因此自动扩缩容器无法计算，永远不会扩缩：其 ScalingActive 条件变为 False，报告 "failed to get {resource} utilization: missing request for {resource} in container {container} of Pod …"（FailedGetResourceMetric）。两个对象在 apply 时都会被接受。请为该容器设置 resources.requests.{resource}（或改用 AverageValue 目标）。',
  'hpa-missing-request.partial':
    '{scaler} 按 {resource} 利用率扩缩 {workload}，但容器 "{container}" 没有 {resource} 请求（requests）。利用率是用量除以请求值，因此这个指标无法计算（"failed to get {resource} utilization: missing request for {resource} in container {container} of Pod …"）：自动扩缩容器只按其他指标扩容，且只要有指标失败就不会缩容。请为该容器设置 resources.requests.{resource}（或改用 AverageValue 目标）。',
  'hpa-missing-request.hpa': 'HorizontalPodAutoscaler "{name}"',
  'hpa-missing-request.scaled-object': 'ScaledObject "{name}"（通过 KEDA 为它创建的 HorizontalPodAutoscaler）',
  'hpa-missing-request.related': '{workload} 的容器 "{container}" 没有 {resource} 请求。',
  'invalid-name.empty': '{what}名称为空，而每个{what}都需要名称。kubectl apply 会拒绝："{path}: Required value"。',
  'invalid-name.message': '"{name}" 不是合法的{what}名称。kubectl apply 会拒绝："{path}: Invalid value: "{name}": {reason}"。',
  'invalid-name.generate-name': '"{name}" 不是合法的 {kind} 名称前缀。API 服务器会拒绝："{path}: Invalid value: "{name}": {reason}"。',
  'invalid-name.job-label':
    'Job 名称 "{name}" 有 {length} 个字符：Job 控制器会把它写入 Pod 的 job-name 标签，而标签值最多 63 个字符。kubectl apply 会拒绝："spec.template.labels: Invalid value: "{name}": must be no more than 63 characters"。请使用更短的名称。',
  'invalid-name.reserved-priority-class':
    '以 "system-" 开头的 PriorityClass 名称保留给 Kubernetes 自己创建的两个类（system-node-critical、system-cluster-critical）。kubectl apply 会拒绝："metadata.name: Forbidden: priority class names with \'system-\' prefix are reserved for system use only"。请换一个名称。',
  'invalid-name.object': '"{name}" 不是合法的 {kind} 名称。kubectl apply 会拒绝："{path}: Invalid value: "{name}": {reason}"。',
  'invalid-name.statefulset-hostname':
    'StatefulSet "{name}" 会被接受，但它的 Pod 一个都创建不了：每个 Pod 都以自己的名字（"{pod}"）作为主机名，而主机名必须是 RFC 1123 标签。控制器每次尝试都会报告 "spec.hostname: Invalid value: "{pod}": {reason}"。请使用不含点的名字。',
  'invalid-name.value': '"{name}" 不是有效的{what}。kubectl apply 会拒绝："{path}: Invalid value: "{name}": {reason}"。',
  'invalid-name.what.label-key': '标签键',
  'invalid-name.what.label-value': '标签值',
  'invalid-name.what.namespace': '命名空间名称',
  'invalid-name.what.config-key': '数据键（只能包含字母、数字、“-”、“_”和“.”）',
  'invalid-name.what.env': '环境变量名',
  'invalid-name.what.ingress-class': 'IngressClass 名称',
  'invalid-name.what.container': '容器',
  'invalid-name.what.volume': '卷',
  'invalid-name.what.hostname': '主机',
  'invalid-name.what.subdomain': '子域',

  'unknown-field.message': '{type} 中没有字段 "{key}"。',
  'yaml-syntax.block-comment':
    'YAML 语法错误：这行注释从第 {column} 列开始，比它所在的块标量 "{header}" 的文本更靠左。块标量在第一行缩进小于其文本的行处结束，注释行也一样，因此后面的行会被当作 YAML 解析并出错。请把注释缩进到第 {indent} 列，与块中的其他行对齐。',
  'yaml-syntax.block-comment.header': '块标量 "{header}" 从这里开始。',
  'yaml-syntax.more': '该文件中另有 {count} 个 YAML 语法错误未显示（只显示前 {shown} 个）。',
  'cr-claim.rejects': '在 {aKind} 中，kubectl apply 只按 CRD 的 schema 检查；要等 {kind} 的控制器创建 Pod（直接创建，或通过它生成的工作负载）时，API 服务器才会拒绝这个 Pod spec，错误出现在该 {kind} 的事件和状态中：',
  'cr-claim.rejects-run': '在 {aKind} 中，kubectl apply 只按 CRD 的 schema 检查；要等该 {kind} 的 {aRun} 创建 Pod 时，API 服务器才会拒绝它，错误出现在该 {run} 的状态中：',
  'cr-claim.warns-run': 'kubectl apply 对 {aKind} 不会给出任何警告；为 {run} 创建 Pod 的控制器才会收到 API 服务器的警告：',
  'cr-claim.knative-webhook': '在 Knative {kind} 中，Knative 的校验 webhook 会在 kubectl apply 时拒绝它（措辞不同）；API 服务器的同一检查写作：',
  'cr-claim.knative-later': '在 Knative {kind} 中，Knative 的 webhook 会在 kubectl apply 时按自己的规则检查 Pod spec（很多字段直接拒绝）；它放行的部分，要等 Knative 为修订版创建 Deployment 时，API 服务器才会拒绝，错误出现在该 {kind} 的状态中：',
  'cr-claim.tekton-webhook': '在 Tekton {kind} 中，Tekton 的校验 webhook 会在 kubectl apply 时拒绝它（step 的名称必须是 DNS 标签且在 steps 中唯一，卷名也必须唯一；措辞不同）；API 服务器的同一检查写作：',
  'cr-claim.argo-validation': '在 Argo {kind} 中，Argo 自己的校验会在任何 Pod 创建之前拒绝它：argo lint 和 argo submit 会报告，运行它的 Workflow 会失败，状态中写着 "invalid spec: …"。',
  'cr-claim.argo-volume': '在 Argo {kind} 中，workflow 控制器构建 Pod 时会在模板的 volumes、Workflow 的 volumes 和 volumeClaimTemplates 中查找每个挂载的卷；找不到时，该步骤失败，提示 "volume \'{name}\' not found in workflow spec"，不会创建 Pod（argo lint 不检查这一点）。',
  'cr-claim.volcano-webhook': '在 {kind} 中，Volcano 的校验 webhook 会像 API 服务器一样检查每个 task 的 Pod 模板，并在 kubectl apply 时拒绝它：',
  'cr-claim.warns': 'kubectl apply 对 {aKind} 不会给出任何警告；{kind} 的控制器创建 Pod 时，API 服务器只把警告返回给该控制器：',
  'cr-claim.decode': '如果 {kind} 的 CRD schema 没有在 apply 时拒绝它，其控制器也无法解码这个 Pod 模板。',
  'statefulset-claim.rejects': 'kubectl apply 会接受它，因为 API 服务器不检查 StatefulSet 的 Pod 模板；但 StatefulSet 控制器创建的每个 Pod 都会被拒绝，没有 Pod 能启动，StatefulSet 的事件中会出现 FailedCreate：',
  'template-claim.apply': '（处理 Template 后）oc process … | oc apply',
  'removed-api-version.seccomp-pod':
    '从 Kubernetes 1.27 起没有任何组件读取注解 {key}（kubectl apply 会警告："non-functional in v1.27+; use the \"seccompProfile\" field instead"）：Pod 的容器不会使用它要求的 seccomp 配置 "{value}"，除非 kubelet 默认启用 RuntimeDefault，否则不受限制地运行。请改用 spec.securityContext.seccompProfile。',
  'removed-api-version.seccomp-container':
    '从 Kubernetes 1.27 起没有任何组件读取注解 {key}（kubectl apply 会警告："non-functional in v1.27+; use the \"seccompProfile\" field instead"）：容器 "{container}" 不会使用它要求的 seccomp 配置 "{value}"，除非 kubelet 默认启用 RuntimeDefault，否则不受限制地运行。请改用该容器的 securityContext.seccompProfile。',
  'removed-api-version.seccomp-unconfined':
    '从 Kubernetes 1.27 起没有任何组件读取注解 {key}（kubectl apply 会警告："non-functional in v1.27+; use the \"seccompProfile\" field instead"）。在大多数集群上容器本来就不受限制，但启用了 seccompDefault 的 kubelet 会给它们 RuntimeDefault：要保持注解的意图，请设置 securityContext.seccompProfile（type: Unconfined）。',
  'removed-api-version.init-annotation':
    '注解 {key} 已在 Kubernetes 1.8 中移除：API 服务器读取 Pod 时会直接丢弃它，只有 spec.initContainers 会运行，因此其中列出的 init 容器（{names}）永远不会运行，Pod 会在缺少它们本应准备的内容的情况下启动。请把它们移到 spec.initContainers。',
  'removed-api-version.message': '自 Kubernetes {removedIn} 起，API 服务器不再提供 {apiVersion} {kind}：kubectl apply 会失败，报错 "no matches for kind "{kind}" in version "{apiVersion}""。',
  'removed-api-version.renamed': '请改用 apiVersion {replacement}（自 {since} 起提供），其他内容无需改动。',
  'removed-api-version.selector': 'apps/v1 还要求有 spec.selector，而这个 {kind} 没有：用模板的标签作为选择器（旧版本就是这样取的），可以保留它已在运行的 Pod。',
  'removed-api-version.selector-v1beta2': 'apps/v1 要求有 spec.selector，而这个 {kind} 没有；apps/v1beta2 也一样要求，它从不从模板标签取选择器。',
  'removed-api-version.scale-target': '这个自动扩缩器通过 apiVersion {apiVersion} 指向它的 {kind}，而 API 服务器（从 Kubernetes {removedIn} 起）已不再提供该版本：自动扩缩器会被创建，但控制器找不到目标的 scale（"FailedGetScale: no matches for kind "{kind}" in group …"），因此永远不会扩缩。请改用 apiVersion {replacement}。',
  'removed-api-version.changed': '请改用 apiVersion {replacement}（自 {since} 起提供）；部分字段有变化，详见 Kubernetes 弃用 API 迁移指南。',
  'removed-api-version.kind-renamed': '它已更名为 {newKind}：请改用 apiVersion {replacement} 和 kind {newKind}（自 {since} 起提供）；部分字段有变化，详见 Kubernetes 弃用 API 迁移指南。',
  'removed-api-version.gone': 'Kubernetes 中没有替代它的 API（见弃用 API 迁移指南）。',
  'deprecated-api-version.message': '{apiVersion} {kind} 自 Kubernetes {deprecatedIn} 起已弃用：API 服务器仍然提供它，但每次请求都会返回警告（kubectl apply 会打印该警告）。请改用 {replacement}。',
  'unknown-field.custom':
    ' {kind} 的控制器创建 Pod 时不会带上该字段，其设置随之丢失（只有当 CRD 的 schema 描述了 Pod 时，kubectl apply 才会拒绝 "{path}"）。',
  'unknown-field.empty-dir':
    ' {kind} 的控制器创建 Pod 时不会带上该字段，而没有来源的卷会被设为空的 emptyDir，正是这里想要的：运行时不会有任何变化（只有当 CRD 的 schema 描述了 Pod 时，kubectl apply 才会拒绝 "{path}"）。',
  'unknown-field.hpa-cpu':
    'HorizontalPodAutoscalerSpec 中没有字段 "targetCPUUtilizationPercentage"：这是 autoscaling/v1 的写法；autoscaling/v2 把 CPU 目标写成 `metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: {percent}}}}]`。kubectl apply 会拒绝该对象：strict decoding error: unknown field "{path}"。',
  'unknown-field.hpa-cpu.default': '若使用 --validate=false，该字段会被丢弃，自动扩缩容器将使用默认目标 80% CPU。',
  'unknown-field.hpa-cpu.dropped': '若使用 --validate=false，该字段会被丢弃：自动扩缩容器只按其他指标扩缩。',
  'unknown-field.ingress-service':
    'IngressBackend 中没有字段 "{key}"：networking.k8s.io/v1 用 `service: {name: …, port: {number: …}}` 指定 Service；`serviceName` 和 `servicePort` 是已移除的 v1beta1 写法。kubectl apply 会拒绝该对象：strict decoding error: unknown field "{path}"。',
  'unknown-field.ingress-backend':
    'IngressSpec 中没有字段 "backend"：networking.k8s.io/v1 中它叫 `defaultBackend`（`backend` 是已移除的 v1beta1 名称）。kubectl apply 会拒绝该对象：strict decoding error: unknown field "{path}"。',
  'unknown-field.indent-slip':
    ' 它与上方列表 "{list}" 的 "-" 处于同一列，因此 YAML 把它读作 {type} 的字段，而不是该列表最后一项（{itemType}，它有这个字段）的字段：请把它连同在它之前同样错位的键再缩进 {count} 个空格，与那一项的键对齐。',
  'unknown-field.kubectl':
    ' kubectl apply 会拒绝该对象：strict decoding error: unknown field "{path}"。如果使用 --validate=false，该字段会被悄悄丢弃，其设置也随之丢失。',

  'invalid-value.enum':
    '{field} 不支持取值 {value}：请使用 {allowed} 之一（区分大小写）。kubectl apply 会拒绝："{path}: Unsupported value: {value}: supported values: {sorted}"。',
  'invalid-value.yaml11-bool':
    '{field} 必须是 {type}，但 Kubernetes 会把不带引号的 {word} 读成布尔值 {value}（YAML 1.1 的布尔值包括 y、n、yes、no、on、off）。请加上引号："{word}"。',
  'invalid-value.fractional-limit':
    '{resource} 限制 {value} 不足一个字节（"m" 表示千分之一，不是兆字节）。API 服务器只会警告："{path}: fractional byte value "{value}" is invalid, must be an integer"；kubelet 会把它向上取整为 1 字节，容器无法启动（其第一个进程会被 OOM 杀掉）。',
  'invalid-value.fractional-request':
    '{resource} 请求 {value} 不足一个字节（"m" 表示千分之一，不是兆字节）。API 服务器只会警告："{path}: fractional byte value "{value}" is invalid, must be an integer"；调度器几乎不会为该容器预留内存。',
  'invalid-value.quantity': '{field} 必须是数量（如 512Mi、1Gi、500m、0.5），而不是 "{value}"：{why} kubectl apply 无法解码该对象，会拒绝它。',
  'invalid-value.quantity.format': '格式不对："quantities must match the regular expression \'{pattern}\'"。',
  'invalid-value.quantity.suffix': '"unable to parse quantity\'s suffix"（后缀只能是 Ki、Mi、Gi、Ti、Pi、Ei、n、u、m、k、M、G、T、P、E）。',
  'invalid-value.type': '{field} 必须是 {type}，而不是 {value}。kubectl apply 无法解码并拒绝该对象。',
  'invalid-value.grpc-port': 'grpc.port 是整数（端口号），不能是 {value}：与 httpGet 和 tcpSocket 不同，它不能引用端口名。kubectl apply 无法解码该对象，会拒绝它。',
  'invalid-value.kustomization-patch-string':
    'patches 的每一项都是一个映射，用来指明补丁（path: {value}），而不是文件名：kustomize 从 v3 起会在读取任何内容之前拒绝这个 kustomization（"invalid Kustomization: json: cannot unmarshal string into Go struct field Kustomization.patches of type types.Patch"），因此 kubectl apply -k（kubectl 1.21 及以后）、Argo CD 和 Flux 都会在它以及基于它的所有 overlay 上失败。请写成 "- path: {value}"（JSON 6902 补丁还需要 target:）。',
  'invalid-value.kustomization-patch-inline':
    'patches 的每一项都是一个映射：内联补丁应写在 patch: 之下（"- patch: |-"，补丁内容写在下面），而不是单独写成字符串。kustomize 从 v3 起会在读取任何内容之前拒绝这个 kustomization（"invalid Kustomization: json: cannot unmarshal string into Go struct field Kustomization.patches of type types.Patch"），因此 kubectl apply -k（kubectl 1.21 及以后）、Argo CD 和 Flux 都会在它以及基于它的所有 overlay 上失败。',
  'invalid-value.kustomization-kind': 'kustomization 的 kind 必须是 "Kustomization" 或 "Component"（区分大小写），不能是 "{kind}"。kustomize 在读取任何资源之前就会拒绝该文件（"kind should be Kustomization or Component"），因此 kubectl apply -k、Argo CD 和 Flux 在它以及所有基于它的 overlay 上都会失败。',
  'invalid-value.kustomization-version': '{kind} 的 apiVersion 必须是 {expected}，不能是 {apiVersion}。kustomize 在读取任何资源之前就会拒绝该文件（"apiVersion for {kind} should be {expected}"），因此 kubectl apply -k、Argo CD 和 Flux 在它以及所有基于它的 overlay 上都会失败。',
  'invalid-value.resource-above-limit': '{resource} 的 request（{request}）大于它的 limit（{limit}）。kubectl apply 会拒绝："{path}.requests: Invalid value: "{request}": must be less than or equal to {resource} limit of {limit}"。',
  'invalid-value.resource-not-equal': '{resource} 不能超售，所以它的 request（{request}）必须等于 limit（{limit}）。kubectl apply 会拒绝："{path}.requests: Invalid value: "{request}": must be equal to {resource} limit of {limit}"。',
  'invalid-value.resource-limit-missing': '{resource} 不能超售，所以 request 它时必须设置相等的 limit。kubectl apply 会拒绝："{path}.limits: Required value: Limit must be set for non overcommitable resources"。只设置 limit 就够了：request 会默认等于它。',
  'invalid-value.resource-integer': '{resource} 是扩展资源，只能按整数计数：{value} 不是整数。kubectl apply 会拒绝："{path}: Invalid value: "{value}": must be an integer"。',
  'invalid-value.hugepages-alone': '申请 hugepages 的容器也必须申请 cpu 或 memory。kubectl apply 会拒绝："{path}: Forbidden: HugePages require cpu or memory"。',
  'invalid-value.unknown-kind': '{apiVersion} 不提供 kind "{kind}"（kind 区分大小写）。kubectl apply 会失败："no matches for kind "{kind}" in version "{apiVersion}""。是否想写 "{suggestion}"？',
  'invalid-value.api-version':
    'apiVersion "{apiVersion}" 不提供 {kind} 这种资源：kubectl apply 会失败，报错 "no matches for kind "{kind}" in version "{apiVersion}""，这个对象不会被创建。{kind} 的 apiVersion 应为 {expected}。',
  'invalid-value.ingress-class-twice':
    '该 Ingress 两次指定了类：注解 kubernetes.io/ingress.class（"{value}"）和 spec.ingressClassName（"{spec}"）。API 服务器拒绝创建："annotations.kubernetes.io/ingress.class: Invalid value: "{value}": can not be set when the class field is also set"。请保留 spec.ingressClassName，删除该注解。',
  'invalid-value.ingress-path-type':
    '这个 path 没有 pathType，而 networking.k8s.io/v1 要求必须设置（v1beta1 会自动补上默认值）：kubectl apply 会拒绝该 Ingress，报错 "{path}: Required value: pathType must be specified"。ImplementationSpecific 保持 v1beta1 的行为；Prefix 和 Exact 在所有控制器上的匹配方式都相同。',
  'invalid-value.ephemeral-on-create':
    '不能在 Pod 中直接写临时容器（ephemeral container）：API server 只通过运行中 Pod 的 ephemeralcontainers 子资源添加它们（kubectl debug 就是这样做的）。kubectl apply 会拒绝创建这个 Pod："{path}: Forbidden: cannot be set on create"。要调试运行中的 Pod，请用 kubectl debug -it POD --image=IMAGE --target=CONTAINER；要让这个容器随 Pod 一起运行，请把它改成普通容器或边车容器。',
  'invalid-value.topology-key':
    '这条 Pod 亲和性规则指明了要靠近（或远离）哪些 Pod，却没有说明"靠近"指什么：缺少 topologyKey，即取值必须相同的节点标签（同一节点用 kubernetes.io/hostname，同一可用区用 topology.kubernetes.io/zone）。kubectl apply 会拒绝："{path}: Required value: can not be empty"。',
  'invalid-value.weight': '优选规则的 weight 必须在 1–100 之间。kubectl apply 会拒绝："{path}: Invalid value: {weight}: must be in the range 1-100"。',
  'invalid-value.probe-handlers': '{path} 写了多个处理方式（{handlers}），但只能有一个：API 服务器会拒绝这个 Pod："{path}.{handler}: Forbidden: may not specify more than 1 handler type"。请只保留你想要的那一个。',
  'invalid-value.probe-handlers.related': '第一个处理方式 {handler}，API 服务器只接受这一个。',
  'invalid-value.probe-handler-missing': '{path} 没有处理方式（exec、httpGet、tcpSocket 或 grpc），没有说明如何探测：kubectl apply 会拒绝："{path}: Required value: must specify a handler type"。',
  'invalid-value.hook-handler-missing': '{path} 没有处理方式（exec、httpGet、tcpSocket 或 sleep），没有说明要执行什么：kubectl apply 会拒绝："{path}: Required value: must specify a handler type"。',
  'invalid-value.recreate-rolling-update': 'Recreate 策略会先停掉所有旧 Pod 再启动新 Pod，不接受 rollingUpdate 设置：kubectl apply 会拒绝："spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is \'Recreate\'"。请删除 rollingUpdate，或改用 type: RollingUpdate。',
  'invalid-value.rolling-update-zero': 'maxSurge 和 maxUnavailable 都是 0：滚动更新既不能多加一个新 Pod，也不能先停掉一个旧 Pod，永远无法推进。kubectl apply 会拒绝："spec.strategy.rollingUpdate.maxUnavailable: Invalid value: …: may not be 0 when `maxSurge` is 0"。可以允许多一个 Pod（maxSurge: 1），这样替换时不会少任何 Pod。',
  'invalid-value.progress-deadline': 'progressDeadlineSeconds（{deadline}）必须大于 minReadySeconds（{min}）：否则新 Pod 还没来得及算作可用，滚动更新就已被判定为卡住。kubectl apply 会拒绝："spec.progressDeadlineSeconds: Invalid value: {deadline}: must be greater than minReadySeconds"。',
  'invalid-value.progress-deadline-default': 'minReadySeconds（{min}）不小于 progressDeadlineSeconds 的默认值 600：kubectl apply 会拒绝："spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds"。请把 progressDeadlineSeconds 设得大于 {min}。',
  'invalid-value.field-ref-subscript-unsupported': '"{path}"：只有 metadata.labels 和 metadata.annotations 可以带 [\'key\']；API 服务器会拒绝这个 Pod："{where}: Invalid value: "{path}": error converting fieldPath: field label does not support subscript: {path}"。',
  'invalid-value.field-ref-unknown': '"{path}" 不是 downward API 能读取的 Pod 字段：API 服务器会拒绝这个 Pod："{where}: Invalid value: "{path}": error converting fieldPath: field label not supported: {path}"。',
  'invalid-value.field-ref-subscript': '读取单个标签或注解要写成 metadata.labels[\'key\']，键用单引号括起来。',
  'invalid-value.field-ref-unsupported': '"{path}" 在这里不能读取：API 服务器会拒绝这个 Pod："{where}: Unsupported value: "{path}": supported values: {offered}"。',
  'invalid-value.on-delete-rolling-update': '更新策略为 OnDelete 的 StatefulSet 只在你删除 Pod 时才替换它，不接受 rollingUpdate 设置：kubectl apply 会拒绝："spec.updateStrategy.rollingUpdate: Invalid value: …: only allowed for updateStrategy \'RollingUpdate\'"。请删除 rollingUpdate，或改用 type: RollingUpdate。',
  'invalid-value.daemonset-both': 'DaemonSet 的滚动更新要么在每个节点上先启动新 Pod（maxSurge），要么先停掉旧 Pod（maxUnavailable），不能两者都要：maxSurge 是 {surge}，maxUnavailable 是 {unavailable}。kubectl apply 会拒绝："spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: …: may not be set when maxUnavailable is non-zero"。要先启动新 Pod，请设置 maxUnavailable: 0。',
  'invalid-value.daemonset-both-default': 'DaemonSet 的滚动更新要么在每个节点上先启动新 Pod（maxSurge），要么先停掉旧 Pod（maxUnavailable），不能两者都要：maxSurge 是 {surge}，而没有写的 maxUnavailable 默认是 1。kubectl apply 会拒绝："spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: …: may not be set when maxUnavailable is non-zero"。要先启动新 Pod，请加上 maxUnavailable: 0。',
  'invalid-value.daemonset-host': '这个 Pod 占用了主机端口（或主机网络），无法先启动新 Pod：新 Pod 会一直等待旧 Pod 释放端口。请改为设置 maxSurge: 0。',
  'invalid-value.daemonset-neither': 'maxUnavailable 和 maxSurge 都是 0：滚动更新既不能停掉旧 Pod，也不能在旁边启动新 Pod，永远无法推进。kubectl apply 会拒绝："spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0"。',
  'invalid-value.weight-missing': '优选规则需要 weight（1–100）；不写则为 0。kubectl apply 会拒绝："{path}: Invalid value: 0: must be in the range 1-100"。',
  'invalid-value.ephemeral-in-template':
    'Pod 模板中不能包含临时容器（ephemeral container）：API server 只通过运行中 Pod 的 ephemeralcontainers 子资源添加它们（kubectl debug 就是这样做的）。kubectl apply 会拒绝这个 {kind}："{path}: Forbidden: ephemeral containers not allowed in pod template"。要调试其中一个 Pod，请用 kubectl debug -it POD --image=IMAGE --target=CONTAINER；要让这个容器在每个 Pod 中运行，请把它改成普通容器或边车容器。',
  'invalid-value.init-handler':
    'Init 容器 "{container}" 在应用容器启动前运行至结束，因此不能设置 {field}：只有边车容器（restartPolicy: Always 的 init 容器）可以。kubectl apply 会拒绝："{path}: Forbidden: may not be set for init containers without restartPolicy=Always"。',
  'invalid-value.knative-one-port':
    "Knative 只把请求转发到一个容器端口，所以整个 Pod 只能在提供服务的容器里声明一个端口；这里（容器 \"{container}\"）多了一个。Knative 的准入 webhook 会拒绝 kubectl apply：\"more than one container port is set: {path}\"。其他进程仍可监听其他端口，只是不能声明。",
  'invalid-value.knative-reserved-port':
    "端口 {port} 属于 Knative 的 queue-proxy 或自动扩缩组件，它们与容器 \"{container}\" 在同一个网络命名空间中运行，所以应用不能使用它。Knative 的准入 webhook 会拒绝 kubectl apply：\"invalid value: {port} is a reserved port: {path}\"。请让应用监听其他端口（Knative 通过 $PORT 传给它）。",
  'invalid-value.knative-protocol':
    "queue-proxy 转发的是 HTTP 请求，所以 Knative 的服务端口必须是 TCP，而不是 {protocol}。Knative 的准入 webhook 会拒绝 kubectl apply：\"invalid value: {protocol}: {path}\"。",
  'invalid-value.knative-port-name':
    "Knative 把服务端口的名称当作协议：它必须为空、\"http1\" 或 \"h2c\"，而不是 \"{name}\"。Knative 的准入 webhook 会拒绝 kubectl apply：\"Port name {name} is not allowed: {path}\"。",
  'invalid-value.knative-no-port':
    "有多个容器时，必须告诉 Knative 哪一个提供服务：给其中恰好一个容器声明端口。Knative 的准入 webhook 会拒绝 kubectl apply：\"missing field(s): {path}\"。",
  'invalid-value.knative-mount-path':
    'Knative 把 "{path}" 留给容器运行时（/dev/log 是日志套接字），不能在那里挂载任何卷。Knative 的准入 webhook 会拒绝 kubectl apply："mountPath "{path}" is a reserved path: {field}"。',
  'invalid-value.knative-container-name':
    "\"queue-proxy\" 是 Knative 添加到每个 Pod 中的容器的名称。Knative 的准入 webhook 会拒绝 kubectl apply：\"\"queue-proxy\" is a reserved container name: {path}\"。",
  'invalid-value.knative-env-port':
    "Knative 会在容器 \"{container}\" 中把 PORT 设为它的容器端口（未声明时为 8080），应用应监听该端口。Knative 的准入 webhook 会拒绝 kubectl apply：\"\"PORT\" is a reserved environment variable: {path}\"。要选择端口，请改设 containerPort。",
  'invalid-value.knative-env':
    "Knative 会在该修订版的每个容器中设置 {name}。Knative 的准入 webhook 会拒绝 kubectl apply：\"\"{name}\" is a reserved environment variable: {path}\"。",
  'invalid-value.workload-restart-policy':
    "{kind} 会让它的 Pod 持续运行，并在其停止时替换它们，所以 restartPolicy 必须是 \"Always\"，而不是 \"{value}\"（要运行至结束的 Pod 请使用 Job）。kubectl apply 会拒绝：\"{path}: Unsupported value: \"{value}\": supported values: \"Always\"\"。",
  'invalid-value.workload-deadline':
    '{kind} 会让它的 Pod 持续运行，所以其 Pod 模板不能设置 activeDeadlineSeconds（它会在这么多秒后停止每个 Pod；要运行至结束的 Pod 请使用 Job）。kubectl apply 会拒绝："{path}: Forbidden: activeDeadlineSeconds in {validated} is not Supported"。',
  'invalid-value.schedule-tz':
    "CronJob 的时区应写在 spec.timeZone 中，而不是写在 schedule 里：kubectl apply 会拒绝：\"{path}: Invalid value: \"{value}\": cannot use TZ or CRON_TZ in schedule, use timeZone field instead\"。",
  'invalid-value.schedule-syntax':
    '调度 "{value}" 不是 API Server 能解析的 cron 表达式：kubectl apply 会拒绝（“{path}: Invalid value: "{value}": {reason}”）。调度由五个字段组成——分钟（0-59）、小时（0-23）、日（1-31）、月（1-12 或 JAN-DEC）、星期（0-6 或 SUN-SAT）——或者 @hourly、@daily、@weekly、@monthly、@yearly、@every <时长>；没有秒，也没有年。',
  'invalid-value.template-parameter':
    'OpenShift Template 中的 {value} 会被替换为参数的文本：oc process 在这里写入字符串，而 {path} 需要 {type}，所以创建对象时会被拒绝（“cannot unmarshal string into Go struct field … of type …”）。写成 ${{{name}}} 才能保留参数的类型。',
  'invalid-value.schedule-tz-both':
    "这个 CronJob 设置了 timeZone，又在 schedule 中写了时区。kubectl apply 会拒绝：\"{path}: Invalid value: \"{value}\": cannot use both timeZone field and TZ or CRON_TZ in schedule\"。",
  'invalid-value.name-missing':
    "每个容器都需要名称（它的日志、探针和重启都按名称报告）。kubectl apply 会拒绝：\"{path}: Required value\"。",
  'invalid-value.pvc-storage': '该 PersistentVolumeClaim 没有请求存储容量。kubectl apply 会拒绝："{path}: Required value"。请添加 resources.requests.storage（如 1Gi）。',
  'invalid-value.pv-capacity': '该 PersistentVolume 没有存储容量。kubectl apply 会拒绝："{path}: Required value"。请添加 capacity.storage（如 10Gi）。',
  'invalid-value.pv-local-affinity': 'local 类型的 PersistentVolume 必须指明所在节点。kubectl apply 会拒绝："{path}: Required value: Local volume requires node affinity"。请添加 spec.nodeAffinity.required，写明节点的 kubernetes.io/hostname。',
  'invalid-value.priority-too-high': '自定义 PriorityClass 的值最大为 1000000000（更高的值保留给 system-node-critical 和 system-cluster-critical）。kubectl apply 会拒绝 {value}："{path}: Forbidden: maximum allowed value of a user defined priority is 1000000000"。',
  'invalid-value.ingress-no-route':
    "这个 Ingress 既没有 rules 也没有 defaultBackend，所以不路由任何流量。kubectl apply 会拒绝：\"{path}: Invalid value: …: either `defaultBackend` or `rules` must be specified\"。",
  'invalid-value.bidirectional':
    'Bidirectional 挂载传播会让容器 "{container}" 中的挂载传到宿主机上，因此只有特权容器才能使用。kubectl apply 会拒绝："{path}: Forbidden: Bidirectional mount propagation is available only to privileged containers"。',
  'invalid-value.volume-path':
    '{field} "{value}" 不是卷内的路径（必须是相对路径，且不含 ".."）：kubectl apply 会拒绝："{path}: Invalid value: "{value}": {reason}"。',
  'invalid-value.nfs-path':
    'NFS 导出要用它在服务器上的绝对路径来指定，而不是 "{value}"：kubectl apply 会拒绝："{path}: Invalid value: "{value}": must be an absolute path"。',
  'invalid-value.storageclass-provisioner':
    '这个 StorageClass 没有指定 provisioner，没有任何组件能为它创建卷。kubectl apply 会拒绝："{path}: Required value"。请添加 provisioner（手工创建卷时可用 kubernetes.io/no-provisioner）。',
  'invalid-value.volume-path-reserved':
    '{field} "{value}" 以 ".." 开头，而卷中以 ".." 开头的名称留给 kubelet 自己的条目（..data 及其切换的带时间戳的目录）：kubectl apply 会拒绝："{path}: Invalid value: "{value}": {reason}"。',
  'invalid-value.host-path-backstep':
    'hostPath "{value}" 用 ".." 回退到上级目录，API 服务器不接受主机路径中的 ".."：kubectl apply 会拒绝："{path}: Invalid value: "{value}": must not contain \'..\'"。请写出不含 ".." 的路径。',
  'invalid-value.privileged-escalation':
    '容器 "{container}" 是特权容器，特权进程总能获得更多权限，因此 allowPrivilegeEscalation 不能为 false：kubectl apply 会拒绝："{path}: Invalid value: …: cannot set `allowPrivilegeEscalation` to false and `privileged` to true"。',
  'read-only-root-fs.message':
    '容器 "{container}" 的根文件系统是只读的，但 {program} 启动时要在 {all} 中写入{what}，而 {paths} 没有挂载可写的卷：它会立即退出（"{says}"）：容器永远运行不起来（会重启的 Pod 将反复崩溃，CrashLoopBackOff）。请在 {paths} 挂载 emptyDir。',
  'read-only-root-fs.what.nginx': '临时文件（client_temp、proxy_temp…）和 pid 文件',
  'read-only-root-fs.hidden':
    '容器 "{container}" 的根文件系统是只读的，{program} 启动时要在 {all} 中写入{what}；挂载在 {above} 的 emptyDir 一开始是空的，所以其中没有 {paths}，而 nginx 不会创建上级目录：它会立即退出（"mkdir() … failed (2: No such file or directory)"）：容器永远运行不起来（会重启的 Pod 将反复崩溃，CrashLoopBackOff）。请直接在 {paths} 挂载 emptyDir。',
  'invalid-value.api-version-selector': '{expected} 还要求有 spec.selector，而这个对象没有。',
  'invalid-value.api-version-old-schema': '它的字段属于旧的结构（{fields}）：要按 {expected} 的写法改写（scaleTargetRef、metrics），不能只改 apiVersion。',
  'invalid-value.api-version-missing': '这个 {kind} 没有 apiVersion，kubectl 会拒绝这样的文档（"apiVersion not set"，或 "Object \'apiVersion\' is missing"）。请加上 apiVersion: {expected}。',
  'invalid-value.api-version-missing-selector': '这个 {kind} 没有 apiVersion，kubectl 会拒绝这样的文档（"apiVersion not set"，或 "Object \'apiVersion\' is missing"）。请加上 apiVersion: {expected}，并同时加上 spec.selector：{expected} 要求必须有 selector（"spec.selector: Required value"），而这个 {kind} 没有。',
  'read-only-root-fs.script-write':
    '容器 "{container}" 的根文件系统是只读的，但它自己的脚本要写 {paths}，那里没有挂载可写的卷：写入会失败，报 "Read-only file system"；检查错误的脚本（&&、set -e）会就此停止。请在它写入的目录挂载一个卷（emptyDir），或改写到已挂载的卷下。',
  'read-only-root-fs.non-root':
    '容器 "{container}" 以用户 {uid} 运行，而 {program} 启动时要在 {all} 中写入{what}；在这个镜像里这些目录属于 root，{paths} 也没有挂载可写的卷：它会立即退出（"{says}"）：容器永远无法运行（会重启的话，Pod 会反复崩溃）。请在 {paths} 挂载 emptyDir，或者改用为非 root 用户构建的镜像（nginxinc/nginx-unprivileged，监听 8080）。',
  'read-only-root-fs.non-root-hidden':
    '容器 "{container}" 以用户 {uid} 运行，而 {program} 启动时要在 {all} 中写入{what}；挂载在 {above} 的 emptyDir 初始为空，所以 {paths} 不存在，而 nginx 不会创建上级目录：它会立即退出（"mkdir() … failed (2: No such file or directory)"）：容器永远无法运行（会重启的话，Pod 会反复崩溃）。请直接在 {paths} 挂载 emptyDir。',
  'read-only-root-fs.low-ports':
    '它还监听 {ports}：低于 1024 的端口，非 root 进程只有在容器运行时允许时才能绑定（Docker Engine 和 containerd 2.0 默认允许；containerd 1.x 和 CRI-O 不允许），因此请把 Pod 的 sysctl {sysctl} 设为 0。',
  'read-only-root-fs.low-ports-host':
    '它还在节点网络上（hostNetwork）监听 {ports}，低于 1024：这里适用节点自己的设置，通常只允许 root 绑定这类端口，而 Pod 无法修改它。请以 root 运行该容器，或让它监听 1023 以上的端口。',
  'read-only-root-fs.related-config': '这个 nginx.conf 替换了镜像自带的配置，且没有移动这些目录，因此 {program} 使用编译时内置的路径。',
  'read-only-root-fs.related': '{program} 在这里以默认配置运行。',
  'unsplit-command.joined-flag':
    '容器 "{container}"：其 {field} 中的 "{item}" 是一个参数，标志和值连在了一起：没有 shell 会拆分它，所以程序收到的是一个名为 "{name}"（包含空格）的标志。Go 的 flag 和 pflag、getopt 以及大多数解析器遇到这个未知标志就会报错，容器随即退出；其他解析器会把它当作位置参数或直接忽略，{flag} 始终不会被设置。请写成 "{flag}={value}"，或把标志和值写成两项。',
  'unsplit-command.dead-args': '容器 "{container}"：{field} 运行 {shell} -c，脚本之后还有 "{item}"。{shell} 只运行这段脚本：其后的项会成为它的 $0、$1……，而脚本从不读取它们，所以 "{item}" 永远不会运行。请把它写进脚本（放在 ";" 之后或单独一行），或者删除它。',
  'unsplit-command.dead-flags':
    '容器 "{container}"：{field} 以 {shell} -c 运行脚本 "{script}"，其后的各项（{items}）成了脚本的 $0、$1…，而脚本从不读取它们："{script}" 运行时没有这些参数。请把它们写进脚本，作为一项："{joined}"。',
  'unsplit-command.container':
    '容器 "{container}" 的 command 第一项是整行 "{word}"。运行时把这一项当作程序名运行，不会有 shell 去拆分它：并不存在名为 "{word}" 的程序，因此容器无法启动（StartError: {error}）。{advice}',
  'unsplit-command.probe':
    '容器 "{container}" 的 {field} 第一项是整行 "{word}"。kubelet 把这一项当作程序名运行，不会有 shell 去拆分它：并不存在名为 "{word}" 的程序，因此探针无法运行、永远不会通过：Pod 永远不会就绪（启动探针还会挡住其他探针）。{advice}',
  'unsplit-command.probe-liveness':
    '容器 "{container}" 的 {field} 第一项是整行 "{word}"。kubelet 把这一项当作程序名运行，不会有 shell 去拆分它：并不存在名为 "{word}" 的程序，因此探针无法运行。在 containerd 或 CRI-O 上，kubelet 会丢弃出错探针的结果，所以这个存活探针什么也不会重启：容器完全没有被监视（在 Docker Engine 上它会失败，并不断重启容器）。{advice}',
  'unsplit-command.hook':
    '容器 "{container}" 的 {field} 第一项是整行 "{word}"。kubelet 把这一项当作程序名运行，不会有 shell 去拆分它：并不存在名为 "{word}" 的程序，因此这个钩子总是失败（postStart 失败会杀死容器；preStop 失败则被跳过）。{advice}',
  'unsplit-command.advice-words': '请把命令写成单词列表，以 {program} 开头。',
  'unsplit-command.advice-shell': '这一行需要 shell（其中有引号、变量、运算符或内建命令）：请用 [sh, -c, "…"] 运行它。',
  'invalid-value.success-threshold':
    '容器 "{container}" 的 {probe} 设置了 successThreshold {value}，但 {probe} 只等一次成功（只有 readinessProbe 才累计成功次数）：kubectl apply 会拒绝："{path}: Invalid value: {value}: must be 1"。',
  'invalid-value.image-missing':
    '容器 "{name}" 没有设置 image，而每个容器都必须有镜像：kubectl apply 会拒绝："{path}: Required value"。',
  'invalid-value.job-restart-policy':
    'Job 的 Pod 要运行到结束，所以 restartPolicy 必须是 "OnFailure" 或 "Never"，不能是 "Always"。kubectl apply 会拒绝："{path}: Required value: valid values: "OnFailure", "Never""。',
  'invalid-value.job-restart-policy-empty':
    '该 Pod 模板的 restartPolicy 为 ""，API 服务器会用 Pod 的默认值 "Always" 填充，而 Job 中不允许这样：Job 的 Pod 运行至结束，所以它必须是 "OnFailure" 或 "Never"。kubectl apply 会拒绝："{path}: Required value: valid values: "OnFailure", "Never""。',
  'invalid-value.job-restart-policy-missing':
    '这个 Pod 模板没有设置 restartPolicy，而 Pod 的默认值 "Always" 在 Job 中不允许：Job 的 Pod 要运行到结束，所以必须是 "OnFailure" 或 "Never"。kubectl apply 会拒绝："{path}: Required value: valid values: "OnFailure", "Never""。',
  'invalid-value.medium':
    'emptyDir 不支持 medium {value}：请使用 {allowed} 之一（区分大小写）。API 服务器不检查这个字段，所以 kubectl apply 会接受该 Pod；随后 kubelet 挂载卷失败（unknown storage medium {value}），Pod 无法启动。',
};
