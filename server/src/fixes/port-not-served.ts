/**
 * port-not-served: make the process listen on the declared port (its setting, or nginx's
 * `listen`), when that port is free in the pod; or declare the port it really listens on.
 */
import { containerListeners, isLoopback, podListeners } from '../k8s/listeners';
import { containerByPath, fact, isAt, writtenIn } from './find';
import { runTogether } from '../k8s/pod-model';
import { listenerEnv, moveListenerFix } from './move-listener';
import type { Fix, FixProvider } from './types';
import { addPair, appendItem, removeBlockPair, replaceScalar } from './yaml-edit';
import { getMap } from '../core/yaml-access';
import { loopbackHosts } from '../rules/probe-loopback-host';
import { everyAddress, loopbackBinds } from '../rules/probe-loopback-listener';
import type { Node } from 'yaml';

export const portNotServedFixes: FixProvider = (ctx) => {
  if (fact(ctx, 'probe') !== undefined) return probeFixes(ctx);
  if (fact(ctx, 'loopbackHost') !== undefined) return loopbackHostFixes(ctx);
  if (fact(ctx, 'loopbackListener') !== undefined) return loopbackListenerFixes(ctx);
  if (fact(ctx, 'knativePort') === true) return knativePortFixes(ctx);
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

/** A Knative container that declares no port: declare the one its process listens on (queue-proxy then forwards there). */
const knativePortFixes: FixProvider = (ctx) => {
  const listens = Number(fact(ctx, 'listens'));
  const hit = containerByPath(ctx, fact(ctx, 'containerPath'));
  if (!hit || !Number.isInteger(listens)) return [];
  const edit = addPair(ctx.analysis.text, ctx.chunk.start, hit.container.node, 'ports', [{ containerPort: listens }]);
  return [{ title: ctx.t('fix.port-not-served.knative', { port: listens }), edits: [edit], preferred: true }];
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

/** A probe sent to the node's loopback: remove `host`, so the kubelet probes the pod IP. */
const loopbackHostFixes: FixProvider = (ctx) => {
  for (const pod of ctx.chunk.analysis.pods) {
    for (const container of pod.containers) {
      const found = loopbackHosts(pod, container).find((h) => h.pair.value && isAt(ctx, h.pair.value));
      if (!found?.pair.value) continue;
      const edit = removeBlockPair(ctx.analysis.text, ctx.chunk.start, found.pair.key as Node, found.pair.value);
      if (!edit) return [];
      const port = found.port;
      const env = listenerEnv(ctx);
      const there = pod.containers.flatMap((c) => containerListeners(pod, c, env).listeners.filter((l) => l.port === port && l.protocol === 'TCP'));
      const loopbackOnly = there.length > 0 && there.every((l) => isLoopback(l.address));
      // Loopback only: the pod IP refuses it too, so removing host would change nothing that matters.
      return loopbackOnly ? [] : [{ title: ctx.t('fix.port-not-served.loopback-host', { host: String(found.pair.value.value) }), edits: [edit], preferred: true }];
    }
  }
  return [];
};

/**
 * A probe on a port bound to the pod's loopback by a listen flag: bind it on every address, so the
 * kubelet reaches it on the pod IP. Preferred for a health or probe listener; a metrics or admin
 * port may sit on loopback on purpose (behind an authenticating proxy), where the probe is what is wrong.
 */
const loopbackListenerFixes: FixProvider = (ctx) => {
  const hit = containerByPath(ctx, fact(ctx, 'containerPath'));
  const port = Number(fact(ctx, 'port'));
  if (!hit) return [];
  const fixes: Fix[] = [];
  // On the node's network: probe the node's loopback, where the process listens (preferred: the
  // port stays off the node's other interfaces).
  const where = String(fact(ctx, 'loopbackListener'));
  const probed = fact(ctx, 'hostNetwork') === true ? containerByPath(ctx, fact(ctx, 'probedPath'))?.container : undefined;
  const handler = probed && /^(\w+)\.(httpGet|tcpSocket)\.port$/.exec(where);
  const handlerMap = handler ? getMap(getMap(probed.node, handler[1]!, hit.pod.doc), handler[2]!, hit.pod.doc) : undefined;
  if (handlerMap && probed && writtenIn(handlerMap, probed.node)) fixes.push({ title: ctx.t('fix.port-not-served.loopback-probe-host'), edits: [addPair(ctx.analysis.text, ctx.chunk.start, handlerMap, 'host', '127.0.0.1')], preferred: true });
  const binds = loopbackBinds(hit.pod, podListeners(hit.pod, listenerEnv(ctx)));
  // A server the command starts (uvicorn, flask run, runserver, gunicorn -b): its own setting.
  const server = binds.find((b) => b.container === hit.container && b.port === port && b.edit);
  if (server?.edit) {
    const edit = server.edit;
    const how = server.byDefault?.how ?? ('replace' in edit ? edit.text : '');
    const edits = 'replace' in edit ? (writtenIn(edit.replace, hit.container.node) ? [replaceScalar(ctx.chunk.start, edit.replace, edit.text)] : []) : writtenIn(edit.append, hit.container.node) ? [appendItem(ctx.analysis.text, ctx.chunk.start, edit.append, edit.text)] : [];
    const title = 'replace' in edit && !server.byDefault ? ctx.t('fix.port-not-served.loopback-listener', { value: edit.text }) : ctx.t('fix.port-not-served.loopback-server', { value: how });
    return edits.length ? [...fixes, { title, edits, preferred: fixes.length === 0 }] : fixes;
  }
  const bind = binds.find((b) => b.container === hit.container && b.port === port && b.flag);
  const value = bind?.flag?.value;
  if (!bind?.flag || !value || typeof value.value !== 'string' || !writtenIn(value, hit.container.node)) return fixes;
  const rebound = everyAddress(value.value);
  if (rebound === value.value) return fixes;
  const preferred = fixes.length === 0 && /health|probe|ready|live|status/i.test(bind.flag.name);
  return [...fixes, { title: ctx.t('fix.port-not-served.loopback-listener', { value: rebound }), edits: [replaceScalar(ctx.chunk.start, value, rebound)], preferred }];
};
