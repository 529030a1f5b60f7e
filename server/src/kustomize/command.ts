/**
 * Which kustomize to run: the `podsight.kustomize.command` setting when given, else `kubectl
 * kustomize` (kubectl ships kustomize), else a standalone `kustomize build`, whichever is on the
 * PATH. Podsight never downloads one.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/** A command line split into words; quotes group words with spaces ("C:\Program Files\..."). */
export function splitCommand(command: string): string[] {
  const words: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(command); m; m = re.exec(command)) words.push(m[1] ?? m[2] ?? m[3] ?? '');
  return words;
}

/** The full path of an executable found on the PATH, or undefined. */
export function onPath(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = isAbsolute(name) ? [name] : (env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, name));
  const extensions = process.platform === 'win32' ? ['', '.exe', '.cmd', '.bat'] : [''];
  for (const base of candidates) {
    for (const ext of extensions) {
      try {
        if (!statSync(base + ext).isFile()) continue;
        accessSync(base + ext, constants.X_OK);
        return base + ext;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/**
 * The command words to which the kustomization folder is appended, or undefined when no
 * kustomize is available. `configured` is the setting (empty: find one).
 */
export function kustomizeCommand(configured: string | undefined, env: NodeJS.ProcessEnv = process.env): string[] | undefined {
  const words = splitCommand(configured?.trim() ?? '');
  if (words.length > 0) return onPath(words[0] ?? '', env) ? words : undefined;
  if (onPath('kubectl', env)) return ['kubectl', 'kustomize'];
  if (onPath('kustomize', env)) return ['kustomize', 'build'];
  return undefined;
}
