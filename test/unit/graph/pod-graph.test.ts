import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze';
import { buildPodGraph, podIndexAt, podSummaries } from '../../../server/src/graph/pod-graph';
import { diagramStrings, podGraphFor } from '../../../server/src/graph/query';
import { catalogueKeys } from '../../../server/src/l10n';
import { elementAt, type GraphRange } from '../../../server/src/protocol/pod-graph';
import { yaml } from '../../helpers/check';
import { corpusDir, examplesDir } from '../../helpers/paths';

const example = (name: string): string => readFileSync(join(examplesDir, name), 'utf8');

/** The text a range covers. */
function textOf(source: string, range: GraphRange): string {
  const lines = source.split('\n');
  if (range.start.line === range.end.line) return (lines[range.start.line] ?? '').slice(range.start.character, range.end.character);
  return [(lines[range.start.line] ?? '').slice(range.start.character), ...lines.slice(range.start.line + 1, range.end.line), (lines[range.end.line] ?? '').slice(0, range.end.character)].join('\n');
}

test('seed shared disk: infra, mycon1, mycon2, the emptyDir with both mounts and their paths', () => {
  const text = example('seed-shared-disk.yaml');
  const graph = buildPodGraph(analyzeText(text), 0);
  assert.ok(graph);
  assert.equal(graph.name, 'mypod');
  assert.equal(graph.kind, 'Pod');
  assert.equal(graph.hostname, 'mypod');
  assert.deepEqual(graph.infra.namespaces, ['net', 'ipc', 'uts']);
  assert.deepEqual(graph.containers.map((c) => [c.name, c.image, c.role]), [['mycon1', 'sunwu51/node', 'app'], ['mycon2', 'nginx', 'app']]);
  assert.deepEqual(graph.volumes.map((v) => [v.name, v.kind]), [['mymount', 'emptyDir']]);
  const volume = graph.volumes[0];
  assert.deepEqual(
    graph.mounts.map((m) => [graph.containers.find((c) => c.id === m.container)?.name, m.volume === volume?.id, m.mountPath, m.readOnly]),
    [['mycon1', true, '/root/.pm2/logs', false], ['mycon2', true, '/pm2logs', false]],
  );
  // Every element points at its YAML.
  assert.equal(textOf(text, graph.containers[0]!.selectionRange), 'mycon1');
  assert.equal(textOf(text, graph.mounts[1]!.selectionRange), '/pm2logs');
  assert.equal(textOf(text, volume!.selectionRange), 'mymount');
  assert.equal(textOf(text, graph.containers[1]!.ports[0]!.selectionRange), '80');
  assert.match(textOf(text, graph.containers[1]!.range), /^name: mycon2[\s\S]*mountPath: \/pm2logs\s*$/);
  // mycon2 overrides nginx's command, so nothing is implied.
  assert.ok(graph.containers[1]!.ports.every((p) => !p.implied));
});

test('seed port conflict: the clash is flagged on both ports, in the error severity', () => {
  const text = example('seed-port-conflict.yaml');
  const graph = buildPodGraph(analyzeText(text), 0);
  assert.ok(graph);
  const [a, b, c] = graph.containers;
  assert.equal(a?.ports[0]?.findings[0]?.rule, 'port-conflict');
  assert.equal(a?.ports[0]?.findings[0]?.severity, 'error');
  assert.equal(b?.ports[0]?.findings[0]?.rule, 'port-conflict');
  assert.match(b?.ports[0]?.findings[0]?.message ?? '', /Address already in use/);
  assert.deepEqual(c?.ports[0]?.findings, []);
});

