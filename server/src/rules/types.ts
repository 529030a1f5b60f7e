/** The contract between rules and the analysis runner. */
import type { Document, Node } from 'yaml';
import type { ParsedChunk } from '../core/parse';
import type { Locale } from '../l10n';
import type { ConfigMapModel } from '../k8s/config-maps';
import type { PodModel } from '../k8s/pod-model';
import type { K8sObject } from '../k8s/workloads';
import type { UserImageInfo } from '../k8s/images';
import type { UserPodTemplate } from '../k8s/pod-templates';

/** Finding severities, named as in LSP. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A severity, or 'off' to disable a rule. */
export type RuleLevel = Severity | 'off';

/** Knobs shared by the CLI, the server and the tests. */
export interface AnalysisOptions {
  readonly locale?: Locale;
  /** Extra image knowledge (`podsight.images` setting or the CLI config file). */
  readonly images?: Readonly<Record<string, UserImageInfo>>;
  /** Per-rule severity overrides or 'off'. */
  readonly rules?: Readonly<Record<string, RuleLevel>>;
  /** Custom resources holding pod specs, beyond the built-in table (`podsight.podTemplates`). */
  readonly podTemplates?: readonly UserPodTemplate[];
  /**
   * The file is a fragment (a kustomize patch, a test assertion; see k8s/fragments.ts): only what
   * it determines itself is checked.
   */
  readonly fragment?: string;
  /** The file is a resource of a kustomization beside or above it: an overlay may patch in what it leaves out. */
  readonly kustomizeResource?: boolean;
  /** Report YAML syntax errors (the editor turns this off when the Red Hat YAML extension does it). */
  readonly reportSyntax?: boolean;
}

/** Something a node-less report can point at: chunk-relative offsets. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** The other side of a conflict. */
export interface RelatedReport {
  readonly node: Node | Span;
  readonly message: string;
}

/** What a rule reports; the runner turns it into a `Finding`. */
export interface Report {
  readonly node: Node | Span;
  readonly message: string;
  readonly related?: readonly RelatedReport[];
  /** Typed facts that quick fixes use (never parse the message). */
  readonly data?: Readonly<Record<string, unknown>>;
  /** Overrides the rule's default severity for this one finding. */
  readonly severity?: Severity;
}

/** What a rule sees: one chunk of the file, its objects and pods. */
export interface RuleContext {
  readonly chunk: ParsedChunk;
  readonly objects: readonly { readonly object: K8sObject; readonly doc: Document }[];
  readonly pods: readonly PodModel[];
  readonly options: AnalysisOptions;
  /** Formats a catalogue message in the user's locale. */
  t(key: string, args?: Readonly<Record<string, string | number>>): string;
  report(report: Report): void;
}

/** One check, in its own file under `rules/`. */
export interface Rule {
  /** Stable kebab-case id: the diagnostic `code` and the docs page name. Never rename. */
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** `unnecessary` greys the text out in editors (LSP DiagnosticTag.Unnecessary). */
  readonly tags?: readonly ('unnecessary' | 'deprecated')[];
  check(ctx: RuleContext): void;
}

/** A finding with absolute offsets in the file, ready for any output format. */
export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly start: number;
  readonly end: number;
  readonly related: readonly { readonly start: number; readonly end: number; readonly message: string }[];
  readonly data?: Readonly<Record<string, unknown>>;
  readonly tags?: readonly ('unnecessary' | 'deprecated')[];
}

/** Where each rule's documentation lives (diagnostic `codeDescription.href`). */
export const DOCS_BASE = 'https://github.com/podsight/podsight/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}

/** What another file of the workspace contributes to file-level rules: its pods and objects. */
export interface PeerPods {
  /** Where the pods come from (a URI or a path), for related information. */
  readonly source: string;
  readonly pods: readonly import('../k8s/pod-model').PodModel[];
  /** Its other objects (Services, ConfigMaps, Ingresses...), for the workspace index. */
  readonly objects?: RuleContext['objects'];
  /** The namespace of its objects that set none (a kustomization's `namespace:`). */
  readonly namespace?: string;
  /**
   * The same objects and pods document by document, when the peer is an open document: the
   * workspace index then reuses what it read of each document, and an edit of that peer costs
   * what the edit changed.
   */
  readonly chunks?: readonly { readonly objects: NonNullable<RuleContext['objects']>; readonly pods: readonly import('../k8s/pod-model').PodModel[] }[];
  /** The texts of its templated chunks (Helm): pods nobody can see until they are rendered. */
  readonly templated?: readonly string[];
  /** Its text and the start of each document's chunk in it: navigation places nodes with them. */
  readonly text?: string;
  readonly starts?: ReadonlyMap<import('yaml').Document, number>;
  /** ConfigMaps a kustomization generates (configMapGenerator): only the listener model reads them; the neighbourhood index leaves them out. */
  readonly generated?: boolean;
}

