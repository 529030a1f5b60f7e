/**
 * Scalars for the quick parser (quick-parse.ts): plain, quoted, block (`|`, `>`) and one-line
 * flow collections, built as the same `yaml` nodes with the same ranges that `yaml` gives.
 * Anything outside that subset throws `BAIL`, and the caller parses the chunk with `yaml`.
 */
import { Document, isScalar, Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { escapedDoubleQuoted } from './quick-escapes';
import { NodeMaker, setEnd, setRange, valueEndOf } from './quick-nodes';

/** Thrown (never caught outside quick-parse.ts) when the text needs the full parser. */
export const BAIL: unique symbol = Symbol('bail');

/** `yaml`'s own scalar tags, so that `yes`, `0x1F` or `~` resolve exactly as it resolves them. */
interface ScalarTag {
  default?: boolean | 'key';
  test?: RegExp;
  format?: string;
  resolve(value: string, onError: (message: string) => void, options: unknown): unknown;
}

/** What every quick parse with the same options shares. */
export interface Kit {
  readonly make: NodeMaker;
  readonly tags: readonly ScalarTag[];
  /** Tags that apply only to keys (`<<`, merge): the quick parser leaves merges to `yaml`. */
  readonly keyTags: readonly ScalarTag[];
  readonly options: unknown;
  /**
   * Resolved plain scalars by source (keys and values repeat a lot); primitives only. The source
   * string is kept too, so that the nodes of `name:` in every document share one string.
   */
  readonly resolved: Map<string, { value: unknown; format?: string; source: string }>;
  /**
   * What a plain scalar must start with for any tag to resolve it, when the tags are `yaml`'s
   * YAML 1.1 or 1.2 core ones (they all anchor at the start): most names and values start with a
   * letter no tag takes, and testing a dozen expressions on each is a tenth of the parse.
   */
  readonly mayResolve?: RegExp;
  /** The key tags are only `yaml`'s merge key (`<<`). */
  readonly mergeOnly: boolean;
}

/** The tests of `yaml`'s default scalar tags (YAML 1.1 and 1.2 core schemas). */
const CORE_TESTS = new Set([
  '/^(?:~|[Nn]ull|NULL)?$/',
  '/^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/',
  '/^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/',
  '/^[-+]?0b[0-1_]+$/',
  '/^[-+]?0[0-7_]+$/',
  '/^[-+]?[0-9][0-9_]*$/',
  '/^[-+]?0x[0-9a-fA-F_]+$/',
  '/^(?:[-+]?\\.(?:inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN)$/',
  '/^[-+]?(?:[0-9][0-9_]*)?(?:\\.[0-9_]*)?[eE][-+]?[0-9]+$/',
  '/^[-+]?(?:[0-9][0-9_]*)?\\.[0-9_]*$/',
  '/^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/',
  '/^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*$/',
  '/^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$/',
  '/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/',
  '/^0o[0-7]+$/',
  '/^[-+]?[0-9]+$/',
  '/^0x[0-9a-fA-F]+$/',
  '/^[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)[eE][-+]?[0-9]+$/',
  '/^[-+]?(?:\\.[0-9]+|[0-9]+\\.[0-9]*)$/',
]);

/** Every first character the core tags accept (and the empty scalar, null; YAML 1.1 reads `e5` as a float). */
const CORE_FIRST = /^(?:$|[~NnYyTtOoFfEe0-9+\-.])/;

export interface ScalarContext extends Kit {
  readonly text: string;
}

const kits = new WeakMap<object, Kit>();

/** The kit for these parse options (one per options object), or undefined if quick nodes can't work. */
export function kitFor(options: object): Kit | undefined {
  let kit = kits.get(options);
  if (!kit) {
    const doc = new Document(undefined, options);
    const tags = (doc.schema as unknown as { tags: ScalarTag[] }).tags;
    const keyTags = tags.filter((t) => t.default === 'key');
    const core = tags.every((t) => t.default !== true || t.test === undefined || CORE_TESTS.has(String(t.test)));
    const mergeOnly = keyTags.every((t) => String(t.test) === '/^<<$/');
    kit = { make: new NodeMaker(doc.schema), tags, keyTags, options: doc.options, resolved: new Map(), mayResolve: core ? CORE_FIRST : undefined, mergeOnly };
    kits.set(options, kit);
  }
  return kit.make.works ? kit : undefined;
}

/** Gives up on the quick parse: the chunk goes to `yaml`. */
export const bail = (): never => {
  throw BAIL;
};

function resolvePlain(ctx: ScalarContext, source: string, atKey: boolean): { value: unknown; format?: string; source: string } {
  if (atKey && (ctx.mergeOnly ? source === '<<' && ctx.keyTags.length > 0 : ctx.keyTags.some((t) => t.test?.test(source)))) bail();
  const known = ctx.resolved.get(source);
  if (known) return known;
  const tag = ctx.mayResolve && !ctx.mayResolve.test(source) ? undefined : ctx.tags.find((t) => t.default === true && t.test?.test(source));
  let value: unknown = source;
  if (tag) {
    value = tag.resolve(source, bail, ctx.options);
    // Booleans and null come back wrapped in a Scalar, as `yaml` composes them.
    if (isScalar(value)) value = value.value;
    if (value !== null && typeof value === 'object') bail(); // dates, binary: rare, and not cacheable
  }
  const out = tag?.format ? { value, format: tag.format, source } : { value, source };
  if (ctx.resolved.size < 10_000) ctx.resolved.set(source, out);
  return out;
}

/** A scalar node with the range `[start, valueEnd, end]`. */
export function scalarNode(ctx: ScalarContext, source: string, value: unknown, type: Scalar.Type, start: number, valueEnd: number, end: number, format?: string): Scalar {
  const node = ctx.make.scalar(value, source, type, start, valueEnd, end);
  if (format) node.format = format;
  return node;
}

/** Plain scalars this long are mostly prose (descriptions): they seldom repeat. */
const PROSE = 40;
/**
 * The only core-tag values that start with a letter and are longer than `null` or `false`: a float
 * with no digits before its exponent (YAML 1.1 reads `e5` as one).
 */
const LETTER_FLOAT = /^[eE][-+]?[0-9]+$/;

/** A long value no core tag takes: its first character rules every tag out, or it starts with a letter and is no such float. */
function isProse(ctx: ScalarContext, source: string): boolean {
  if (source.length < PROSE || !ctx.mayResolve) return false;
  const c = source.charCodeAt(0) | 0x20;
  return !ctx.mayResolve.test(source) || (c >= 97 && c <= 122 && !LETTER_FLOAT.test(source));
}

export function plainNode(ctx: ScalarContext, source: string, start: number, end: number, atKey: boolean): Scalar {
  // Not looked up in (nor kept by) the cache: hashing a long string costs its length.
  if (!atKey && isProse(ctx, source)) return ctx.make.scalar(source, source, Scalar.PLAIN, start, start + source.length, end);
  const resolved = resolvePlain(ctx, source, atKey);
  return scalarNode(ctx, resolved.source, resolved.value, Scalar.PLAIN, start, start + source.length, end, resolved.format);
}

const isSpace = (c: number): boolean => c === 32;
/** Where the line holding `p` ends: before its `\r\n` or `\n`, or at the end of the text. */
export function lineEndOf(text: string, p: number): number {
  const nl = text.indexOf('\n', p);
  if (nl === -1) return text.length;
  return nl > p && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
}

/** Where the line after the one holding `p` starts (the text's length on the last line). */
export function nextLineOf(text: string, p: number): number {
  const nl = text.indexOf('\n', p);
  return nl === -1 ? text.length : nl + 1;
}

/** The offset after trailing spaces, an optional comment and the newline of the line at `p`. */
export function endOfLine(text: string, p: number): number {
  const end = lineEndOf(text, p);
  let i = p;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  if (i < end && (text.charCodeAt(i) !== 35 /* # */ || i === p)) bail();
  return nextLineOf(text, p);
}

/** A quoted scalar that closes on its line (double-quoted: with escapes, see quick-escapes.ts); returns the node and where it ends. */
export function quoted(ctx: ScalarContext, start: number, atKey: boolean): { node: Scalar; end: number } {
  const { text } = ctx;
  const q = text[start];
  let i = start + 1;
  let value = '';
  for (;;) {
    const close = text.indexOf(q as string, i);
    const nl = text.indexOf('\n', i);
    if (close === -1 || (nl !== -1 && nl < close)) bail();
    if (q === '"') {
      const raw = text.slice(i, close);
      if (!raw.includes('\\')) {
        value = raw;
        i = close + 1;
        break;
      }
      const escaped = escapedDoubleQuoted(text, i);
      if (!escaped) bail();
      ({ value, end: i } = escaped as { value: string; end: number });
      break;
    }
    value += text.slice(i, close);
    if (text[close + 1] === "'") {
      value += "'";
      i = close + 2;
      continue;
    }
    i = close + 1;
    break;
  }
  const type = q === '"' ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE;
  const node = scalarNode(ctx, value, value, type, start, i, i);
  if (atKey) return { node, end: i };
  const end = endOfLine(text, i);
  setEnd(node, end);
  return { node, end };
}

/** Where a plain scalar that starts at `start` ends on its line (before ` #` and trailing spaces). */
export function plainEnd(text: string, start: number, lineEnd: number, inFlow: boolean): number {
  let i = start;
  let last = start;
  while (i < lineEnd) {
    const c = text.charCodeAt(i);
    if (c === 35 /* # */ && isSpace(text.charCodeAt(i - 1))) break;
    if (c === 58 /* : */ && (i + 1 === lineEnd || isSpace(text.charCodeAt(i + 1)) || (inFlow && isFlowIndicator(text.charCodeAt(i + 1))))) break;
    if (inFlow && isFlowIndicator(c)) break;
    if (!isSpace(c)) last = i + 1;
    i++;
  }
  return last;
}

const isFlowIndicator = (c: number): boolean => c === 44 || c === 91 || c === 93 || c === 123 || c === 125;

/** Characters that cannot start a plain scalar, or that start something the quick parser leaves to `yaml`. */
export function startsPlain(text: string, p: number, lineEnd: number, inFlow = false): boolean {
  const c = text[p];
  if (c === undefined || p >= lineEnd) return false;
  if ('&*!|>\'"%@`#,[]{}'.includes(c)) return false;
  if (c === '-' || c === '?' || c === ':') {
    const n = text.charCodeAt(p + 1);
    // Inside a flow collection, a flow indicator after it makes it an indicator too (`[?]` is a map).
    return !(p + 1 >= lineEnd || isSpace(n) || (inFlow && isFlowIndicator(n)));
  }
  return true;
}

/** A one-line flow sequence or mapping of plain and quoted scalars (`[a, "b"]`, `{}`). */
export function flowCollection(ctx: ScalarContext, start: number): { node: YAMLMap | YAMLSeq; end: number } {
  const { text } = ctx;
  const lineEnd = lineEndOf(text, start);
  const isMap = text[start] === '{';
  const close = isMap ? '}' : ']';
  const node: YAMLMap | YAMLSeq = isMap ? ctx.make.map() : ctx.make.seq();
  node.flow = true;
  let i = start + 1;
  const skip = (): void => {
    while (i < lineEnd && isSpace(text.charCodeAt(i))) i++;
  };
  // An item's range ends after the spaces that follow it.
  const item = (atKey: boolean): Scalar => {
    skip();
    let s: Scalar;
    if (text[i] === '"' || text[i] === "'") {
      s = quoted(ctx, i, true).node;
    } else {
      if (!startsPlain(text, i, lineEnd, true)) bail();
      const end = plainEnd(text, i, lineEnd, true);
      s = plainNode(ctx, text.slice(i, end), i, end, atKey);
    }
    i = valueEndOf(s);
    skip();
    setEnd(s, i);
    return s;
  };
  skip();
  if (text[i] !== close) {
    for (;;) {
      const key = item(isMap);
      skip();
      if (isMap) {
        if (text[i] !== ':') bail();
        i++;
        const value = item(false);
        (node as YAMLMap).items.push(ctx.make.pair(key, value));
        skip();
      } else {
        if (text[i] === ':') bail();
        (node as YAMLSeq).items.push(key);
      }
      if (text[i] === ',') {
        i++;
        skip();
        if (text[i] === close) bail(); // trailing comma: leave the details to yaml
        continue;
      }
      if (text[i] === close) break;
      bail();
    }
  }
  i++;
  if (isMap && new Set((node as YAMLMap).items.map((p) => String((p.key as Scalar).value))).size !== node.items.length) bail();
  const end = endOfLine(text, i);
  setRange(node, start, i, end);
  return { node, end };
}
