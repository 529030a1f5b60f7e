#!/usr/bin/env node
// `npm run package`: production bundles (esbuild: client, server, webview) → podsight-<version>.vsix
// with @vscode/vsce (allow-list .vscodeignore, --no-dependencies: everything is bundled) → check-vsix.
// vsce rewrites README links only for GitHub/GitLab repositories; for any other repository URL
// it needs explicit bases, derived here from package.json `repository`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(new URL('../..', import.meta.url).pathname);
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run(process.execPath, ['scripts/build.mjs', '--production', '--bundles-only']);
const out = `${pkg.name}-${pkg.version}.vsix`;
const args = ['package', '--no-dependencies', '--out', out];
const repo = String(pkg.repository?.url ?? pkg.repository ?? '').replace(/^git\+/, '').replace(/\.git$/, '');
if (repo && !/github\.com|gitlab\.com/.test(repo)) {
  args.push('--baseContentUrl', `${repo}/blob/HEAD`, '--baseImagesUrl', `${repo}/raw/HEAD`);
}
run(process.execPath, [path.join(root, 'node_modules/@vscode/vsce/vsce'), ...args]);
run(process.execPath, ['scripts/e2e/check-vsix.mjs', out]);
