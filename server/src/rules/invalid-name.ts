/**
 * invalid-name: container and volume names, `hostname` and `subdomain` must be RFC 1123 labels,
 * as the API server requires; so must label keys and values, namespaces, ConfigMap and Secret keys
 * and environment variable names have their forms (metadata-names.ts).
 */
import type { Node } from 'yaml';
import { dns1123LabelErrors, holdsSedToken } from '../k8s/names';
import { getScalar } from '../core/yaml-access';
import { checkMetadataNames } from './metadata-names';
import type { Rule, RuleContext } from './types';

function checkLabel(ctx: RuleContext, value: string | undefined, node: Node | undefined, what: string, path: string): void {
  if (value === undefined || !node || holdsSedToken(value)) return;
  const errors = value === '' ? ['Required value'] : dns1123LabelErrors(value);
  if (errors.length === 0) return;
  const suggestion = value.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63) || undefined;
  const args = { name: value, what: ctx.t(`invalid-name.what.${what}`), path, reason: errors.join('; ') };
  ctx.report({
    node,
    // The server says "Required value" of an empty name, with no value quoted.
    message: ctx.t(value === '' ? 'invalid-name.empty' : 'invalid-name.message', args),
    data: { name: value, what, suggestion },
  });
}

export const invalidName: Rule = {
  id: 'invalid-name',
  defaultSeverity: 'error',
  check(ctx) {
    checkMetadataNames(ctx);
    for (const pod of ctx.pods) {
      for (const c of pod.containers) {
        // Argo names its main container `main` whatever is written; an empty name is an unnamed
        // Tekton step, or one Knative names: the controller's name reaches the pod, not this one.
        if (c.podName === c.defaultName && c.defaultName !== undefined) continue;
        if (c.name === '' && (c.podName === '' || pod.shape.namesEmptyContainers)) continue;
        checkLabel(ctx, c.name, c.nameNode, 'container', `${c.path}.name`);
      }
      for (const v of pod.volumes) checkLabel(ctx, v.name, v.nameNode, 'volume', `${v.path}.name`);
      for (const field of ['hostname', 'subdomain']) {
        const node = getScalar(pod.spec, field, pod.doc);
        if (typeof node?.value === 'string') checkLabel(ctx, node.value, node, field, `${pod.path}.${field}`);
      }
    }
  },
};
