// A kustomize input git ignores is made before apply (a local secret): its absence is no error (sweep DA).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { checkOverlaySync } from '../../../server/src/kustomize/check-overlay';
import { isGitIgnored } from '../../../server/src/kustomize/git-ignored';

const repo = mkdtempSync(join(tmpdir(), 'podsight-gitignored-'));
after(() => rmSync(repo, { recursive: true, force: true }));
mkdirSync(join(repo, '.git'));
mkdirSync(join(repo, 'apps/game/secrets'), { recursive: true });
writeFileSync(join(repo, '.gitignore'), '# local files\n*.env\n!public.env\n/build/\nsecrets/\napps/**/tokens.txt\n');
writeFileSync(join(repo, 'apps/.gitignore'), 'game/local-*.txt\n');

test('isGitIgnored reads .gitignore files as git does: names anywhere, anchored paths, folders, negation, **', () => {
  const at = (p: string): boolean => isGitIgnored(join(repo, p));
  assert.equal(at('apps/game/server.env'), true);
  assert.equal(at('apps/game/public.env'), false, 're-included by !');
  assert.equal(at('build/out.yaml'), true);
  assert.equal(at('apps/build/out.yaml'), false, '/build/ is anchored at the top');
  assert.equal(at('apps/game/secrets/key.txt'), true, 'inside an ignored folder');
  assert.equal(at('apps/game/x/tokens.txt'), true);
  assert.equal(at('apps/game/local-ids.txt'), true, "a nested .gitignore's anchored pattern");
  assert.equal(at('apps/game/ids.txt'), false);
  assert.equal(at('build'), true, 'a missing path may be the folder a folder pattern names');
  assert.equal(isGitIgnored(join(tmpdir(), 'no-repo-here', 'x.env')), false, 'no .git above: nothing is ignored');
});

test('a generator reading an ignored file that is not there: an information note naming it, on its line', () => {
  const dir = join(repo, 'apps/game');
  writeFileSync(join(dir, 'kustomization.yaml'), 'secretGenerator:\n- name: server\n  envs:\n  - server.env\n');
  const check = checkOverlaySync(dir, { command: ['kubectl', 'kustomize'], analysis: {} });
  assert.deepEqual(check.findings.map((f) => [f.rule, f.severity, f.range.start.line]), [['kustomize-build', 'information', 3]]);
  assert.match(check.findings[0]?.message ?? '', /server\.env is not in the repository, and \.gitignore lists it/);
  // Not ignored: a file the repository lacks is the error it was.
  writeFileSync(join(dir, 'kustomization.yaml'), 'secretGenerator:\n- name: server\n  envs:\n  - server.props\n');
  assert.deepEqual(checkOverlaySync(dir, { command: ['kubectl', 'kustomize'], analysis: {} }).findings.map((f) => [f.rule, f.severity]), [['kustomize-build', 'error']]);
});
