/**
 * The diagram webview: renders what the extension sends, laid out for the panel's width, and asks
 * the extension to reveal YAML. Zoom (`fit` by default, or a fixed scale) and scroll live in
 * `setState`, so updates while typing, resizes and window reloads keep them; each panel has its own.
 */
import { renderPodSvg } from '../../server/src/graph/svg/render';
import { graphElements, type DiagramStrings, type GraphRange, type PodGraph, type PodSummary } from '../../server/src/protocol/pod-graph';
import type { DiagramViewState, FromWebview, ToWebview } from '../../server/src/protocol/webview-messages';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): DiagramViewState | undefined;
  setState(state: DiagramViewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
let state: DiagramViewState = vscode.getState() ?? {};
let graph: PodGraph | undefined;
let strings: DiagramStrings = {};
let highlighted: string | undefined;
let restoredScroll = false;
let lastSvg = '';
/** The scale the SVG is shown at (for `fit`, what fitting gave). */
let scale = 1;

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const view = $<HTMLDivElement>('view');
const canvas = $<HTMLDivElement>('canvas');
const empty = $<HTMLDivElement>('empty');
const podSelect = $<HTMLSelectElement>('pod');
/** The canvas's padding on each side (page-css `#canvas { padding: 4px }`). */
const CANVAS_PAD = 4;
const MIN_ZOOM = 0.25;
const MAX_ZOOM = 4;

function save(patch: Partial<DiagramViewState>): void {
  state = { ...state, ...patch };
  vscode.setState(state);
}

const fitting = (): boolean => state.zoom === undefined || state.zoom === 'fit';

function available(): { w: number; h: number } {
  return { w: Math.max(100, view.clientWidth - 2 * CANVAS_PAD), h: Math.max(100, view.clientHeight - 2 * CANVAS_PAD) };
}

/** Lays the diagram out for the panel (or for the panel at the chosen zoom) and shows it at its scale. */
function render(): void {
  const room = available();
  const zoom = fitting() ? 1 : (state.zoom as number);
  // The SVG is built from escaped text only (renderPodSvg escapes every manifest string), and the
  // CSP allows no inline script, so parsing it as markup cannot run anything.
  const svg = graph ? renderPodSvg(graph, strings, { width: Math.floor(room.w / zoom) }) : '';
  // Typing outside what the diagram shows yields the same picture: keep the DOM (and focus) as is.
  if (svg !== lastSvg) {
    const focusedId = (document.activeElement as Element | null)?.getAttribute?.('data-id');
    canvas.innerHTML = svg;
    lastSvg = svg;
    applyHighlight(false);
    if (focusedId) (canvas.querySelector(`[data-id="${CSS.escape(focusedId)}"]`) as SVGElement | null)?.focus();
  }
  const el = canvas.querySelector('svg');
  if (el) {
    const [, , w = 0, h = 0] = (el.getAttribute('viewBox') ?? '0 0 0 0').split(' ').map(Number);
    scale = fitting() ? Math.min(1, room.w / w, room.h / h) : zoom;
    el.setAttribute('width', String(Math.floor(w * scale)));
    el.setAttribute('height', String(Math.floor(h * scale)));
  }
  $('zoom-level').textContent = `${Math.round(scale * 100)}%`;
  $('fit').setAttribute('aria-pressed', String(fitting()));
}

function setZoom(z: number | 'fit'): void {
  save({ zoom: z === 'fit' ? 'fit' : Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.round(z * 100) / 100)) });
  render();
}

