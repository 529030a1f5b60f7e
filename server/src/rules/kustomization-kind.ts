/**
 * Part of invalid-value: a kustomization's own `kind` and `apiVersion`, as kustomize reads them
 * (api/types Kustomization.EnforceFields): `kind`, when written, must be `Kustomization` or
 * `Component` (`kind: kustomization` is refused: "kind should be Kustomization or Component"), and
 * `apiVersion`, when written, must be `kustomize.config.k8s.io/v1beta1` for a Kustomization and
 * `…/v1alpha1` for a Component. The build fails before any resource is read, so `kubectl apply -k`,
 * Argo CD and Flux fail on this kustomization and on every overlay built on it (sweep CQ: a base
 * that only its overlay's render reported, and only as a note).
 */
import { getScalar } from '../core/yaml-access';
import { isUnknownValue } from '../core/unknown-values';
import { closest, editDistance } from '../util/suggest';
import { groupOf } from '../k8s/workloads';
import type { RuleContext } from './types';

const GROUP = 'kustomize.config.k8s.io';
const VERSION_OF: Readonly<Record<string, string>> = { Kustomization: `${GROUP}/v1beta1`, Component: `${GROUP}/v1alpha1` };

export function checkKustomizationKind(ctx: RuleContext): void {
  for (const { object, doc } of ctx.objects) {
    if (groupOf(object.apiVersion) !== GROUP || object.pathPrefix !== '') continue;
    const kindNode = getScalar(object.node, 'kind', doc);
    const kind = object.kind ?? '';
    if (kind !== '' && !VERSION_OF[kind]) {
      if (!kindNode || isUnknownValue(kindNode)) continue;
      const guess = closest(kind, Object.keys(VERSION_OF));
      const suggestion = guess && editDistance(kind.toLowerCase(), guess.toLowerCase()) <= 2 ? guess : undefined;
      ctx.report({
        node: kindNode,
        message: ctx.t('invalid-value.kustomization-kind', { kind }) + (suggestion ? ctx.t('common.did-you-mean', { suggestion }) : ''),
        data: { field: 'kind', value: kind, allowed: Object.keys(VERSION_OF), ...(suggestion ? { suggestion } : {}) },
      });
      continue;
    }
    const expected = VERSION_OF[kind === '' ? 'Kustomization' : kind];
    const versionNode = getScalar(object.node, 'apiVersion', doc);
    if (!expected || object.apiVersion === expected || !versionNode || isUnknownValue(versionNode)) continue;
    ctx.report({
      node: versionNode,
      message: ctx.t('invalid-value.kustomization-version', { kind: kind === '' ? 'Kustomization' : kind, apiVersion: object.apiVersion ?? '', expected }),
      data: { field: 'apiVersion', value: object.apiVersion, allowed: [expected], suggestion: expected },
    });
  }
}
