// Hover speed on big files: analyse once (as the server does), then hover at many offsets and
// report the mean, median, p95, p99 and max time per hover (outliers are mostly GC pauses). Run after `npm run build`:
//   node scripts/bench-hover.mjs [file]
// Without a file it builds two big manifests: 400 Deployments in one multi-document file, and one
// pod with 300 containers (the worst case for the localhost table).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
const { analyzeText } = require(`${root}out/server/src/core/analyze.js`);
const { hoverAt } = require(`${root}out/server/src/hover/index.js`);

function deployments(n) {
  const docs = [];
  for (let i = 0; i < n; i++) {
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata: {name: web-${i}, labels: {app: web}}
spec:
  replicas: 2
  template:
    spec:
      containers:
      - name: app
        image: nginx:1.27
        ports: [{containerPort: 80}]
        volumeMounts: [{name: html, mountPath: /usr/share/nginx/html}]
      - name: sidecar
        image: prom/prometheus
        volumeMounts: [{name: html, mountPath: /data, readOnly: true}]
      volumes:
      - {name: html, emptyDir: {medium: Memory}}
      - {name: host, hostPath: {path: /var/log, type: Directory}}
`);
  }
  return docs.join('---\n');
}

function widePod(n) {
  const containers = [];
  for (let i = 0; i < n; i++) containers.push(`  - name: c${i}\n    image: nginx\n    ports: [{containerPort: ${1000 + i}}]\n    volumeMounts: [{name: v, mountPath: /m${i}}]`);
  return `apiVersion: v1\nkind: Pod\nmetadata: {name: wide}\nspec:\n  containers:\n${containers.join('\n')}\n  volumes: [{name: v, emptyDir: {}}]\n`;
}

function bench(name, text) {
  const analysis = analyzeText(text, { locale: 'en' });
  const times = [];
  let hovers = 0;
  for (let offset = 0; offset < text.length; offset += 7) {
    const t0 = performance.now();
    if (hoverAt(analysis, offset, 'en', {})) hovers++;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const at = (q) => times[Math.floor(times.length * q)].toFixed(3);
  console.log(`${name}: ${text.length} chars, ${times.length} positions, ${hovers} hovers; mean ${mean.toFixed(3)} ms, median ${at(0.5)} ms, p95 ${at(0.95)} ms, p99 ${at(0.99)} ms, max ${times[times.length - 1].toFixed(3)} ms`);
}

const file = process.argv[2];
if (file) bench(file, readFileSync(file, 'utf8'));
else {
  bench('400 deployments', deployments(400));
  bench('pod with 300 containers', widePod(300));
}
