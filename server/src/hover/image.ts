/** The `image` hover: what Podsight knows about the image and where that knowledge comes from. */
import { lookupImage, USER_SOURCE } from '../k8s/images';
import { containerListeners } from '../k8s/listeners';
import type { ContainerModel, PodModel } from '../k8s/pod-model';
import { code, learnMore, table, type HoverContext } from './context';

export function imageHover(ctx: HoverContext, pod: PodModel, c: ContainerModel): string | undefined {
  if (!c.image) return undefined;
  const resolved = lookupImage(c.image, ctx.options.images);
  const learn = learnMore(ctx, ['images']);
  if (!resolved) return [ctx.t('hover.image.unknown', { image: c.image }), learn].join('\n\n');
  const parts = [ctx.t('hover.image.title', { image: c.image, title: resolved.title, variant: resolved.variant ? ` (${resolved.variant})` : '' })];
  const declared = c.ports.flatMap((p) => (p.containerPort === undefined ? [] : [code(`${p.containerPort}/${p.protocol}`)]));
  // A command that starts the image's own server (`[redis-server, …]`) keeps its ports and settings.
  if (c.commandOverridden && containerListeners(pod, c, { images: ctx.options.images }).basis === 'command') parts.push(ctx.t('hover.image.command'));
  else if (declared.length) parts.push(ctx.t('hover.image.declared', { ports: declared.join(ctx.t('hover.list-sep')) }));
  // One table: what the image listens on, ships and expects to be mounted.
  const rows = [
    ...resolved.ports.map((p) => [code(`${p.port}/${p.protocol}`), ctx.t('hover.image.row.listens', { what: brief(p.description) })]),
    // A directory inside another one listed (nginx's conf.d in /etc/nginx) is in the outer one's contents.
    ...resolved.populatedDirs
      .filter((d) => !resolved.populatedDirs.some((o) => d.path.startsWith(`${o.path}/`)))
      .map((d) => [code(d.path), ctx.t('hover.image.row.ships', { what: brief(d.contents) })]),
    ...resolved.dataDirs.map((d) => [code(d.path), ctx.t('hover.image.row.mount', { what: brief(d.why) })]),
  ];
  if (!resolved.ports.length) parts.push(ctx.t('hover.image.no-ports'));
  if (rows.length) parts.push(table([ctx.t('hover.image.col.port'), ctx.t('hover.image.col.what')], rows));
  const setting = resolved.portSetting;
  if (setting) {
    const how = [setting.env ? code(setting.env) : undefined, setting.arg ? code(setting.arg) : undefined].filter(Boolean).join(' / ');
    const description = brief(setting.description.replace(/\.$/, ''), 110);
    parts.push(ctx.t('hover.image.port-setting', { how: how ? `${how} (${description})` : description }));
  }
  const sources = [resolved.builtinSource, resolved.fromUser ? ctx.t('hover.image.user') : undefined].filter((s): s is string => !!s && s !== USER_SOURCE);
  parts.push(ctx.t('hover.image.source', { source: sources.join('; ') || resolved.source }));
  parts.push(learn);
  return parts.join('\n\n');
}

/** A table cell's text, cut at a word boundary: the hover stays short, the docs page has the rest. */
function brief(text: string, max = 60): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max - 1);
  return `${text.slice(0, cut > max / 2 ? cut : max - 1).replace(/[,;:(]$/, '')}…`;
}
