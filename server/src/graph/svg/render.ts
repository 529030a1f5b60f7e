/**
 * PodGraph → SVG text. Pure, shared by the webview and the CLI. Every manifest string goes
 * through `esc`; styling is by class only (the stylesheet uses `--vscode-*` variables), and a
 * standalone SVG embeds that stylesheet with its fallback colours.
 */
import type { DiagramStrings, GraphFinding, PodGraph } from '../../protocol/pod-graph';
import { layoutPodGraph, str, type Box, type LaidNode, type LaidText } from './layout';
import { esc } from './text';
import { DIAGRAM_CSS } from './theme';

/** Rendering choices. */
export interface RenderOptions {
  /** Embed the stylesheet and a background (files written by the CLI or exported). */
  readonly standalone?: boolean;
}

const SEVERITY_ORDER: readonly GraphFinding['severity'][] = ['error', 'warning', 'information', 'hint'];

function worst(findings: readonly GraphFinding[]): GraphFinding['severity'] | undefined {
  return SEVERITY_ORDER.find((s) => findings.some((f) => f.severity === s));
}

function rect(b: Box, cls: string, rx = 4): string {
  return `<rect class="${cls}" x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="${rx}"/>`;
}

function textEl(t: LaidText): string {
  const cls = t.cls ? ` class="${esc(t.cls)}"` : '';
  return `<text x="${t.x}" y="${t.y}"${cls}>${esc(t.text)}</text>`;
}

function node(n: LaidNode): string {
  const sev = worst(n.findings);
  const cls = ['node', n.kind, sev ? `f-${sev}` : '', n.implied ? 'implied' : ''].filter(Boolean).join(' ');
  const tip = [n.texts.map((t) => t.full).join(' — '), ...n.findings.map((f) => `${f.severity}: ${f.message} [${f.rule}]`)].join('\n');
  const shape = n.shape === 'header' ? rect(n.box, 'header', 0) : rect(n.box, n.shape, n.shape === 'row' ? 3 : 6);
  const badge = n.badge ? rect(n.badge.box, 'badge', 7) + textEl(n.badge.text) : '';
  return (
    `<g class="${cls}" data-id="${esc(n.id)}" tabindex="0" role="button" aria-label="${esc(n.label)}">` +
    `<title>${esc(tip)}</title>${shape}${badge}${n.texts.map(textEl).join('')}</g>`
  );
}

function polyline(points: readonly (readonly [number, number])[], cls: string): string {
  return `<polyline class="${esc(cls)}" points="${points.map(([x, y]) => `${x},${y}`).join(' ')}"/>`;
}

/** Renders one pod as an SVG document (a string). */
export function renderPodSvg(graph: PodGraph, strings: DiagramStrings, options: RenderOptions = {}): string {
  const layout = layoutPodGraph(graph, strings);
  const out: string[] = [];
  const title = str(strings, 'aria.diagram', { name: graph.name || str(strings, 'unnamed'), kind: graph.kind });
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="pd" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" role="group" aria-label="${esc(title)}">`,
  );
  if (options.standalone) out.push(`<style>${DIAGRAM_CSS}</style>`, `<rect class="canvas" x="0" y="0" width="${layout.width}" height="${layout.height}"/>`);
  out.push(`<title>${esc(title)}</title>`);
  out.push(rect(layout.podBox, 'pod-box', 10));
  for (const l of layout.labels) out.push(textEl(l.text));
  for (const p of layout.paths) {
    out.push(polyline(p.points, p.cls));
    const end = p.points[p.points.length - 1];
    const start = p.points[0];
    if (!end || !start) continue;
    if (p.cls === 'arrow') out.push(`<path class="arrow" d="M${end[0] - 4},${end[1] - 5} L${end[0]},${end[1]} L${end[0] + 4},${end[1] - 5}"/>`);
    else out.push(`<circle class="dot" cx="${start[0]}" cy="${start[1]}" r="2.5"/><circle class="dot" cx="${end[0]}" cy="${end[1]}" r="2.5"/>`);
  }
  // Containers before their rows, so rows are drawn (and clicked) on top.
  for (const n of layout.nodes) out.push(node(n));
  for (const item of layout.legend) {
    const s = item.swatch;
    out.push(item.line ? polyline([[s.x, s.y + s.h / 2], [s.x + s.w, s.y + s.h / 2]], item.cls) : rect(s, item.cls, 2));
    out.push(textEl(item.text));
  }
  out.push('</svg>');
  return out.join('\n');
}
