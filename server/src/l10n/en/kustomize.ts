/** English texts of kustomize rendering: overlay suffixes, render errors, the editor's notices. */
export const kustomizeEn = {
  'kustomize.in-overlay': '{message} (in overlay {overlay})',
  'kustomize.in-overlays': '{message} (in overlays {overlays})',
  'kustomize.in-kustomization': '{message} (in kustomization {overlay})',
  'kustomize.patched-here': 'A patch of overlay {overlay} changes this object here.',
  'kustomize.other-side': 'The other side of this finding, in the pod rendered for overlay {overlay}.',
  'kustomize-build.failed': 'kustomize could not build this kustomization, so the pod that will be applied was not checked: {message}',
  'kustomize-build.failed-alone': 'kustomize could not build this kustomization, so its files were checked without it instead of the pod that will be applied: {message}',
  'kustomize-build.ignored-file': 'kustomize cannot build this kustomization here: {file} is not in the repository, and .gitignore lists it, so it must be made where the overlay is applied (a local secret, a generated file); a GitOps controller that builds from the repository (Flux, Argo CD) will not find it either. Its files were checked without it.',
  'kustomize-build.timeout': 'kustomize did not finish building this kustomization within {seconds} s, so the pod that will be applied was not checked.',
  'kustomize-build.remote': 'This kustomization uses remote resources ({resources}); Podsight does not fetch them, so the rendered pod is not checked: its local files are checked without this overlay.',
  'kustomize-build.unrestricted': 'kustomize builds this kustomization only without its load restrictor, as Flux does (`--load-restrictor LoadRestrictionsNone`); `kubectl apply -k` and kustomize\'s defaults refuse it. Podsight checked the pods built that way. kustomize said: {message}',
  'kustomize-build.remote-local': 'This kustomization uses remote resources ({resources}); Podsight does not fetch them, so the overlay is checked without them: its own patches, generators and local bases are checked as one build.',
  'kustomize.not-found':
    'Podsight found no kustomize to render overlays (neither kubectl nor kustomize is on the PATH; set podsight.kustomize.command). Patches and overlays are checked file by file.',
  'kustomize.not-found-cli': 'no kustomize found (kubectl or kustomize on the PATH, or --kustomize-command); checking {dir} file by file',
  'kustomize.untrusted': 'Podsight renders overlays only in trusted workspaces.',
  'kustomize.rendered-header': '# The pods kustomize renders for overlay {overlay}. A copy: edit the source files, not this one.',
} as const;
