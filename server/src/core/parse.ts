/**
 * Parsing: a file is split into chunks at `---` lines, and each chunk is parsed on its own, so an
 * edit re-parses only the chunk it touches (the other chunks' results are reused by text).
 * Offsets inside a chunk are chunk-relative, so a chunk's results stay valid when it moves.
 */
import { parseAllDocuments, type Document } from 'yaml';
import { quickParse } from './quick-parse';

/** Options that make `yaml` read manifests the way Kubernetes' go-yaml v2 based decoder does. */
export const YAML_OPTIONS = {
  version: '1.1' as const,
  merge: true,
  prettyErrors: false,
  uniqueKeys: true,
  strict: false,
};

/** One `---`-delimited piece of a file, parsed. */
export interface ParsedChunk {
  readonly text: string;
  readonly docs: readonly Document.Parsed[];
  /** True when the chunk holds Go/Helm template markers (`{{ }}`). */
  readonly templated: boolean;
}

const DOC_START = /^---(?:[ \t]|\r?$)/;

/** Splits a file into chunk texts; each chunk but the first starts at a `---` line. */
export function splitChunks(text: string): { start: number; text: string }[] {
  const starts: number[] = [0];
  let lineStart = 0;
  while (lineStart < text.length) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl === -1 ? text.length : nl;
    if (lineStart > 0 && text.startsWith('---', lineStart) && DOC_START.test(text.slice(lineStart, Math.min(lineEnd, lineStart + 5)))) {
      starts.push(lineStart);
    }
    if (nl === -1) break;
    lineStart = nl + 1;
  }
  const chunks: { start: number; text: string }[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i] ?? 0;
    const end = starts[i + 1] ?? text.length;
    chunks.push({ start, text: text.slice(start, end) });
  }
  // A chunk holding a directive (`%YAML`) belongs to the document that follows it.
  for (let i = chunks.length - 2; i >= 0; i--) {
    const chunk = chunks[i];
    const next = chunks[i + 1];
    if (chunk && next && /^%/m.test(chunk.text)) {
      chunks.splice(i, 2, { start: chunk.start, text: chunk.text + next.text });
    }
  }
  return chunks;
}

/** Parses one chunk; never throws. */
export function parseChunk(text: string): ParsedChunk {
  const quick = quickParseOrNothing(text);
  if (quick) return { text, docs: [quick], templated: text.includes('{{') };
  return { text, docs: parseWithYaml(text), templated: text.includes('{{') };
}

/** The quick parse; a bug in it must cost speed, not the analysis (the tests call it directly). */
function quickParseOrNothing(text: string): Document.Parsed | undefined {
  try {
    return quickParse(text, YAML_OPTIONS);
  } catch {
    return undefined;
  }
}

/** The full `yaml` parse (the quick parser's fallback). */
export function parseWithYaml(text: string): Document.Parsed[] {
  let docs: Document.Parsed[];
  // `yaml` reports problems as Error objects; their stack traces are never read and capturing
  // them was a tenth of the parse time on real-world files.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    docs = parseAllDocuments(text, YAML_OPTIONS) as Document.Parsed[];
    if (!Array.isArray(docs)) docs = []; // EmptyStream: only comments or whitespace
  } catch {
    docs = [];
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  return docs;
}
