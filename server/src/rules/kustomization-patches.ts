/**
 * Part of invalid-value: an entry of a kustomization's `patches` written as a plain file name
 * (`patches: [- patch.yaml]`, the form `patchesStrategicMerge` takes). Each entry of `patches` is a
 * mapping (`path:` or `patch:`, with an optional `target:`), and kustomize refuses a string before
 * it reads anything: "invalid Kustomization: json: cannot unmarshal string into Go struct field
 * Kustomization.patches of type types.Patch". `kubectl apply -k`, Argo CD and Flux then fail on
 * the kustomization and on every overlay built on it (sweep DT: two overlays of an Argo CD app).
 * A kustomization is an object of kustomize's API group, or a document with neither `apiVersion`
 * nor `kind` that lists `resources`, `bases` or `components` beside its `patches`.
 */
import { isMap, isScalar, isSeq, type Scalar } from 'yaml';
import { isUnknownValue } from '../core/unknown-values';
import { getNode, getPair, getScalar } from '../core/yaml-access';
import { groupOf } from '../k8s/workloads';
import type { RuleContext } from './types';

const GROUP = 'kustomize.config.k8s.io';

export function checkKustomizationPatches(ctx: RuleContext): void {
  // Documents, not objects: a kustomization may have neither apiVersion nor kind.
  for (const doc of ctx.chunk.docs) {
    const root = doc.contents;
    if (!isMap(root)) continue;
    const apiVersion = getScalar(root, 'apiVersion', doc)?.value;
    const kind = getPair(root, 'kind', doc);
    const ours = typeof apiVersion === 'string' && groupOf(apiVersion) === GROUP;
    const bare = apiVersion === undefined && !kind && ['resources', 'bases', 'components'].some((key) => getPair(root, key, doc));
    if (!ours && !bare) continue;
    const patches = getNode(root, 'patches', doc);
    if (!isSeq(patches)) continue;
    for (const item of patches.items) {
      if (!isScalar(item) || typeof item.value !== 'string' || item.value === '' || isUnknownValue(item)) continue;
      ctx.report({
        node: item,
        message: ctx.t('invalid-value.kustomization-patch-string', { value: item.value }),
        data: { patchFile: (item as Scalar).source ?? item.value, flow: patches.flow === true },
      });
    }
  }
}
