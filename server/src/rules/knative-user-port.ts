/**
 * Part of port-not-served: a Knative Service's serving container declares no port, so Knative's
 * queue-proxy forwards requests to 8080 (and sets PORT=8080), but the image, whose ports Podsight
 * knows fully, listens elsewhere and does not read PORT (nginx on 80). queue-proxy's readiness
 * check on 8080 never passes: the revision never becomes ready and every request fails.
 */
import { getPair } from '../core/yaml-access';
import { isLoopback, type ContainerListeners } from '../k8s/listeners';
import { containerLabel, type PodModel } from '../k8s/pod-model';
import { howText, listenText } from './listener-words';
import type { FileRuleContext } from './types';
import { isKnativeServing } from '../k8s/knative';

/** The port queue-proxy forwards to when the serving container declares none (Knative's runtime contract). */
export const KNATIVE_DEFAULT_PORT = 8080;

export function reportKnativeUserPort(ctx: FileRuleContext, chunkStart: number, pod: PodModel, all: readonly ContainerListeners[]): void {
  if (pod.partial || !isKnativeServing(pod)) return;
  const serving = all.filter((o) => o.container.list === 'containers');
  // With several containers one must declare the port (invalid-value says so otherwise).
  if (serving.length !== 1) return;
  const of = serving[0] as ContainerListeners;
  const container = of.container;
  if (getPair(container.node, 'ports', pod.doc) !== undefined || !of.complete || of.basis !== 'image' || !container.imageNode) return;
  // An image that reads PORT follows what Knative sets.
  if (of.image?.portSetting?.env === 'PORT' || of.image?.listen?.settings.some((s) => s.env?.includes('PORT'))) return;
  const reachable = of.listeners.filter((l) => l.protocol === 'TCP' && !isLoopback(l.address));
  if (reachable.some((l) => l.port === KNATIVE_DEFAULT_PORT)) return;
  const served = of.listeners.map((l) => ctx.t('port-not-served.served', { listen: listenText(l), how: howText(ctx.t, l, of) })).join(ctx.t('hover.list-sep'));
  ctx.report(chunkStart, {
    node: container.imageNode,
    message: ctx.t('port-not-served.knative', { name: containerLabel(container), image: container.image ?? '', port: KNATIVE_DEFAULT_PORT, served: served || ctx.t('port-not-served.nothing') }),
    data: { knativePort: true, containerPath: container.path, listens: reachable.length === 1 ? reachable[0]?.port : undefined },
  });
}
