/**
 * The unit of work of `check --jobs N`: the files of one folder, with the files near it that the
 * workspace rules may look at (see `isNear`: its folder, folders above and below it). A file's
 * findings depend only on itself and those near peers, so a unit gives the findings the
 * single-threaded run gives, wherever it runs. Its syntax trees are dropped when it is done.
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Analyzer, type FileAnalysis } from '../core/analyze';
import { cachedReader, fragmentKindOf, type ReadText } from '../k8s/fragments';
import { needsWorkspace } from '../k8s/neighbourhood';
import { t, type Locale } from '../l10n';
import type { AnalysisOptions } from '../rules/types';
import type { CliFinding } from './formats';
import { folderNamespace, workspacePeers } from './workspace';

/** A file of the run and its place in the run's order. */
export interface RunFile {
  readonly index: number;
  readonly path: string;
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

/** One file read and analysed alone, as the single-threaded run's first pass does. */
export interface Analysed {
  readonly file: string;
  readonly text: string;
  readonly analyzer: Analyzer;
  readonly analysis: FileAnalysis;
  readonly options: AnalysisOptions;
}

/** Reads and analyses `file` alone (a kustomize patch or test assertion as a fragment). */
export function analyseAlone(file: string, text: string, options: AnalysisOptions, readText: ReadText, onRuleError: (rule: string, e: unknown) => void): Analysed {
  const analyzer = new Analyzer(onRuleError);
  const fragment = fragmentKindOf(file, readText);
  const fileOptions = fragment ? { ...options, fragment } : options;
  return { file, text, analyzer, analysis: analyzer.analyze(text, fileOptions), options: fileOptions };
}

/** The findings of a file analysed alone, or with the workspace's peers when its text may need them. */
export function findingsOf(input: Analysed, peers: ReturnType<typeof workspacePeers>): CliFinding[] {
  const namespace = folderNamespace(dirname(input.file));
  const analysis = needsWorkspace(input.text) ? input.analyzer.analyze(input.text, input.options, peers, { source: input.file, namespace }) : input.analysis;
  return analysis.findings.map((f) => ({
    file: input.file,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    range: analysis.lines.rangeOf(f.start, f.end),
    related: f.related.map((r) => ({ file: input.file, range: analysis.lines.rangeOf(r.start, r.end), message: r.message })),
  }));
}

export function readTextOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Checks one unit; the results come in the order of its files. */
export function checkUnit(unit: Unit, options: AnalysisOptions, locale: Locale): FileResult[] {
  const readText = cachedReader(readTextOrUndefined);
  const results: FileResult[] = [];
  const own: { index: number; input: Analysed; result: FileResult }[] = [];
  for (const { index, path: file } of unit.files) {
    const result: FileResult = { index, findings: [], unreadable: false, stderr: [] };
    results.push(result);
    const text = readTextOrUndefined(file);
    if (text === undefined) {
      result.stderr.push(t(locale, 'cli.cannot-read', { file }));
      result.unreadable = true;
      continue;
    }
    own.push({ index, result, input: analyseAlone(file, text, options, readText, (rule, e) => result.stderr.push(t(locale, 'cli.rule-failed', { rule, file, error: String(e) }))) });
  }
  // The near files are read only when a file of the unit looks across files; in run order, as
  // the single-threaded run lists its peers (rules meet them in that order).
  const wanted = own.some(({ input }) => needsWorkspace(input.text));
  const inputs: { index: number; input: Analysed }[] = [...own];
  if (wanted) {
    for (const { index, path } of unit.near) {
      const text = readTextOrUndefined(path);
      // An unreadable or failing peer is reported by its own unit.
      if (text !== undefined) inputs.push({ index, input: analyseAlone(path, text, options, readText, () => undefined) });
    }
    inputs.sort((a, b) => a.index - b.index);
  }
  const peers = wanted ? workspacePeers(inputs.map((i) => i.input)) : [];
  for (const { input, result } of own) {
    result.findings.push(...findingsOf(input, peers));
    if (result.findings.length > 0) result.text = input.text;
  }
  return results;
}
