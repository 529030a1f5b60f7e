/** Answers `podsight/podGraph` from an analysis: which pod, its graph, the pod list and the texts. */
import type { FileAnalysis } from '../core/analyze';
import { catalogueKeys, t, type Locale } from '../l10n';
import type { UserImageInfo } from '../k8s/images';
import type { DiagramStrings, GraphPosition } from '../protocol/pod-graph';
import type { PodGraphResult } from '../protocol/requests';
import { hoodOf, type WorkspaceView } from '../navigation/workspace-view';
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
  return { version, pods, active, graph: buildPodGraph(analysis, active, images, hoodOf(analysis, view)), strings };
}
