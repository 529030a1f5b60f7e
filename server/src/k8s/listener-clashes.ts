/**
 * Clashes between the effective listeners of a pod's containers: two processes of one network
 * namespace (the pause container's) that run at the same time and bind one port and protocol on
 * overlapping addresses. The second bind fails with EADDRINUSE. Read by port-conflict and
 * implicit-port-conflict. (port-clashes.ts compares the declarations; this, what the processes bind.)
 */
import { NO_CONFIG_MAPS } from './config-maps';
import { addressesClash } from './listen-values';
import { podListeners, type Listener, type ListenerEnv } from './listeners';
import { runTogether, type PodModel } from './pod-model';

/** Two listeners of containers running at the same time that want one port. */
export interface ListenerClash {
  readonly earlier: Listener;
  readonly later: Listener;
}

const clashCache = new WeakMap<PodModel, { images: unknown; configMaps: unknown; result: readonly ListenerClash[] }>();

/**
 * Every clash in the pod: same port and protocol, overlapping bind addresses (one per container
 * pair and port). Memoised on the pod model: port-conflict and implicit-port-conflict both ask.
 */
export function listenerClashes(pod: PodModel, env: ListenerEnv = {}): readonly ListenerClash[] {
  const configMaps = env.configMaps ?? NO_CONFIG_MAPS;
  const hit = clashCache.get(pod);
  if (hit && hit.images === env.images && hit.configMaps === configMaps) return hit.result;
  const result = computeClashes(pod, env);
  clashCache.set(pod, { images: env.images, configMaps, result });
  return result;
}

function computeClashes(pod: PodModel, env: ListenerEnv): ListenerClash[] {
  // Grouped by port and protocol first: only listeners on one number can clash, and a pod with
  // thousands of containers must not cost a comparison per pair.
  const groups = new Map<string, { listener: Listener; order: number }[]>();
  podListeners(pod, env).forEach((of, order) => {
    // A server that prints or tests and exits (`nginx -t`, `solr status`) binds nothing, whatever it declares (probe).
    if (of.runsInstead && 'exitFlag' in of.runsInstead) return;
    for (const listener of of.listeners) {
      const key = `${listener.port}/${listener.protocol}`;
      const group = groups.get(key);
      if (group) group.push({ listener, order });
      else groups.set(key, [{ listener, order }]);
    }
  });
  const clashes: (ListenerClash & { order: number })[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const seen = new Set<string>();
    // A crowd on one port (a hostile pod): compare each with the first few, enough to report it.
    const span = group.length > 64 ? 8 : group.length;
    group.forEach((a, i) => {
      for (const b of i < span ? group.slice(i + 1) : []) {
        const [first, second] = a.order <= b.order ? [a, b] : [b, a];
        if (first.order === second.order || !runTogether(first.listener.container, second.listener.container)) continue;
        if (!addressesClash(first.listener.address, second.listener.address)) continue;
        const pair = `${first.order}/${second.order}`;
        if (seen.has(pair)) continue;
        seen.add(pair);
        clashes.push({ earlier: first.listener, later: second.listener, order: second.order * 1e6 + first.order });
      }
    });
  }
  return clashes.sort((x, y) => x.order - y.order || x.later.port - y.later.port).map(({ earlier, later }) => ({ earlier, later }));
}
