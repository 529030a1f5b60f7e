/**
 * The size guard: a file over the limit is not parsed at all (parsing tens of megabytes would
 * hold the server for seconds and hundreds of megabytes of memory); the user gets one
 * information diagnostic saying so, on the first line.
 */
import { normaliseLocale, t as translate } from '../l10n';
import type { AnalysisOptions, Severity } from '../rules/types';
import type { FileAnalysis } from './analyze';
import { LineIndex } from './line-index';

export const FILE_TOO_LARGE_RULE = 'file-too-large';

/** The default of the `podsight.maxFileSize` setting, in MB. */
export const DEFAULT_MAX_FILE_SIZE_MB = 10;

const MB = 1024 * 1024;

/** The size of a text in UTF-8 bytes when it is over `limitBytes`, else undefined (cheap for small texts). */
export function oversizeBytes(text: string | { readonly length: number; readonly pieces: readonly string[] }, limitBytes: number): number | undefined {
  if (!(limitBytes > 0) || text.length * 3 <= limitBytes) return undefined;
  const bytes = typeof text === 'string' ? Buffer.byteLength(text, 'utf8') : text.pieces.reduce((sum, piece) => sum + Buffer.byteLength(piece, 'utf8'), 0);
  return bytes > limitBytes ? bytes : undefined;
}

/** The limit in bytes from a setting in MB; 0 or less means no limit, anything unusable the default. */
export function maxFileSizeBytes(settingMb: unknown): number {
  const mb = typeof settingMb === 'number' && Number.isFinite(settingMb) ? settingMb : DEFAULT_MAX_FILE_SIZE_MB;
  return mb > 0 ? mb * MB : 0;
}

const mbText = (bytes: number): string => String(Math.round((bytes / MB) * 10) / 10);

/** The analysis of a skipped file: no chunks, one finding on the first line (unless turned off). */
export function fileTooLargeAnalysis(text: string, bytes: number, limitBytes: number, options: AnalysisOptions): FileAnalysis {
  const level = options.rules?.[FILE_TOO_LARGE_RULE];
  const firstLineEnd = Math.min(...[text.indexOf('\n'), text.indexOf('\r'), 200].filter((i) => i >= 0));
  // One line start is all the index needs: the finding sits on the first line.
  const lines = new LineIndex(text, [{ start: 0, starts: [0] }]);
  if (level === 'off') return { text, lines, chunks: [], findings: [] };
  const message = translate(normaliseLocale(options.locale), 'file-too-large.message', { size: mbText(bytes), limit: mbText(limitBytes) });
  const severity: Severity = level ?? 'information';
  return { text, lines, chunks: [], findings: [{ rule: FILE_TOO_LARGE_RULE, severity, message, start: 0, end: firstLineEnd, related: [] }] };
}
