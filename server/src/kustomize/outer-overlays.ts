/**
 * The overlays of a repository that read a path given to `podsight check`. A base is not applied
 * alone: what gets applied is each overlay that uses it, which may add the volume its pod mounts
 * or the port its probe names. So a base file or folder given on its own is checked through the
 * outermost overlays of its repository that read it (as `podsight check .` at the top does, and
 * as the editor does with its workspace folders), and only the findings on the given files are
 * kept. The repository is the nearest folder above holding `.git`; without one, the current
 * folder when the path lies inside it; with neither, the path's own overlays alone.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { readFromDisk } from './kustomization';
import { outermostOverlays, type Overlay } from './workspace-overlays';

const inside = (path: string, dir: string): boolean => {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith('/') && !/^[a-zA-Z]:/.test(rel));
};

/** The folder whose overlays may read `path` (see above), or undefined. */
export function repositoryOf(path: string, cwd = process.cwd()): string | undefined {
  const absolute = resolve(path);
  for (let dir = absolute; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) break;
  }
  const here = resolve(cwd);
  return dirname(here) !== here && inside(absolute, here) ? here : undefined;
}

/** The outermost overlays under each repository, found once per run (a run may name many files). */
const byRepository = new Map<string, Overlay[]>();

function overlaysOf(repository: string): Overlay[] {
  let found = byRepository.get(repository);
  if (!found) byRepository.set(repository, (found = outermostOverlays([repository], readFromDisk)));
  return found;
}

/** True when `overlay` reads a file at or under one of `paths`. */
function reads(overlay: Overlay, paths: readonly string[]): boolean {
  for (const file of overlay.files) if (paths.some((p) => inside(file, p))) return true;
  return false;
}

/**
 * The overlays that read `paths` from outside: the outermost overlays of their repository that
 * read any of them, when those are not the paths' own (an overlay given by its folder is its own).
 */
export function outerOverlays(paths: readonly string[]): Overlay[] {
  const absolute = paths.map((p) => resolve(p));
  const out = new Map<string, Overlay>();
  // Any file may be read: Flux builds without kustomize's load restrictor, so an overlay may
  // name a patch in a folder that holds no kustomization (`../../patches/x.yaml`).
  for (const repository of new Set(absolute.flatMap((p) => repositoryOf(p) ?? []))) {
    for (const overlay of overlaysOf(repository)) {
      if (absolute.some((p) => inside(overlay.dir, p))) continue;
      if (reads(overlay, absolute)) out.set(overlay.dir, overlay);
    }
  }
  return [...out.values()];
}

/** True when a finding on `file` belongs to one of the given `paths` (a file, or a file under a folder). */
export const withinPaths = (file: string, paths: readonly string[]): boolean => paths.some((p) => inside(resolve(file), resolve(p)));
