/**
 * port-not-served: make the process listen on the declared port (its setting, or nginx's
 * `listen`), when that port is free in the pod; or declare the port it really listens on.
 */
import { containerListeners } from '../k8s/listeners';
import { containerByPath, fact, writtenIn } from './find';
import { runTogether } from '../k8s/pod-model';
import { listenerEnv, moveListenerFix } from './move-listener';
import type { Fix, FixProvider } from './types';
import { replaceScalar } from './yaml-edit';

export const portNotServedFixes: FixProvider = (ctx) => {
  if (fact(ctx, 'probe') !== undefined) return probeFixes(ctx);
  const port = Number(fact(ctx, 'port'));
  const protocol = String(fact(ctx, 'protocol') ?? 'TCP');
  const hit = containerByPath(ctx, fact(ctx, 'containerPath'));
  if (!hit || !Number.isInteger(port)) return [];
  const env = listenerEnv(ctx);
  const { pod, container } = hit;
  const mine = containerListeners(pod, container, env).listeners.filter((l) => l.protocol === protocol);
  const declaration = container.ports.find((p) => p.containerPort === port && p.protocol === protocol);
  if (mine.length !== 1 || !declaration?.containerPortNode) return [];
  const listener = mine[0]!;
  const fixes: Fix[] = [];
  // A port is free for this container when no other container running beside it listens on or declares it.
  const free = (n: number): boolean =>
    !pod.containers.some((c) => c !== container && runTogether(c, container) && (containerListeners(pod, c, env).listeners.some((l) => l.port === n) || c.ports.some((p) => p.containerPort === n)));
  if (free(port)) {
    const move = moveListenerFix(ctx, pod, listener, port, env);
    if (move) fixes.push({ ...move, preferred: true });
  }
  if (free(listener.port) && !container.ports.some((p) => p !== declaration && p.containerPort === listener.port) && writtenIn(declaration.containerPortNode, container.node)) {
    fixes.push({ title: ctx.t('fix.port-not-served.declare', { image: container.image ?? '', port: listener.port, old: port }), edits: [replaceScalar(ctx.chunk.start, declaration.containerPortNode, listener.port)], preferred: fixes.length === 0 });
  }
  return fixes;
};

/** A probe on a port nothing serves: probe the one port the container's process listens on. */
const probeFixes: FixProvider = (ctx) => {
  const listens = Number(fact(ctx, 'listens'));
  const hit = containerByPath(ctx, fact(ctx, 'containerPath'));
  const where = String(fact(ctx, 'probe'));
  const ref = hit?.container.portReferences.find((r) => r.where === where);
  if (!hit || !ref || !Number.isInteger(listens) || !writtenIn(ref.node, hit.container.node)) return [];
  return [{ title: ctx.t('fix.port-not-served.probe', { port: listens, image: hit.container.image ?? '' }), edits: [replaceScalar(ctx.chunk.start, ref.node, listens)], preferred: true }];
};
