/** The diagram is laid out for the width it gets: three columns when wide, volumes under the containers when narrow. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze';
import { buildPodGraph } from '../../../server/src/graph/pod-graph';
import { diagramStrings, podGraphFor } from '../../../server/src/graph/query';
import { layoutPodGraph } from '../../../server/src/graph/svg/layout';
import { renderPodSvg } from '../../../server/src/graph/svg/render';
import { examplesDir } from '../../helpers/paths';
import { checkLayout, manyContainerPod } from './layout-check';

const strings = diagramStrings('en');
const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.yaml'));

test('every example fits 600 px (the panel beside a 1600 px editor) and stays sound at every width', () => {
  for (const file of examples) {
    const result = podGraphFor(analyzeText(readFileSync(join(examplesDir, file), 'utf8')), 1, 'en', {});
    if (!result.graph) continue;
    for (const width of [420, 600, 800, 1000, 1400]) {
      for (const locale of ['en', 'zh-cn'] as const) {
        const layout = layoutPodGraph(result.graph, diagramStrings(locale), { width });
        checkLayout(layout, `${file} at ${width} (${locale})`);
        if (width >= 600) assert.ok(layout.width <= width, `${file} is ${layout.width} px wide for ${width}`);
      }
    }
  }
});

test('narrow: volumes stack under the containers; wide: beside them', () => {
  const graph = buildPodGraph(analyzeText(readFileSync(join(examplesDir, 'seed-shared-disk.yaml'), 'utf8')), 0)!;
  const narrow = layoutPodGraph(graph, strings, { width: 600 });
  const wide = layoutPodGraph(graph, strings, { width: 1200 });
  const volumeOf = (l: typeof narrow) => l.nodes.find((n) => n.kind === 'volume')!.box;
  const containerOf = (l: typeof narrow) => l.nodes.find((n) => n.kind === 'container')!.box;
  assert.equal(narrow.stacked, true);
  assert.equal(volumeOf(narrow).x, containerOf(narrow).x);
  assert.ok(volumeOf(narrow).y > Math.max(...narrow.nodes.filter((n) => n.kind === 'container').map((n) => n.box.y + n.box.h)));
  assert.equal(wide.stacked, false);
  assert.ok(volumeOf(wide).x > containerOf(wide).x + containerOf(wide).w);
  // The volume says what it is made of and how long it lives.
  const texts = wide.nodes.find((n) => n.kind === 'volume')!.texts.map((t) => t.full);
  assert.deepEqual(texts, ['mymount', "emptyDir · node's disk", 'lives as long as the pod']);
});

test('the network band: pod IP and hostname, one socket per port, a clash labelled in words that jumps to the finding', () => {
  const text = readFileSync(join(examplesDir, 'seed-port-conflict.yaml'), 'utf8');
  const analysis = analyzeText(text);
  const graph = buildPodGraph(analysis, 0)!;
  const layout = layoutPodGraph(graph, strings, { width: 600 });
  const band = layout.nodes.find((n) => n.kind === 'infra')!;
  const bandText = band.texts.map((t) => t.full).join(' ');
  assert.match(bandText, /pod IP: assigned when the pod starts/);
  assert.match(bandText, /hostname: mypod/);
  const sockets = layout.nodes.filter((n) => n.kind === 'socket');
  assert.deepEqual(sockets.map((s) => s.texts[0]!.full), ['80/TCP', '1880/TCP']);
  assert.equal(sockets[0]!.cls, 'clash');
  // Two containers reach one socket: two listener edges end at the same socket.
  const s80 = sockets[0]!.box;
  const into80 = layout.paths.filter((p) => p.cls.includes('listen') && p.points.at(-1)![0] === s80.x + s80.w && p.points.at(-1)![1] >= s80.y && p.points.at(-1)![1] <= s80.y + s80.h);
  assert.equal(into80.length, 2);
  assert.ok(into80.every((p) => p.cls.includes('e-error')));
  const clash = layout.nodes.find((n) => n.kind === 'conflict')!;
  assert.equal(clash.texts.map((t) => t.full).join(' '), '80/TCP: mycon1 ↔ mycon2');
  const finding = analysis.findings.find((f) => f.rule === 'port-conflict')!;
  assert.deepEqual(clash.reveal, analysis.lines.rangeOf(finding.start, finding.end));
  const svg = renderPodSvg(graph, strings, { width: 600 });
  assert.match(svg, /data-id="x:80\/TCP" data-reveal="\d+,\d+,\d+,\d+"/);
});

test('a localhost call is an arrow from the calling row to the socket; a socket nobody listens on says so', () => {
  const text = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: app
    image: myorg/app
    env:
    - {name: CACHE, value: "localhost:6379"}
    - {name: METRICS, value: "http://localhost:9999/metrics"}
  - name: cache
    image: redis
`;
  const graph = buildPodGraph(analyzeText(text), 0)!;
  const layout = layoutPodGraph(graph, strings, { width: 800 });
  checkLayout(layout, 'calls');
  const calls = layout.paths.filter((p) => p.cls.includes('call'));
  assert.equal(calls.length, 2);
  assert.ok(calls.every((p) => p.ends === 'arrow-left'));
  const sockets = layout.nodes.filter((n) => n.kind === 'socket').map((n) => n.texts[0]!.full);
  assert.ok(sockets.includes('6379/TCP'), sockets.join());
  assert.ok(sockets.includes('9999/TCP  nobody listens'), sockets.join());
});

test('many containers: sound at every width', () => {
  for (const n of [1, 4, 9]) {
    const graph = buildPodGraph(analyzeText(manyContainerPod(n)), 0)!;
    for (const width of [480, 700, 1200]) checkLayout(layoutPodGraph(graph, strings, { width }), `${n} containers at ${width}`);
  }
});
