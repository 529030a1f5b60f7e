/**
 * Shared by the distribution tests (test/dist): a copy of the repository as a user would clone it,
 * commands run with a deadline, and where scripts/dist/install-tools.sh put the tools.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from '../helpers/paths';
import { tempDir as tempDirRemovedAtExit } from '../helpers/temp-dir';

export const distToolsDir = process.env.DIST_TOOLS_DIR || join(repoRoot, '.vscode-test', 'dist-tools');
export const sarifMultitool = join(distToolsDir, 'node_modules', '@microsoft', 'sarif-multitool-linux', 'Sarif.Multitool');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion (or its deadline), never through a shell. */
export function run(cmd: string, args: readonly string[], options: SpawnSyncOptions & { timeoutMs?: number } = {}): Run {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: options.timeoutMs ?? 120_000, maxBuffer: 64 * 1024 * 1024, ...options });
  if (r.error) throw r.error;
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** Throws with the command's output unless it exited 0. */
export function ok(r: Run, what: string): Run {
  if (r.status !== 0) throw new Error(`${what} exited ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`);
  return r;
}

export function tempDir(prefix: string): string {
  return tempDirRemovedAtExit(`podsight-${prefix}-`);
}

/**
 * The files git would clone (tracked, plus new files not ignored) copied to a fresh folder, so
 * `npm pack` there runs `prepare` on the sources without touching this checkout's dist/.
 * node_modules is linked, as after `npm ci`.
 */
export function cloneOfRepo(into: string, { linkNodeModules = true } = {}): string {
  const files = ok(run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot }), 'git ls-files')
    .stdout.split('\0')
    .filter((f) => f && existsSync(join(repoRoot, f)));
  for (const f of files) {
    mkdirSync(dirname(join(into, f)), { recursive: true });
    cpSync(join(repoRoot, f), join(into, f));
  }
  if (linkNodeModules) symlinkSync(join(repoRoot, 'node_modules'), join(into, 'node_modules'), 'dir');
  return into;
}

/**
 * A pod whose two containers both bind 8080: nginx-unprivileged listens there, and the worker (an
 * image Podsight does not know) declares it. `podsight check` exits 1 on it; moving the worker's
 * port (GOOD_POD, or the Neovim test's edit) clears it.
 */
export const CONFLICTING_POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: a
    image: nginxinc/nginx-unprivileged:1.27
    ports:
    - containerPort: 8080
  - name: b
    image: ghcr.io/example/worker:1.0
    ports:
    - containerPort: 8080
`;

export const GOOD_POD = CONFLICTING_POD.replace(/8080\n$/, '9090\n');