/** Where the file being checked sits in its workspace. */
export interface WorkspaceFile {
  /** Its path or URI, in the form the peers' `source` uses (to tell near peers from far ones). */
  readonly source?: string;
  /** The namespace of its objects that set none. */
  readonly namespace?: string;
  /** The folders (or files) the kustomization beside it lists as resources, transitively, in the peers' form. */
  readonly bases?: readonly string[];
}

/** What a file-level rule sees: every chunk of the file and the pods of its peers. */
export interface FileRuleContext {
  readonly chunks: readonly { readonly start: number; readonly objects: RuleContext['objects']; readonly pods: readonly PodModel[]; readonly configMaps?: readonly ConfigMapModel[] }[];
  readonly peers: readonly PeerPods[];
  /** The namespace of this file's objects that set none (a kustomization's `namespace:`). */
  readonly namespace?: string;
  /** This file's path or URI, when known (see WorkspaceFile). */
  readonly source?: string;
  /** Its kustomize bases (see WorkspaceFile): their ConfigMaps are deployed with it. */
  readonly bases?: readonly string[];
  /** The texts of this file's templated chunks. */
  readonly templated?: readonly string[];
  readonly options: AnalysisOptions;
  t(key: string, args?: Readonly<Record<string, string | number>>): string;
  /** Offsets in `report.node` spans are relative to the chunk that starts at `chunkStart`. */
  report(chunkStart: number, report: Report): void;
  /**
   * On a re-check after an edit: the chunks whose reports are wanted, by start (the other
   * chunks' reports are kept from the last run). Reports on other chunks are dropped, so a rule
   * may ignore this; honouring it is what keeps an edit's cost independent of the file's size.
   */
  readonly targets?: ReadonlyMap<number, FileRuleContext['chunks'][number]>;
  /**
   * Says that the reports on the chunk at `chunkStart` were worked out from the chunk at `from`
   * (beyond what `FileRule.context` of that chunk says): an edit there re-checks this chunk.
   */
  uses?(chunkStart: number, from: number): void;
}

/**
 * A rule that looks across the documents of a file (and its folder's peers). It runs on the
 * combined chunk models after the per-chunk rules, so the chunk cache stays valid.
 */
export interface FileRule {
  readonly id: string;
  readonly defaultSeverity: Severity;
  readonly tags?: readonly ('unnecessary' | 'deprecated')[];
  checkFile(ctx: FileRuleContext): void;
  /**
   * Work that depends on one chunk only (memoised by the rule on the chunk's models), done when
   * the chunk is analysed: the file-level pass then stays short, and the server can yield
   * between chunks instead of blocking on the whole file at the end.
   */
  prepareChunk?(chunk: FileRuleContext['chunks'][number], options: AnalysisOptions): void;
  /**
   * What of this chunk may change the rule's reports on *other* chunks ('' for nothing). With it,
   * an edit re-checks only the edited chunks (and those that `uses` or related spans tie to
   * them) while every chunk's context stays the same; without it, the rule re-runs over the
   * whole file. It must cover everything the rule reads across chunks, or results go stale.
   */
  context?(chunk: FileRuleContext['chunks'][number] & { readonly text: string }, options: AnalysisOptions): string;
  /**
   * What the rule reads of one document of a peer (another file of the workspace), '' for
   * nothing. When a peer changes but each of its documents says the same here, the rule's kept
   * findings hold (an edit of a big neighbouring file then costs this file nothing); without it,
   * any change of a peer re-runs the rule over the whole file. Peers have no `uses` ties: it must
   * cover everything the rule reads of a peer.
   */
  peerContext?(chunk: FileRuleContext['chunks'][number] & { readonly text: string }, options: AnalysisOptions): string;
  /**
   * Shared indexes the checks read (the workspace neighbourhood, pod indexes), built in steps
   * before a pass checks its chunks, with a yield between steps: a first pass over thousands of
   * documents must not build them all in one step. The checks build whatever is missing.
   */
  prepareFile?(ctx: Omit<FileRuleContext, 'report' | 'uses'>): Generator<void, void, void>;
}
