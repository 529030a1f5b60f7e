/** Answers `podsight/podGraph` from an analysis: which pod, its graph, the pod list and the texts. */
import type { FileAnalysis } from '../core/analyze';
import { LineIndex } from '../core/line-index';
import { catalogueKeys, t, type Locale } from '../l10n';
import type { UserImageInfo } from '../k8s/images';
import type { DiagramStrings, GraphPosition } from '../protocol/pod-graph';
import type { PodGraphResult } from '../protocol/requests';
import { nameNodeOf } from '../navigation/config-links';
import { hoodOf, Placer, type WorkspaceView } from '../navigation/workspace-view';
import type { ObjectLocator } from './neighbourhood-graph';
import { buildPodGraph, podIndexAt, podSummaries } from './pod-graph';

const PREFIX = 'diagram.';

/** The diagram's texts in `locale`, keyed without the `diagram.` prefix. */
export function diagramStrings(locale: Locale): DiagramStrings {
  const out: Record<string, string> = {};
  for (const key of catalogueKeys('en')) if (key.startsWith(PREFIX)) out[key.slice(PREFIX.length)] = t(locale, key);
  return out;
}

/** What to show: the pod under `position`, else pod `podIndex`, else the first pod. */
export function podGraphFor(
  analysis: FileAnalysis,
  version: number,
  locale: Locale,
  choice: { readonly position?: GraphPosition; readonly podIndex?: number },
  images?: Readonly<Record<string, UserImageInfo>>,
  /** The file's workspace (the CLI: the file alone); Services and volume objects come from it. */
  view: WorkspaceView = { peers: [] },
): PodGraphResult {
  const pods = podSummaries(analysis);
  const strings = diagramStrings(locale);
  if (pods.length === 0) return { version, pods, strings };
  const atCursor = choice.position ? podIndexAt(analysis, analysis.lines.offsetAt(choice.position)) : undefined;
  const given = choice.podIndex !== undefined && choice.podIndex < pods.length ? choice.podIndex : undefined;
  const active = atCursor ?? given ?? 0;
  return { version, pods, active, graph: buildPodGraph(analysis, active, images, hoodOf(analysis, view), locatorOf(view)), strings };
}

/** Objects of the file's peers → their `metadata.name` in the peer (a click in the diagram opens it there). */
function locatorOf(view: WorkspaceView): ObjectLocator {
  const placer = new Placer(view);
  const lines = new Map<string, LineIndex | undefined>();
  return (o) => {
    const place = o.source === undefined ? undefined : placer.place(o, o.doc, nameNodeOf(o) ?? o.object.node);
    if (!place?.source) return undefined;
    if (!lines.has(place.source)) {
      const text = view.peers.find((p) => p.source === place.source)?.text;
      lines.set(place.source, text === undefined ? undefined : new LineIndex(text));
    }
    const index = lines.get(place.source);
    return index && { uri: place.source, range: index.rangeOf(place.start, place.end) };
  };
}
