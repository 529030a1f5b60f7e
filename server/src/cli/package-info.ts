/**
 * Where the running Podsight lives: its version (package.json) and its rule pages (docs/rules/),
 * found from this module upwards. The same code runs as the bundle `dist/podsight.js` (repo or npm
 * package: one level down) and as the tsc emit `out/server/src/cli/` (tests: four levels down).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let root: string | null | undefined;

/** The folder holding Podsight's package.json, or null when it cannot be found. */
export function packageRoot(): string | null {
  if (root !== undefined) return root;
  root = null;
  for (let dir = __dirname, i = 0; i < 6; i++, dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'podsight') return (root = dir);
    } catch {
      // No package.json here (or an unreadable one): keep looking upwards.
    }
  }
  return root;
}

let version: string | undefined;

/** Podsight's version from its package.json ('0.0.0' when that is missing). */
export function podsightVersion(): string {
  if (version) return version;
  const dir = packageRoot();
  try {
    version = dir ? String((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0') : '0.0.0';
  } catch {
    version = '0.0.0';
  }
  return version;
}

/** The Markdown page of a rule (docs/rules/<id>.md), or undefined. */
export function rulePage(id: string): string | undefined {
  const dir = packageRoot();
  const file = dir ? join(dir, 'docs', 'rules', `${id}.md`) : undefined;
  return file && existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}
