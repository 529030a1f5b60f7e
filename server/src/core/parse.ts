/**
 * Parsing: a file is split into chunks at `---` lines, and each chunk is parsed on its own, so an
 * edit re-parses only the chunk it touches (the other chunks' results are reused by text).
 * Offsets inside a chunk are chunk-relative, so a chunk's results stay valid when it moves.
 */
import { markOpenCollections, markUnknownKeys } from './open-collections';
import { isMap, isScalar, isSeq, parseAllDocuments, type Document } from 'yaml';
import type { Span } from '../rules/types';
import { joinLines, multiLineQuoted, refold } from './go-yaml-leniency';
import { goYamlTags } from './go-yaml-scalars';
import { loneCrAsLf } from './line-index';
import { quickParseOrNothing } from './quick-parse';
import { maskYtt, MAY_BE_YTT } from './ytt-mask';
import { maskPlaceholders, maskTemplateActions, MAY_HOLD_BRACE_TOKENS, MAY_HOLD_DIRECTIVES, MAY_HOLD_HASH_TOKENS, MAY_HOLD_TOKENS, readsBraceTokenAsMap, type TemplateEngine } from './template-mask';
import { markUnknownValues, MAY_HOLD_MARKERS } from './unknown-values';

/** Options that make `yaml` read manifests the way Kubernetes' go-yaml v2 based decoder does. */
export const YAML_OPTIONS = {
  version: '1.1' as const,
  merge: true,
  prettyErrors: false,
  uniqueKeys: true,
  strict: false,
  // Floats and base-60 numbers as go-yaml v2 reads them (`.` is a string there, not NaN).
  customTags: goYamlTags,
};

/** One `---`-delimited piece of a file, parsed. */
export interface ParsedChunk {
  /** The chunk's text with lone CRs as LF: offsets and lines are those of the file's text. */
  readonly text: string;
  readonly docs: readonly Document.Parsed[];
  /**
   * True when the chunk holds Go/Helm template actions and does not parse even with them masked:
   * it is not analysed at all.
   */
  readonly templated: boolean;
  /** Template actions masked to make the chunk parse (the docs are of the masked text). */
  readonly masked?: readonly Span[];
  /** Spans inside template blocks (`if`, `range`, `with`): rendered any number of times. */
  readonly conditional?: readonly Span[];
  /** A template `if`/`with` wraps the whole document: it is rendered only under a condition. */
  readonly wrapped?: boolean;
  /** The masked spans are `${...}` placeholders, not template actions: the one that broke the parse. */
  readonly placeholders?: Span;
  /** How many of them are template directives (Terraform `%{ if … }`, FreeMarker `<#if>`, Jinja `{% if %}`), and whose. */
  readonly directives?: number;
  readonly engine?: TemplateEngine;
  /** The placeholders all sit inside values: the objects are whole, only those values are unknown. */
  readonly inline?: boolean;
}

/**
 * Whether what was masked may stand for pairs, lines or blocks the tool inserts (a template action
 * or a placeholder alone on its line, a directive): then nothing can be judged missing there.
 */
export const mayInsert = (chunk: { readonly masked?: unknown; readonly inline?: boolean }): boolean => chunk.masked !== undefined && chunk.inline !== true;

const DOC_START = /^---(?:[ \t\r\n]|$)/;

/** Splits a file into chunk texts; each chunk but the first starts at a `---` line. */
export function splitChunks(text: string): { start: number; text: string }[] {
  const starts = docStartOffsets(text);
  const chunks: { start: number; text: string }[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i] ?? 0;
    const end = starts[i + 1] ?? text.length;
    chunks.push({ start, text: text.slice(start, end) });
  }
  // A chunk holding a directive (`%YAML`) belongs to the document that follows it. The whole
  // text is searched once: a search of every chunk was a third of a big file's split.
  if (/^%/m.test(text)) {
    for (let i = chunks.length - 2; i >= 0; i--) {
      const chunk = chunks[i];
      const next = chunks[i + 1];
      if (chunk && next && /^%/m.test(chunk.text)) {
        chunks.splice(i, 2, { start: chunk.start, text: chunk.text + next.text });
      }
    }
  }
  return /[\n\r]items:/.test(text) ? chunks.flatMap(splitListItems) : chunks;
}

