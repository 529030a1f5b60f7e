/**
 * Hand layout of a pod graph for a given width. From left to right: the network band (pod IP,
 * hostname, one socket per port), the containers in lanes (init in run order, sidecars, app,
 * ephemeral) with their port, call and mount rows, and the volumes. When the width is too small
 * for three columns, the volumes stack under the containers. Everything is stacked, never placed
 * freely, and every edge owns a vertical track in a gap, so boxes cannot overlap and edges never
 * pass through a box (the unit tests check both with bounding boxes).
 */
import type { DiagramStrings, GraphContainer, GraphVolume, PodGraph } from '../../protocol/pod-graph';
import { layoutLegend } from './layout-legend';
import { portText, portTip } from './layout-ports';
import { layoutServices, serviceLines, serviceLinesAbove, SERVICE_W, servicesAboveWidth, servicesWidth } from './layout-services';
import { BAND_W, layoutNetwork, networkEdgeCount, TRACK, type RowAnchor } from './layout-network';
import { aria, str, text, textLines, type Box, type LaidNode, type LaidPath, type Layout } from './layout-types';
import { FONT, TITLE_FONT, textWidth } from './text';

export { portText } from './layout-ports';
export { str, type Box, type LaidNode, type LaidPath, type LaidText, type Layout, type NodeKind } from './layout-types';

/** Layout choices. */
export interface LayoutOptions {
  /** The width to fit (CSS px). Below the narrowest layout the diagram is wider than asked. */
  readonly width?: number;
}

export const DEFAULT_WIDTH = 1000;
const PAD = 12;
const INNER = 10;
const CW_MIN = 240;
const CW_MAX = 320;
const VW = 210;
const ROW = 20;

function badgeOf(strings: DiagramStrings, c: GraphContainer, laneIndex: number): string | undefined {
  switch (c.role) {
    case 'init':
    case 'step':
      return String(laneIndex + 1);
    case 'sidecar':
      return str(strings, 'role.sidecar');
    case 'ephemeral':
      return str(strings, 'role.ephemeral');
    case 'app':
      return undefined;
  }
}

const PROJECTIONS = new Set(['configMap', 'secret', 'downwardAPI', 'projected']);

/** What a volume is made of and how long it lives, in two short lines. */
function volumeLines(strings: DiagramStrings, v: GraphVolume): [string, string] {
  const kind = v.kind || str(strings, 'volume.noSource');
  if (v.kind === 'emptyDir') {
    const medium = v.medium === undefined ? str(strings, 'medium.disk') : v.medium === 'Memory' ? str(strings, 'medium.memory') : v.medium;
    return [`${kind} · ${medium}`, str(strings, 'life.pod')];
  }
  if (v.kind === 'hostPath') return [`${kind} · ${str(strings, 'medium.node')}`, str(strings, 'life.node')];
  if (v.kind === 'persistentVolumeClaim' || v.kind === 'volumeClaimTemplate') return [kind, str(strings, 'life.claim')];
  if (v.kind === 'ephemeral') return [kind, str(strings, 'life.pod')];
  if (PROJECTIONS.has(v.kind)) return [kind, str(strings, 'life.projection')];
  return [kind, ''];
}

/** The ConfigMap, Secret or PVC behind a volume, and where the workspace defines it. */
function objectLine(strings: DiagramStrings, v: GraphVolume): { text: string; found: boolean } | undefined {
  const o = v.object;
  if (!o) return undefined;
  const found = o.files.length > 0;
  const where = !found ? str(strings, 'object.missing') : o.files.map((f) => (f ? str(strings, 'object.file', { file: f }) : str(strings, 'object.here'))).join(', ');
  return { text: `${o.kind} ${o.name}: ${where}`, found };
}

const LANES = ['init', 'sidecar', 'step', 'app', 'ephemeral'] as const;

