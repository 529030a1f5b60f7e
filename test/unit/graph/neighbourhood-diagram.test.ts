/** The diagram shows the pod in its neighbourhood: Services in front (lines to the sockets), the objects behind its volumes. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze';
import { diagramStrings, podGraphFor } from '../../../server/src/graph/query';
import { layoutPodGraph } from '../../../server/src/graph/svg/layout';
import { renderPodSvg } from '../../../server/src/graph/svg/render';
import type { PodGraph } from '../../../server/src/protocol/pod-graph';
import { peer } from '../../helpers/workspace';
import { checkLayout } from './layout-check';

const deployment = (extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web${extra}}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - {containerPort: 80, name: http}
        volumeMounts:
        - {name: conf, mountPath: /etc/nginx/conf.d}
      volumes:
      - {name: conf, configMap: {name: web-conf}}
`;
const service = (targetPort: string, namespace = '') => `---
apiVersion: v1
kind: Service
metadata: {name: web${namespace ? `, namespace: ${namespace}` : ''}}
spec:
  selector: {app: web}
  ports:
  - {name: http, port: 8080, targetPort: ${targetPort}}
`;

function graphOf(text: string, peers: Parameters<typeof podGraphFor>[5] = { peers: [] }): PodGraph {
  const graph = podGraphFor(analyzeText(text), 1, 'en', {}, undefined, peers).graph;
  assert.ok(graph);
  return graph;
}

function laidOut(graph: PodGraph) {
  for (const width of [420, 600, 1000, 1400]) for (const locale of ['en', 'zh-cn'] as const) checkLayout(layoutPodGraph(graph, diagramStrings(locale), { width }), `width ${width} ${locale}`);
  return layoutPodGraph(graph, diagramStrings('en'), { width: 1000 });
}

test('a Deployment and its Service in one file: the Service stands in front, port rows, a line to the socket', () => {
  const graph = graphOf(deployment() + service('http'));
  assert.deepEqual(graph.services?.map((s) => [s.name, s.file, s.ports.map((p) => [p.name, p.port, p.target, p.resolved, p.broken])]), [['web', undefined, [['http', 8080, 'http', 80, false]]]]);
  const layout = laidOut(graph);
  const box = layout.nodes.find((n) => n.kind === 'service')!;
  assert.equal(box.texts[0]!.full, 'Service web');
  const row = layout.nodes.find((n) => n.kind === 'service-port')!;
  assert.equal(row.texts[0]!.full, 'http 8080→http (80)');
  assert.ok(row.reveal, 'a click selects the Service in this file');
  const socket = layout.nodes.find((n) => n.id === 's:80/TCP')!;
  const line = layout.paths.find((p) => p.cls.includes('service'))!;
  assert.equal(line.cls, 'edge service');
  assert.deepEqual(line.points.at(-1), [socket.box.x, socket.box.y + socket.box.h / 2]);
  assert.match(renderPodSvg(graph, diagramStrings('en')), /class="edge service"/);
});

test('a Service whose targetPort no listener serves draws a broken line (named or numbered)', () => {
  for (const target of ['9090', 'web']) {
    const graph = graphOf(deployment() + service(target));
    assert.equal(graph.services?.[0]?.ports[0]?.broken, true, target);
    const layout = laidOut(graph);
    const line = layout.paths.find((p) => p.cls.includes('service'))!;
    assert.equal(line.cls, 'edge service broken e-warning');
    const row = layout.nodes.find((n) => n.kind === 'service-port')!;
    assert.equal(row.cls, 'broken');
    assert.match(row.tip ?? '', /nothing in the pod serves/);
  }
});

test('Services from other files of the workspace stand in front with their file; another namespace stays out', () => {
  const peers = { source: '/ws/app/deploy.yaml', peers: [peer(service('80'), '/ws/app/svc.yaml'), peer(service('80', 'prod'), '/ws/app/prod-svc.yaml')] };
  const graph = graphOf(deployment(), peers);
  assert.deepEqual(graph.services?.map((s) => [s.name, s.file, s.range]), [['web', 'svc.yaml', undefined]]);
  // A click on it opens that file at the Service's name.
  assert.deepEqual(graph.services?.[0]?.location, { uri: '/ws/app/svc.yaml', range: { start: { line: 3, character: 17 }, end: { line: 3, character: 20 } } });
  const box = laidOut(graph).nodes.find((n) => n.kind === 'service')!;
  assert.equal(box.texts[1]!.full, 'in svc.yaml');
  assert.equal(graphOf(deployment()).services, undefined, 'no Service: nothing in front');
});

test('a ConfigMap volume shows where the ConfigMap is defined, or that it is not in the workspace', () => {
  const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-conf}\ndata: {a: b}\n';
  const volumeText = (graph: PodGraph) => laidOut(graph).nodes.find((n) => n.kind === 'volume')!.texts.map((t) => t.full).join(' ');
  const there = graphOf(deployment(), { source: '/ws/app/deploy.yaml', peers: [peer(cm, '/ws/app/config.yaml')] });
  assert.deepEqual(there.volumes[0]?.object, { kind: 'ConfigMap', name: 'web-conf', files: ['config.yaml'] });
  assert.match(volumeText(there), /ConfigMap web-conf: defined in config\.yaml/);
  assert.match(volumeText(graphOf(`${deployment()}---\n${cm}`)), /ConfigMap web-conf: defined in this file/);
  assert.match(volumeText(graphOf(deployment())), /ConfigMap web-conf: not in the workspace/);
  const zh = layoutPodGraph(graphOf(deployment()), diagramStrings('zh-cn'), { width: 1000 });
  assert.match(zh.nodes.find((n) => n.kind === 'volume')!.texts.map((t) => t.full).join(' '), /不在工作区中/);
});
