// Deterministic multi-document Kubernetes manifest for the benchmark, with planted problems and a
// truth file saying where they are, so the benchmark can check that each server really found them.
//
//   node bench/gen-manifest.mjs --docs 1000 [--seed 7] --out big.yaml --truth big.truth.json
//
// Kinds: Deployment, Pod, StatefulSet, DaemonSet, Job, CronJob (pod-bearing) and Service,
// ConfigMap (not). Planted, evenly spread over pod-bearing documents:
//   - every 10th: a containerPort repeated in a second container (Podsight: `port-conflict`)
//     and a mountPath repeated in one container (Podsight: `duplicate-mount-path`);
//   - every 25th: a misspelt field `imagePullPolicyy` (a schema error the peer must report, and
//     Podsight's `unknown-field`).
import { writeFileSync } from 'node:fs';

function parseArgs(argv) {
  const o = { docs: 100, seed: 7, out: null, truth: null };
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i];
    const v = () => argv[++i];
    if (a === '--docs') o.docs = Number.parseInt(v(), 10);
    else if (a === '--seed') o.seed = Number.parseInt(v(), 10);
    else if (a === '--out') o.out = v();
    else if (a === '--truth') o.truth = v();
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

/** A small seeded PRNG (mulberry32): the same seed gives the same manifest everywhere. */
export function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  const weighted = (pairs) => {
    let r = next() * pairs.reduce((s, [, w]) => s + w, 0);
    for (const [v, w] of pairs) if ((r -= w) < 0) return v;
    return pairs[pairs.length - 1][0];
  };
  return { next, pick, weighted, int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)) };
}

const APPS = ['api', 'web', 'worker', 'cache', 'auth', 'billing', 'search', 'ingest', 'report', 'gateway'];
const TEAMS = ['payments', 'core', 'data', 'platform', 'growth'];
// Images Podsight has no special knowledge of, so the only findings are the planted ones.
const IMAGES = ['ghcr.io/acme/api:2.14.0', 'ghcr.io/acme/worker:2.14.0', 'ghcr.io/acme/web:3.1.4', 'registry.example/tools/agent:1.2'];
const SIDECARS = ['envoy', 'log-shipper', 'metrics', 'auth-proxy', 'reloader'];
const PORTS = [8080, 8443, 9090, 9091, 3000, 5000, 7070, 15000];
const DIRS = ['/var/log/app', '/etc/app', '/data', '/cache', '/tmp/work', '/etc/certs', '/srv/static'];
const API = { Pod: 'v1', Deployment: 'apps/v1', StatefulSet: 'apps/v1', DaemonSet: 'apps/v1', Job: 'batch/v1', CronJob: 'batch/v1', Service: 'v1', ConfigMap: 'v1' };

