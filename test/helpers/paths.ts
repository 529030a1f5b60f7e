/** Paths the tests read from: the repo, its examples, and the shared corpus beside the repo. */
import { resolve } from 'node:path';

/** The repository root (tests run from `out/test/...`). */
export const repoRoot = resolve(__dirname, '..', '..', '..');
export const examplesDir = resolve(repoRoot, 'examples');
export const corpusDir = resolve(repoRoot, '..', 'shared', 'corpus', 'real-world');
export const seedDir = resolve(repoRoot, '..', 'shared', 'seed');
