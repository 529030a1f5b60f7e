/** 关于 Pod 周边（选择器、Service、环境变量、配置引用）的规则的简体中文消息。 */
export const neighbourhoodZhCn = {
  'selector-mismatch.value':
    '{kind} "{name}" 的选择器要求 {key}: {expected}，但它的 Pod 模板标签是 {key}: {actual}。工作负载必须选中自己的模板：kubectl apply 会拒绝（“spec.template.metadata.labels: Invalid value: …: `selector` does not match template `labels`”）。',
  'selector-mismatch.missing':
    '{kind} "{name}" 的选择器要求 {key}: {expected}，但它的 Pod 模板没有标签 {key}。工作负载必须选中自己的模板：kubectl apply 会拒绝（“spec.template.metadata.labels: Invalid value: …: `selector` does not match template `labels`”）。',
  'selector-mismatch.expression':
    '{kind} "{name}" 选择器中关于 {key} 的表达式与 Pod 模板的标签不匹配。工作负载必须选中自己的模板：kubectl apply 会拒绝（“spec.template.metadata.labels: Invalid value: …: `selector` does not match template `labels`”）。',
  'selector-mismatch.absent':
    '{kind} "{name}" 没有 spec.selector。apps/v1 要求必须有（extensions/v1beta1 和 apps/v1beta1 会沿用模板的标签）：kubectl apply 会以 “spec.selector: Required value” 拒绝它，对象的任何部分都不会被创建。选择器以后不能修改，所以请选那些永远标识这些 Pod 的标签。',
  'selector-mismatch.related': 'Pod 模板的标签。',
  'selector-mismatch.job':
    'Job "{name}" 自己写了 spec.selector（要求标签 {label}），却没有 manualSelector: true。API Server 会用这个 Job 独有的 controller-uid 标签自动生成 Job 的选择器，并拒绝要求其他标签的选择器：kubectl apply 会拒绝（“`selector` not auto-generated”）。请删除这个选择器，Pod 仍保留自己的标签。',
  'selector-mismatch.template-selector':
    'CronJob "{name}" 的 Job 模板里有 selector。CronJob 创建的每个 Job 都会得到自己的选择器，所以 API Server 不接受这里的选择器，即使是空的：kubectl apply 会拒绝（“spec.jobTemplate.spec.selector: `selector` will be auto-generated”）。请删除它。',
  'selector-mismatch.template-manual':
    'CronJob "{name}" 的 Job 模板设置了 manualSelector: true，CronJob 不允许这样做（它创建的每个 Job 都必须有自己的选择器）：kubectl apply 会拒绝（“spec.jobTemplate.spec.manualSelector: Unsupported value: true”）。请删除它。',
  'selector-mismatch.job-name':
    'Job "{name}" 的选择器要求 {label}: {value}，但 API Server 会给 Job 的 Pod 加上值为 Job 自身名称的 {label} 标签，并拒绝要求其他值的选择器：kubectl apply 会拒绝（“`selector` not auto-generated”）。请删除选择器，由 API Server 生成。',
  'selector-mismatch.manual-without-selector':
    'Job "{name}" 设置了 manualSelector: true 却没有选择器，没有东西可以选中它的 Pod：kubectl apply 会拒绝（“spec.selector: Required value”）。请写上选择器，或删除 manualSelector，让 API Server 生成一个。',
  'selector-mismatch.label-job-name':
    'Job "{name}" 的 Pod 模板带有标签 {label}: {value}。API Server 会自己写这个标签，值为 Job 自身的名称，并拒绝带有其他值的模板：kubectl apply 会拒绝（“spec.template.metadata.labels[{label}]: Invalid value: \"{value}\": must be \'{expected}\'”）。请删除这个标签。',
  'selector-mismatch.template-job-name':
    'CronJob "{name}" 的 Pod 模板带有标签 {label}: {value}。CronJob 创建的每个 Job 都命名为 "{name}-<时间>"，API Server 会拒绝模板中 {label} 为其他值的 Job（“must be \'{name}-…\'”）：一个 Job 也不会被创建。请删除这个标签，由 API Server 写入。',
  'selector-mismatch.creator-job':
    '{creator} 是这个资源按原样创建的 Job 的规格：它的选择器要求标签 {label}，却没有 manualSelector: true。API Server 会为每个 Job 自动生成选择器，并拒绝要求其他标签的选择器（“`selector` not auto-generated”），所以一个 Job 也不会被创建。请删除选择器。',
  'selector-mismatch.creator-manual-without-selector':
    '{creator} 是这个资源按原样创建的 Job 的规格：设置了 manualSelector: true 却没有选择器，API Server 会拒绝每个 Job（“spec.selector: Required value”）。请写上选择器，或删除 manualSelector。',

  'service-selects-nothing.value':
    'Service "{service}" 在命名空间 {namespace} 中选不中任何 Pod 模板：{workload} 的标签是 {key}: {actual}，而选择器要求 {key}: {expected}。没有选中的 Pod，Service 就没有端点，连接它都会失败。是否应为 {key}: {actual}？',
  'service-selects-nothing.key':
    'Service "{service}" 在命名空间 {namespace} 中选不中任何 Pod 模板：{workload} 的标签是 {actualKey}: {expected}，而选择器要求 {key}: {expected}。没有选中的 Pod，Service 就没有端点，连接它都会失败。是否应为 {actualKey}？',
  'service-selects-nothing.missing':
    'Service "{service}" 在命名空间 {namespace} 中选不中任何 Pod 模板：{workload} 具备选择器要求的所有标签，唯独缺少 {key}: {expected}。没有选中的 Pod，Service 就没有端点，连接它都会失败。',
  'service-selects-nothing.named-for':
    'Service "{service}" 在命名空间 {namespace} 中选不中任何 Pod 模板：没有对象带有标签 {selector}。与它同在此文件、名称相近的 {workload} 的 Pod 由 {labels} 选中。选不中 Pod 的 Service 没有端点，连接会失败。是否应把选择器写成 {labels}？',
  'service-selects-nothing.related': '{workload} 的 Pod 模板标签在此。',

  'duplicate-env.message':
    '容器 "{container}" 两次设置了环境变量 {name}。API 服务器会接受，以最后一项为准：前面的值根本到不了进程。',
  'duplicate-env.related': '{name} 首次在此设置；这个值会被覆盖。',

  'undefined-env-reference.undefined':
    '容器 "{container}" 的 {where} 引用了 $({name})，但该容器没有定义变量 {name}。kubelet 会原样保留这段文本：进程收到的是字面上的 "$({name})"。{didYouMean}',
  'undefined-env-reference.hook': 'kubelet 不会展开容器 "{container}" 的 lifecycle.{hook} 中的 $({name})：钩子的命令按原样运行，程序收到的是文本 "$({name})"，而不是变量的值。请通过 shell 运行并写成 ${{name}}（钩子运行时带有容器的环境变量）。',
  'undefined-env-reference.hook-shell': 'kubelet 不会展开容器 "{container}" 的 lifecycle.{hook} 中的 $({name})：钩子的命令按原样运行，shell 会把 $({name}) 当作命令替换，去运行名为 {name} 的程序，结果失败。请写成 ${{name}}：shell 会从容器的环境变量中读取它。',
  'undefined-env-reference.hook-single-quoted':
    'kubelet 不会展开容器 "{container}" 的 lifecycle.{hook} 中的 $({name})，而在单引号里 shell 也不会展开：程序收到的是文本 "$({name})"，而不是变量的值。请在单引号之外写 "${{name}}"：shell 会从容器的环境变量中读取它。',
  'undefined-env-reference.hook-powershell':
    'kubelet 不会展开容器 "{container}" 的 lifecycle.{hook} 中的 $({name})：钩子的命令按原样运行，PowerShell 会把 $({name}) 当作子表达式，去运行名为 {name} 的命令，结果失败。请写成 $env:{name}：PowerShell 会从容器的环境变量中读取它。',
  'undefined-env-reference.probe-single-quoted':
    '在容器 "{container}" 的 exec {probe} 中，kubelet 只用以 `value:` 写出的变量替换 $(VAR)；{name} 来自 valueFrom（Secret、ConfigMap 的键或字段），所以 $({name}) 会变成空字符串，探针在没有它的情况下运行：探针失败（或检查了错误的东西）。请在单引号之外写 "${{name}}"：单引号里 shell 什么都不展开。',
  'undefined-env-reference.probe-value-from':
    '在容器 "{container}" 的 exec {probe} 中，kubelet 只用以 `value:` 写出的变量替换 $(VAR)；{name} 来自 valueFrom（Secret、ConfigMap 的键或字段），所以 $({name}) 会变成空字符串，探针在没有它的情况下运行：探针失败（或检查了错误的东西）。在 `sh -c` 中请写 ${name}：shell 会从容器的环境变量中读取它。',
  'undefined-env-reference.later':
    '容器 "{container}" 的 {where} 引用了 $({name})，而它在 env 列表中靠后才定义。引用只会展开为在它之前定义的变量，所以进程收到的是字面上的 "$({name})"。请把 {name} 移到这一项之前。',
  'undefined-env-reference.job-index':
    '容器 "{container}" 的 {where} 引用了 $({name})。Job 控制器只会把 {name} 追加在容器自己的 env 项之后，而引用只会展开为在它之前定义的变量，所以进程收到的是字面上的 "$({name})"。请在这一项之前定义它（valueFrom.fieldRef: metadata.annotations[\'batch.kubernetes.io/job-completion-index\']），或在能看到它的 command 或 args 中使用。',

  'duplicate-port-name.message':
    '容器 "{container}" 有一个名为 "{name}" 的端口，容器 "{other}" 也有。端口名只在单个容器内唯一：targetPort: {name} 的 Service 会把流量发给第一个声明它的容器（"{other}"），不管本意是哪一个。',
  'duplicate-port-name.used': 'Service "{service}" 以 targetPort: {name} 选中了这个 Pod，所以它的流量只会发往 "{other}"。',
  'duplicate-port-name.related': '容器 "{other}" 在此把端口命名为 "{name}"。',

  'probe-port-elsewhere.message':
    '容器 "{container}" 的 {where} 检查端口 {port}，但这个容器既没有声明该端口，镜像默认也不监听它；声明它的是容器 "{other}"。kubelet 探测的是所有容器共用的 Pod IP，所以这个探针测的是 "{other}"：只要 "{other}" 有应答就通过，无论 "{container}" 状况如何。',
  'probe-port-elsewhere.own': '这个容器自己的端口是 {own}。',
  'probe-port-elsewhere.related': '容器 "{other}" 在此声明端口 {port}。',

  'host-port-conflict.across':
    '{hostIP} 上的 hostPort {hostPort}/{protocol} 也被 {other} 占用，而两者可能运行在同一节点上（{why}）。一个节点上的每个主机端口只能给一个 Pod，所以在这样的节点上，后一个 Pod 无法调度，一直处于 Pending。',
  'host-port-conflict.across-host-network':
    '使用 hostNetwork 时，端口 {hostPort}/{protocol} 就是 {hostIP} 上的宿主机端口（API 服务器会把 hostPort 设为 containerPort），而 {other} 也占用了它，且两者可能运行在同一个节点上（{why}）。一个节点上的每个宿主机端口只能分给一个 Pod，因此在这样的节点上第二个 Pod 无法被调度，会一直处于 Pending。',
  'host-port-conflict.why-daemonsets': 'DaemonSet 会在每个节点上运行一个 Pod',
  'host-port-conflict.why-daemonset': 'DaemonSet 会在每个节点上运行一个 Pod',
  'host-port-conflict.why-daemonsets-selected': '两者用同样的 nodeSelector（{labels}）选择节点，而 DaemonSet 会在它选中的每个节点上运行一个 Pod',
  'host-port-conflict.why-daemonset-selected': '两者用同样的 nodeSelector（{labels}）选择节点，而 DaemonSet 会在它选中的每个节点上运行一个 Pod',
  'host-port-conflict.across-related': '{other} 在此占用 hostPort {hostPort}/{protocol}。',

  'dangling-backend.service':
    '{owner} "{name}" 把流量发往 Service "{service}"，但在本工作区中，命名空间 {namespace} 没有这个名字的 Service；是否应为 "{suggestion}"？发往这个后端的请求都会失败（控制器返回 503 或 500）。',
  'dangling-backend.other-namespace':
    '命名空间 {namespace} 中的 {owner} "{name}" 把流量发往 Service "{service}"，但本工作区只在命名空间 {others} 中定义了它。后端只能是 {owner} 所在命名空间中的 Service，因此找不到它，发往它的请求都会失败（控制器返回 503）。请把其中一个移到同一命名空间，或在 {namespace} 中添加一个指向另一个的 ExternalName Service "{service}"。',
  'dangling-backend.other-namespace-related': 'Service "{service}" 在此定义，位于命名空间 {other}。',
  'dangling-backend.port-number':
    '{owner} "{name}" 把流量发往 Service "{service}" 的端口 {port}，但该 Service 没有端口 {port}（它的端口：{ports}）。发往这个后端的请求都会失败（控制器返回 503 或 500）。',
  'dangling-backend.container-port': '{port} 是 Service 转发到的容器端口；后端要写的是 Service 自己的端口 {servicePort}。',
  'dangling-backend.port-name':
    '{owner} "{name}" 把流量发往 Service "{service}" 名为 "{port}" 的端口，但该 Service 没有这个名字的端口（它的端口：{ports}）。发往这个后端的请求都会失败（控制器返回 503 或 500）。{didYouMean}',
  'dangling-backend.related': 'Service "{service}" 在此定义。',

  'service-link-env.refused':
    '命名空间 {namespace} 中的 Service "{service}"{where} 使 kubelet 在容器 "{container}" 中设置 {variable}={value}（Service 链接环境变量），而 {program} 把 {variable} 当作自己的设置读取：启动时拒绝这个值（"{says}"）并退出：容器永远运行不起来（会重启的 Pod 将反复崩溃，CrashLoopBackOff）。请在 Pod spec 中设置 enableServiceLinks: false，或给这个 Service 换个名字。',
  'service-link-env.related': 'Service "{service}" 在此定义：它的名字产生了变量 {variable}。',
  'service-link-env.in-file': '（在 {file} 中）',

  'missing-config-key.env':
    '容器 "{container}" 读取 {kind} "{name}" 的键 "{key}"，但它没有这个键（已有的键：{keys}）。{didYouMean}kubelet 不会启动这个容器：CreateContainerConfigError，“couldn\'t find key {key} in {kind} {name}”。',
  'missing-config-key.volume':
    '卷 "{volume}" 投射 {kind} "{name}" 的键 "{key}"，但它没有这个键（已有的键：{keys}）。{didYouMean}kubelet 无法挂载这个卷，Pod 会一直停在 ContainerCreating。',
  'missing-config-key.sub-path':
    '容器 "{container}" 用 subPath 把 {kind} "{name}" 的键 "{key}" 挂载到 {mountPath}，但它没有这个键（已有的键：{keys}）。{didYouMean}kubelet 会在卷中建一个名为 {key} 的空目录并挂载它：程序在本该是文件的位置看到一个目录；若镜像在 {mountPath} 有文件，容器无法启动（“not a directory”）。',
  'missing-config-key.related': '{kind} "{name}" 在此定义。',

  'fix.duplicate-env.remove-earlier': '删除前面的 {name}（它的值会被覆盖）',
  'fix.duplicate-env.remove-this': '删除这一项 {name}（改为以前面的值为准）',
  'fix.undefined-env-reference.move': '把 {name} 的定义移到这一项之前',
  'fix.selector-mismatch.absent': '添加 spec.selector.matchLabels：{labels}',
  'fix.keep-handler': '只保留 {handler}',
  'fix.keep-on-delete': '，保留 updateStrategy OnDelete',
  'fix.with-deadline': '，并设置 progressDeadlineSeconds: {deadline}',
  'fix.without-job-selector': '，并删除 spec.selector（batch/v1 会自己生成）',
  'fix.api-version-and-selector': '设置 apiVersion: {apiVersion} 并添加 spec.selector.matchLabels：{labels}',
  'fix.selector-mismatch.labels': '给 Pod 模板加上标签 {labels}',
  'fix.selector-mismatch.label': '给 Pod 模板加上标签 {key}: {value}',
  'fix.selector-mismatch.remove-selector': '删除选择器（由 API Server 为 Job 生成）',
  'fix.selector-mismatch.manual': '设置 manualSelector: true（此后选择器只能选中这个 Job 的 Pod）',
  'fix.selector-mismatch.remove-manual': '删除 manualSelector: true',
  'fix.selector-mismatch.remove-label': '删除标签 {label}（由 API Server 写入）',
  'fix.service-selects-nothing.select': '选中 {workload} 的 Pod（{labels}）',
  'fix.service-selects-nothing.selector': '把选择器改为 {key}: {value}',
  'fix.probe-port-elsewhere.own': '改为探测这个容器自己的端口 {port}',
  'fix.port-not-served.knative': '声明 containerPort {port}（queue-proxy 随后把请求转发到那里）',
  'fix.service-link-env.disable-links': '设置 enableServiceLinks: false（kubelet 不再在这个 Pod 中设置 Service 环境变量）',
};
