/**
 * The diagram draws effective listeners: a declaration nothing serves is drawn apart (dotted,
 * hollow socket, its own legend entry and tooltip), a 127.0.0.1 listener shows its bind address
 * and what set it, and two containers reaching for one port are a clash.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze';
import { buildPodGraph } from '../../../server/src/graph/pod-graph';
import { diagramStrings } from '../../../server/src/graph/query';
import { layoutPodGraph } from '../../../server/src/graph/svg/layout';
import { renderPodSvg } from '../../../server/src/graph/svg/render';
import { yaml } from '../../helpers/check';
import { checkLayout } from './layout-check';

const pod = yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: mixed}
  spec:
    containers:
    - name: web
      image: nginx:1.27
      ports: [{containerPort: 81}]
    - name: ne
      image: prom/node-exporter:v1.8.2
      args: [--web.listen-address=127.0.0.1:9101]
    - name: web2
      image: nginx:1.27
`;

/** The `<g>` of a node by its data-id. */
function group(svg: string, id: string): string {
  const at = svg.indexOf(`data-id="${id}"`);
  assert.ok(at >= 0, `no node ${id}`);
  const start = svg.lastIndexOf('<g ', at);
  return svg.slice(start, svg.indexOf('</g>', at));
}

test('an unserved declaration and a 127.0.0.1 listener are drawn distinctly from a plain listener', () => {
  const graph = buildPodGraph(analyzeText(pod), 0);
  assert.ok(graph);
  for (const locale of ['en', 'zh-cn'] as const) checkLayout(layoutPodGraph(graph, diagramStrings(locale)), locale);
  const svg = renderPodSvg(graph, diagramStrings('en'));
  const web = graph.containers.find((c) => c.name === 'web')!;
  const declared = web.ports.find((p) => p.port === 81)!;
  assert.equal(declared.unserved, true);
  const row81 = group(svg, declared.id);
  assert.match(row81, /class="node port[^"]*unserved/);
  assert.match(row81, /81\/TCP  \(nothing listens\)/);
  assert.match(row81, /<title>[^<]*get &quot;connection refused&quot;/);
  // Its socket is hollow: declared only, and no clash drawn for it.
  assert.match(group(svg, 's:81/TCP'), /class="node socket[^"]*unserved[^"]*"/);
  assert.match(group(svg, 's:81/TCP'), /81\/TCP  declared only/);

  const ne = graph.containers.find((c) => c.name === 'ne')!;
  const moved = ne.ports.find((p) => p.port === 9101)!;
  const row9101 = group(svg, moved.id);
  assert.match(row9101, /class="node port implied bound"/);
  // The label may be cut to the row; the tooltip carries it whole.
  assert.match(row9101, /<title>127\.0\.0\.1:9101\/TCP  \(set by --web\.listen-address\)\n/);
  assert.match(row9101, />127\.0\.0\.1:9101\/TCP  \(set by/);
  assert.match(row9101, /Set by --web\.listen-address=127\.0\.0\.1:9101\./);
  assert.match(row9101, /nothing outside the pod does/);
  assert.match(group(svg, 's:9101/TCP'), />127\.0\.0\.1:9101\/TCP</);
  assert.doesNotMatch(group(svg, 's:9101/TCP'), /unserved|clash/);

  // web and web2 both run nginx on 80: two containers reach for one socket, drawn as a clash.
  assert.match(group(svg, 's:80/TCP'), /class="node socket[^"]*clash/);
  assert.match(svg, /data-id="x:80\/TCP"/);
  assert.match(svg, /80\/TCP: web ↔ web2|80\/TCP: web2 ↔ web/);
  // The legend names the unserved style.
  assert.match(svg, /class="socket-swatch unserved-swatch"[\s\S]*declared, nothing listens/);
  // The listener edge of the unserved row is dotted, the others are not.
  assert.match(svg, /class="edge listen unserved/);
});
