#!/usr/bin/env node
// `npm start`: build Podsight's bundles, print what it finds in examples/ (the CLI's text output,
// within seconds), then show it working on examples/ in a real VS Code.
//  - with `code` on the PATH: opens VS Code with the extension loaded from this folder
//    (`code --extensionDevelopmentPath=<repo> <repo>/examples`);
//  - otherwise (or with --web): installs the local code-server toolchain if needed
//    (scripts/e2e/install-toolchain.sh), installs the built extension into its own extensions
//    dir, serves VS Code on 127.0.0.1 and prints the address. Ctrl+C stops it. The first install
//    shows a progress line: what it does and how long it usually takes.
//
//   npm start [-- --web] [-- --port N] [-- --no-build] [-- --no-editor (findings only)]
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
  'no-editor': { type: 'boolean', default: false },
} });

if (!opt['no-build']) {
  // Bundles only (esbuild, about a second): the editor and the CLI need nothing else.
  const r = spawnSync(process.execPath, [path.join(REPO, 'scripts/build.mjs'), '--bundles-only'], { cwd: REPO, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// Value first: the findings in examples/, as `podsight check` prints them (exit 1 is expected:
// the examples contain errors on purpose).
console.log(`Podsight on examples/ (the command line: npx podsight check DIR does the same on your manifests)\n`);
spawnSync(process.execPath, [path.join(REPO, 'dist/podsight.js'), 'check', 'examples'], { cwd: REPO, stdio: 'inherit' });
console.log('');

const hasCode = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' }).status === 0;
if (opt['no-editor']) {
  console.log(hasCode && !opt.web ? 'Next (without --no-editor): VS Code with Podsight on examples/.' : `Next (without --no-editor): ${toolchainPlan()}`);
  process.exit(0);
} else if (hasCode && !opt.web) {
  console.log(`Opening VS Code with Podsight from ${REPO} on ${EXAMPLES}`);
  const child = spawn('code', [`--extensionDevelopmentPath=${REPO}`, EXAMPLES], { stdio: 'inherit' });
  child.on('exit', (c) => process.exit(c ?? 0));
} else {
  await startWeb();
}

/** What the web path will do about code-server, in one line. */
function toolchainPlan() {
  const dir = toolchainDir();
  return fs.existsSync(path.join(dir, '.installed'))
    ? `VS Code in the browser (code-server, installed in ${path.relative(REPO, dir) || dir}).`
    : `install VS Code for the browser (code-server, Node 24, Playwright; about 800 MB) into ${path.relative(REPO, dir) || dir} — first run only, usually 2 to 5 minutes — then serve it.`;
}

function toolchainDir() {
  return path.resolve(process.env.PODSIGHT_E2E_TOOLCHAIN || path.join(REPO, '.vscode-test/toolchain'));
}

/** Runs the toolchain installer behind one progress line (elapsed time and its current step). */
async function installToolchainWithProgress() {
  const dir = toolchainDir();
  if (fs.existsSync(path.join(dir, '.installed'))) return;
  console.log(`No \`code\` on the PATH: ${toolchainPlan()}\nCtrl+C stops it; the findings above are what the editor will show.`);
  const child = spawn('bash', [path.join(REPO, 'scripts/e2e/install-toolchain.sh')], { env: { ...process.env, TOOLCHAIN_DIR: dir }, stdio: ['ignore', 'pipe', 'pipe'] });
  const t0 = Date.now();
  let step = 'starting';
  const tty = process.stdout.isTTY;
  const show = () => {
    const line = `[${Math.round((Date.now() - t0) / 1000)}s] installing code-server: ${step}`;
    if (tty) process.stdout.write(`\r\u001b[K${line.slice(0, (process.stdout.columns || 100) - 1)}`);
  };
  const onData = (chunk) => {
    for (const raw of String(chunk).split('\n')) {
      const text = raw.replace(/^\[toolchain \+\d+s\]\s*/, '').trim();
      if (!text) continue;
      step = text;
      if (!tty) console.log(`[${Math.round((Date.now() - t0) / 1000)}s] ${text}`);
    }
    show();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const ticker = setInterval(show, 1000);
  const code = await new Promise((resolve) => child.on('exit', resolve));
  clearInterval(ticker);
  if (tty) process.stdout.write('\n');
  if (code !== 0) {
    console.error(`installing code-server failed (exit ${code}); run bash scripts/e2e/install-toolchain.sh to see why`);
    process.exit(1);
  }
  console.log(`code-server installed in ${Math.round((Date.now() - t0) / 1000)} s`);
}

async function startWeb() {
  await installToolchainWithProgress();
  const { ensureToolchain, startCodeServer, freePort, log } = await import('../test/e2e/lib.mjs');
  const tc = ensureToolchain(toolchainDir());
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
