/**
 * Hand layout of a pod graph in columns: the infra container on the left, joined to every
 * container; containers stacked in lanes (init in run order, sidecars, app, ephemeral); volumes on
 * the right, reached by orthogonal mount edges that each own a vertical track in the channel
 * between the columns. Everything is stacked, never placed freely, so boxes cannot overlap and
 * edges never pass through a box (the unit tests check both with bounding boxes).
 */
import type { DiagramStrings, GraphContainer, GraphElement, GraphFinding, PodGraph } from '../../protocol/pod-graph';
import { FONT, TITLE_FONT, fitText, textWidth } from './text';

/** An axis-aligned rectangle. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** A text at its baseline position, cut to fit `maxW`; `full` is the uncut text. */
export interface LaidText {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly full: string;
  readonly size: number;
  readonly maxW: number;
  readonly cls?: string;
}

/** Kinds of drawn nodes. */
export type NodeKind = 'pod' | 'infra' | 'container' | 'port' | 'volume' | 'mount';

/** A clickable node: a box with texts, an accessible label and the findings shown on hover. */
export interface LaidNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly box: Box;
  readonly shape: 'box' | 'row' | 'header';
  readonly texts: readonly LaidText[];
  readonly badge?: { readonly box: Box; readonly text: LaidText };
  readonly label: string;
  readonly findings: readonly GraphFinding[];
  readonly implied?: boolean;
  readonly parent?: string;
}

/** A polyline (links to the infra container, mount edges, init-order arrows). */
export interface LaidPath {
  readonly points: readonly (readonly [number, number])[];
  readonly cls: string;
}

export interface Layout {
  readonly width: number;
  readonly height: number;
  readonly podBox: Box;
  readonly nodes: readonly LaidNode[];
  /** Non-clickable texts (lane headings, the infra's port table, the legend) with their boxes. */
  readonly labels: readonly { readonly box: Box; readonly text: LaidText }[];
  readonly paths: readonly LaidPath[];
  readonly legend: readonly { readonly swatch: Box; readonly cls: string; readonly line: boolean; readonly text: LaidText }[];
}

const PAD = 16;
const INNER = 12;
const IW = 240; // infra column
const GAP = 40; // infra → containers
const CW = 290; // container column
const VW = 200; // volume column
const ROW = 20;
const TRACK = 10;

