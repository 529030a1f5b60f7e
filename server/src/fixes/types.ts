/**
 * The contract of quick fixes: pure functions from an analysis and one finding to edits. No
 * connection, no `vscode`: the language server turns them into code actions, tests apply them to
 * text directly.
 */
import type { Document } from 'yaml';
import type { FileAnalysis, PlacedChunk } from '../core/analyze';
import type { Locale } from '../l10n';
import type { PodModel } from '../k8s/pod-model';
import type { AnalysisOptions, Finding } from '../rules/types';
import type { OffsetEdit } from './yaml-edit';

/** One proposed fix. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly OffsetEdit[];
  /** The obvious fix (at most one per finding): editors apply it with one keystroke. */
  readonly preferred?: boolean;
  /** Safe to apply without looking, in "fix all" (only deterministic, meaning-preserving fixes). */
  readonly safe?: boolean;
}

/** What a fix function gets. */
export interface FixContext {
  readonly analysis: FileAnalysis;
  readonly finding: Finding;
  /** The chunk holding the finding; node ranges are relative to `chunk.start`. */
  readonly chunk: PlacedChunk;
  readonly options: AnalysisOptions;
  readonly locale: Locale;
  /** Formats a catalogue message in the user's locale. */
  t(key: string, args?: Readonly<Record<string, string | number>>): string;
}

/** The fixes of one rule, in its own file under `fixes/`. */
export type FixProvider = (ctx: FixContext) => Fix[];

/** A pod of the finding's chunk with its document. */
export interface PodInChunk {
  readonly pod: PodModel;
  readonly doc: Document;
}
