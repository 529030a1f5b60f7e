/** Finding ports that collide inside one pod: shared by the port rules and the quick fixes. */
import { runTogether, type ContainerModel, type PodModel, type PortModel } from './pod-model';

/** A port that collides with one declared earlier in the pod. */
export interface PortClash {
  readonly container: ContainerModel;
  readonly port: PortModel;
  readonly earlier: { readonly container: ContainerModel; readonly port: PortModel };
}

/**
 * Every port whose `key` (e.g. `80/TCP`, or `TCP/hostIP/9100`) equals that of an earlier port in a
 * container running at the same time. `withinContainer` also counts repeats inside one container.
 */
export function portClashes(pod: PodModel, key: (port: PortModel) => string | undefined, withinContainer = false): PortClash[] {
  const seen: { container: ContainerModel; port: PortModel; key: string }[] = [];
  const clashes: PortClash[] = [];
  for (const container of pod.containers) {
    for (const port of container.ports) {
      const k = key(port);
      if (k === undefined) continue;
      const earlier = seen.find(
        (s) => s.key === k && ((withinContainer && s.container === container) || runTogether(s.container, container)),
      );
      seen.push({ container, port, key: k });
      if (earlier) clashes.push({ container, port, earlier });
    }
  }
  return clashes;
}
