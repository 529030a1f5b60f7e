/**
 * Splits the files of a run into units of work (check-unit.ts): one per folder, each listing the
 * files of the other folders near it (`foldersNear`, the test the workspace rules use), so a
 * unit needs nothing from the others. Costliest first, so that no big unit is left to run alone
 * at the end.
 */
import { readFileSync, statSync } from 'node:fs';
import { folderOf } from '../k8s/neighbourhood';
import { firstNotBelow } from '../util/sorted';
import type { OverlayRole, RunFile, Unit } from './check-unit';

/**
 * What checking a file costs, in bytes of a manifest without pods. Measured on the bench's
 * repository (bench/gen-repo.mjs): a pod costs about what 20 KB of CRD bundle does (~1 ms against
 * 0.05 ms per KB), and a file about 60 KB (reading it, its kustomizations, its findings). By bytes
 * alone, folders of 50 small workloads (over a second each) came last and ran alone at the end.
 * Files up to 1 MB are scanned for pods (the buffer, not decoded); bigger ones are counted by
 * their bytes (CRD bundles, mostly), so planning reads a small part of a repository.
 */
const POD_COST = 20_000;
const FILE_COST = 60_000;
const SCANNED_BYTES = 1_000_000;
const CONTAINERS = Buffer.from('containers:');

function costOf(path: string): number {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return FILE_COST;
  }
  if (size > SCANNED_BYTES) return size + FILE_COST;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return FILE_COST;
  }
  let pods = 0;
  for (let at = bytes.indexOf(CONTAINERS); at >= 0; at = bytes.indexOf(CONTAINERS, at + CONTAINERS.length)) pods++;
  return bytes.length + pods * POD_COST + FILE_COST;
}

/**
 * The other folders of the run near `folder` (`foldersNear`): those above it, found by walking up
 * its path, and those below it, one range of the sorted list (every path that starts with
 * `folder/`). Testing every pair of folders took a quarter of a second for 600 folders and grew
 * with the square of their number.
 */
export function nearFolders(folder: string, sorted: readonly string[], present: ReadonlyMap<string, unknown>): string[] {
  // '' (the current folder of relative paths, or the root) is above every other folder.
  if (folder === '') return sorted.filter((f) => f !== '');
  const near: string[] = [];
  for (let cut = folder.lastIndexOf('/'); cut >= 0; cut = folder.lastIndexOf('/', cut - 1)) {
    const above = folder.slice(0, cut);
    if (present.has(above)) near.push(above);
    if (cut === 0) break;
  }
  if (!folder.startsWith('/') && present.has('')) near.push('');
  const below = `${folder}/`;
  for (let at = firstNotBelow(sorted, below); at < sorted.length && (sorted[at] as string).startsWith(below); at++) near.push(sorted[at] as string);
  return near;
}

/** `overlayRole`: what a kustomize overlay of the run reads the file as (see `RunFile.overlay`). */
export function planUnits(files: readonly string[], overlayRole: (index: number) => OverlayRole | undefined = () => undefined): Unit[] {
  const byFolder = new Map<string, RunFile[]>();
  files.forEach((path, index) => {
    const folder = folderOf(path);
    const overlay = overlayRole(index);
    const file: RunFile = overlay ? { index, path, overlay } : { index, path };
    const list = byFolder.get(folder);
    if (list) list.push(file);
    else byFolder.set(folder, [file]);
  });
  const folders = [...byFolder.keys()];
  const costs = new Map(files.map((path) => [path, costOf(path)]));
  const cost = (list: readonly RunFile[]): number => list.reduce((sum, f) => sum + (costs.get(f.path) ?? 0), 0);
  const sorted = [...folders].sort();
  const units = folders.map((folder) => {
    const near = nearFolders(folder, sorted, byFolder).flatMap((other) => byFolder.get(other) ?? []);
    near.sort((a, b) => a.index - b.index);
    const own = byFolder.get(folder) ?? [];
    return { unit: { files: own, near }, weight: cost(own) + cost(near) / 2 };
  });
  return units.sort((a, b) => b.weight - a.weight).map((u) => u.unit);
}

/**
 * Units that may start at once (`ready`: none of their files is waiting for a kustomize render
 * to say whether it covers it) and the others, kept in the plan's order.
 */
export function splitReady(units: readonly Unit[], waiting: (index: number) => boolean): { ready: Unit[]; later: Unit[] } {
  const ready: Unit[] = [];
  const later: Unit[] = [];
  for (const unit of units) (unit.files.some((f) => waiting(f.index)) || unit.near.some((f) => waiting(f.index)) ? later : ready).push(unit);
  return { ready, later };
}

/**
 * A unit without the files a render covered: the unit the plan of the remaining files would have
 * made (folders and run order are the same; a dropped file is nobody's peer); undefined when
 * none of its own files is left.
 */
export function withoutDropped(unit: Unit, dropped: (index: number) => boolean): Unit | undefined {
  const files = unit.files.filter((f) => !dropped(f.index));
  return files.length === 0 ? undefined : { files, near: unit.near.filter((f) => !dropped(f.index)) };
}
