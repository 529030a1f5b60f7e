import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze';
import { buildPodGraph } from '../../../server/src/graph/pod-graph';
import { diagramStrings } from '../../../server/src/graph/query';
import { layoutPodGraph } from '../../../server/src/graph/svg/layout';
import { renderPodSvg } from '../../../server/src/graph/svg/render';
import { esc } from '../../../server/src/graph/svg/text';
import type { PodGraph } from '../../../server/src/protocol/pod-graph';
import { examplesDir } from '../../helpers/paths';
import { checkLayout, manyContainerPod } from './layout-check';

const strings = diagramStrings('en');

test('layout: no overlaps, texts fit, edges avoid boxes, from 1 to 12 containers', () => {
  for (let n = 1; n <= 12; n++) {
    const graph = buildPodGraph(analyzeText(manyContainerPod(n)), 0);
    assert.ok(graph);
    assert.equal(graph.containers.length, n);
    const layout = layoutPodGraph(graph, strings);
    checkLayout(layout, `${n} containers`);
    checkLayout(layoutPodGraph(graph, diagramStrings('zh-cn')), `${n} containers (zh-cn)`);
    // Mount edges each own a distinct vertical track.
    const tracks = layout.paths.filter((p) => p.cls.startsWith('edge')).map((p) => p.points[1]![0]);
    assert.equal(new Set(tracks).size, tracks.length);
  }
});

test('the seed pods render: the shared emptyDir with both mount paths, the conflict in the error class', () => {
  const read = (name: string): string => readFileSync(join(examplesDir, name), 'utf8');
  const disk = renderPodSvg(buildPodGraph(analyzeText(read('seed-shared-disk.yaml')), 0)!, strings);
  for (const s of ['mycon1', 'mycon2', 'mymount', 'emptyDir', '/root/.pm2/logs', '/pm2logs', 'infra']) assert.ok(disk.includes(s), s);
  // Two mount edges, plus the legend's sample line.
  assert.equal((disk.match(/class="edge rw"/g) ?? []).length, 3);
  const conflict = renderPodSvg(buildPodGraph(analyzeText(read('seed-port-conflict.yaml')), 0)!, strings);
  assert.equal((conflict.match(/class="node port f-error"/g) ?? []).length, 2);
  assert.match(conflict, /Address already in use/);
});

test('every manifest string is escaped; the output is well-formed XML', () => {
  const evil = '<img src=x onerror=alert(1)>"\'&<script>alert(2)</script>';
  const graph = buildPodGraph(analyzeText(manyContainerPod(2)), 0)!;
  const poisoned: PodGraph = {
    ...graph,
    name: evil,
    kind: evil,
    hostname: evil,
    containers: graph.containers.map((c) => ({ ...c, name: evil, image: evil, findings: [{ rule: evil, severity: 'error', message: evil }], ports: c.ports.map((p) => ({ ...p, name: evil, protocol: evil })) })),
    volumes: graph.volumes.map((v) => ({ ...v, name: evil, kind: evil })),
    mounts: graph.mounts.map((m) => ({ ...m, mountPath: evil, volumeName: evil, id: evil })),
  };
  const svg = renderPodSvg(poisoned, { ...strings, 'lane.app': evil }, { standalone: true });
  assert.ok(!svg.includes('<img'), 'no raw <img');
  assert.ok(!svg.includes('<script'), 'no raw <script');
  assert.ok(!/onerror=alert\(1\)>/.test(svg.replace(/&lt;img src=x onerror=alert\(1\)&gt;/g, '')));
  assert.ok(svg.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.equal(esc(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  // Well-formed enough: every group closes.
  const opened = (svg.match(/<g\b/g) ?? []).length;
  assert.equal(opened, (svg.match(/<\/g>/g) ?? []).length);
});

test('standalone SVGs carry the theme stylesheet with fallbacks; webview SVGs do not', () => {
  const graph = buildPodGraph(analyzeText(manyContainerPod(1)), 0)!;
  const standalone = renderPodSvg(graph, strings, { standalone: true });
  assert.match(standalone, /<style>[\s\S]*var\(--vscode-editorError-foreground, #e51400\)/);
  const inline = renderPodSvg(graph, strings);
  assert.ok(!inline.includes('<style>'));
  // Colours only through classes: no fill/stroke attributes with literal colours.
  assert.ok(!/(fill|stroke)="#/.test(standalone));
});
