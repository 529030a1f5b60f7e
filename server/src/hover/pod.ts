/** The pod hover (`kind`, the pod template key, `spec` of the pod): the scheduling unit and its infra container. */
import { containerLabel, type PodModel } from '../k8s/pod-model';
import { code, learnMore, type HoverContext } from './context';
import { hostnameOf, portTable } from './network';

export function podHover(ctx: HoverContext, pod: PodModel): string {
  const name = pod.name ? code(pod.name) : ctx.t('hover.pod.unnamed');
  const title = pod.kind === 'Pod' ? ctx.t('hover.pod.title', { name }) : ctx.t('hover.pod.title-template', { kind: pod.kind, name });
  const pid = pod.shareProcessNamespace ? ctx.t('hover.pod.infra-pid') : '';
  const parts = [title, ctx.t('hover.pod.infra', { hostname: hostnameOf(ctx, pod), pid })];
  if (pod.hostNetwork) parts.push(ctx.t('hover.pod.infra-host'));
  if (pod.containers.length) {
    parts.push(ctx.t('hover.pod.containers', { list: pod.containers.map((c) => ctx.t('hover.pod.item', { name: code(containerLabel(c)), what: ctx.t(`hover.pod.short.${c.role}`) })).join(ctx.t('hover.list-sep')) }));
  }
  const volumes = pod.volumes.filter((v) => v.name !== undefined);
  if (volumes.length) {
    const item = (v: (typeof volumes)[number]): string => (v.source ? ctx.t('hover.pod.item', { name: code(v.name ?? ''), what: v.source }) : code(v.name ?? ''));
    parts.push(ctx.t('hover.pod.volumes', { list: volumes.map(item).join(ctx.t('hover.list-sep')) }));
  }
  parts.push(portTable(ctx, pod));
  parts.push(learnMore(ctx, ['pods', 'shareProcessNamespace']));
  return parts.join('\n\n');
}
