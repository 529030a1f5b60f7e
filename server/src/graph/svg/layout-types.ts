/** The laid-out diagram: boxes, texts and paths in SVG user units, plus the small helpers every part uses. */
import type { DiagramStrings, GraphElement, GraphFinding, GraphRange } from '../../protocol/pod-graph';
import { FONT, fitText, textWidth } from './text';

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
export type NodeKind = 'pod' | 'infra' | 'container' | 'port' | 'call' | 'socket' | 'conflict' | 'volume' | 'mount' | 'service' | 'service-port';

/** A clickable node: a box with texts, an accessible label and the findings shown on hover. */
export interface LaidNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly box: Box;
  readonly shape: 'box' | 'row' | 'header' | 'pill' | 'label';
  readonly texts: readonly LaidText[];
  readonly badge?: { readonly box: Box; readonly text: LaidText };
  readonly label: string;
  readonly findings: readonly GraphFinding[];
  readonly implied?: boolean;
  readonly parent?: string;
  /** Extra classes (e.g. `clash`, `unheard`). */
  readonly cls?: string;
  /** Sentences the tooltip adds to the texts (where a port is set, why nothing listens). */
  readonly tip?: string;
  /** For nodes that are not graph elements (sockets, conflict labels): the YAML to select. */
  readonly reveal?: GraphRange;
}

/** A polyline (links, listener and call edges, mount edges, init-order arrows). */
export interface LaidPath {
  readonly points: readonly (readonly [number, number])[];
  readonly cls: string;
  /** How the ends are drawn: dots on both, or an arrowhead at the last point. */
  readonly ends?: 'dots' | 'arrow-down' | 'arrow-left' | 'none';
}

export interface LegendItem {
  readonly swatch: Box;
  readonly cls: string;
  readonly line: boolean;
  readonly text: LaidText;
}

export interface Layout {
  readonly width: number;
  readonly height: number;
  readonly podBox: Box;
  /** True when the volumes are stacked under the containers (a narrow panel). */
  readonly stacked: boolean;
  /** True when the Services stand above the pod instead of beside it (a narrow panel). */
  readonly servicesAbove?: boolean;
  readonly nodes: readonly LaidNode[];
  /** Non-clickable texts (lane headings, the band's lines) with their boxes. */
  readonly labels: readonly { readonly box: Box; readonly text: LaidText }[];
  readonly paths: readonly LaidPath[];
  readonly legend: readonly LegendItem[];
}

/** A string from the catalogue, with `{name}` placeholders filled. */
export function str(strings: DiagramStrings, key: string, args: Readonly<Record<string, string | number>> = {}): string {
  const template = strings[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}

export function text(x: number, y: number, full: string, maxW: number, size = FONT, cls?: string): LaidText {
  return { x, y, text: fitText(full, maxW, size), full, size, maxW, cls };
}

/**
 * Breaks a text into lines no wider than `maxW` (at spaces, else anywhere), at most `maxLines`;
 * only the last line may be cut with an ellipsis. Hostnames and conflict labels stay whole this way.
 */
export function wrap(full: string, maxW: number, size = FONT, maxLines = 3): string[] {
  const lines: string[] = [];
  let rest = full;
  while (rest && lines.length < maxLines - 1 && textWidth(rest, size) > maxW) {
    let end = rest.length;
    while (end > 1 && textWidth(rest.slice(0, end), size) > maxW) end--;
    const space = rest.lastIndexOf(' ', end);
    const cut = space > end / 2 ? space : end;
    lines.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) lines.push(rest);
  return lines;
}

/** Lines of wrapped text from `y` on (baseline of the first); returns them and the next free y. */
export function textLines(x: number, y: number, full: string, maxW: number, lineH: number, size = FONT, cls?: string, maxLines = 3): { texts: LaidText[]; next: number } {
  const texts = wrap(full, maxW, size, maxLines).map((line, i) => text(x, y + i * lineH, line, maxW, size, cls));
  return { texts, next: y + texts.length * lineH };
}

/** The accessible label: what the element is, then its findings. */
export function aria(base: string, e: Pick<GraphElement, 'findings'>): string {
  return [base, ...e.findings.map((f) => f.message)].join('. ');
}

const SEVERITY_ORDER: readonly GraphFinding['severity'][] = ['error', 'warning', 'information', 'hint'];

export function worst(findings: readonly GraphFinding[]): GraphFinding['severity'] | undefined {
  return SEVERITY_ORDER.find((s) => findings.some((f) => f.severity === s));
}
