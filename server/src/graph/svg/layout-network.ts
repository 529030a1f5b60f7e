/**
 * The pod's network namespace as a band on the left: the pod IP and hostname on top, then one
 * socket per port/protocol of the pod's single port space. Every container row that listens on a
 * port is joined to its socket; rows that call `localhost:PORT` get an arrow to it. Two containers
 * reaching one socket is a clash, labelled in words under the socket. Each edge owns a vertical
 * track in the gap between the band and the containers, so edges never cross a box.
 */
import type { DiagramStrings, GraphFinding, GraphRange, PodGraph } from '../../protocol/pod-graph';
import { aria, str, text, textLines, worst, type Box, type LaidNode, type LaidPath, type LaidText } from './layout-types';
import { FONT, TITLE_FONT } from './text';

export const BAND_W = 184;
export const TRACK = 8;
const SOCKET_X = 10;
const ANCHOR_STEP = 6;
const CLASH_RULES = new Set(['port-conflict', 'implicit-port-conflict']);

/** Where a container row sits (its left edge and vertical centre). */
export interface RowAnchor {
  readonly x: number;
  readonly y: number;
}

interface Listener {
  readonly id: string;
  readonly container: string;
  readonly name: string;
  readonly y: number;
  readonly implied: boolean;
  /** A declaration no process serves: drawn, but it reaches for nothing. */
  readonly unserved: boolean;
  readonly address?: string;
  readonly findings: readonly GraphFinding[];
}

interface Socket {
  readonly port: number;
  readonly protocol: string;
  readonly listeners: Listener[];
  readonly calls: { id: string; y: number }[];
}

/** How many edges run through the gap: one per listening port row and per call row. */
export function networkEdgeCount(graph: PodGraph): number {
  return graph.containers.reduce((n, c) => n + c.ports.filter((p) => p.port !== undefined).length + (c.calls?.length ?? 0), 0);
}

function socketsOf(graph: PodGraph, rows: ReadonlyMap<string, RowAnchor>): Socket[] {
  const sockets = new Map<string, Socket>();
  const socket = (port: number, protocol: string): Socket => {
    const key = `${port}/${protocol}`;
    let s = sockets.get(key);
    if (!s) sockets.set(key, (s = { port, protocol, listeners: [], calls: [] }));
    return s;
  };
  for (const c of graph.containers) {
    for (const p of c.ports) {
      const row = rows.get(p.id);
      if (p.port === undefined || !row) continue;
      socket(p.port, p.protocol).listeners.push({ id: p.id, container: c.id, name: c.name, y: row.y, implied: p.implied, unserved: !!p.unserved, address: p.address, findings: p.findings });
    }
    for (const call of c.calls ?? []) {
      const row = rows.get(call.id);
      if (row) socket(call.port, 'TCP').calls.push({ id: call.id, y: row.y });
    }
  }
  const top = (s: Socket): number => Math.min(...s.listeners.map((l) => l.y), ...s.calls.map((c) => c.y));
  return [...sockets.values()].sort((a, b) => top(a) - top(b) || a.port - b.port);
}

/** The finding that makes a socket a clash, when two containers reach it. */
function clashOf(s: Socket): GraphFinding | undefined {
  if (new Set(s.listeners.filter((l) => !l.unserved).map((l) => l.container)).size < 2) return undefined;
  return s.listeners.flatMap((l) => l.findings).find((f) => CLASH_RULES.has(f.rule));
}

export interface NetworkLayout {
  readonly band: LaidNode;
  readonly nodes: LaidNode[];
  readonly paths: LaidPath[];
  readonly bottom: number;
}

/**
 * Lays out the band at (`x`, `top`), at least as tall as `minBottom`; `rows` are the anchors of
 * port and call rows; edges take tracks from `gapX` rightwards.
 */
