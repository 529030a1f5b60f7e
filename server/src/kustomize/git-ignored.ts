/**
 * Whether git ignores a path: the `.gitignore` files from the repository's top (the folder holding
 * `.git`) down to the path's folder, read as git reads them (a pattern without a slash matches a
 * name at any depth, one with a slash is anchored at its file's folder, `*` and `?` stay inside a
 * name, `**` crosses folders, a trailing `/` matches folders only, `!` re-includes; the last
 * matching pattern wins). A kustomize input that is missing and ignored is made before apply (a
 * local secret an `.env` generator reads), not forgotten. No `.git` above: nothing is ignored.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

function repositoryTop(dir: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, '.git'))) return at;
    if (dirname(at) === at) return undefined;
  }
}

/** A gitignore glob as a regular expression over a `/`-separated path. */
function globRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*' && glob[i + 1] === '*') {
      out += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/** Whether one line of a `.gitignore` in `base` matches the path (relative to `base`); undefined when it says nothing. */
function lineVerdict(line: string, rel: string, isDir: boolean): boolean | undefined {
  let pattern = line.replace(/(?<!\\)\s+$/, '');
  if (pattern === '' || pattern.startsWith('#')) return undefined;
  const negated = pattern.startsWith('!');
  if (negated) pattern = pattern.slice(1);
  const dirOnly = pattern.endsWith('/');
  if (dirOnly) pattern = pattern.slice(0, -1);
  const anchored = pattern.includes('/');
  if (pattern.startsWith('/')) pattern = pattern.slice(1);
  const re = globRegExp(pattern);
  const parts = rel.split('/');
  // The path itself, or a folder above it (a folder's pattern ignores what it holds).
  for (let n = parts.length; n >= 1; n--) {
    const candidate = anchored ? parts.slice(0, n).join('/') : (parts[n - 1] as string);
    // The missing path itself may be a folder (a resource entry names either).
    const folder = n < parts.length || isDir;
    if ((!dirOnly || folder) && re.test(candidate)) return !negated;
  }
  return undefined;
}

export function isGitIgnored(path: string): boolean {
  const top = repositoryTop(dirname(path));
  if (!top) return false;
  let ignored = false;
  const folders: string[] = [];
  for (let at = dirname(path); ; at = dirname(at)) {
    folders.unshift(at);
    if (at === top || dirname(at) === at) break;
  }
  for (const folder of folders) {
    let text: string;
    try {
      text = readFileSync(join(folder, '.gitignore'), 'utf8');
    } catch {
      continue;
    }
    const rel = relative(folder, path).split(sep).join('/');
    for (const line of text.split(/\r?\n/)) {
      const verdict = lineVerdict(line, rel, true);
      if (verdict !== undefined) ignored = verdict;
    }
  }
  return ignored;
}