export function layoutPodGraph(graph: PodGraph, strings: DiagramStrings, options: LayoutOptions = {}): Layout {
  const width = options.width ?? DEFAULT_WIDTH;
  const nodes: LaidNode[] = [];
  const labels: { box: Box; text: ReturnType<typeof text> }[] = [];
  const paths: LaidPath[] = [];
  const drawnMounts = graph.mounts.filter((m) => m.volume !== undefined);
  const hasVolumes = graph.volumes.length > 0;
  const gap = 20 + TRACK * networkEdgeCount(graph);
  const channel = hasVolumes ? 24 + TRACK * Math.max(1, drawnMounts.length) : 0;
  // Services stand in front of the pod (left of it), with a channel for their lines; when that
  // would not fit even with the volumes stacked, they stand above it and only the channel is left.
  const base = 2 * PAD + 2 * INNER + BAND_W + gap + channel;
  const beside = servicesWidth(graph, TRACK);
  const above = beside > 0 && base + beside + CW_MIN > width;
  const front = above ? servicesAboveWidth(graph, TRACK) : beside;
  const fixed = base + front;
  const stacked = hasVolumes && fixed + CW_MIN + VW > width;
  const CW = Math.max(CW_MIN, Math.min(CW_MAX, width - fixed - (stacked ? 0 : VW)));
  const podX = PAD + front;
  const bx = podX + INNER;
  const cx = bx + BAND_W + gap;
  const chX = cx + CW;
  const vw = stacked ? CW : VW;
  const vx = stacked ? cx : chX + channel;
  const podW = INNER + BAND_W + gap + CW + channel + (hasVolumes && !stacked ? VW : 0) + INNER;
  // Above the pod there is room for wider Service boxes: their rows are not cut as soon.
  const overhead = above ? layoutServices(graph, strings, podX, PAD, Math.min(podW, SERVICE_W + 120)) : undefined;
  const podY = overhead ? overhead.bottom + 16 : PAD;

  // Pod header: kind and name.
  const podTitle = `${graph.kind} ${graph.name || str(strings, 'unnamed')}`;
  nodes.push({
    id: graph.id,
    kind: 'pod',
    box: { x: podX + 1, y: podY + 1, w: podW - 2, h: 30 },
    shape: 'header',
    texts: [text(podX + INNER, podY + 21, podTitle, podW - 2 * INNER, TITLE_FONT, 'title')],
    label: aria(str(strings, 'aria.pod', { name: podTitle, hostname: graph.hostname }), graph),
    findings: graph.findings,
  });
  const top = podY + 38;

  // Containers, lane by lane; rows: ports, calls, mounts.
  let y = top;
  const rows = new Map<string, RowAnchor>();
  const mountRows = new Map<string, number>();
  const row = (id: string, kind: 'port' | 'call' | 'mount', parent: GraphContainer, ry: number, label: string, ariaLabel: string, e: { findings: LaidNode['findings'] }, implied?: boolean, cls?: string, tip?: string): LaidNode => {
    const box = { x: cx + 8, y: ry, w: CW - 16, h: ROW - 2 };
    return { id, kind, box, shape: 'row', texts: [text(box.x + 6, box.y + 13, label, box.w - 12)], label: aria(tip ? `${ariaLabel}. ${tip.replace(/\n/g, ' ')}` : ariaLabel, e), findings: e.findings, implied, parent: parent.id, cls, tip };
  };
  for (const lane of LANES) {
    const members = graph.containers.filter((c) => c.role === lane);
    if (members.length === 0) continue;
    labels.push({ box: { x: cx, y, w: CW, h: 20 }, text: text(cx + 2, y + 14, str(strings, `lane.${lane}`), CW - 4, FONT, 'muted') });
    y += 24;
    members.forEach((c, k) => {
      if (k > 0 && (lane === 'init' || lane === 'step')) paths.push({ points: [[cx + CW / 2, y - 13], [cx + CW / 2, y - 1]], cls: 'arrow', ends: 'arrow-down' });
      const y0 = y;
      const badge = badgeOf(strings, c, k);
      const bw = badge ? textWidth(badge, 11) + 12 : 0;
      const texts = [text(cx + 8, y0 + 17, c.name, CW - 24 - bw, TITLE_FONT, 'title'), text(cx + 8, y0 + 36, c.image ?? str(strings, 'container.noImage'), CW - 16, FONT, 'muted')];
      let ry = y0 + 44;
      const children: LaidNode[] = [];
      for (const p of c.ports) {
        const label = portText(strings, p);
        const cls = [p.unserved ? 'unserved' : '', p.address ? 'bound' : ''].filter(Boolean).join(' ') || undefined;
        children.push(row(p.id, 'port', c, ry, label, str(strings, 'aria.port', { port: label, container: c.name }), p, p.implied, cls, portTip(strings, p)));
        rows.set(p.id, { x: cx + 8, y: ry + ROW / 2 - 1 });
        ry += ROW;
      }
      for (const call of c.calls ?? []) {
        const label = str(strings, 'call.row', { port: call.port, source: call.source });
        children.push(row(call.id, 'call', c, ry, label, str(strings, 'aria.call', { port: call.port, source: call.source, container: c.name }), call, false, 'call-row'));
        rows.set(call.id, { x: cx + 8, y: ry + ROW / 2 - 1 });
        ry += ROW;
      }
      for (const m of graph.mounts.filter((mm) => mm.container === c.id)) {
        const mode = str(strings, m.readOnly ? 'mount.ro' : 'mount.rw');
        const label = `${m.mountPath}  ${mode}  → ${m.volumeName}${m.subPath ? `  (${str(strings, 'mount.subPath', { subPath: m.subPath })})` : ''}`;
        const ariaLabel = str(strings, 'aria.mount', { volume: m.volumeName, path: m.mountPath, mode, container: c.name });
        children.push(row(m.id, 'mount', c, ry, label, ariaLabel, m, false, m.readOnly ? 'ro' : 'rw'));
        mountRows.set(m.id, ry + ROW / 2 - 1);
        ry += ROW;
      }
      const box = { x: cx, y: y0, w: CW, h: ry - y0 + 6 };
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
      nodes.push(...children);
      y += box.h + 14;
    });
    y += 4;
  }
  const containersBottom = y - 14;

  // Volumes: beside the containers, or under them when narrow; tall enough for one anchor per mount.
  let vy = stacked ? containersBottom + 18 : top;
  const anchors = new Map<string, number>();
  if (hasVolumes) {
    labels.push({ box: { x: vx, y: vy, w: vw, h: 20 }, text: text(vx + 2, vy + 14, str(strings, 'lane.volumes'), vw - 4, FONT, 'muted') });
    vy += 24;
    for (const v of graph.volumes) {
      const incoming = drawnMounts.filter((m) => m.volume === v.id);
      const [what, life] = volumeLines(strings, v);
      const texts = [text(vx + 10, vy + 18, v.name, vw - 20, TITLE_FONT, 'title')];
      const more = textLines(vx + 10, vy + 36, what, vw - 20, 15, FONT, 'muted', 2);
      texts.push(...more.texts);
      let next = more.next;
      if (life) {
        const l = textLines(vx + 10, next, life, vw - 20, 15, FONT, undefined, 2);
        texts.push(...l.texts);
        next = l.next;
      }
      const behind = objectLine(strings, v);
      if (behind) {
        const o = textLines(vx + 10, next, behind.text, vw - 20, 15, FONT, behind.found ? undefined : 'muted', 3);
        texts.push(...o.texts);
        next = o.next;
      }
      const h = Math.max(next - vy, 18 + 12 * incoming.length);
      incoming.forEach((m, k) => anchors.set(m.id, vy + 14 + 12 * k));
      nodes.push({ id: v.id, kind: 'volume', box: { x: vx, y: vy, w: vw, h }, shape: 'box', texts, label: aria(str(strings, 'aria.volume', { name: v.name, kind: [what, life].filter(Boolean).join(', ') }), v), findings: v.findings });
      vy += h + 12;
    }
  }

  // Mount edges: out of the mount row, along its own track right of the containers, into the volume.
  const entry = stacked ? vx + vw : vx;
  drawnMounts.forEach((m, j) => {
    const from = mountRows.get(m.id);
    const to = anchors.get(m.id);
    if (from === undefined || to === undefined) return;
    const track = chX + 12 + TRACK * j;
    const sev = m.findings.some((f) => f.severity === 'error') ? ' e-error' : m.findings.some((f) => f.severity === 'warning') ? ' e-warning' : '';
    paths.push({ points: [[cx + CW - 8, from], [track, from], [track, to], [entry, to]], cls: `edge ${m.readOnly ? 'ro' : 'rw'}${sev}`, ends: 'dots' });
  });

  // The network band, second in the tab order (after the pod header), as tall as the containers.
  const net = layoutNetwork(graph, strings, bx, top, containersBottom, bx + BAND_W, rows);
  nodes.splice(1, 0, net.band, ...net.nodes);
  paths.push(...net.paths);

  // Beside the pod the Services start level with its content; above it, at the top.
  const svc = overhead ?? layoutServices(graph, strings, PAD, top);
  if (svc.nodes.length > 0) {
    nodes.push(...svc.nodes);
    paths.push(...(overhead ? serviceLinesAbove(svc.rows, net.nodes, podX, PAD, net.band.box, TRACK) : serviceLines(svc.rows, net.nodes, PAD + SERVICE_W, bx, TRACK)));
  }

  const podH = Math.max(net.bottom, containersBottom, vy - 12) + 12 - podY;
  const podBox: Box = { x: podX, y: podY, w: podW, h: podH };
  const legend = layoutLegend(strings, podX, podY + podH + 12, podW, svc.nodes.length > 0);
  return { width: podX + podW + PAD, height: Math.max(legend.bottom, svc.bottom) + PAD, podBox, stacked, servicesAbove: above, nodes, labels, paths, legend: legend.items };
}
