/** Services in a narrow panel stand above the pod instead of beside it; the legend explains their lines. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze';
import { diagramStrings, podGraphFor } from '../../../server/src/graph/query';
import { layoutPodGraph, type Layout } from '../../../server/src/graph/svg/layout';
import { servicesAboveWidth } from '../../../server/src/graph/svg/layout-services';
import { TRACK } from '../../../server/src/graph/svg/layout-network';
import type { GraphService, PodGraph } from '../../../server/src/protocol/pod-graph';
import { podWithServices as source } from '../../helpers/services-pod';
import { checkLayout, manyContainerPod } from './layout-check';

const WIDTHS = [420, 500, 600, 700, 800, 1000, 1200, 1400];
const LOCALES = ['en', 'zh-cn'] as const;


function graphOf(text: string): PodGraph {
  const graph = podGraphFor(analyzeText(text), 0, 'en', {}).graph;
  assert.ok(graph);
  return graph;
}

const withoutServices = (graph: PodGraph): PodGraph => ({ ...graph, services: undefined });
const lay = (graph: PodGraph, width: number, locale: (typeof LOCALES)[number] = 'en'): Layout => layoutPodGraph(graph, diagramStrings(locale), { width });

test('a narrow panel: the Services stand above the pod, and the diagram is as wide as without them but for a line channel', () => {
  const graph = graphOf(source);
  assert.equal(graph.services?.length, 2);
  const channel = servicesAboveWidth(graph, TRACK);
  for (const width of WIDTHS) {
    for (const locale of LOCALES) {
      const layout = lay(graph, width, locale);
      const label = `width ${width} ${locale}`;
      checkLayout(layout, label);
      const bare = lay(withoutServices(graph), width, locale);
      assert.ok(layout.width <= Math.max(width, bare.width + channel), `${label}: ${layout.width} px wide (without Services ${bare.width})`);
      // Every port row has its line, ending at a socket or, for the broken one, at the band's edge.
      assert.equal(layout.paths.filter((p) => p.cls.startsWith('edge service')).length, 3, label);
    }
  }
  assert.equal(lay(graph, 600).servicesAbove, true, 'above at 600 px');
  assert.equal(lay(graph, 700).servicesAbove, true, 'above at 700 px');
  assert.equal(lay(graph, 1400).servicesAbove, false, 'beside at 1400 px');
  assert.ok(lay(graph, 700).width <= 700, 'a 700 px panel fits without zooming out');
});

test('above the pod: lines run down a channel left of the pod into the sockets; a target without socket ends at the band', () => {
  const layout = lay(graphOf(source), 600);
  const band = layout.nodes.find((n) => n.kind === 'infra')!;
  const lines = layout.paths.filter((p) => p.cls.startsWith('edge service'));
  for (const line of lines) {
    const [start, , , end] = line.points;
    assert.ok(start![0] >= layout.podBox.x && start![1] < layout.podBox.y, 'starts at a Service row above the pod');
    assert.ok(line.points[1]![0] < layout.podBox.x, 'runs down left of the pod');
    assert.ok(end![0] >= band.box.x && end![1] > band.box.y, 'ends in the band');
  }
  const broken = lines.filter((p) => p.cls.includes('broken'));
  assert.equal(broken.length, 1);
  assert.equal(broken[0]!.points.at(-1)![0], band.box.x + 4);
  const socket = layout.nodes.find((n) => n.id === 's:8080/TCP')!;
  assert.ok(lines.some((p) => p.points.at(-1)![0] === socket.box.x && p.points.at(-1)![1] === socket.box.y + socket.box.h / 2));
});

test('many containers with many Service ports lay out at 420–1400 px, beside or above', () => {
  const big = graphOf(manyContainerPod(8));
  const ports = [8001, 8002, 8004, 9999].map((p, k) => ({ name: `p${k}`, port: 80 + k, target: String(p), protocol: 'TCP', resolved: p, broken: p === 9999 }));
  const services: GraphService[] = [
    { id: 'svc:0', name: 'front-door-with-a-long-name', ports },
    { id: 'svc:1', name: 'admin', file: 'admin-service.yaml', ports: ports.slice(0, 2) },
  ];
  const graph = { ...big, services };
  const seen = new Set<boolean>();
  for (const width of WIDTHS) {
    for (const locale of LOCALES) {
      const layout = lay(graph, width, locale);
      checkLayout(layout, `big, width ${width} ${locale}`);
      seen.add(!!layout.servicesAbove);
    }
  }
  assert.deepEqual([...seen].sort(), [false, true], 'both arrangements were checked');
});

test('the legend explains the Service line, normal and broken, only when Services are drawn (en, zh-cn)', () => {
  const graph = graphOf(source);
  const legendOf = (g: PodGraph, locale: (typeof LOCALES)[number]) => lay(g, 1000, locale).legend.map((l) => `${l.cls}: ${l.text.full}`);
  const en = legendOf(graph, 'en');
  assert.ok(en.includes('edge service: Service → port'), en.join('\n'));
  assert.ok(en.includes('edge service broken e-warning: Service → nothing serves'), en.join('\n'));
  const zh = legendOf(graph, 'zh-cn');
  assert.ok(zh.includes('edge service: Service → 端口'), zh.join('\n'));
  assert.ok(zh.includes('edge service broken e-warning: Service → 无进程提供服务'), zh.join('\n'));
  assert.ok(!legendOf(withoutServices(graph), 'en').some((l) => l.startsWith('edge service')), 'no Service, no Service lines in the legend');
});
