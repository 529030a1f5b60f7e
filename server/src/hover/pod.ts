/** The pod hover (`kind`, the pod template key, `spec` of the pod): the scheduling unit and its infra container. */
import { containerLabel, type PodModel } from '../k8s/pod-model';
import { code, learnMore, type HoverContext } from './context';
import { hostnameOf, localhostSection, roleText } from './network';

export function podHover(ctx: HoverContext, pod: PodModel): string {
  const name = pod.name ?? '?';
  const title = pod.kind === 'Pod' ? ctx.t('hover.pod.title', { name }) : ctx.t('hover.pod.title-template', { kind: pod.kind, name });
  const pid = pod.shareProcessNamespace ? ctx.t('hover.pod.infra-pid') : '';
  const parts = [title, ctx.t('hover.pod.infra', { hostname: hostnameOf(ctx, pod), pid })];
  if (pod.hostNetwork) parts.push(ctx.t('hover.pod.infra-host'));
  if (pod.containers.length) {
    parts.push(ctx.t('hover.pod.containers', { list: pod.containers.map((c) => `${code(containerLabel(c))} (${roleText(ctx, c)})`).join(', ') }));
  }
  if (pod.volumes.length) {
    parts.push(ctx.t('hover.pod.volumes', { list: pod.volumes.map((v) => `${code(v.name ?? '?')} (${v.source ?? '?'})`).join(', ') }));
  }
  parts.push(localhostSection(ctx, pod));
  parts.push(learnMore(ctx, ['pods', 'shareProcessNamespace']));
  return parts.join('\n\n');
}
