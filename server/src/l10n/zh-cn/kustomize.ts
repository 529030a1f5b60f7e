/** kustomize 渲染相关的简体中文文本（键与 `en/kustomize.ts` 一致）。 */
export const kustomizeZhCn: Record<string, string> = {
  'kustomize.in-overlay': '{message}（覆盖层 {overlay}）',
  'kustomize.in-overlays': '{message}（覆盖层 {overlays}）',
  'kustomize.in-kustomization': '{message}（kustomization 目录 {overlay}）',
  'kustomize.patched-here': '覆盖层 {overlay} 的补丁在这里修改了这个对象。',
  'kustomize.other-side': '这个问题的另一方，位于为覆盖层 {overlay} 渲染出的 Pod 中。',
  'kustomize-build.failed': 'kustomize 无法构建这个 kustomization，因此没有检查最终会被应用的 Pod：{message}',
  'kustomize-build.failed-alone': 'kustomize 无法构建这个 kustomization，因此在没有它的情况下检查了其中的文件，而没有检查最终会被应用的 Pod：{message}',
  'kustomize-build.ignored-file': 'kustomize 在这里无法构建这个 kustomization：{file} 不在仓库中，且 .gitignore 列出了它，因此必须在应用该 overlay 的地方生成它（本地的 Secret、生成的文件）；直接从仓库构建的 GitOps 控制器（Flux、Argo CD）同样找不到它。已在没有它的情况下检查了其中的文件。',
  'kustomize-build.timeout': 'kustomize 在 {seconds} 秒内没有完成构建，因此没有检查最终会被应用的 Pod。',
  'kustomize-build.remote': '这个 kustomization 引用了远程资源（{resources}）。Podsight 不会下载它们，因此不检查渲染后的 Pod：本地文件会在没有这个 overlay 的情况下检查。',
  'kustomize-build.unrestricted': 'kustomize 只有在关闭加载限制（`--load-restrictor LoadRestrictionsNone`，Flux 就是这样构建的）时才能构建这个 kustomization；`kubectl apply -k` 和 kustomize 的默认设置会拒绝它。Podsight 检查的是这样构建出的 Pod。kustomize 的消息：{message}',
  'kustomize-build.remote-local': '这个 kustomization 引用了远程资源（{resources}）。Podsight 不会下载它们，因此在没有它们的情况下检查这个 overlay：它自己的补丁、生成器和本地 base 作为一次构建来检查。',
  'kustomize.not-found':
    'Podsight 没有找到可用于渲染覆盖层的 kustomize（PATH 中既没有 kubectl 也没有 kustomize；可设置 podsight.kustomize.command）。补丁和覆盖层将逐个文件检查。',
  'kustomize.not-found-cli': '没有找到 kustomize（PATH 中的 kubectl 或 kustomize，或 --kustomize-command）；改为逐个文件检查 {dir}',
  'kustomize.untrusted': 'Podsight 只在受信任的工作区中渲染覆盖层。',
  'kustomize.rendered-header': '# kustomize 为覆盖层 {overlay} 渲染出的 Pod。这只是副本：请修改源文件，而不是这里。',
};
