/**
 * Which files of a workspace are deployed together: a file's folder, and the folders above and
 * below it (see `isNear`). Shared by the workspace index, the rules and the CLI's plan of work.
 */

const folders = new Map<string, string>();

/** The folder part of a path or URI (remembered: every file of a run asks for every peer's). */
export function folderOf(source: string): string {
  let folder = folders.get(source);
  if (folder === undefined) {
    if (folders.size >= 50_000) folders.clear();
    const path = source.replace(/\\/g, '/');
    // A bare file name (`podsight check .` lists `hpa.yaml`) is in the current folder: ''.
    folders.set(source, (folder = path.includes('/') ? path.replace(/\/[^/]*$/, '') : ''));
  }
  return folder;
}

/**
 * Whether a peer is near enough to be deployed with the file: in its folder, or in a folder above
 * or below it. Sibling folders are often alternatives (examples, environments, other apps) whose
 * objects share names without meeting.
 */
export function isNear(self: string | undefined, peer: string | undefined): boolean {
  if (self === undefined || peer === undefined) return true;
  return foldersNear(folderOf(self), folderOf(peer));
}

/** `isNear` for two folders (`folderOf` of the files): the CLI plans its units of work with it. */
export function foldersNear(a: string, b: string): boolean {
  // '' is the top of relative paths (or the root): above every other folder.
  return a === b || a === '' || b === '' || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
}
