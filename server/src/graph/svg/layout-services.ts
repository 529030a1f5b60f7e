/**
 * The Services selecting the pod, in front of it: one box per Service with a `name port→targetPort`
 * row per port, and a line from each row to the socket of the pod's port space it reaches. Beside
 * the pod (left of its box) when the panel is wide enough, else above it, with only a narrow
 * channel left of the pod for the lines. A target no effective listener serves is drawn broken
 * (dashed, in the warning colour) and ends at the band's edge when the pod has no such socket.
 */
import type { DiagramStrings, GraphService, GraphServicePort, PodGraph } from '../../protocol/pod-graph';
import { aria, str, text, type Box, type LaidNode, type LaidPath } from './layout-types';
import { FONT, TITLE_FONT } from './text';

export const SERVICE_W = 176;
const ROW = 20;

/** How wide the Services column and its line channel are (0 without Services). */
export function servicesWidth(graph: PodGraph, track: number): number {
  const services = graph.services ?? [];
  if (services.length === 0) return 0;
  return SERVICE_W + 16 + track * services.reduce((n, s) => n + s.ports.length, 0);
}

/** How wide the channel left of the pod is when the Services stand above it (0 without Services). */
export function servicesAboveWidth(graph: PodGraph, track: number): number {
  const rows = (graph.services ?? []).reduce((n, s) => n + s.ports.length, 0);
  return (graph.services ?? []).length === 0 ? 0 : 12 + track * rows;
}

export function servicePortText(p: GraphServicePort, name?: string): string {
  const target = p.resolved !== undefined && String(p.resolved) !== p.target ? `${p.target} (${p.resolved})` : p.target;
  return `${name ? `${name} ` : ''}${p.port ?? '?'}→${target}${p.protocol !== 'TCP' ? `/${p.protocol}` : ''}`;
}

interface ServiceRow {
  readonly service: GraphService;
  readonly port: GraphServicePort;
  readonly y: number;
}

export interface ServicesLayout {
  readonly nodes: LaidNode[];
  readonly rows: ServiceRow[];
  readonly bottom: number;
}

/** Boxes of the Services, `w` wide, stacked from `top` at `x`. */
export function layoutServices(graph: PodGraph, strings: DiagramStrings, x: number, top: number, w = SERVICE_W): ServicesLayout {
  const nodes: LaidNode[] = [];
  const rows: ServiceRow[] = [];
  let y = top;
  for (const s of graph.services ?? []) {
    const where = s.file === undefined ? str(strings, 'service.here') : str(strings, 'service.file', { file: s.file });
    const title = str(strings, 'service.title', { name: s.name || str(strings, 'unnamed') });
    const children: LaidNode[] = [];
    let ry = y + 42;
    for (const [k, p] of s.ports.entries()) {
      const label = servicePortText(p, p.name);
      const tip = p.broken ? str(strings, 'service.broken', { port: p.resolved ?? p.target }) : undefined;
      const box: Box = { x: x + 8, y: ry, w: w - 16, h: ROW - 2 };
      children.push({
        id: `${s.id}:${k}`,
        kind: 'service-port',
        parent: s.id,
        box,
        shape: 'row',
        texts: [text(box.x + 6, box.y + 13, label, box.w - 12)],
        label: aria([str(strings, 'aria.servicePort', { service: s.name, port: label }), tip].filter(Boolean).join('. '), { findings: [] }),
        findings: [],
        cls: p.broken ? 'broken' : undefined,
        tip,
        reveal: s.range ?? s.location?.range,
      });
      rows.push({ service: s, port: p, y: ry + ROW / 2 - 1 });
      ry += ROW;
    }
    const box: Box = { x, y, w: w, h: Math.max(ry - y + 6, 48) };
    nodes.push({
      id: s.id,
      kind: 'service',
      box,
      shape: 'box',
      texts: [text(x + 8, y + 18, title, w - 16, TITLE_FONT, 'title'), text(x + 8, y + 34, where, w - 16, FONT, 'muted')],
      label: aria(`${title}, ${where}`, { findings: [] }),
      findings: [],
      reveal: s.range ?? s.location?.range,
    });
    nodes.push(...children);
    y += box.h + 12;
  }
  return { nodes, rows, bottom: y - 12 };
}

/**
 * Lines from the Service rows to the sockets: out of the row's right edge, down its own track in
 * the channel before the pod, into the socket's left end (or the band's edge when no socket).
 */
export function serviceLines(rows: readonly ServiceRow[], sockets: readonly LaidNode[], channelX: number, bandX: number, track: number): LaidPath[] {
  return rows.map((r, k) => {
    const socket = r.port.resolved === undefined ? undefined : sockets.find((n) => n.id === `s:${r.port.resolved}/${r.port.protocol}`);
    const tx = channelX + 8 + track * k;
    const to: [number, number] = socket ? [socket.box.x, socket.box.y + socket.box.h / 2] : [bandX + 4, r.y];
    const cls = ['edge', 'service', r.port.broken ? 'broken e-warning' : ''].filter(Boolean).join(' ');
    return { points: [[channelX - 8, r.y], [tx, r.y], [tx, to[1]], to], cls, ends: 'dots' };
  });
}

/**
 * Lines from the Service rows above the pod: out of the row's left edge, down its own track in the
 * channel left of the pod (the topmost row on the outermost track, so no line crosses another row's
 * start), into the socket's left end; a target with no socket ends at the band's edge, each on its
 * own height under the band's top.
 */
export function serviceLinesAbove(rows: readonly ServiceRow[], sockets: readonly LaidNode[], servicesX: number, channelX: number, band: Box, track: number): LaidPath[] {
  let loose = 0;
  return rows.map((r, k) => {
    const socket = r.port.resolved === undefined ? undefined : sockets.find((n) => n.id === `s:${r.port.resolved}/${r.port.protocol}`);
    const tx = channelX + 4 + track * k;
    const to: [number, number] = socket ? [socket.box.x, socket.box.y + socket.box.h / 2] : [band.x + 4, band.y + 12 + 6 * loose++];
    const cls = ['edge', 'service', r.port.broken ? 'broken e-warning' : ''].filter(Boolean).join(' ');
    return { points: [[servicesX, r.y], [tx, r.y], [tx, to[1]], to], cls, ends: 'dots' };
  });
}
