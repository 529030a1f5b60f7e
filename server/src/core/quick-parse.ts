/**
 * A quick parser for the block-style YAML that manifests are written in: block mappings and
 * sequences, plain, quoted and block scalars, one-line flow collections and comments. It builds
 * the very nodes, values and ranges that `yaml` would (a differential test holds it to that), in
 * a fraction of the time, because most of `yaml`'s cost is its general lexer and parser.
 *
 * Whatever lies outside that subset (anchors, tags, bad escapes, multi-line plain scalars, errors,
 * duplicate keys, tabs, lone carriage returns, comments whose placement changes ranges...) makes
 * it give up, and the chunk is parsed by `yaml` as before. So it can be wrong only by being slow.
 */
import { Document, type DocumentOptions, type Node, type Pair, type ParseOptions, type SchemaOptions, type Scalar } from 'yaml';
import { blockScalar } from './quick-block-scalar';
import { endOf, setRange } from './quick-nodes';
import { BAIL, bail, endOfLine, flowCollection, kitFor, lineEndOf, nextLineOf, plainEnd, plainNode, quoted, scalarNode, startsPlain, type Kit, type ScalarContext } from './quick-scalars';

type Options = ParseOptions & DocumentOptions & SchemaOptions;

/** The next line holding content: where its content starts, and its indentation (-1 at the end). */
interface Content {
  readonly at: number;
  readonly indent: number;
  /**
   * The indentation of the comment lines just before it (-1: none, or already given to a
   * collection). `yaml` gives such comments to the collection at their indentation that ends
   * there, which stretches that collection's range up to this content.
   */
  readonly commentIndent: number;
}

interface Built {
  readonly node: Node;
  readonly next: Content;
}

/** A carriage return that is not part of a CRLF line break. */
const LONE_CR = /\r(?!\n)/;

/** Mappings with fewer pairs than this look for a repeated key along their pairs, not in a Set. */
const SCAN_KEYS = 16;

/** Manifests nest about 15 levels deep; this leaves room and keeps the recursion shallow. */
const MAX_DEPTH = 64;

/** The chunk as a `yaml` document, or undefined when `yaml` itself must parse it. */
export function quickParse(text: string, options: Options): Document.Parsed | undefined {
  if (text.includes('\t') || LONE_CR.test(text) || text.charCodeAt(0) === 0xfeff) return undefined;
  const kit = kitFor(options);
  if (!kit) return undefined;
  try {
    return new QuickParser(text, options, kit).document();
  } catch (error) {
    if (error === BAIL) return undefined;
    throw error;
  }
}

/** `quickParse` for the analysis: a bug in the quick parser must cost speed, not the result (the tests call `quickParse`, which throws). */
export function quickParseOrNothing(text: string, options: Options): Document.Parsed | undefined {
  try {
    return quickParse(text, options);
  } catch {
    return undefined;
  }
}

class QuickParser {
  private readonly ctx: ScalarContext;
  private readonly length: number;
  private depth = 0;
  /**
   * The items of the collections being built, each collection's after its parent's: a finished
   * collection takes its items as an array of their own size (an array grown by `push` keeps room
   * for 17 or more, and an open document keeps its nodes), and no array per collection is grown
   * and dropped. A nested collection finishes before its parent adds the next item.
   */
  private readonly stack: unknown[] = [];

  constructor(
    private readonly text: string,
    private readonly options: Options,
    kit: Kit,
  ) {
    this.ctx = { ...kit, text };
    this.length = text.length;
  }

  document(): Document.Parsed {
    const { text } = this;
    const docStart = text.startsWith('---');
    const first = this.nextContent(docStart ? endOfLine(text, 3) : 0, true);
    if (first.indent !== 0) bail();
    const root = this.block(first);
    if (root.next.at < this.length || root.next.commentIndent > 0) bail(); // content or indented comments after the root
    const doc = new Document(undefined, this.options) as Document.Parsed;
    doc.schema = this.ctx.make.schema; // the schema the nodes were made with
    doc.contents = root.node as never;
    doc.range = [docStart ? 0 : first.at, endOf(root.node), this.length];
    if (docStart) doc.directives.docStart = true;
    return doc;
  }