export function generate({ docs, seed }) {
  const r = random(seed);
  const lines = [];
  const emit = (indent, text) => lines.push(' '.repeat(indent) + text);
  const truth = { portConflicts: [], duplicateMounts: [], unknownFields: [] };
  const kinds = {};
  let podBearing = 0;
  for (let d = 0; d < docs; d++) {
    const kind = r.weighted([['Deployment', 35], ['Pod', 12], ['StatefulSet', 10], ['DaemonSet', 5], ['Job', 5], ['CronJob', 8], ['Service', 15], ['ConfigMap', 10]]);
    kinds[kind] = (kinds[kind] ?? 0) + 1;
    const app = `${r.pick(APPS)}-${d}`;
    emit(0, '---');
    emit(0, `apiVersion: ${API[kind]}`);
    emit(0, `kind: ${kind}`);
    emit(0, 'metadata:');
    emit(2, `name: ${app}`);
    emit(2, `namespace: ${r.pick(TEAMS)}`);
    emit(2, 'labels:');
    emit(4, `app: ${app}`);
    if (kind === 'Service') {
      emit(0, 'spec:');
      emit(2, 'selector:');
      emit(4, `app: ${app}`);
      emit(2, 'ports:');
      emit(2, `- port: ${r.pick(PORTS)}`);
      emit(4, `targetPort: ${r.pick(PORTS)}`);
      continue;
    }
    if (kind === 'ConfigMap') {
      emit(0, 'data:');
      for (let k = r.int(1, 4); k > 0; k--) emit(2, `key${k}: "value-${r.int(0, 999)}"`);
      continue;
    }
    const index = podBearing++;
    const conflict = index % 10 === 5;
    const misspelt = index % 25 === 12;
    let P;
    emit(0, 'spec:');
    if (kind === 'Pod') P = 2;
    else if (kind === 'CronJob') {
      emit(2, `schedule: "${r.int(0, 59)} ${r.int(0, 23)} * * *"`);
      emit(2, 'jobTemplate:');
      emit(4, 'spec:');
      emit(6, 'template:');
      emit(8, 'spec:');
      emit(10, 'restartPolicy: OnFailure');
      P = 10;
    } else if (kind === 'Job') {
      emit(2, 'template:');
      emit(4, 'spec:');
      emit(6, 'restartPolicy: Never');
      P = 6;
    } else {
      if (kind !== 'DaemonSet') emit(2, `replicas: ${r.int(1, 6)}`);
      if (kind === 'StatefulSet') emit(2, `serviceName: ${app}`);
      emit(2, 'selector:');
      emit(4, 'matchLabels:');
      emit(6, `app: ${app}`);
      emit(2, 'template:');
      emit(4, 'metadata:');
      emit(6, 'labels:');
      emit(8, `app: ${app}`);
      emit(4, 'spec:');
      P = 6;
    }
    const volumes = [];
    for (let v = r.weighted([[0, 30], [1, 50], [2, 20]]) + (conflict ? 1 : 0); v > 0; v--) volumes.push(`vol-${volumes.length}`);
    const containers = Math.max(conflict ? 2 : 1, r.weighted([[1, 60], [2, 25], [3, 15]]));
    const used = [];
    emit(P, 'containers:');
    for (let c = 0; c < containers; c++) {
      emit(P, `- name: ${c === 0 ? 'main' : `${r.pick(SIDECARS)}-${c}`}`);
      emit(P + 2, `image: ${r.pick(IMAGES)}`);
      if (misspelt && c === 0) {
        truth.unknownFields.push({ doc: d, line: lines.length });
        emit(P + 2, 'imagePullPolicyy: Always');
      }
      const ports = c === 0 ? r.int(1, 2) : conflict && c === 1 ? 1 : r.weighted([[0, 70], [1, 30]]);
      if (ports > 0) emit(P + 2, 'ports:');
      for (let p = 0; p < ports; p++) {
        let port;
        if (conflict && c === 1 && p === 0) {
          port = used[0];
          truth.portConflicts.push({ doc: d, line: lines.length, port });
        } else {
          do port = r.pick(PORTS); while (used.includes(port));
        }
        used.push(port);
        emit(P + 2, `- containerPort: ${port}`);
        emit(P + 4, `name: p${c}-${p}`);
      }
      if (r.next() < 0.5) {
        emit(P + 2, 'env:');
        emit(P + 2, '- name: LOG_LEVEL');
        emit(P + 4, `value: "${r.pick(['info', 'debug', 'warn'])}"`);
      }
      if (r.next() < 0.6) {
        emit(P + 2, 'resources:');
        emit(P + 4, 'requests:');
        emit(P + 6, `cpu: ${r.pick(['50m', '100m', '250m'])}`);
        emit(P + 6, `memory: ${r.pick(['64Mi', '128Mi', '256Mi'])}`);
      }
      const mounts = conflict && c === 0 ? 2 : volumes.length ? r.int(0, 1) : 0;
      if (mounts > 0) emit(P + 2, 'volumeMounts:');
      const paths = [];
      for (let m = 0; m < mounts; m++) {
        let path;
        emit(P + 2, `- name: ${volumes[m % volumes.length]}`);
        if (conflict && c === 0 && m === 1) {
          path = paths[0];
          truth.duplicateMounts.push({ doc: d, line: lines.length, path });
        } else {
          do path = r.pick(DIRS); while (paths.includes(path));
        }
        paths.push(path);
        emit(P + 4, `mountPath: ${path}`);
      }
    }
    if (volumes.length) {
      emit(P, 'volumes:');
      for (const v of volumes) {
        emit(P, `- name: ${v}`);
        emit(P + 2, 'emptyDir: {}');
      }
    }
  }
  return { text: lines.join('\n') + '\n', truth: { docs, seed, kinds, lines: lines.length, ...truth } };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const o = parseArgs(process.argv);
  const { text, truth } = generate(o);
  if (o.out) writeFileSync(o.out, text);
  else process.stdout.write(text);
  if (o.truth) writeFileSync(o.truth, JSON.stringify(truth, null, 1) + '\n');
}
