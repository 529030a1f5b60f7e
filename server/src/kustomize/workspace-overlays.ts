/**
 * Which overlays use a file: the kustomizations of the workspace folders, found by a bounded
 * walk, and the files each one reaches. Only the outermost kustomizations (used by no other)
 * are rendered: those are what gets applied; a base is checked through them.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { KUSTOMIZATION_NAMES, readTree, type KustomizationInfo, type ReadText } from './kustomization';

const MAX_DIRS = 5000;
const MAX_DEPTH = 12;
const SKIP = new Set(['node_modules', '.git', 'out', 'dist', 'vendor', 'target']);

/** Folders holding a kustomization under `root` (bounded walk). */
export function findKustomizationDirs(root: string): string[] {
  const found: string[] = [];
  let visited = 0;
  const walk = (dir: string, depth: number): void => {
    if (visited++ > MAX_DIRS || depth > MAX_DEPTH) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (entries.some((e) => e.isFile() && KUSTOMIZATION_NAMES.includes(e.name))) found.push(dir);
    for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.') && !SKIP.has(e.name)) walk(join(dir, e.name), depth + 1);
  };
  walk(resolve(root), 0);
  return found;
}

/** An overlay to render, with every file its render reads. */
export interface Overlay {
  readonly dir: string;
  readonly tree: readonly KustomizationInfo[];
  readonly files: ReadonlySet<string>;
}

function filesOf(tree: readonly KustomizationInfo[]): Set<string> {
  const files = new Set<string>();
  for (const k of tree) {
    files.add(k.file);
    k.files.forEach((f) => files.add(f));
  }
  return files;
}

/**
 * The outermost kustomizations of some folders, each with the files it reads. A component that
 * nothing includes is none: kustomize cannot build a `kind: Component` on its own (its patches
 * have nothing to patch), so its files are checked one by one.
 */
export function outermostOverlays(roots: readonly string[], read: ReadText): Overlay[] {
  const dirs = [...new Set(roots.flatMap(findKustomizationDirs))];
  const trees = new Map(dirs.map((d) => [d, readTree(d, read)] as const));
  const used = new Set<string>();
  for (const tree of trees.values()) for (const k of tree.slice(1)) used.add(k.dir);
  const buildable = (d: string): boolean => {
    const root = trees.get(d)?.[0];
    return root !== undefined && !root.component;
  };
  return dirs.filter((d) => !used.has(d) && buildable(d)).map((d) => {
    const tree = trees.get(d) ?? [];
    return { dir: d, tree, files: filesOf(tree) };
  });
}

/**
 * The kustomizations an overlay that kustomize could not build uses directly (its bases and
 * components' hosts), each as an overlay of its own: a base usually builds alone, and its own
 * transforms (labels with selectors, name prefixes) then apply to its files, which one-by-one
 * checks would miss. Not the overlays rendered anyway, nor components.
 */
export function childOverlays(failed: readonly Overlay[], others: readonly Overlay[], read: ReadText): Overlay[] {
  const taken = new Set(others.map((o) => o.dir));
  const out: Overlay[] = [];
  for (const overlay of failed) {
    for (const dir of overlay.tree[0]?.children ?? []) {
      if (taken.has(dir)) continue;
      taken.add(dir);
      const tree = readTree(dir, read);
      if (tree[0] && !tree[0].component) out.push({ dir, tree, files: filesOf(tree) });
    }
  }
  return out;
}
