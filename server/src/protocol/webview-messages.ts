/**
 * Messages between the diagram webview and the extension: discriminated unions, switched on
 * exhaustively on both sides. The extension validates everything it receives (`parseFromWebview`).
 */
import type { DiagramStrings, GraphRange, PodGraph, PodSummary } from './pod-graph';

/** Extension → webview. */
export type ToWebview =
  /** A new graph (or none: the file holds no pod). The webview keeps its zoom and scroll. */
  | { readonly type: 'update'; readonly graph?: PodGraph; readonly pods: readonly PodSummary[]; readonly active?: number; readonly strings: DiagramStrings; readonly uri: string; readonly fileName: string }
  /** Highlight the element under the editor's cursor (undefined: none). */
  | { readonly type: 'highlight'; readonly id?: string };

/** Webview → extension. */
export type FromWebview =
  /** The page has loaded and listens: send it the graph. */
  | { readonly type: 'ready' }
  /** Reveal and select this element's YAML in the document the panel shows. */
  | { readonly type: 'reveal'; readonly id: string; readonly range: GraphRange }
  /** Show another pod of the file. */
  | { readonly type: 'selectPod'; readonly index: number }
  /** Save the diagram as an SVG file. */
  | { readonly type: 'exportSvg' };

/** What the webview keeps in `setState` across reloads. */
export interface DiagramViewState {
  readonly uri?: string;
  readonly podIndex?: number;
  /** `fit` (the default): lay out for the panel's width and scale down to show it whole. */
  readonly zoom?: number | 'fit';
  readonly scrollLeft?: number;
  readonly scrollTop?: number;
}

const isInt = (v: unknown, max = 1e7): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;

function parseRange(v: unknown): GraphRange | undefined {
  const r = v as { start?: { line?: unknown; character?: unknown }; end?: { line?: unknown; character?: unknown } } | null;
  if (!r || typeof r !== 'object' || !r.start || !r.end) return undefined;
  const { start, end } = r;
  if (!isInt(start.line) || !isInt(start.character) || !isInt(end.line) || !isInt(end.character)) return undefined;
  if (end.line < start.line || (end.line === start.line && end.character < start.character)) return undefined;
  return { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } };
}

/**
 * Checks a message from the webview. Anything malformed is dropped: the webview renders manifest
 * text, so it is treated as untrusted and can only ask for what the union allows.
 */
export function parseFromWebview(message: unknown): FromWebview | undefined {
  const m = message as { type?: unknown; id?: unknown; range?: unknown; index?: unknown } | null;
  if (!m || typeof m !== 'object') return undefined;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'exportSvg':
      return { type: 'exportSvg' };
    case 'selectPod':
      return isInt(m.index, 100_000) ? { type: 'selectPod', index: m.index } : undefined;
    case 'reveal': {
      const range = parseRange(m.range);
      return range && typeof m.id === 'string' && m.id.length < 200 ? { type: 'reveal', id: m.id, range } : undefined;
    }
    default:
      return undefined;
  }
}
