/**
 * The unit of work of `check --jobs N`: the files of one folder, with the files near it that the
 * workspace rules may look at (see `isNear`: its folder, folders above and below it). A file's
 * findings depend only on itself and those near peers, so a unit gives the findings the
 * single-threaded run gives, wherever it runs. Its syntax trees are dropped when it is done.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Analyzer, type FileAnalysis, type PlacedChunk } from '../core/analyze';
import { runToEnd } from '../core/slices';
import { cachedReader, isKustomizeResource, isTestAssertionName, kustomizationsListing, type FragmentKind } from '../k8s/fragments';
import { needsWorkspace } from '../k8s/neighbourhood';
import { t, type Locale } from '../l10n';
import type { AnalysisOptions } from '../rules/types';
import type { CliFinding } from './formats';
import { checkedBytes } from './heap';
import { kustomizeBases, peersWithBases } from './kustomize-bases';
import { folderNamespace, workspacePeers } from './workspace';

/** A file of the run and its place in the run's order. */
export type OverlayRole = 'resource' | 'patch';

export interface RunFile {
  readonly index: number;
  readonly path: string;
  /**
   * What a kustomize overlay of the run reads it as, when one does (its render failed, or the
   * file would not be checked alone): a patch (a fragment, wherever it lies) or a resource.
   */
  readonly overlay?: OverlayRole;
}

export interface Unit {
  /** The files whose findings this unit makes, in run order. */
  readonly files: readonly RunFile[];
  /** Files of other folders near these ones: only read as peers, in run order. */
  readonly near: readonly RunFile[];
}

/** What checking one file gives: its findings, or that it could not be read; lines for stderr. */
export interface FileResult {
  readonly index: number;
  readonly findings: CliFinding[];
  unreadable: boolean;
  readonly stderr: string[];
  /** The file's text when it has findings (code frames quote it); else left out. */
  text?: string;
}

/**
 * One file read and analysed alone, as the single-threaded run's first pass does. A file whose
 * findings need the workspace gets only its chunks (its objects, for the other files): its
 * file-level pass runs once, with the peers.
 */
export interface Analysed {
  readonly file: string;
  readonly text: string;
  readonly analyzer: Analyzer;
  readonly chunks: readonly PlacedChunk[];
  /** The whole analysis, when the file's findings do not need the workspace. */
  readonly analysis?: FileAnalysis;
  readonly options: AnalysisOptions;
}

/** The kustomize patch files listed by the kustomizations of a folder and above, by folder, for the whole run of this thread. */
const patchesByFolder = new Map<string, ReadonlyMap<string, FragmentKind>>();
// A folder and each one above it are asked for three kustomization names, which mostly are not
// there: `existsSync` answers that without the ENOENT error `readFileSync` throws (~60 µs each).
const runReader = cachedReader((path) => (existsSync(path) ? readTextOrUndefined(path) : undefined));

/** `fragmentKindOf`, with each folder's kustomizations read and parsed once per run, not once per file. */
function fragmentOf(file: string): FragmentKind | undefined {
  if (isTestAssertionName(file)) return 'test-assertion';
  const folder = dirname(resolve(file));
  let patches = patchesByFolder.get(folder);
  if (!patches) {
    const kinds = new Map<string, FragmentKind>();
    for (const k of kustomizationsListing(file, runReader)) {
      for (const patch of k.patches) if (k.retypes || !kinds.has(patch)) kinds.set(patch, k.retypes ? 'kustomize-patch-retyped' : 'kustomize-patch');
    }
    patches = kinds;
    patchesByFolder.set(folder, patches);
  }
  return patches.get(resolve(file));
}

/**
 * Reads and analyses `file` alone (a kustomize patch or test assertion as a fragment; a resource
 * of a kustomization, beside it or of an overlay of the run, as one that an overlay may patch).
 */
export function analyseAlone(file: string, text: string, options: AnalysisOptions, onRuleError: (rule: string, e: unknown) => void, overlay?: OverlayRole): Analysed {
  const analyzer = new Analyzer(onRuleError);
  const fragment = fragmentOf(file) ?? (overlay === 'patch' ? 'kustomize-patch' : undefined);
  const kustomizeResource = !fragment && (overlay === 'resource' || isKustomizeResource(file, runReader));
  const fileOptions = fragment ? { ...options, fragment } : kustomizeResource ? { ...options, kustomizeResource } : options;
  if (needsWorkspace(text)) return { file, text, analyzer, chunks: analyzer.chunksOf(text, fileOptions), options: fileOptions };
  const analysis = analyzer.analyze(text, fileOptions);
  return { file, text, analyzer, chunks: analysis.chunks, analysis, options: fileOptions };
}

