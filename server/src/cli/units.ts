/**
 * Splits the files of a run into units of work (check-unit.ts): one per folder, each listing the
 * files of the other folders near it (`foldersNear`, the test the workspace rules use), so a
 * unit needs nothing from the others. Biggest first, so that no big unit is left to run alone
 * at the end.
 */
import { statSync } from 'node:fs';
import { folderOf, foldersNear } from '../k8s/neighbourhood';
import type { RunFile, Unit } from './check-unit';

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

export function planUnits(files: readonly string[]): Unit[] {
  const byFolder = new Map<string, RunFile[]>();
  files.forEach((path, index) => {
    const folder = folderOf(path);
    const list = byFolder.get(folder);
    if (list) list.push({ index, path });
    else byFolder.set(folder, [{ index, path }]);
  });
  const folders = [...byFolder.keys()];
  const sizes = new Map(files.map((path) => [path, sizeOf(path)]));
  const bytes = (list: readonly RunFile[]): number => list.reduce((sum, f) => sum + (sizes.get(f.path) ?? 0), 0);
  const units = folders.map((folder) => {
    const near = folders.filter((other) => other !== folder && foldersNear(folder, other)).flatMap((other) => byFolder.get(other) ?? []);
    near.sort((a, b) => a.index - b.index);
    const own = byFolder.get(folder) ?? [];
    return { unit: { files: own, near }, weight: bytes(own) + bytes(near) / 2 };
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
