/**
 * Podsight's custom LSP methods. The server registers them, the VS Code client and the tests
 * send them; other editors can too (`podsight/podGraph` is plain JSON).
 */
import { RequestType } from 'vscode-languageserver-protocol';
import type { DiagramStrings, GraphPosition, PodGraph, PodSummary } from './pod-graph';

/** Params of `podsight/podGraph`: the document, and which pod (by cursor position or index). */
export interface PodGraphParams {
  readonly textDocument: { readonly uri: string };
  /** The pod under this position; when the position is outside every pod, `podIndex` or the first. */
  readonly position?: GraphPosition;
  /** The pod with this index in `pods` (used when the position is not inside a pod). */
  readonly podIndex?: number;
}

/** Result of `podsight/podGraph`. */
export interface PodGraphResult {
  /** The document version the graph was computed from. */
  readonly version: number;
  /** Every pod of the file, for a selector. Empty when the file holds no pod. */
  readonly pods: readonly PodSummary[];
  /** The index of the chosen pod in `pods`. */
  readonly active?: number;
  /** The chosen pod's graph. */
  readonly graph?: PodGraph;
  /** The diagram's texts in the server's locale. */
  readonly strings: DiagramStrings;
}

/** `podsight/podGraph`: the graph of the pod under the cursor and the list of pods in the file. */
export const PodGraphRequest = new RequestType<PodGraphParams, PodGraphResult | null, void>('podsight/podGraph');
