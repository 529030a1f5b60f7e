/**
 * An overlay kustomize cannot build offline: it lists a remote resource, base or component (not
 * fetched), or a Helm chart (`helmCharts`, not inflated). Its local parts are still applied to its
 * local bases in the real build: its patches may add the volume, port or config key that a base
 * only refers to, its generators may merge the key a base's pod reads. Checking the bases alone
 * reported those as missing. So the overlay is built again without the parts that cannot be
 * fetched (a temporary copy of its kustomizations with those entries taken out; the user's files
 * are not touched); when that fails too (a patch of a remote resource), its bases are checked
 * alone as before.
 */
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { isRemote, type KustomizationInfo, type ReadText } from './kustomization';

/** Keys that inflate Helm charts: left out of the local build. */
const HELM_KEYS = ['helmCharts', 'helmGlobals', 'helmChartInflationGenerator'];
const LISTS = ['resources', 'bases', 'components'];

/** The kustomization text without remote entries and Helm charts; undefined when it has none. */
export function withoutRemoteParts(text: string): string | undefined {
  const doc = parseDocument(text);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  let changed = false;
  for (const key of LISTS) {
    const list = doc.contents.get(key, true);
    if (!isSeq(list)) continue;
    const kept = list.items.filter((item) => !(isScalar(item) && typeof item.value === 'string' && isRemote(item.value)));
    if (kept.length !== list.items.length) {
      list.items = kept;
      changed = true;
    }
  }
  for (const key of HELM_KEYS) changed = doc.contents.delete(key) || changed;
  return changed ? doc.toString() : undefined;
}

/** The texts to build the overlay's local parts with (kustomization file → text); undefined when nothing is left out. */
export function localOverrides(tree: readonly KustomizationInfo[], read: ReadText): Map<string, string> | undefined {
  const overrides = new Map<string, string>();
  for (const k of tree) {
    let text: string;
    try {
      text = read(k.file);
    } catch {
      continue;
    }
    const local = withoutRemoteParts(text);
    if (local !== undefined) overrides.set(k.file, local);
  }
  return overrides.size > 0 ? overrides : undefined;
}
