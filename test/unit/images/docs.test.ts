import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderImagesMarkdown } from '../../../server/src/k8s/images/docs';
import { allKnownImages } from '../../../server/src/k8s/images';

function repoRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'server/src/k8s/images'))) return dir;
  }
  return process.cwd();
}

test('docs/images.md lists every built-in image and is up to date', () => {
  const md = renderImagesMarkdown();
  for (const info of allKnownImages()) assert.ok(md.includes(`| \`${info.repository}\` |`), info.repository);
  const file = join(repoRoot(), 'docs/images.md');
  assert.ok(existsSync(file), `${file} is missing`);
  // Compared by hand: assert.equal on two ~40 KB strings made the test runner's diff of them run for
  // over ten minutes (and ignore SIGTERM), stalling the run instead of failing it.
  const current = readFileSync(file, 'utf8');
  const lines = current.split('\n');
  const wanted = md.split('\n');
  const at = wanted.findIndex((line, i) => line !== lines[i]);
  assert.ok(
    current === md,
    `docs/images.md is out of date from line ${at + 1} ("${(lines[at] ?? '').slice(0, 80)}" should be "${(wanted[at] ?? '').slice(0, 80)}"): after \`npm run build\`, run node -e "process.stdout.write(require('./out/server/src/k8s/images/docs').renderImagesMarkdown())" > docs/images.md`,
  );
});
