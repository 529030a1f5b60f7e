// Kustomize overlays: what rendering a 50-resource overlay adds. Generates a base of 50
// Deployments and an overlay patching 10 of them (one patch adds a sidecar on a base port), then
// measures with the real `kubectl kustomize`:
//   - `kubectl kustomize` alone, and the CLI with and without rendering (process start included);
//   - in the language server: opening a patch → its own diagnostics, → the rendered findings;
//   - keystroke latency: edit → diagnostics of the edited patch, with rendering on and off.
// Prints one Markdown line per measure; `node bench/kustomize.mjs [--runs 5]`. run.mjs calls it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const { LspClient } = require(join(root, 'out/test/lsp/harness.js'));
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 5;
const RESOURCES = 50;
const PATCHED = 10;

function deployment(i) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
spec:
  selector:
    matchLabels: {app: app-${i}}
  template:
    metadata:
      labels: {app: app-${i}}
    spec:
      containers:
        - name: app
          image: registry.example.com/app-${i}:1.0
          ports:
            - containerPort: ${8000 + i}
          volumeMounts:
            - name: data
              mountPath: /data
      volumes:
        - name: data
          emptyDir: {}
`;
}

function patch(i) {
  // Patch 0 adds a sidecar on the base port: one port-conflict expected.
  const port = i === 0 ? 8000 : 9100;
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
spec:
  replicas: 3
  template:
    spec:
      containers:
        - name: metrics
          image: prom/statsd-exporter:v0.26.0
          ports:
            - containerPort: ${port}
`;
}

export function generateOverlay(dir) {
  mkdirSync(join(dir, 'base'), { recursive: true });
  mkdirSync(join(dir, 'overlays/prod'), { recursive: true });
  const names = [];
  for (let i = 0; i < RESOURCES; i++) {
    writeFileSync(join(dir, 'base', `app-${i}.yaml`), deployment(i));
    names.push(`app-${i}.yaml`);
  }
  writeFileSync(join(dir, 'base/kustomization.yaml'), `resources:\n${names.map((n) => `  - ${n}\n`).join('')}`);
  const patches = [];
  for (let i = 0; i < PATCHED; i++) {
    writeFileSync(join(dir, 'overlays/prod', `patch-${i}.yaml`), patch(i));
    patches.push(`patch-${i}.yaml`);
  }
  writeFileSync(join(dir, 'overlays/prod/kustomization.yaml'), `resources:\n  - ../../base\npatches:\n${patches.map((p) => `  - path: ${p}\n`).join('')}`);
  return join(dir, 'overlays/prod');
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => (x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString('en-US'));

function timeCommand(cmd, args) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(cmd, args, { encoding: 'utf8', cwd: root });
    times.push(performance.now() - t0);
    if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  }
  return median(times);
}

async function waitUntil(predicate, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = predicate();
    if (v) return v;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** One server: open patch-0, time its own diagnostics and the rendered ones; then edits. */
async function session(dir, enable) {
  const client = new LspClient({ workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }], settings: { kustomize: { enable } }, initializationOptions: { debounceMs: 10 } });
  await client.initialize();
  const file = join(dir, 'overlays/prod/patch-0.yaml');
  const uri = pathToFileURL(file).href;
  const text = readFileSync(file, 'utf8');
  const t0 = performance.now();
  await client.open(uri, text);
  await waitUntil(() => client.published(uri).length > 0);
  const own = performance.now() - t0;
  let rendered;
  if (enable) {
    await waitUntil(() => client.published(uri).some((p) => p.diagnostics.some((d) => d.code === 'port-conflict')));
    rendered = performance.now() - t0;
  }
  // Keystrokes: each edit changes the patch (and so starts a render after the pause when enabled).
  const edits = [];
  for (let i = 0; i < runs * 4; i++) {
    const before = client.published(uri).length;
    const e0 = performance.now();
    await client.change(uri, i + 2, [{ text: text.replace('replicas: 3', `replicas: ${4 + i}`) }]);
    await waitUntil(() => client.published(uri).slice(before).some((p) => p.version === i + 2));
    edits.push(performance.now() - e0);
    await new Promise((r) => setTimeout(r, 150)); // typing pace: renders overlap the next keystrokes
  }
  await client.dispose();
  return { own, rendered, edit: median(edits) };
}

export async function benchKustomize() {
  const dir = mkdtempSync(join(tmpdir(), 'podsight-bench-kustomize-'));
  try {
    const overlay = generateOverlay(dir);
    const kubectl = timeCommand('kubectl', ['kustomize', overlay]);
    const cliRender = timeCommand(process.execPath, [join(root, 'dist/podsight.js'), 'check', overlay, '--format', 'json']);
    const cliFiles = timeCommand(process.execPath, [join(root, 'dist/podsight.js'), 'check', overlay, '--no-render', '--format', 'json']);
    const on = await session(dir, true);
    const off = await session(dir, false);
    return [
      `| kustomize overlay (${RESOURCES} Deployments, ${PATCHED} patches) | \`kubectl kustomize\` alone ${ms(kubectl)} | CLI rendered ${ms(cliRender)} / file by file ${ms(cliFiles)} | ` +
        `open a patch → own diagnostics ${ms(on.own)}, → rendered findings ${ms(on.rendered)} (render adds ${ms(on.rendered - on.own)}) | ` +
        `edit → diagnostics with rendering ${ms(on.edit)} / without ${ms(off.edit)} |`,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(await benchKustomize());
