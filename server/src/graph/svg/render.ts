/**
 * PodGraph → SVG text. Pure, shared by the webview and the CLI. Every manifest string goes
 * through `esc`; styling is by class only (the stylesheet uses `--vscode-*` variables), and a
 * standalone SVG embeds that stylesheet with its fallback colours.
 */
import type { DiagramStrings, GraphRange, PodGraph } from '../../protocol/pod-graph';
import { layoutPodGraph, str, type Box, type LaidNode, type LaidPath, type LaidText, type LayoutOptions } from './layout';
import { worst } from './layout-types';
import { esc } from './text';
import { DIAGRAM_CSS } from './theme';

/** Rendering choices. */
export interface RenderOptions extends LayoutOptions {
  /** Embed the stylesheet and a background (files written by the CLI or exported). */
  readonly standalone?: boolean;
}

function rect(b: Box, cls: string, rx = 4): string {
  return `<rect class="${cls}" x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="${rx}"/>`;
}

function textEl(t: LaidText): string {
  const cls = t.cls ? ` class="${esc(t.cls)}"` : '';
  return `<text x="${t.x}" y="${t.y}"${cls}>${esc(t.text)}</text>`;
}

const RADIUS: Readonly<Record<LaidNode['shape'], number>> = { box: 6, row: 3, header: 0, pill: 10, label: 2 };

function revealAttr(range: GraphRange | undefined): string {
  return range ? ` data-reveal="${range.start.line},${range.start.character},${range.end.line},${range.end.character}"` : '';
}

function node(n: LaidNode): string {
  const sev = worst(n.findings);
  const cls = ['node', n.kind, sev ? `f-${sev}` : '', n.implied ? 'implied' : '', n.cls ?? ''].filter(Boolean).join(' ');
  const tip = [n.texts.map((t) => t.full).join(' '), ...(n.tip ? [n.tip] : []), ...n.findings.map((f) => `${f.severity}: ${f.message} [${f.rule}]`)].join('\n');
  const shape = n.shape === 'header' ? rect(n.box, 'header', 0) : rect(n.box, n.shape, RADIUS[n.shape]);
  // The focus/hover ring is its own rectangle, so an error outline stays visible under it.
  const r = n.box;
  const ring = n.shape === 'header' ? '' : rect({ x: r.x - 2.5, y: r.y - 2.5, w: r.w + 5, h: r.h + 5 }, 'ring', RADIUS[n.shape] + 2);
  const badge = n.badge ? rect(n.badge.box, 'badge', 7) + textEl(n.badge.text) : '';
  return (
    `<g class="${esc(cls)}" data-id="${esc(n.id)}"${revealAttr(n.reveal)} tabindex="0" role="button" aria-label="${esc(n.label)}">` +
    `<title>${esc(tip)}</title>${shape}${ring}${badge}${n.texts.map(textEl).join('')}</g>`
  );
}

function polyline(points: LaidPath['points'], cls: string): string {
  return `<polyline class="${esc(cls)}" points="${points.map(([x, y]) => `${x},${y}`).join(' ')}"/>`;
}

function pathEl(p: LaidPath): string {
  const out = [polyline(p.points, p.cls)];
  const end = p.points[p.points.length - 1];
  const start = p.points[0];
  if (!end || !start) return out.join('');
  const head = p.cls.split(' ').filter((c) => c !== 'edge').join(' ');
  if (p.ends === 'arrow-down') out.push(`<path class="head ${esc(head)}" d="M${end[0] - 4},${end[1] - 5} L${end[0]},${end[1]} L${end[0] + 4},${end[1] - 5}"/>`);
  else if (p.ends === 'arrow-left') out.push(`<path class="head ${esc(head)}" d="M${end[0] + 6},${end[1] - 4} L${end[0]},${end[1]} L${end[0] + 6},${end[1] + 4} Z"/>`);
  else if (p.ends === 'dots') out.push(`<circle class="dot ${esc(head)}" cx="${start[0]}" cy="${start[1]}" r="2.5"/><circle class="dot ${esc(head)}" cx="${end[0]}" cy="${end[1]}" r="2.5"/>`);
  return out.join('');
}

/** Renders one pod as an SVG document (a string), laid out for `options.width`. */
export function renderPodSvg(graph: PodGraph, strings: DiagramStrings, options: RenderOptions = {}): string {
  const layout = layoutPodGraph(graph, strings, options);
  const out: string[] = [];
  const title = str(strings, 'aria.diagram', { name: graph.name || str(strings, 'unnamed'), kind: graph.kind });
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="pd${layout.stacked ? ' stacked' : ''}${layout.servicesAbove ? ' services-above' : ''}" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" role="group" aria-label="${esc(title)}">`,
  );
  if (options.standalone) out.push(`<style>${DIAGRAM_CSS}</style>`, `<rect class="canvas" x="0" y="0" width="${layout.width}" height="${layout.height}"/>`);
  out.push(`<title>${esc(title)}</title>`);
  out.push(rect(layout.podBox, 'pod-box', 10));
  for (const l of layout.labels) out.push(textEl(l.text));
  // The header and the band under the edges; everything else over them, in the keyboard order:
  // sockets and clashes, each container with its rows, the volumes.
  const under = layout.nodes.filter((n) => n.kind === 'pod' || n.kind === 'infra');
  for (const n of under) out.push(node(n));
  for (const p of layout.paths) out.push(pathEl(p));
  for (const n of layout.nodes) if (!under.includes(n)) out.push(node(n));
  out.push(`<g class="legend" aria-hidden="true">`);
  for (const item of layout.legend) {
    const s = item.swatch;
    out.push(item.line ? polyline([[s.x, s.y + s.h / 2], [s.x + s.w, s.y + s.h / 2]], item.cls) : rect(s, item.cls, item.cls.includes('socket') ? 6 : 2));
    out.push(textEl({ ...item.text, cls: 'legend-text' }));
  }
  out.push('</g>', '</svg>');
  return out.join('\n');
}
