/** Paths the tests read from: the repo, its examples, and the shared corpus beside the repo. */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root (tests run from `out/test/...`). */
export const repoRoot = resolve(__dirname, '..', '..', '..');
export const examplesDir = resolve(repoRoot, 'examples');
export const corpusDir = resolve(repoRoot, '..', 'shared', 'corpus', 'real-world');
/** The corpus this repository keeps (issue 14), and the second shared real-world corpus. */
export const ownCorpusDir = resolve(repoRoot, 'test', 'corpus');
export const corpus2Dir = resolve(repoRoot, '..', 'shared', 'corpus', 'real-world-2');
export const seedDir = resolve(repoRoot, '..', 'shared', 'seed');

/** Every `.yaml`/`.yml` file under a folder, recursively. */
export function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(name) ? [p] : [];
  });
}