function applyHighlight(scroll: boolean): void {
  for (const el of canvas.querySelectorAll('.highlight')) el.classList.remove('highlight');
  if (!highlighted) return;
  const el = canvas.querySelector(`[data-id="${CSS.escape(highlighted)}"]`);
  if (!el) return;
  el.classList.add('highlight');
  if (scroll) el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

function renderPods(pods: readonly PodSummary[], active: number | undefined): void {
  podSelect.classList.toggle('hidden', pods.length < 2);
  podSelect.setAttribute('aria-label', strings['ui.pod'] ?? 'Pod');
  podSelect.replaceChildren(
    ...pods.map((p) => {
      const option = document.createElement('option');
      option.value = String(p.index);
      option.textContent = `${p.kind} ${p.name || (strings.unnamed ?? '')}`; // textContent: never markup
      option.selected = p.index === active;
      return option;
    }),
  );
}

function labelButtons(): void {
  const label = (id: string, key: string, text?: string): void => {
    $(id).setAttribute('aria-label', strings[key] ?? '');
    $(id).setAttribute('title', strings[key] ?? '');
    if (text !== undefined) $(id).textContent = text;
  };
  label('fit', 'ui.fitLabel', strings['ui.fit'] ?? 'Fit');
  label('zoom-reset', 'ui.zoomReset');
  label('zoom-in', 'ui.zoomIn');
  label('zoom-out', 'ui.zoomOut');
  $('export').textContent = strings['ui.export'] ?? 'Export SVG';
  $('hint').textContent = strings['ui.keyboard'] ?? '';
}

function update(message: Extract<ToWebview, { type: 'update' }>): void {
  strings = message.strings;
  graph = message.graph;
  save({ uri: message.uri, podIndex: message.active });
  $('file').textContent = message.fileName;
  labelButtons();
  renderPods(message.pods, message.active);
  empty.classList.toggle('hidden', graph !== undefined);
  empty.textContent = graph ? '' : strings['ui.noPod'] ?? '';
  $('export').toggleAttribute('disabled', !graph);
  render();
  applyHighlight(false);
  if (!restoredScroll && graph) {
    restoredScroll = true;
    view.scrollLeft = state.scrollLeft ?? 0;
    view.scrollTop = state.scrollTop ?? 0;
  }
}

function parseReveal(value: string | null): GraphRange | undefined {
  const n = (value ?? '').split(',').map(Number);
  if (n.length !== 4 || n.some((x) => !Number.isInteger(x) || x < 0)) return undefined;
  return { start: { line: n[0]!, character: n[1]! }, end: { line: n[2]!, character: n[3]! } };
}

/** Graph elements select their YAML; sockets and clash labels carry the range to select. */
function reveal(target: EventTarget | null): void {
  const el = (target as Element | null)?.closest?.('[data-id]');
  const id = el?.getAttribute('data-id');
  if (!el || !id) return;
  const element = graph ? graphElements(graph).find((e) => e.id === id) : undefined;
  const range = element?.selectionRange ?? parseReveal(el.getAttribute('data-reveal'));
  if (range) vscode.postMessage({ type: 'reveal', id, range });
}

/** Arrow keys walk the nodes in reading order (as the tab order does); Home and End jump to the ends. */
function moveFocus(e: KeyboardEvent): boolean {
  const nodes = [...canvas.querySelectorAll<SVGGElement>('[data-id]')];
  const at = nodes.indexOf((e.target as Element | null)?.closest?.('[data-id]') as SVGGElement);
  const next = { ArrowDown: at + 1, ArrowRight: at + 1, ArrowUp: at - 1, ArrowLeft: at - 1, Home: 0, End: nodes.length - 1 }[e.key];
  if (next === undefined || at < 0) return false;
  nodes[Math.max(0, Math.min(nodes.length - 1, next))]?.focus();
  return true;
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  switch (message?.type) {
    case 'update':
      update(message);
      break;
    case 'highlight':
      highlighted = message.id;
      applyHighlight(true);
      break;
    default:
      break;
  }
});

canvas.addEventListener('click', (e) => reveal(e.target));
canvas.addEventListener('keydown', (e) => {
  if (moveFocus(e)) {
    e.preventDefault();
    return;
  }
  if (e.key !== 'Enter' && e.key !== ' ') return;
  e.preventDefault();
  reveal(e.target);
});
podSelect.addEventListener('change', () => vscode.postMessage({ type: 'selectPod', index: Number(podSelect.value) }));
$('export').addEventListener('click', () => vscode.postMessage({ type: 'exportSvg' }));
$('fit').addEventListener('click', () => setZoom('fit'));
$('zoom-in').addEventListener('click', () => setZoom(scale * 1.25));
$('zoom-out').addEventListener('click', () => setZoom(scale / 1.25));
$('zoom-reset').addEventListener('click', () => setZoom(1));
view.addEventListener(
  'wheel',
  (e) => {
    if (!e.ctrlKey) return;
    e.preventDefault();
    setZoom(scale * (e.deltaY < 0 ? 1.1 : 1 / 1.1));
  },
  { passive: false },
);
let scrollPending = false;
view.addEventListener('scroll', () => {
  if (scrollPending) return;
  scrollPending = true;
  requestAnimationFrame(() => {
    scrollPending = false;
    save({ scrollLeft: view.scrollLeft, scrollTop: view.scrollTop });
  });
});
// A resized panel (split dragged, sidebar toggled, window resized) gets a layout for its new width.
let resizePending = false;
new ResizeObserver(() => {
  if (resizePending) return;
  resizePending = true;
  requestAnimationFrame(() => {
    resizePending = false;
    if (graph) render();
  });
}).observe(view);

vscode.postMessage({ type: 'ready' });
