/** The `image` hover: what Podsight knows about the image and where that knowledge comes from. */
import { lookupImage, USER_SOURCE } from '../k8s/images';
import type { ContainerModel } from '../k8s/pod-model';
import { code, learnMore, table, type HoverContext } from './context';

export function imageHover(ctx: HoverContext, c: ContainerModel): string | undefined {
  if (!c.image) return undefined;
  const resolved = lookupImage(c.image, ctx.options.images);
  const learn = learnMore(ctx, ['images']);
  if (!resolved) return [ctx.t('hover.image.unknown', { image: c.image }), learn].join('\n\n');
  const parts = [ctx.t('hover.image.title', { image: c.image, title: resolved.title, variant: resolved.variant ? ` (${resolved.variant})` : '' })];
  if (resolved.ports.length) {
    const rows = resolved.ports.map((p) => [code(`${p.port}/${p.protocol}`), p.description]);
    parts.push(`${ctx.t('hover.image.ports')}\n\n${table([ctx.t('hover.image.col.port'), ctx.t('hover.image.col.what')], rows)}`);
  } else {
    parts.push(ctx.t('hover.image.no-ports'));
  }
  if (resolved.populatedDirs.length) {
    parts.push(`${ctx.t('hover.image.populated')}\n\n${table(['', ''], resolved.populatedDirs.map((d) => [code(d.path), d.contents]))}`);
  }
  if (resolved.dataDirs.length) {
    parts.push(`${ctx.t('hover.image.data')}\n\n${table(['', ''], resolved.dataDirs.map((d) => [code(d.path), d.why]))}`);
  }
  const setting = resolved.portSetting;
  if (setting) {
    const how = [setting.env ? code(setting.env) : undefined, setting.arg ? code(setting.arg) : undefined].filter(Boolean).join(' / ');
    const description = setting.description.replace(/\.$/, '');
    parts.push(ctx.t('hover.image.port-setting', { how: how ? `${how} (${description})` : description }));
  }
  if (c.commandOverridden) parts.push(ctx.t('hover.image.command'));
  const declared = c.ports.flatMap((p) => (p.containerPort === undefined ? [] : [code(`${p.containerPort}/${p.protocol}`)]));
  if (declared.length) parts.push(ctx.t('hover.image.declared', { ports: declared.join(ctx.t('hover.list-sep')) }));
  const sources = [resolved.builtinSource, resolved.fromUser ? ctx.t('hover.image.user') : undefined].filter((s): s is string => !!s && s !== USER_SOURCE);
  parts.push(ctx.t('hover.image.source', { source: sources.join('; ') || resolved.source }));
  parts.push(learn);
  return parts.join('\n\n');
}