export function layoutNetwork(graph: PodGraph, strings: DiagramStrings, x: number, top: number, minBottom: number, gapX: number, rows: ReadonlyMap<string, RowAnchor>): NetworkLayout {
  const w = BAND_W;
  const inner = w - 20;
  const texts: LaidText[] = [];
  let y = top + 20;
  const lines = (full: string, cls?: string, size = FONT, max = 3): void => {
    const r = textLines(x + 10, y, full, inner, 15, size, cls, max);
    texts.push(...r.texts);
    y = r.next + 3;
  };
  const host = graph.infra.hostNetwork;
  lines(str(strings, host ? 'band.title.host' : 'band.title'), 'title', TITLE_FONT, 2);
  lines(str(strings, 'band.held'), 'muted');
  lines(str(strings, host ? 'band.ip.host' : 'band.ip'));
  if (!host) lines(str(strings, 'band.hostname', { hostname: graph.hostname || str(strings, 'unnamed') }), undefined, FONT, 4);
  lines(str(strings, 'band.shared', { namespaces: graph.infra.namespaces.filter((n) => n !== 'net').map((n) => n.toUpperCase()).join(', ') }), 'muted');
  y += 4;
  lines(str(strings, 'band.sockets'), 'muted');

  const nodes: LaidNode[] = [];
  const paths: LaidPath[] = [];
  const sockets = socketsOf(graph, rows);
  if (sockets.length === 0) lines(str(strings, 'band.noSockets'), 'muted');
  let cursor = y - 8;
  let track = 0;
  for (const s of sockets) {
    const edges = s.listeners.length + s.calls.length;
    const h = 20 + ANCHOR_STEP * (edges - 1);
    const first = Math.min(...s.listeners.map((l) => l.y), ...s.calls.map((c) => c.y));
    const sy = Math.max(cursor, first - 10);
    const box: Box = { x: x + SOCKET_X, y: sy, w: w - 2 * SOCKET_X, h };
    const name = `${s.port}/${s.protocol}`;
    const findings = s.listeners.flatMap((l) => l.findings).filter((f, i, all) => all.findIndex((o) => o.message === f.message) === i);
    const unheard = s.listeners.length === 0;
    const live = s.listeners.filter((l) => !l.unserved);
    // Declared, but every declaring process listens elsewhere: the socket is drawn hollow.
    const unserved = !unheard && live.length === 0;
    const implied = live.length > 0 && live.every((l) => l.implied);
    // One bind address shared by every listener (127.0.0.1): the socket shows it.
    const addresses = new Set(live.map((l) => l.address ?? ''));
    const only = addresses.size === 1 ? [...addresses][0] : '';
    const shown = only ? `${only.includes(':') ? `[${only}]` : only}:${name}` : name;
    const label = unheard ? `${name}  ${str(strings, 'socket.unheard')}` : unserved ? `${name}  ${str(strings, 'socket.unserved')}` : shown;
    const clash = clashOf(s);
    const owners = [...new Set((unserved ? s.listeners : live).map((l) => l.name))];
    nodes.push({
      id: `s:${name}`,
      kind: 'socket',
      parent: graph.infra.id,
      box,
      shape: 'pill',
      texts: [text(box.x + 10, sy + h / 2 + 4, label, box.w - 16, FONT, unheard || unserved ? 'muted' : undefined)],
      label: aria(str(strings, unheard ? 'aria.socket.unheard' : unserved ? 'aria.socket.unserved' : 'aria.socket', { port: shown, containers: owners.join(', ') }), { findings }),
      findings,
      implied,
      tip: unserved ? str(strings, 'tip.unserved', { port: s.port }) : undefined,
      cls: [clash ? 'clash' : '', unheard ? 'unheard' : '', unserved ? 'unserved' : ''].filter(Boolean).join(' ') || undefined,
      reveal: firstRange(graph, s),
    });
    // Anchors: listeners first, then calls, spread over the socket's height.
    let k = 0;
    const right = box.x + box.w;
    for (const l of s.listeners) {
      const ay = sy + 10 + ANCHOR_STEP * k++;
      const tx = gapX + 10 + TRACK * track++;
      const sev = worst(l.findings);
      const cls = ['edge', 'listen', l.implied ? 'implied' : '', l.unserved ? 'unserved' : '', sev === 'error' || sev === 'warning' ? `e-${sev}` : ''].filter(Boolean).join(' ');
      paths.push({ points: [[rows.get(l.id)!.x, l.y], [tx, l.y], [tx, ay], [right, ay]], cls, ends: 'dots' });
    }
    for (const c of s.calls) {
      const ay = sy + 10 + ANCHOR_STEP * k++;
      const tx = gapX + 10 + TRACK * track++;
      paths.push({ points: [[rows.get(c.id)!.x, c.y], [tx, c.y], [tx, ay], [right + 1, ay]], cls: 'edge call', ends: 'arrow-left' });
    }
    cursor = sy + h + 6;
    if (clash?.range) {
      const r = textLines(x + SOCKET_X + 2, cursor + 11, str(strings, 'socket.clash', { port: name, containers: owners.join(' ↔ ') }), w - 2 * SOCKET_X - 4, 14, FONT, clash.severity === 'error' ? 't-error' : 't-warning', 3);
      const lb: Box = { x: x + SOCKET_X, y: cursor, w: w - 2 * SOCKET_X, h: r.next - cursor - 1 };
      nodes.push({ id: `x:${name}`, kind: 'conflict', parent: graph.infra.id, box: lb, shape: 'label', texts: r.texts, label: aria(str(strings, 'aria.clash', { port: name, containers: owners.join(', ') }), { findings: [clash] }), findings: [clash], reveal: clash.range });
      cursor = lb.y + lb.h + 8;
    }
  }
  const bottom = Math.max(minBottom, cursor + 4, y + 4);
  const band: LaidNode = {
    id: graph.infra.id,
    kind: 'infra',
    box: { x, y: top, w, h: bottom - top },
    shape: 'box',
    texts,
    label: aria(str(strings, 'aria.infra', { namespaces: graph.infra.namespaces.join(', '), hostname: graph.hostname }), graph.infra),
    findings: graph.infra.findings,
  };
  return { band, nodes, paths, bottom };
}

/** A socket selects the YAML of its first listener (or the first call). */
function firstRange(graph: PodGraph, s: Socket): GraphRange | undefined {
  const id = s.listeners[0]?.id ?? s.calls[0]?.id;
  for (const c of graph.containers) for (const e of [...c.ports, ...(c.calls ?? [])]) if (e.id === id) return e.selectionRange;
  return undefined;
}
