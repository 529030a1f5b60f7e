/**
 * run-as-non-root: a container the kubelet will not start because `runAsNonRoot: true` (its own
 * or the pod's) cannot be verified. With no `runAsUser`, the kubelet reads the image's `USER`:
 * none (root) gives "container has runAsNonRoot and image will run as root", a name gives "image
 * has non-numeric user (nobody), cannot verify user is non-root"; `runAsUser: 0` gives "container's
 * runAsUser breaks non-root policy". The pod is created, the container stays in
 * CreateContainerConfigError. Hardening guides (and Pod Security "restricted") ask for
 * `runAsNonRoot`, and most official images start as root.
 *
 * The image's user comes from the built-in table (images/data/users.ts): an image not in it is not
 * judged. Not judged either: Windows pods (`runAsUserName` applies), custom resources (their
 * controllers merge security settings from elsewhere), values a template or placeholder writes,
 * kustomize patches and resources (an overlay may add the `runAsUser`), the objects of an OpenShift
 * Template (OpenShift's restricted SCC assigns each pod a non-root `runAsUser`).
 */
import { isUnknownValue } from '../core/unknown-values';
import { lookupImage } from '../k8s/images';
import { BASE_IMAGE_USERS, IMAGE_USERS, type ImageUser } from '../k8s/images/data/users';
import { parseImageRef, tagWords } from '../k8s/images/image-ref';
import { containerLabel, type ContainerModel, type PodModel } from '../k8s/pod-model';
import { isBuiltInWorkload } from '../k8s/workloads';
import { isWindows } from '../k8s/windows';
import { effectiveSetting } from '../k8s/security-context';
import type { Rule, RuleContext } from './types';

function checkContainer(ctx: RuleContext, pod: PodModel, container: ContainerModel, windows: () => boolean): void {
  const nonRoot = effectiveSetting(container, pod, 'runAsNonRoot');
  if (nonRoot.state !== 'set' || nonRoot.value !== true || windows()) return;
  const user = effectiveSetting(container, pod, 'runAsUser');
  const args = { container: containerLabel(container), image: container.image ?? '' };
  if (user.state === 'set') {
    if (user.value === 0) ctx.report({ node: user.node, message: ctx.t('run-as-non-root.root-uid', args), related: [{ node: nonRoot.node, message: ctx.t('run-as-non-root.related') }] });
    return;
  }
  if (user.state === 'unknown' || !container.image || !container.imageNode || isUnknownValue(container.imageNode)) return;
  const repository = lookupImage(container.image, ctx.options.images)?.builtinRepository;
  const imageUser = repository === undefined ? baseImageUser(container.image) : IMAGE_USERS[repository];
  if (!imageUser || imageUser.notForTagWords?.some((word) => tagWords(parseImageRef(container.image ?? '')?.tag).includes(word))) return;
  const related = [{ node: nonRoot.node, message: ctx.t('run-as-non-root.related') }];
  if (imageUser.name === undefined) {
    ctx.report({ node: container.imageNode, message: ctx.t('run-as-non-root.image-root', { ...args, source: imageUser.source }), related, data: { imageRoot: true } });
  } else {
    ctx.report({
      node: container.imageNode,
      message: ctx.t('run-as-non-root.image-named', { ...args, user: imageUser.name, uid: imageUser.uid ?? '?', source: imageUser.source }),
      related,
      data: imageUser.uid === undefined ? {} : { uid: imageUser.uid },
    });
  }
}

/** An official language image (`node:20`, `docker.io/library/python:3.12`), not a namesake elsewhere. */
function baseImageUser(image: string): ImageUser | undefined {
  const ref = parseImageRef(image);
  if (!ref || (ref.registry !== 'docker.io' && !ref.path.includes('library/'))) return undefined;
  return Object.hasOwn(BASE_IMAGE_USERS, ref.repository) ? BASE_IMAGE_USERS[ref.repository] : undefined;
}

export const runAsNonRoot: Rule = {
  id: 'run-as-non-root',
  defaultSeverity: 'error',
  check(ctx) {
    if (ctx.options.fragment || ctx.options.kustomizeResource) return;
    for (const pod of ctx.pods) {
      // Custom resources merge security settings from elsewhere (Argo's templateDefaults and
      // podSpecPatch, Tekton's podTemplate): only built-in workloads say all of it themselves.
      if (pod.partial || !isBuiltInWorkload(pod.object)) continue;
      // An OpenShift Template's pods run on OpenShift, whose restricted SCC assigns a non-root UID.
      if (pod.object.inTemplate) continue;
      let windows: boolean | undefined;
      const isForWindows = (): boolean => (windows ??= isWindows(pod));
      for (const container of pod.containers) if (container.role !== 'step') checkContainer(ctx, pod, container, isForWindows);
    }
  },
};