  /**
   * Skips blank and comment lines from the line starting at `p`. The comments must share one
   * indentation (see `Content.commentIndent`); before the root any comment is fine.
   */
  private nextContent(p: number, prefix = false): Content {
    const { text, length } = this;
    let commentIndent = -1;
    while (p < length) {
      let i = p;
      while (text.charCodeAt(i) === 32) i++;
      const lineEnd = lineEndOf(text, i);
      if (i === lineEnd) {
        p = nextLineOf(text, i);
        continue;
      }
      if (text.charCodeAt(i) === 35 /* # */) {
        if (!prefix && commentIndent !== -1 && commentIndent !== i - p) bail();
        commentIndent = i - p;
        p = nextLineOf(text, i);
        continue;
      }
      const indent = i - p;
      if (indent === 0 && (text.startsWith('---', i) || text.startsWith('...', i) || text[i] === '%')) bail();
      return { at: i, indent, commentIndent: prefix ? -1 : commentIndent };
    }
    return { at: length, indent: -1, commentIndent: prefix ? -1 : commentIndent };
  }

  /**
   * A collection at `indent` ends before `next`: it takes the comments at its own indentation
   * (its range then reaches `next`), leaves shallower ones to its parents, and gives up
   * on deeper ones (`yaml` gives those to a scalar). Returns the end of its range and what follows.
   */
  private close(indent: number, end: number, next: Content): [number, Content] {
    const { commentIndent } = next;
    if (commentIndent === -1 || commentIndent < indent) return [end, next];
    if (commentIndent > indent) bail();
    // Column-0 comments are never a collection's: they go to the next entry or the document.
    if (indent === 0) return [end, next];
    return [next.at, { ...next, commentIndent: -1 }];
  }

  /** A collection at `indent` goes on at `next`: comments before it must sit at `indent`. */
  private goOn(indent: number, next: Content): void {
    if (next.commentIndent !== -1 && next.commentIndent !== indent) bail();
  }

  private lineEnd(p: number): number {
    return lineEndOf(this.text, p);
  }

  private isSeqItem(p: number): boolean {
    const c = this.text.charCodeAt(p + 1);
    return this.text.charCodeAt(p) === 45 /* - */ && (c === 32 || c === 10 || c === 13 || Number.isNaN(c));
  }

  /** The block collection whose first entry is at `c`. */
  private block(c: Content): Built {
    // Deep nesting is left to `yaml`, whose parser does not recurse.
    if (++this.depth > MAX_DEPTH) bail();
    const built = this.isSeqItem(c.at) ? this.sequence(c) : this.mapping(c.at, c.indent);
    this.depth--;
    return built;
  }

  /** Where the `:` of a `key:` entry starting at `p` is, or -1 when the line is no mapping entry. */
  private keyColon(p: number): number {
    const { text } = this;
    const lineEnd = this.lineEnd(p);
    let end: number;
    if (text[p] === '"' || text[p] === "'") {
      const close = text.indexOf(text[p] as string, p + 1);
      if (close === -1 || close > lineEnd) return -1;
      end = close + 1;
    } else {
      if (!startsPlain(text, p, lineEnd)) return -1;
      end = plainEnd(text, p, lineEnd, false);
    }
    const c = text.charCodeAt(end + 1);
    return text[end] === ':' && (end + 1 === lineEnd || c === 32) ? end : -1;
  }

  private key(p: number): Scalar {
    const { text } = this;
    if (text[p] === '"' || text[p] === "'") return quoted(this.ctx, p, true).node;
    const end = plainEnd(text, p, this.lineEnd(p), false);
    return plainNode(this.ctx, text.slice(p, end), p, end, true);
  }

