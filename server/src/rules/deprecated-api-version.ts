/**
 * deprecated-api-version: an apiVersion/kind that is still served but deprecated; the API server
 * answers every request with a warning, and a later release will stop serving it.
 */
import { getScalar } from '../core/yaml-access';
import { deprecationOf } from '../k8s/api-versions';
import type { Rule } from './types';

export const deprecatedApiVersion: Rule = {
  id: 'deprecated-api-version',
  defaultSeverity: 'warning',
  tags: ['deprecated'],
  check(ctx) {
    // A chart's object under a condition may be one for old clusters only: the condition may ask
    // for the cluster's version through a helper or a variable Podsight cannot follow.
    if (ctx.chunk.wrapped) return;
    for (const { object, doc } of ctx.objects) {
      if (!object.apiVersion || !object.kind) continue;
      const deprecation = deprecationOf(object.apiVersion, object.kind);
      const node = getScalar(object.node, 'apiVersion', doc);
      if (!deprecation || !node) continue;
      const args = { apiVersion: object.apiVersion, kind: object.kind, deprecatedIn: deprecation.deprecatedIn, replacement: deprecation.replacement };
      ctx.report({ node, message: ctx.t('deprecated-api-version.message', args), data: { replacement: deprecation.replacement } });
    }
  },
};