/** The findings of a file analysed alone, or with the workspace's peers when its text may need them. */
export function findingsOf(input: Analysed, peers: ReturnType<typeof workspacePeers>): CliFinding[] {
  const dir = dirname(input.file);
  const namespace = folderNamespace(dir);
  // The ConfigMaps of the kustomize bases are deployed with the file: read them even when the
  // base is outside the run or this unit of work (so every thread count gives the same findings).
  const bases = input.analysis ? [] : kustomizeBases(dir);
  const self = { source: input.file, namespace, ...(bases.length ? { bases } : {}) };
  const analysis = input.analysis ?? input.analyzer.analyze(input.text, input.options, peersWithBases(peers, bases), self);
  return analysis.findings.map((f) => ({
    file: input.file,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    range: analysis.lines.rangeOf(f.start, f.end),
    related: f.related.map((r) => ({ file: input.file, range: analysis.lines.rangeOf(r.start, r.end), message: r.message })),
  }));
}

/**
 * A file's text as an editor shows it: a leading byte-order mark (Windows Notepad writes one) is
 * not a character of the first line, so positions on it are counted without it, as VS Code and
 * Neovim count them (they drop the mark when they load the file).
 */
export function readTextOrUndefined(path: string): string | undefined {
  try {
    const text = readFileSync(path, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}

/**
 * Checks one unit; the results come in the order of its files. `keepTexts`: return the texts of
 * files with findings (the text and SARIF formats quote them).
 */
export function checkUnit(unit: Unit, options: AnalysisOptions, locale: Locale, keepTexts = true): FileResult[] {
  return runToEnd(checkUnitSteps(unit, options, locale, keepTexts));
}

/**
 * `checkUnit` in steps, one file each: the main thread checks its units in slices, so that a
 * worker that finished meanwhile gets its next unit at once (a folder of 50 pods takes over a
 * second, and a worker waiting for the main thread through it sat idle).
 */
export function* checkUnitSteps(unit: Unit, options: AnalysisOptions, locale: Locale, keepTexts = true): Generator<void, FileResult[], void> {
  const texts = unit.files.map(({ path }) => readTextOrUndefined(path));
  checkedBytes(texts.reduce((sum, text) => sum + (text?.length ?? 0), 0));
  const results: FileResult[] = unit.files.map(({ index, path: file }, k) => ({
    index,
    findings: [],
    unreadable: texts[k] === undefined,
    stderr: texts[k] === undefined ? [t(locale, 'cli.cannot-read', { file })] : [],
  }));
  const alone = (k: number): Analysed => {
    const file = unit.files[k]?.path as string;
    const result = results[k] as FileResult;
    return analyseAlone(file, texts[k] as string, options, (rule, e) => result.stderr.push(t(locale, 'cli.rule-failed', { rule, file, error: String(e) })), unit.files[k]?.overlay);
  };
  const finish = (k: number, findings: CliFinding[]): void => {
    const result = results[k] as FileResult;
    result.findings.push(...findings);
    if (keepTexts && findings.length > 0) result.text = texts[k];
    texts[k] = undefined;
  };
  // No file looks across files: each is checked and dropped in turn (a folder of big CRD
  // bundles never holds more than one bundle's trees).
  if (!texts.some((text) => text !== undefined && needsWorkspace(text))) {
    for (const [k, text] of texts.entries()) {
      if (text === undefined) continue;
      finish(k, findingsOf(alone(k), []));
      yield;
    }
    return results;
  }
  const own: { k: number; index: number; input: Analysed }[] = [];
  for (const [k, text] of texts.entries()) {
    if (text === undefined) continue;
    own.push({ k, index: unit.files[k]?.index ?? -1, input: alone(k) });
    yield;
  }
  // The near files, in run order, as the single-threaded run lists its peers (rules meet them in that order).
  const inputs: { index: number; input: Analysed }[] = [...own];
  for (const { index, path, overlay } of unit.near) {
    const text = readTextOrUndefined(path);
    // An unreadable or failing peer is reported by its own unit.
    if (text !== undefined) inputs.push({ index, input: analyseAlone(path, text, options, () => undefined, overlay) });
    yield;
  }
  inputs.sort((a, b) => a.index - b.index);
  const peers = workspacePeers(inputs.map((i) => i.input));
  for (const { k, input } of own) {
    finish(k, findingsOf(input, peers));
    yield;
  }
  return results;
}
