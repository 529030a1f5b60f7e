/**
 * Part of invalid-value: a probe or lifecycle hook takes exactly one handler (validateHandler):
 *  - two or more (`exec` and `httpGet` in one livenessProbe, often left behind when a manifest
 *    switched handlers): "…livenessProbe.httpGet: Forbidden: may not specify more than 1 handler
 *    type", reported on each handler after the first in the API server's order;
 *  - none (`livenessProbe: {initialDelaySeconds: 5}`, or `{}`): "…livenessProbe: Required value: must
 *    specify a handler type". Only in built-in workloads: Knative fills in a handler-less
 *    readiness probe itself, and other controllers may too.
 * A handler written `null` (`httpGet:`) is no handler; `{}` is one. Not in patches or kustomize
 * resources (a patch may add or delete one); handlers in Helm `if`/`else` branches are dropped
 * with every finding inside a conditional block.
 */
import { isMap, isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import { isUnknownValue } from '../core/unknown-values';
import { unknownValueKeys } from '../k8s/unknown-names';
import { getPair, keyText, mapPairs } from '../core/yaml-access';
import { isOpenCollection } from '../core/open-collections';
import type { ContainerModel, PodModel } from '../k8s/pod-model';
import { judged } from './container-image';
import type { RuleContext } from './types';

/** validateHandler's order: the first written of these is kept, the others are refused. */
const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
const HOOK_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'];
/** A probe's other fields: with any other key (`gRPC:` for `grpc:`), unknown-field explains the missing handler. */
const PROBE_SETTINGS = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold', 'terminationGracePeriodSeconds'];

/** The handler pairs of a probe or hook, in the API server's order (a `null` value is none). */
export function handlerPairs(map: YAMLMap, names: readonly string[], pod: PodModel): Pair[] {
  return names.flatMap((name) => {
    const pair = getPair(map, name, pod.doc);
    const value = pair?.value;
    return pair && value !== null && !(isScalar(value) && value.value === null && !isUnknownValue(value)) ? [pair] : [];
  });
}

function checkOne(ctx: RuleContext, pod: PodModel, container: ContainerModel, pair: Pair | undefined, where: string, names: readonly string[], whole: boolean): void {
  const map = pair?.value;
  if (!isMap(map) || !isScalar(pair?.key)) return;
  // An include may write a handler; a templated handler value may render to nothing.
  if (isOpenCollection(map) || names.some((n) => unknownValueKeys(map, pod.doc).has(n))) return;
  const handlers = handlerPairs(map, names, pod);
  const path = `${container.path}.${where}`;
  if (handlers.length > 1) {
    const first = handlers[0]!;
    const shown = handlers.map((p) => keyText(p) ?? '?').join(', ');
    for (const extra of handlers.slice(1)) {
      const handler = keyText(extra) ?? '?';
      ctx.report({
        node: extra.key as Node,
        message: ctx.t('invalid-value.probe-handlers', { path, handler, handlers: shown }),
        related: [{ node: first.key as Node, message: ctx.t('invalid-value.probe-handlers.related', { handler: keyText(first) ?? '?' }) }],
        data: { probeHandlers: handlers.map((p) => keyText(p) ?? '') },
      });
    }
  } else if (handlers.length === 0 && whole && mapPairs(map, pod.doc).every((p) => [...names, ...PROBE_SETTINGS].includes(keyText(p) ?? ''))) {
    ctx.report({ node: pair.key as Node, message: ctx.t(where.includes('lifecycle') ? 'invalid-value.hook-handler-missing' : 'invalid-value.probe-handler-missing', { path }), data: { field: where } });
  }
}

export function checkProbeHandlers(ctx: RuleContext): void {
  for (const pod of ctx.pods) {
    if (pod.partial || ctx.options.kustomizeResource || ctx.options.fragment) continue;
    const whole = judged(pod, ctx);
    for (const container of pod.containers) {
      for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
        checkOne(ctx, pod, container, getPair(container.node, probe, pod.doc), probe, PROBE_HANDLERS, whole);
      }
      const lifecycle = getPair(container.node, 'lifecycle', pod.doc)?.value;
      if (!isMap(lifecycle) || isUnknownValue(lifecycle)) continue;
      for (const hook of ['postStart', 'preStop']) {
        checkOne(ctx, pod, container, getPair(lifecycle, hook, pod.doc), `lifecycle.${hook}`, HOOK_HANDLERS, whole);
      }
    }
  }
}
