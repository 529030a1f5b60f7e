/**
 * service-link-env: turn the pod's Service links off (no `<NAME>_PORT` reaches the program).
 * Preferred unless the pod reads a link variable itself (`$(REDIS_SERVICE_HOST)`), which it would
 * then lose. (An empty value in the container's env is no way out: Confluent's images write it into
 * their properties as `port=`, which older brokers and Schema Registry cannot parse.)
 */
import { getPair, getNode } from '../core/yaml-access';
import { envOf, isServiceLinkVariable } from '../k8s/env';
import type { PodModel } from '../k8s/pod-model';
import { containerByPath, fact } from './find';
import type { Fix, FixProvider } from './types';
import { addPair, replaceScalar } from './yaml-edit';

/** `$(NAME)`, `$NAME` and `${NAME}` in env values and command lines. */
const REFERENCE = /\$\(([A-Z0-9_]+)\)|\$\{([A-Z0-9_]+)\}|\$([A-Z0-9_]+)/g;

/** Whether a container of the pod reads a Service link variable (other than the API server's, which stays). */
function readsLinks(pod: PodModel): boolean {
  return pod.containers.some((c) => {
    const env = envOf(c, pod.doc);
    const texts = [...env.entries.map((e) => e.valueNode?.value ?? ''), ...env.commandArgs.map((a) => a.node.value)];
    return texts.some((text) => [...text.matchAll(REFERENCE)].some((m) => {
      const name = m[1] ?? m[2] ?? m[3] ?? '';
      return isServiceLinkVariable(name) && !name.startsWith('KUBERNETES_');
    }));
  });
}

export const serviceLinkEnvFixes: FixProvider = (ctx) => {
  const hit = containerByPath(ctx, fact(ctx, 'container'));
  const variable = fact(ctx, 'variable');
  if (!hit || typeof variable !== 'string') return [];
  const { pod } = hit;
  const text = ctx.analysis.text;
  const base = ctx.chunk.start;
  const fixes: Fix[] = [];
  const written = getNode(pod.spec, 'enableServiceLinks', pod.doc);
  const linksEdit = getPair(pod.spec, 'enableServiceLinks', pod.doc) && written ? replaceScalar(base, written, false) : addPair(text, base, pod.spec, 'enableServiceLinks', false);
  const keepsLinks = readsLinks(pod);
  fixes.push({ title: ctx.t('fix.service-link-env.disable-links', {}), edits: [linksEdit], ...(keepsLinks ? {} : { preferred: true }) });
  return fixes;
};