test('implied ports, init lane order, sidecars, ephemeral containers, PID namespace, undefined volumes', () => {
  const text = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
    spec:
      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: {app: web}}
        spec:
          shareProcessNamespace: true
          initContainers:
          - {name: second-init, image: busybox}
          - {name: proxy, image: envoy, restartPolicy: Always}
          - {name: third, image: busybox}
          containers:
          - name: app
            image: nginx
            volumeMounts: [{name: confg, mountPath: /etc/app, readOnly: true}]
          - name: other
            image: nginx
          ephemeralContainers:
          - {name: debug, image: busybox}
          volumes:
          - {name: config, configMap: {name: app}}
  `;
  const graph = buildPodGraph(analyzeText(text), 0);
  assert.ok(graph);
  assert.equal(graph.kind, 'Deployment');
  // The generated pod name, spelled out rather than cut off.
  assert.equal(graph.hostname, 'web-<hash>-<id>');
  assert.deepEqual(graph.infra.namespaces, ['net', 'ipc', 'uts', 'pid']);
  assert.deepEqual(graph.containers.map((c) => `${c.role}:${c.name}:${c.order}`), ['init:second-init:0', 'init:third:2', 'sidecar:proxy:1', 'app:app:0', 'app:other:1', 'ephemeral:debug:0']);
  const app = graph.containers.find((c) => c.name === 'app');
  assert.deepEqual(app?.ports.map((p) => [p.port, p.implied]), [[80, true]]);
  const other = graph.containers.find((c) => c.name === 'other');
  assert.equal(other?.ports[0]?.findings[0]?.rule, 'implicit-port-conflict');
  // A finding keeps its own range: selecting a clash in the diagram goes there.
  assert.ok(other?.ports[0]?.findings[0]?.range);
  const mount = graph.mounts[0];
  assert.equal(mount?.volume, undefined);
  assert.equal(mount?.readOnly, true);
  assert.equal(mount?.findings[0]?.rule, 'undefined-volume');
  assert.equal(graph.volumes[0]?.findings[0]?.rule, 'unused-volume');
});

test('pods of a multi-document file: summaries, the pod under the cursor, element at a position', () => {
  const text = example('seed-shared-disk.yaml') + '---\n' + example('seed-port-conflict.yaml');
  const analysis = analyzeText(text);
  const pods = podSummaries(analysis);
  assert.equal(pods.length, 2);
  const secondLine = pods[1]!.range.start.line + 8;
  assert.equal(podIndexAt(analysis, analysis.lines.offsetAt({ line: secondLine, character: 4 })), 1);
  const result = podGraphFor(analysis, 3, 'en', { position: { line: secondLine, character: 10 } });
  assert.equal(result.active, 1);
  assert.equal(result.version, 3);
  assert.equal(result.graph?.containers.length, 3);
  const el = elementAt(result.graph!, { line: secondLine, character: 10 });
  assert.ok(el?.id.startsWith('c:') || el?.id.startsWith('p:'), el?.id);
  assert.equal(podGraphFor(analysis, 1, 'en', { podIndex: 1 }).active, 1);
  assert.equal(podGraphFor(analyzeText('a: 1\n'), 1, 'en', {}).graph, undefined);
});

test('diagram strings exist in English and Simplified Chinese', () => {
  const en = diagramStrings('en');
  const zh = diagramStrings('zh-cn');
  assert.ok(Object.keys(en).length > 30);
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  assert.notEqual(zh['lane.volumes'], en['lane.volumes']);
  const zhKeys = new Set(catalogueKeys('zh-cn'));
  for (const key of catalogueKeys('en').filter((k) => k.startsWith('diagram.'))) assert.ok(zhKeys.has(key), key);
});

test('every pod of the real-world corpus builds a graph without throwing', () => {
  if (!existsSync(corpusDir)) return;
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(n)) files.push(p);
    }
  };
  walk(corpusDir);
  let graphs = 0;
  for (const f of files) {
    const analysis = analyzeText(readFileSync(f, 'utf8'));
    podSummaries(analysis).forEach((_, i) => {
      assert.ok(buildPodGraph(analysis, i), f);
      graphs++;
    });
  }
  assert.ok(graphs > 0 || files.length === 0);
});

test('the cursor on the last, empty line highlights nothing; localhost calls and emptyDir media are in the graph', () => {
  const text = example('seed-port-conflict.yaml');
  const graph = buildPodGraph(analyzeText(text), 0)!;
  const lines = text.split('\n');
  const last = lines.length - 1;
  assert.equal(lines[last], '');
  const el = elementAt(graph, { line: last, character: 0 });
  assert.ok(!el || !el.id.startsWith('p:'), `the last port is highlighted: ${el?.id}`);
  const calls = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      containers:
      - name: app
        image: myorg/app
        env:
        - {name: CACHE_URL, value: "redis://localhost:6379/0"}
        - {name: OTHER, value: "http://example.com:80"}
        args: ["--upstream=127.0.0.1:8080"]
      - name: cache
        image: redis
        volumeMounts: [{name: scratch, mountPath: /data}]
      volumes:
      - {name: scratch, emptyDir: {medium: Memory}}
  `;
  const g = buildPodGraph(analyzeText(calls), 0)!;
  const app = g.containers.find((c) => c.name === 'app');
  assert.deepEqual(app?.calls?.map((c) => [c.port, c.source, textOf(calls, c.selectionRange).includes(String(c.port))]), [[6379, 'env CACHE_URL', true], [8080, 'args', true]]);
  assert.equal(g.volumes[0]?.medium, 'Memory');
});
