/**
 * The workspace of a run: every file given on the command line (and under the folders given)
 * sees the pods and objects of all the others, each object in its namespace.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PlacedChunk } from '../core/analyze';
import type { PeerPods } from '../rules/types';

const KUSTOMIZATIONS = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
const byFolder = new Map<string, string>();

/**
 * The default namespace of the files of a folder: the `namespace:` of the kustomization beside
 * them, which kustomize sets on every object that names none; '' when there is none.
 */
export function folderNamespace(dir: string): string {
  const hit = byFolder.get(dir);
  if (hit !== undefined) return hit;
  let found = '';
  for (const name of KUSTOMIZATIONS) {
    try {
      const m = /^namespace:[ \t]*["']?([a-z0-9][a-z0-9.-]*)["']?[ \t]*(#.*)?$/m.exec(readFileSync(join(dir, name), 'utf8'));
      found = m?.[1] ?? '';
      break;
    } catch {
      // no kustomization of that name
    }
  }
  byFolder.set(dir, found);
  return found;
}

/** Forgets the namespaces read (a kustomization changed). */
export function clearFolderNamespaces(): void {
  byFolder.clear();
}

/** One peers list for the whole run (a file finds itself in it; the index leaves it out). */
export function workspacePeers(inputs: readonly { file: string; chunks: readonly PlacedChunk[] }[]): PeerPods[] {
  return inputs.flatMap(({ file, chunks: all }) => {
    const chunks = all.filter((c) => !c.analysis.chunk.templated);
    const pods = chunks.flatMap((c) => c.analysis.pods);
    const objects = chunks.flatMap((c) => c.analysis.objects);
    const templated = all.filter((c) => c.analysis.chunk.templated).map((c) => c.analysis.chunk.text);
    return pods.length > 0 || objects.length > 0 || templated.length > 0 ? [{ source: file, pods, objects, templated, namespace: folderNamespace(dirname(file)) }] : [];
  });
}