/**
 * Where the documents after the first start: `---` at the start of a line (after `\n`, `\r\n`
 * or a lone `\r`, as in go-yaml and LSP) and followed by a blank or the line's end. Found with
 * `indexOf` rather than by walking every line: a 5,000-document file is split on open and
 * whenever a neighbour first reads it, in one step the server cannot answer during.
 */
function docStartOffsets(text: string): number[] {
  const starts: number[] = [0];
  for (let at = text.indexOf('---', 1); at !== -1; at = text.indexOf('---', at + 3)) {
    const before = text.charCodeAt(at - 1);
    if ((before === 10 || before === 13) && DOC_START.test(text.slice(at, at + 4))) starts.push(at);
  }
  return starts;
}

const LIST_KIND = /^kind:[ ]*(["']?)List\1[ ]*(?:#.*)?$/m;
const ITEMS_KEY = /^items:[ ]*(?:#.*)?$/m;
/**
 * Anchors, aliases and merge keys tie the items of a document together: such a List stays whole.
 * They stand where a node starts: at a line's indentation, after `key:`, `-` or `?` and a space,
 * or inside `[`, `{` and after `,` (a cron `"* * * * *"` is none of those).
 */
const TIES = /(?:^[ ]*|[:?-][ ]+|[[{,][ ]*)[&*][^\s]|<<[ ]*:/m;

/**
 * A `kind: List` document as `kubectl get -o yaml` prints it (`items:` at column 0, each item a
 * `- ` line at column 0) is split into its head, one piece per item and its tail, so that an
 * edit re-checks one item, not the whole dump. Each item piece parses as a one-item sequence,
 * which `parseChunk` unwraps to the item itself.
 */
function splitListItems(chunk: { start: number; text: string }): { start: number; text: string }[] {
  // Cuts are found in the text with lone CRs as LF (same offsets), and made in the chunk's own text.
  const text = loneCrAsLf(chunk.text);
  if (!text.includes('\nitems:') || !LIST_KIND.test(text) || TIES.test(text)) return [chunk];
  const items = ITEMS_KEY.exec(text);
  if (!items) return [chunk];
  const cuts: number[] = [];
  let lineStart = text.indexOf('\n', items.index) + 1;
  while (lineStart > 0 && lineStart < text.length) {
    const c = text[lineStart];
    if (isListItemText(text.slice(lineStart, lineStart + 2))) cuts.push(lineStart);
    else if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '#') {
      // Back at column 0 with a key (`kind: List`): the tail, unless no item came first.
      if (cuts.length > 0) cuts.push(lineStart);
      break;
    }
    lineStart = text.indexOf('\n', lineStart) + 1;
  }
  if (cuts.length === 0) return [chunk];
  const starts = [0, ...cuts];
  return starts.map((from, i) => ({ start: chunk.start + from, text: chunk.text.slice(from, starts[i + 1] ?? text.length) }));
}

/** An item piece of a split List (see `splitListItems`): a one-item sequence at column 0. */
export const isListItemText = (text: string): boolean => text.charCodeAt(0) === 45 /* - */ && (text[1] === ' ' || text[1] === '\n' || text[1] === '\r');

/** The item of a one-item sequence document, as the document's contents. */
function unwrapListItem(docs: Document.Parsed[]): Document.Parsed[] {
  const [doc] = docs;
  const contents = doc?.contents;
  if (docs.length === 1 && doc && isSeq(contents) && contents.items.length === 1 && isMap(contents.items[0])) {
    doc.contents = contents.items[0] as never;
  }
  return docs;
}

/** Parses one chunk; never throws. `text` of the result has its lone CRs read as LF (see `loneCrAsLf`). */
export function parseChunk(source: string): ParsedChunk {
  const text = loneCrAsLf(source);
  const quick = quickParseOrNothing(text, YAML_OPTIONS);
  const docs = quick ? [quick] : parseLeniently(text);
  const unwrap = (d: Document.Parsed[]): Document.Parsed[] => (isListItemText(text) ? unwrapListItem(d) : d);
  if (text.includes('{{') && !parsesAround(text, docs)) {
    const masked = maskTemplateActions(text);
    // Still broken once masked (a duplicate key that `if`/`else` branches made is fine): not analysed.
    const maskedDocs = parseMasked(masked.text, masked.spans, true);
    if (!maskedDocs) return { text, docs: unwrap(docs), templated: true };
    return { text, docs: unwrap(maskedDocs), templated: false, masked: masked.spans, conditional: masked.conditional, ...(masked.wrapped ? { wrapped: true } : {}), ...(masked.inline ? { inline: true } : {}) };
  }
  if (text.includes('#@') && MAY_BE_YTT.test(text)) {
    const ytt = parseYtt(text);
    if (ytt) return { ...ytt, docs: unwrap([...ytt.docs]) };
  }
  const broken = docs.some((d) => d.errors.some((e) => e.code !== 'DUPLICATE_KEY'));
  const braceTokens = text.includes('}') && MAY_HOLD_BRACE_TOKENS.test(text) && (broken || readsBraceTokenAsMap(docs));
  // `name: #{Name}#` parses, as a comment: a token there is masked whether or not the text breaks.
  if (braceTokens || (text.includes('#{') && MAY_HOLD_HASH_TOKENS.test(text)) || (broken && (text.includes('${') || MAY_HOLD_DIRECTIVES.test(text) || MAY_HOLD_TOKENS.test(text)))) {
    const masked = maskPlaceholders(text);
    // Broken for another reason too: the syntax errors are the user's to see.
    const maskedDocs = masked.spans.length > 0 ? parseMasked(masked.text, masked.spans, false) : undefined;
    if (maskedDocs) {
      // The note goes on the placeholder the first syntax error came from.
      const error = docs.flatMap((d) => d.errors).find((e) => e.code !== 'DUPLICATE_KEY')?.pos[0] ?? 0;
      const breaking = masked.spans.reduce((best, s) => (Math.abs(s.start - error) < Math.abs(best.start - error) ? s : best));
      const terraform = masked.directives ? { directives: masked.directives, engine: masked.engine, ...(masked.conditional.length > 0 ? { conditional: masked.conditional } : {}) } : {};
      return { text, docs: unwrap(maskedDocs), templated: false, masked: masked.spans, placeholders: breaking, ...terraform, ...(masked.inline ? { inline: true } : {}) };
    }
  }
  if (MAY_HOLD_MARKERS.test(text)) {
    for (const doc of docs) {
      markUnknownValues(doc);
      markUnknownKeys(doc);
    }
  }
  return { text, docs: unwrap(docs), templated: false };
}

/**
 * Whether the chunk parsed with every `{{` inside a scalar or a comment (Argo's
 * `{{inputs.parameters.x}}`, a note about Helm): then it is YAML as it stands. A `{{` elsewhere
 * was read as a flow mapping (`replicas: {{ .Values.n }}`): that is a template to mask.
 */
function parsesAround(text: string, docs: readonly Document.Parsed[]): boolean {
  if (docs.length === 0 || docs.some((d) => d.errors.length > 0)) return false;
  const scalars: [number, number][] = [];
  const collect = (node: unknown, depth: number): void => {
    if (depth > 256 || typeof node !== 'object' || node === null) return;
    if (isScalar(node)) {
      if (node.range) scalars.push([node.range[0], node.range[1]]);
    } else if (isMap(node)) {
      for (const pair of node.items) {
        collect(pair.key, depth + 1);
        collect(pair.value, depth + 1);
      }
    } else if (isSeq(node)) for (const item of node.items) collect(item, depth + 1);
  };
  for (const doc of docs) collect(doc.contents, 0);
  let opens = false;
  let ends = false;
  for (let at = text.indexOf('{{'); at >= 0; at = text.indexOf('{{', at + 2)) {
    if (scalars.some(([s, e]) => at >= s && at < e)) continue;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    if (/(?:^|\s)#/.test(text.slice(lineStart, at))) {
      // Helm runs actions in comments too: `# {{- if .Values.debug }}` … `# {{- end }}` around
      // entries renders one branch only, so the document is a template after all.
      const action = text.slice(at, at + 12);
      opens ||= /^\{\{-?\s*(?:if|range|with)\b/.test(action);
      ends ||= /^\{\{-?\s*end\b/.test(action);
      continue;
    }
    return false;
  }
  return !(opens && ends);
}


const errorCount = (docs: readonly Document.Parsed[]): number => docs.reduce((n, d) => n + d.errors.length, 0);

/**
 * The `yaml` parse, as lenient as go-yaml where `yaml` is stricter: multi-line quoted scalars
 * with under-indented continuation lines (see go-yaml-leniency.ts). The quick parser leaves every
 * multi-line quoted scalar to this path, so both read a file the same way.
 */
export function parseLeniently(text: string): Document.Parsed[] {
  const docs = parseWithYaml(text);
  if (docs.every((d) => d.errors.length === 0) || !/['"]/.test(text)) return docs;
  const spans = multiLineQuoted(text);
  if (spans.length === 0) return docs;
  const joined = parseWithYaml(joinLines(text, spans));
  if (errorCount(joined) >= errorCount(docs)) return docs;
  for (const doc of joined) refold(doc, text, spans);
  return joined;
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

/**
 * A ytt template (ytt-mask.ts), checked with the values its annotations set unknown and nothing
 * reported inside its blocks; an overlay document is not checked (`templated`). Undefined when
 * the chunk holds no annotation ytt acts on, or does not parse once masked.
 */
function parseYtt(text: string): ParsedChunk | undefined {
  const ytt = maskYtt(text);
  if (!ytt.first) return undefined;
  const common = { directives: ytt.annotations, engine: 'ytt' as const, placeholders: ytt.first };
  if (ytt.overlay) return { text, docs: [], templated: true, ...common };
  // `#@yaml/map-key-override` makes a duplicate key ytt's way to replace a value.
  if (ytt.spans.length === 0 && ytt.conditional.length === 0 && !text.includes('#@yaml/map-key-override')) return undefined;
  const masked = parseMasked(ytt.text, ytt.spans, true);
  if (!masked) return undefined;
  return { text, docs: masked, templated: false, masked: ytt.spans, ...(ytt.conditional.length ? { conditional: ytt.conditional } : {}), ...common };
}

/**
 * A chunk's text with its template parts masked, parsed (mostly the quick parser's kind again: a
 * chart's templates), with what the masked spans write marked unknown; undefined when it still
 * does not parse (`duplicates`: a duplicate key, which template branches make, does not count).
 */
function parseMasked(maskedText: string, spans: readonly Span[], duplicates: boolean): Document.Parsed[] | undefined {
  const quick = quickParseOrNothing(maskedText, YAML_OPTIONS);
  const docs = quick ? [quick] : parseLeniently(maskedText);
  if (docs.length === 0 || docs.some((d) => d.errors.some((e) => !duplicates || e.code !== 'DUPLICATE_KEY'))) return undefined;
  for (const doc of docs) {
    markUnknownValues(doc, spans);
    markOpenCollections(doc, maskedText, spans);
  }
  return docs;
}
