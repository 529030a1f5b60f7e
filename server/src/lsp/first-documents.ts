/**
 * The first documents of a big file: what the server analyses and publishes first, so the user
 * sees diagnostics of the top of a file of thousands of documents in tens of milliseconds while
 * the rest is still analysed (AnalysisStore.firstDocuments, the diagnostics pipeline).
 */
import type { FileAnalysis } from '../core/analyze';
import type { Finding } from '../rules/types';
import { UNUSED_DIRECTIVE_RULE } from '../rules/unused-disable-directive';

/** Documents at least this long (UTF-16 units) show their first documents' diagnostics early. */
export const PROGRESSIVE_LENGTH = 256 * 1024;
/** How much of the text the first publish covers: ~100 documents, tens of milliseconds. */
export const PREFIX_LENGTH = 64 * 1024;

/**
 * Where the first documents end: the start of the last `---` line at or before `max`. Undefined
 * without one, or when the text has `%` directives (they join a chunk to the next one).
 */
export function firstDocumentsEnd(text: string, max: number): number | undefined {
  if (/^%/m.test(text.slice(0, max))) return undefined;
  let at = text.lastIndexOf('\n---', max - 1);
  while (at >= 0 && !/^(?:[ \t\r\n]|$)/.test(text.slice(at + 4, at + 5))) at = text.lastIndexOf('\n---', at - 1);
  return at > 0 ? at + 1 : undefined;
}

/**
 * What a first-documents analysis may show before the whole file is analysed: its chunks' own
 * findings, which the whole analysis has too. It has no file-level findings (a Service's pods may
 * come later: Analyzer.firstDocumentsInSlices does not look for them). Left out: reports of unused
 * directives (a directive may be there for a file-level finding), and the count of syntax errors
 * beyond the cap.
 */
export function firstFindings(analysis: FileAnalysis): Finding[] {
  return analysis.findings.filter((f) => f.rule !== UNUSED_DIRECTIVE_RULE && f.data?.yamlCode !== 'MORE');
}
