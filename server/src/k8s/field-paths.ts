/**
 * Field paths (`spec.template.spec.containers[0].ports[1]`) are kept in the models of every open
 * document, and the same few hundred repeat in thousands of documents. Built with template
 * strings, each was a fresh string made of the pieces of its parent's (~3 MB at 5,000
 * documents); shared, they are one flat string each.
 */
const known = new Map<string, string>();
/** Enough for the paths of real manifests; beyond it a path is simply not shared. */
const MAX_KNOWN = 20_000;

/** One string for each field path. */
export function fieldPath(path: string): string {
  const found = known.get(path);
  if (found !== undefined) return found;
  if (known.size < MAX_KNOWN) known.set(path, path);
  return path;
}
