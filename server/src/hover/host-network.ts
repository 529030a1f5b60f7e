/** Hovers on `hostPort` and `hostNetwork`: what the node sees of the pod's ports. */
import { containerLabel, type ContainerModel, type PodModel, type PortModel } from '../k8s/pod-model';
import { code, learnMore, type HoverContext } from './context';
import { hostnameOf, listenersOf, portHover } from './network';

/** Hover on `hostPort`. */
export function hostPortHover(ctx: HoverContext, pod: PodModel, c: ContainerModel, port: PortModel): string {
  if (port.hostPort === undefined) return portHover(ctx, pod, c, port);
  const title = ctx.t(port.containerPort === undefined ? 'hover.hostport.title-no-target' : 'hover.hostport.title', {
    hostPort: port.hostPort,
    protocol: port.protocol,
    hostIP: port.hostIP ? ` (${code(port.hostIP)})` : '',
    containerPort: port.containerPort ?? '',
    name: containerLabel(c),
  });
  const parts = [title, ctx.t('hover.hostport.detail')];
  const others = pod.containers.flatMap((o) =>
    o.ports.filter((p) => p !== port && p.hostPort !== undefined).map((p) => `${code(`${p.hostPort}/${p.protocol}`)} (${code(containerLabel(o))})`),
  );
  if (others.length) parts.push(ctx.t('hover.hostport.others', { list: others.join(ctx.t('hover.list-sep')) }));
  if (pod.hostNetwork) parts.push(ctx.t('hover.hostport.host-network'));
  parts.push(learnMore(ctx, ['hostPort', 'podNetworking']));
  return parts.join('\n\n');
}

/** Hover on `hostNetwork`. */
export function hostNetworkHover(ctx: HoverContext, pod: PodModel): string {
  if (!pod.hostNetwork) return [ctx.t('hover.hostnetwork.off'), ctx.t('hover.net.shared', { hostname: hostnameOf(ctx, pod) })].join('\n\n');
  const bound = listenersOf(ctx, pod).map((l) => `${code(`${l.port}/${l.protocol}`)} (${code(containerLabel(l.container))})`);
  const parts = [ctx.t('hover.hostnetwork.on')];
  if (bound.length) parts.push(ctx.t('hover.hostnetwork.ports', { list: bound.join(ctx.t('hover.list-sep')) }));
  parts.push(learnMore(ctx, ['networking']));
  return parts.join('\n\n');
}