  private mapping(start: number, indent: number): Built {
    const { text } = this;
    const map = this.ctx.make.map();
    const { stack } = this;
    const base = stack.length;
    // A duplicate (or NaN) key is left to `yaml`. Most mappings have a few keys: they are compared
    // along the pairs, as a Set per mapping was a tenth of what a quick parse allocated.
    let keys: Set<unknown> | undefined;
    let p = start;
    let end = start;
    for (;;) {
      const colon = this.keyColon(p);
      if (colon === -1) bail();
      const key = this.key(p);
      const keyValue = key.value;
      if (typeof keyValue === 'number' && Number.isNaN(keyValue)) bail();
      if (stack.length - base < SCAN_KEYS) {
        for (let i = base; i < stack.length; i++) if (((stack[i] as Pair).key as Scalar).value === keyValue) bail();
      } else {
        keys ??= new Set(stack.slice(base).map((pair) => ((pair as Pair).key as Scalar).value));
        if (keys.has(keyValue)) bail();
        keys.add(keyValue);
      }
      let q = colon + 1;
      while (text.charCodeAt(q) === 32) q++;
      const value = q === this.lineEnd(q) || text[q] === '#' ? this.valueBelow(q, indent) : this.inline(q, indent);
      stack.push(this.ctx.make.pair(key, value.node));
      end = endOf(value.node);
      const next = value.next;
      if (next.indent < indent) {
        const [rangeEnd, after] = this.close(indent, end, next);
        setRange(map, start, end, rangeEnd);
        map.items = stack.slice(base) as Pair[];
        stack.length = base;
        return { node: map, next: after };
      }
      if (next.indent > indent || this.isSeqItem(next.at)) bail();
      this.goOn(indent, next);
      p = next.at;
    }
  }

  /** The value of `key:` with nothing after the colon on its line: a nested block, or null. */
  private valueBelow(q: number, indent: number): Built {
    if (this.text[q] === '#') bail(); // a comment there moves `yaml`'s ranges around
    const next = this.nextContent(nextLineOf(this.text, q));
    if (next.indent === indent && this.isSeqItem(next.at)) return this.block(next);
    if (next.indent > indent) {
      // A comment between the key and its value is the value's, and moves nothing.
      const value = { ...next, commentIndent: -1 };
      return this.isSeqItem(next.at) || this.keyColon(next.at) !== -1 ? this.block(value) : this.inline(next.at, indent);
    }
    // `yaml` puts the null of an empty value right after the colon and the spaces that follow it,
    // and stretches it over any comment lines that follow.
    if (next.commentIndent !== -1) bail();
    // An empty value that ends the text ends the document before its line break in `yaml`.
    if (next.indent === -1) bail();
    const empty = scalarNode(this.ctx, '', null, 'PLAIN', q, q, q);
    return { node: empty, next };
  }

  private sequence(c: Content): Built {
    const { text } = this;
    const seq = this.ctx.make.seq();
    const { stack } = this;
    const base = stack.length;
    let p = c.at;
    let end = p;
    for (;;) {
      let q = p + 1;
      while (text.charCodeAt(q) === 32) q++;
      let item: Built;
      if (q === this.lineEnd(q)) {
        const next = this.nextContent(nextLineOf(text, q));
        if (next.indent <= c.indent) bail(); // an empty item
        item = this.block({ ...next, commentIndent: -1 });
      } else if (text[q] === '#' || this.isSeqItem(q)) {
        return bail();
      } else if (this.keyColon(q) !== -1) {
        item = this.mapping(q, q - (p - c.indent));
      } else {
        item = this.inline(q, c.indent);
      }
      stack.push(item.node);
      end = endOf(item.node);
      const next = item.next;
      if (next.indent < c.indent || (next.indent === c.indent && !this.isSeqItem(next.at))) {
        const [rangeEnd, after] = this.close(c.indent, end, next);
        setRange(seq, c.at, end, rangeEnd);
        seq.items = stack.slice(base);
        stack.length = base;
        return { node: seq, next: after };
      }
      if (next.indent > c.indent) bail();
      this.goOn(c.indent, next);
      p = next.at;
    }
  }

  /** A value that starts on the line of its key or dash, at `q`. */
  private inline(q: number, indent: number): Built {
    const { text } = this;
    const c = text[q];
    let built: { node: Node; end: number };
    if (c === '"' || c === "'") built = quoted(this.ctx, q, false);
    else if (c === '[' || c === '{') built = flowCollection(this.ctx, q);
    else if (c === '|' || c === '>') built = blockScalar(this.ctx, q, indent);
    else {
      const lineEnd = this.lineEnd(q);
      if (!startsPlain(text, q, lineEnd)) bail();
      const valueEnd = plainEnd(text, q, lineEnd, false);
      let after = valueEnd;
      while (text.charCodeAt(after) === 32) after++;
      if (text[after] === ':') bail(); // `a: b: c`
      const end = endOfLine(text, valueEnd);
      built = { node: plainNode(this.ctx, text.slice(q, valueEnd), q, end, false), end };
    }
    return { node: built.node, next: this.nextContent(built.end) };
  }
}