/** A string from the catalogue, with `{name}` placeholders filled. */
export function str(strings: DiagramStrings, key: string, args: Readonly<Record<string, string | number>> = {}): string {
  const template = strings[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}

function text(x: number, y: number, full: string, maxW: number, size = FONT, cls?: string): LaidText {
  return { x, y, text: fitText(full, maxW, size), full, size, maxW, cls };
}

/** The accessible label: what the element is, then its findings. */
function aria(base: string, e: GraphElement): string {
  return [base, ...e.findings.map((f) => f.message)].join('. ');
}

export function portText(strings: DiagramStrings, p: PodGraph['containers'][number]['ports'][number]): string {
  const parts = [`${p.port ?? '?'}/${p.protocol}`];
  if (p.name) parts.push(p.name);
  if (p.hostPort !== undefined) parts.push(str(strings, 'port.host', { port: p.hostPort }));
  if (p.implied) parts.push(str(strings, 'port.implied'));
  return parts.join('  ');
}

function badgeOf(strings: DiagramStrings, c: GraphContainer, laneIndex: number): string | undefined {
  switch (c.role) {
    case 'init':
      return String(laneIndex + 1);
    case 'sidecar':
      return str(strings, 'role.sidecar');
    case 'ephemeral':
      return str(strings, 'role.ephemeral');
    case 'app':
      return undefined;
  }
}

const LANES = ['init', 'sidecar', 'app', 'ephemeral'] as const;

export function layoutPodGraph(graph: PodGraph, strings: DiagramStrings): Layout {
  const nodes: LaidNode[] = [];
  const labels: { box: Box; text: LaidText }[] = [];
  const paths: LaidPath[] = [];
  const drawnMounts = graph.mounts.filter((m) => m.volume !== undefined);
  const hasVolumes = graph.volumes.length > 0;
  const channel = hasVolumes ? 24 + TRACK * Math.max(1, drawnMounts.length) : 0;
  const podX = PAD;
  const ix = podX + INNER;
  const cx = ix + IW + GAP;
  const chX = cx + CW;
  const vx = chX + channel;
  const podW = INNER + IW + GAP + CW + (hasVolumes ? channel + VW : 0) + INNER;
  const podY = PAD;

  // Pod header: kind and name, hostname.
  const headerBox: Box = { x: podX + 1, y: podY + 1, w: podW - 2, h: 44 };
  const podTitle = `${graph.kind} ${graph.name || str(strings, 'unnamed')}`;
  const hostLine = graph.infra.hostNetwork ? str(strings, 'pod.hostNetwork') : str(strings, 'pod.hostname', { hostname: graph.hostname || '?' });
  nodes.push({
    id: graph.id,
    kind: 'pod',
    box: headerBox,
    shape: 'header',
    texts: [text(podX + INNER, podY + 19, podTitle, podW - 2 * INNER, TITLE_FONT, 'title'), text(podX + INNER, podY + 37, hostLine, podW - 2 * INNER, FONT, 'muted')],
    label: aria(str(strings, 'aria.pod', { name: podTitle, hostname: graph.hostname }), graph),
    findings: graph.findings,
  });
  const top = podY + 56;

  // Containers, lane by lane.
  let y = top;
  const containerCentres = new Map<string, { header: number; right: number }>();
  const mountRowY = new Map<string, number>();
  for (const lane of LANES) {
    const members = graph.containers.filter((c) => c.role === lane);
    if (members.length === 0) continue;
    labels.push({ box: { x: cx, y, w: CW, h: 20 }, text: text(cx + 2, y + 14, str(strings, `lane.${lane}`), CW - 4, FONT, 'muted') });
    y += 24;
    members.forEach((c, k) => {
      if (k > 0 && lane === 'init') paths.push({ points: [[cx + CW / 2, y - 13], [cx + CW / 2, y - 1]], cls: 'arrow' });
      const y0 = y;
      const badge = badgeOf(strings, c, k);
      const bw = badge ? textWidth(badge, 11) + 12 : 0;
      const texts = [
        text(cx + 8, y0 + 17, c.name, CW - 24 - bw, TITLE_FONT, 'title'),
        text(cx + 8, y0 + 36, c.image ?? str(strings, 'container.noImage'), CW - 16, FONT, 'muted'),
      ];
      let ry = y0 + 44;
      const rows: LaidNode[] = [];
      for (const p of c.ports) {
        const box = { x: cx + 8, y: ry, w: CW - 16, h: ROW - 2 };
        const label = portText(strings, p);
        rows.push({ id: p.id, kind: 'port', box, shape: 'row', texts: [text(box.x + 6, box.y + 13, label, box.w - 12)], label: aria(str(strings, 'aria.port', { port: label, container: c.name }), p), findings: p.findings, implied: p.implied, parent: c.id });
        ry += ROW;
      }
      for (const m of graph.mounts.filter((mm) => mm.container === c.id)) {
        const box = { x: cx + 8, y: ry, w: CW - 16, h: ROW - 2 };
        const mode = str(strings, m.readOnly ? 'mount.ro' : 'mount.rw');
        const label = `${m.mountPath}  ${mode}  → ${m.volumeName}${m.subPath ? `  (${str(strings, 'mount.subPath', { subPath: m.subPath })})` : ''}`;
        rows.push({ id: m.id, kind: 'mount', box, shape: 'row', texts: [text(box.x + 6, box.y + 13, label, box.w - 12)], label: aria(str(strings, 'aria.mount', { volume: m.volumeName, path: m.mountPath, mode, container: c.name }), m), findings: m.findings, parent: c.id });
        mountRowY.set(m.id, box.y + box.h / 2);
        ry += ROW;
      }
      const h = ry - y0 + 6;
      const box = { x: cx, y: y0, w: CW, h };
      nodes.push({
        id: c.id,
        kind: 'container',
        box,
        shape: 'box',
        texts,
        badge: badge ? { box: { x: cx + CW - 8 - bw, y: y0 + 6, w: bw, h: 15 }, text: text(cx + CW - 8 - bw + 6, y0 + 17, badge, bw - 10, 11, 'badge-text') } : undefined,
        label: aria(str(strings, `aria.${c.role}`, { name: c.name, image: c.image ?? '' }), c),
        findings: c.findings,
      });
      nodes.push(...rows);
      containerCentres.set(c.id, { header: y0 + 12, right: cx + CW });
      y += h + 14;
    });
    y += 4;
  }
  const containersBottom = y;

  // Volumes, each tall enough to give every incoming edge its own anchor.
  let vy = top;
  const anchors = new Map<string, number>();
  if (hasVolumes) {
    labels.push({ box: { x: vx, y: vy, w: VW, h: 20 }, text: text(vx + 2, vy + 14, str(strings, 'lane.volumes'), VW - 4, FONT, 'muted') });
    vy += 24;
    for (const v of graph.volumes) {
      const incoming = drawnMounts.filter((m) => m.volume === v.id);
      const h = Math.max(50, 22 + 12 * incoming.length);
      incoming.forEach((m, k) => anchors.set(m.id, vy + 14 + 12 * k));
      nodes.push({
        id: v.id,
        kind: 'volume',
        box: { x: vx, y: vy, w: VW, h },
        shape: 'box',
        texts: [text(vx + 10, vy + 18, v.name, VW - 20, TITLE_FONT, 'title'), text(vx + 10, vy + 36, v.kind || '?', VW - 20, FONT, 'muted')],
        label: aria(str(strings, 'aria.volume', { name: v.name, kind: v.kind }), v),
        findings: v.findings,
      });
      vy += h + 12;
    }
  }

  // Mount edges: out of the mount row, along its own track, into its own anchor.
  drawnMounts.forEach((m, j) => {
    const from = mountRowY.get(m.id);
    const to = anchors.get(m.id);
    if (from === undefined || to === undefined) return;
    const track = chX + 12 + TRACK * j;
    const worst = m.findings.some((f) => f.severity === 'error') ? ' e-error' : m.findings.some((f) => f.severity === 'warning') ? ' e-warning' : '';
    paths.push({ points: [[cx + CW - 8, from], [track, from], [track, to], [vx, to]], cls: `edge ${m.readOnly ? 'ro' : 'rw'}${worst}` });
  });

  // The infra container: as tall as the container column, listing the namespaces and the port space.
  const infraLines: LaidText[] = [];
  let ly = top + 20;
  const line = (t: string, cls?: string, size = FONT): void => {
    infraLines.push(text(ix + 10, ly, t, IW - 20, size, cls));
    ly += 18;
  };
  line(str(strings, 'infra.title'), 'title', TITLE_FONT);
  line(str(strings, 'infra.namespaces'), 'muted');
  for (const ns of graph.infra.namespaces) line(str(strings, ns === 'net' && graph.infra.hostNetwork ? 'ns.net.host' : `ns.${ns}`));
  ly += 6;
  line(str(strings, 'infra.ports'), 'muted');
  const allPorts = graph.containers.flatMap((c) => c.ports.map((p) => ({ p, c })));
  if (allPorts.length === 0) line(str(strings, 'infra.noPorts'), 'muted');
  for (const { p, c } of allPorts) {
    const sev = p.findings.some((f) => f.severity === 'error') ? 't-error' : p.findings.some((f) => f.severity === 'warning') ? 't-warning' : undefined;
    line(`${p.port ?? '?'}/${p.protocol}  ${c.name}${p.implied ? ` ${str(strings, 'infra.implied')}` : ''}`, sev);
  }
  const infraH = Math.max(ly - top, containersBottom - 14 - top, 60);
  // Second in the tab order, after the pod header.
  nodes.splice(1, 0, {
    id: graph.infra.id,
    kind: 'infra',
    box: { x: ix, y: top, w: IW, h: infraH },
    shape: 'box',
    texts: infraLines,
    label: aria(str(strings, 'aria.infra', { namespaces: graph.infra.namespaces.join(', ') }), graph.infra),
    findings: graph.infra.findings,
  });
  for (const { header } of containerCentres.values()) paths.push({ points: [[ix + IW, header], [cx, header]], cls: 'link' });

  const podH = Math.max(top + infraH, containersBottom - 14, vy - 12) + 14 - podY;
  const podBox: Box = { x: podX, y: podY, w: podW, h: podH };

  // Legend under the pod, wrapped to its width.
  const legend: Layout['legend'][number][] = [];
  const items: [string, string, boolean][] = [
    ['legend.port', 'row', false],
    ['legend.implied', 'row implied-swatch', false],
    ['legend.rw', 'edge rw', true],
    ['legend.ro', 'edge ro', true],
    ['legend.error', 'swatch-error', false],
    ['legend.warning', 'swatch-warning', false],
  ];
  let lx = podX;
  let legY = podY + podH + 14;
  for (const [key, cls, isLine] of items) {
    const label = str(strings, key);
    const w = 28 + Math.min(textWidth(label), podW - 28) + 18;
    if (lx + w > podX + podW && lx > podX) {
      lx = podX;
      legY += 22;
    }
    legend.push({ swatch: { x: lx, y: legY + 3, w: 20, h: 12 }, cls, line: isLine, text: text(lx + 26, legY + 13, label, podW - 28) });
    lx += w;
  }
  return { width: podX + podW + PAD, height: legY + 22 + PAD, podBox, nodes, labels, paths, legend };
}
