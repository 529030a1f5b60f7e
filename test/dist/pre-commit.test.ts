/**
 * The pre-commit hook, run by the real `pre-commit try-repo` (Debian's pre-commit) from a git copy
 * of this repository: pre-commit installs the package with npm from the cache, offline, on the
 * system Node (its default when node and npm are on the PATH), and the hook fails on a conflicting
 * pod only. Slow on a busy machine (npm installs the dev dependencies to build, as from git).
 */
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { cloneOfRepo, CONFLICTING_POD, GOOD_POD, ok, run, tempDir } from './tools';

const work = tempDir('pre-commit');
after(() => rmSync(work, { recursive: true, force: true }));

const git = (cwd: string, ...args: string[]) =>
  ok(run('git', ['-c', 'user.name=podsight-test', '-c', 'user.email=test@podsight.invalid', '-c', 'init.defaultBranch=main', ...args], { cwd }), `git ${args[0]}`);

test('pre-commit try-repo runs the podsight hook and fails on a conflicting pod', { timeout: 900_000 }, () => {
  const hookRepo = cloneOfRepo(join(work, 'podsight'), { linkNodeModules: false });
  git(hookRepo, 'init', '-q');
  git(hookRepo, 'add', '-A');
  git(hookRepo, 'commit', '-q', '-m', 'podsight');
  const project = join(work, 'project');
  mkdirSync(join(project, 'k8s'), { recursive: true });
  writeFileSync(join(project, 'k8s', 'bad.yaml'), CONFLICTING_POD);
  writeFileSync(join(project, 'k8s', 'good.yaml'), GOOD_POD);
  writeFileSync(join(project, 'README.md'), '# not YAML: the hook does not get it\n');
  git(project, 'init', '-q');
  git(project, 'add', '-A');
  const r = run('pre-commit', ['try-repo', hookRepo, 'podsight', '--all-files', '--color', 'never'], {
    cwd: project,
    // offline: npm may only use its cache; the hook's Node is the system's, nothing is downloaded.
    env: { ...process.env, PRE_COMMIT_HOME: join(work, 'cache'), npm_config_offline: 'true', npm_config_update_notifier: 'false', NO_COLOR: '1' },
    timeoutMs: 900_000,
  });
  assert.equal(r.status, 1, `${r.stdout}\n${r.stderr}`);
  assert.match(r.stdout, /podsight\.+Failed/);
  assert.match(r.stdout, /k8s\/bad\.yaml:14:22: error .*\[port-conflict\]/);
  assert.doesNotMatch(r.stdout, /good\.yaml:|README/);
  assert.match(r.stdout, /1 finding \(an error\)/);
});
