/**
 * Part of invalid-value: an entry of a kustomization's `patches` written as a plain string
 * (`patches: [- patch.yaml]`, the form `patchesStrategicMerge` takes). Each entry of `patches` is a
 * mapping (`path:` or `patch:`, with an optional `target:`), and kustomize since v3 (kubectl 1.21
 * and later, Argo CD, Flux) refuses a string before it reads anything: "invalid Kustomization:
 * json: cannot unmarshal string into Go struct field Kustomization.patches of type types.Patch".
 * The kustomization and every overlay built on it then fail (sweep DT: two overlays of an Argo CD
 * app). An inline patch written as a string (`- |-` and the patch's text) needs `patch:`.
 * A kustomization is a document of kustomize's API group, or one with `kind: Kustomization` or
 * `Component` and no apiVersion, or one with neither whose keys are all kustomization fields
 * (Helm values, helmfile and skaffold files have keys of their own: probe DY).
 */
import { isMap, isScalar, isSeq, Scalar } from 'yaml';
import { isUnknownValue } from '../core/unknown-values';
import { getNode, getPair, getScalar } from '../core/yaml-access';
import { groupOf } from '../k8s/workloads';
import type { RuleContext } from './types';

const GROUP = 'kustomize.config.k8s.io';
const KUSTOMIZATION_KEYS: ReadonlySet<string> = new Set([
  'resources', 'bases', 'components', 'crds', 'patches', 'patchesStrategicMerge', 'patchesJson6902', 'namePrefix', 'nameSuffix', 'namespace',
  'commonLabels', 'labels', 'commonAnnotations', 'images', 'replicas', 'configMapGenerator', 'secretGenerator', 'generatorOptions', 'vars',
  'replacements', 'openapi', 'transformers', 'generators', 'validators', 'buildMetadata', 'sortOptions', 'helmCharts', 'helmGlobals',
  'helmChartInflationGenerator', 'configurations', 'inventory', 'metadata',
]);

/** A list of paths, as kustomize's `resources`, `bases` and `components` are (skaffold's `components` holds mappings). */
const pathList = (node: unknown): boolean => isSeq(node) && node.items.every((i) => isScalar(i) && typeof i.value === 'string');

export function checkKustomizationPatches(ctx: RuleContext): void {
  // Documents, not objects: a kustomization may have neither apiVersion nor kind.
  for (const doc of ctx.chunk.docs) {
    const root = doc.contents;
    if (!isMap(root)) continue;
    const apiVersion = getScalar(root, 'apiVersion', doc)?.value;
    const kind = getScalar(root, 'kind', doc)?.value;
    const keys = root.items.map((p) => (isScalar(p.key) ? String(p.key.value) : ''));
    const ours = typeof apiVersion === 'string' ? groupOf(apiVersion) === GROUP : kind === 'Kustomization' || kind === 'Component';
    const bare = apiVersion === undefined && kind === undefined && keys.every((k) => KUSTOMIZATION_KEYS.has(k)) && ['resources', 'bases', 'components'].some((k) => isSeq(getNode(root, k, doc))) && ['resources', 'bases', 'components'].every((k) => !getPair(root, k, doc) || pathList(getNode(root, k, doc)));
    if (!ours && !bare) continue;
    const patches = getNode(root, 'patches', doc);
    if (!isSeq(patches)) continue;
    for (const item of patches.items) {
      if (!isScalar(item) || typeof item.value !== 'string' || item.value.trim() === '' || isUnknownValue(item)) continue;
      // An inline patch (a block scalar, or text over several lines) goes under `patch:`.
      const inline = item.type === Scalar.BLOCK_LITERAL || item.type === Scalar.BLOCK_FOLDED || item.value.includes('\n');
      ctx.report({
        node: item,
        message: ctx.t(inline ? 'invalid-value.kustomization-patch-inline' : 'invalid-value.kustomization-patch-string', { value: item.value }),
        // The fix rewrites a plain file name; an anchor on it would move to the new key.
        data: inline || item.anchor ? { patchString: true } : { patchFile: item.source ?? item.value, flow: patches.flow === true },
      });
    }
  }
}
