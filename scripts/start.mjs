#!/usr/bin/env node
// `npm start`: build Podsight, then show it working on examples/ in a real VS Code.
//  - with `code` on the PATH: opens VS Code with the extension loaded from this folder
//    (`code --extensionDevelopmentPath=<repo> <repo>/examples`);
//  - otherwise (or with --web): installs the local code-server toolchain if needed
//    (scripts/e2e/install-toolchain.sh), installs the built extension into its own extensions
//    dir, serves VS Code on 127.0.0.1 and prints the address. Ctrl+C stops it.
//
//   npm start [-- --web] [-- --port N] [-- --no-build]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const REPO = path.resolve(new URL('..', import.meta.url).pathname);
const EXAMPLES = path.join(REPO, 'examples');
const { values: opt } = parseArgs({ options: {
  web: { type: 'boolean', default: false },
  port: { type: 'string', default: process.env.PORT },
  'no-build': { type: 'boolean', default: false },
} });

if (!opt['no-build']) {
  const r = spawnSync(process.execPath, [path.join(REPO, 'scripts/build.mjs')], { cwd: REPO, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const hasCode = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' }).status === 0;
if (hasCode && !opt.web) {
  console.log(`Opening VS Code with Podsight from ${REPO} on ${EXAMPLES}`);
  const child = spawn('code', [`--extensionDevelopmentPath=${REPO}`, EXAMPLES], { stdio: 'inherit' });
  child.on('exit', (c) => process.exit(c ?? 0));
} else {
  await startWeb();
}

async function startWeb() {
  const { ensureToolchain, startCodeServer, freePort, log } = await import('../test/e2e/lib.mjs');
  const tc = ensureToolchain();
  // A persistent profile in the git-ignored .vscode-test/start, with Podsight installed as a
  // plain folder (what `--install-extension` would unpack from the .vsix).
  const workDir = path.join(REPO, '.vscode-test/start');
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const extensionsDir = path.join(workDir, 'extensions');
  fs.rmSync(extensionsDir, { recursive: true, force: true });
  const target = path.join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
  fs.mkdirSync(target, { recursive: true });
  for (const entry of fs.readdirSync(REPO)) {
    if (['dist', 'media', 'syntaxes', 'package.json', 'README.md', 'CHANGELOG.md', 'LICENSE'].includes(entry) || /^package\.nls.*\.json$/.test(entry)) {
      fs.cpSync(path.join(REPO, entry), path.join(target, entry), { recursive: true });
    }
  }
  let port = Number(opt.port) || 8080;
  if (!(await portFree(port))) port = await freePort();
  const server = await startCodeServer(tc, { workDir, port, smokeTestDriver: false });
  const url = `${server.url}?folder=${encodeURIComponent(EXAMPLES)}`;
  console.log(`\nPodsight ${pkg.version} in VS Code (code-server) on examples/:\n\n    ${url}\n\nOpen it in a browser. Ctrl+C stops the server (log: ${path.relative(REPO, server.logFile)}).`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    log('stopping code-server');
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.proc.on('exit', (c) => { if (!stopping) { log(`code-server exited (${c})`); process.exit(1); } });
}

async function portFree(port) {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}
