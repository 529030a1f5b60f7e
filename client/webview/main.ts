/**
 * The diagram webview: renders what the extension sends, and asks it to reveal YAML. It keeps
 * zoom and scroll in `setState`, so updates while typing and window reloads don't lose them.
 */
import { renderPodSvg } from '../../server/src/graph/svg/render';
import { graphElements, type DiagramStrings, type PodGraph, type PodSummary } from '../../server/src/protocol/pod-graph';
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

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const view = $<HTMLDivElement>('view');
const canvas = $<HTMLDivElement>('canvas');
const empty = $<HTMLDivElement>('empty');
const podSelect = $<HTMLSelectElement>('pod');

function save(patch: Partial<DiagramViewState>): void {
  state = { ...state, ...patch };
  vscode.setState(state);
}

const zoom = (): number => state.zoom ?? 1;

function applyZoom(): void {
  const svg = canvas.querySelector('svg');
  if (!svg) return;
  const [, , w, h] = (svg.getAttribute('viewBox') ?? '0 0 0 0').split(' ').map(Number);
  svg.setAttribute('width', String(Math.round((w ?? 0) * zoom())));
  svg.setAttribute('height', String(Math.round((h ?? 0) * zoom())));
  $('zoom-reset').textContent = `${Math.round(zoom() * 100)}%`;
}

function setZoom(z: number): void {
  save({ zoom: Math.min(4, Math.max(0.25, Math.round(z * 100) / 100)) });
  applyZoom();
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

function update(message: Extract<ToWebview, { type: 'update' }>): void {
  strings = message.strings;
  graph = message.graph;
  const focusedId = (document.activeElement as Element | null)?.getAttribute?.('data-id');
  save({ uri: message.uri, podIndex: message.active });
  $('file').textContent = message.fileName;
  $('export').textContent = strings['ui.export'] ?? 'Export SVG';
  $('zoom-in').setAttribute('aria-label', strings['ui.zoomIn'] ?? '');
  $('zoom-out').setAttribute('aria-label', strings['ui.zoomOut'] ?? '');
  $('zoom-reset').setAttribute('aria-label', strings['ui.zoomReset'] ?? '');
  $('hint').textContent = strings['ui.keyboard'] ?? '';
  renderPods(message.pods, message.active);
  empty.classList.toggle('hidden', graph !== undefined);
  empty.textContent = graph ? '' : strings['ui.noPod'] ?? '';
  $('export').toggleAttribute('disabled', !graph);
  // The SVG is built from escaped text only (renderPodSvg escapes every manifest string), and the
  // CSP allows no inline script, so parsing it as markup cannot run anything.
  const svg = graph ? renderPodSvg(graph, strings) : '';
  // Typing outside what the diagram shows yields the same picture: keep the DOM (and focus) as is.
  if (svg !== lastSvg) {
    canvas.innerHTML = svg;
    lastSvg = svg;
  }
  applyZoom();
  applyHighlight(false);
  if (focusedId) (canvas.querySelector(`[data-id="${CSS.escape(focusedId)}"]`) as SVGElement | null)?.focus();
  if (!restoredScroll && graph) {
    restoredScroll = true;
    view.scrollLeft = state.scrollLeft ?? 0;
    view.scrollTop = state.scrollTop ?? 0;
  }
}

function reveal(target: EventTarget | null): void {
  const id = (target as Element | null)?.closest?.('[data-id]')?.getAttribute('data-id');
  const element = graph && id ? graphElements(graph).find((e) => e.id === id) : undefined;
  if (element) vscode.postMessage({ type: 'reveal', id: element.id, range: element.selectionRange });
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
  if (e.key !== 'Enter' && e.key !== ' ') return;
  e.preventDefault();
  reveal(e.target);
});
podSelect.addEventListener('change', () => vscode.postMessage({ type: 'selectPod', index: Number(podSelect.value) }));
$('export').addEventListener('click', () => vscode.postMessage({ type: 'exportSvg' }));
$('zoom-in').addEventListener('click', () => setZoom(zoom() * 1.25));
$('zoom-out').addEventListener('click', () => setZoom(zoom() / 1.25));
$('zoom-reset').addEventListener('click', () => setZoom(1));
view.addEventListener(
  'wheel',
  (e) => {
    if (!e.ctrlKey) return;
    e.preventDefault();
    setZoom(zoom() * (e.deltaY < 0 ? 1.1 : 1 / 1.1));
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

vscode.postMessage({ type: 'ready' });
