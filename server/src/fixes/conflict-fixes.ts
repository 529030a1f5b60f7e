/** The fixes of both conflict rules: move the reported container's process, else the other's. */
import { containerListeners, type ListenerEnv } from '../k8s/listeners';
import { runTogether, type ContainerModel, type PodModel } from '../k8s/pod-model';
import { containerByPath, fact, nextFree } from './find';
import { listenerEnv, moveListenerFix, portsInUse } from './move-listener';
import type { Fix, FixContext } from './types';

function usedByOthers(hit: { pod: PodModel; container: ContainerModel }, port: number, env: ListenerEnv): boolean {
  return hit.pod.containers.some((c) => c !== hit.container && runTogether(c, hit.container) && containerListeners(hit.pod, c, env).listeners.some((l) => l.port === port));
}

export function conflictFixes(ctx: FixContext): Fix[] {
  const port = Number(fact(ctx, 'port'));
  const protocol = String(fact(ctx, 'protocol') ?? 'TCP');
  if (!Number.isInteger(port)) return [];
  const env = listenerEnv(ctx);
  const fixes: Fix[] = [];
  for (const path of [fact(ctx, 'containerPath'), fact(ctx, 'otherPath')]) {
    const hit = containerByPath(ctx, path);
    if (!hit) continue;
    const listener = containerListeners(hit.pod, hit.container, env).listeners.find((l) => l.port === port && l.protocol === protocol);
    // A port the container declares but does not serve is where its author meant it to listen.
    const used = portsInUse(hit.pod, hit.container, env);
    const own = new Set(hit.container.ports.map((p) => p.containerPort));
    const meant = containerListeners(hit.pod, hit.container, env).unserved.find(
      (p) => p.protocol === protocol && p.containerPort !== undefined && !hit.pod.containers.some((c) => c !== hit.container && c.ports.some((q) => q.containerPort === p.containerPort)) && !usedByOthers(hit, p.containerPort, env),
    )?.containerPort;
    const to = listener ? (meant ?? nextFree(port, new Set([...used, ...own].filter((n): n is number => n !== undefined)))) : undefined;
    const fix = listener && to !== undefined ? moveListenerFix(ctx, hit.pod, listener, to, env) : undefined;
    if (fix) fixes.push({ ...fix, preferred: fixes.length === 0 });
  }
  return fixes;
}
