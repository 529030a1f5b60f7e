/**
 * The files a rendered resource came from, parsed once per mapping: resource files, patch files,
 * and patches written inline in a kustomization (their offsets are mapped back into the
 * kustomization's text, through the block scalar's indentation).
 */
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, parseDocument, type Document, type Node, type Scalar } from 'yaml';
import { splitChunks, YAML_OPTIONS } from '../core/parse';
import { quickParseOrNothing } from '../core/quick-parse';
import type { ReadText } from './kustomization';

/** A parsed YAML text, and how its offsets map into the file that holds it. */
export interface SourceText {
  readonly file: string;
  /** The file's whole text (where ranges are computed). */
  readonly fileText: string;
  readonly docs: readonly Document.Parsed[];
  /** Offset in the parsed text → offset in `fileText`. */
  readonly toFile: (offset: number) => number;
}

/** A span in a source file. */
export interface Place {
  readonly file: string;
  readonly fileText: string;
  readonly start: number;
  readonly end: number;
}

export function placeOf(source: SourceText, node: Node): Place {
  const r = node.range ?? [0, 0, 0];
  return { file: source.file, fileText: source.fileText, start: source.toFile(r[0]), end: source.toFile(r[1]) };
}

/** Parses files on demand and keeps them for the rest of the mapping. */
export class Sources {
  private readonly files = new Map<string, SourceText | undefined>();
  private readonly inline = new Map<string, SourceText | undefined>();

  constructor(private readonly read: ReadText) {}

  file(path: string): SourceText | undefined {
    if (this.files.has(path)) return this.files.get(path);
    let source: SourceText | undefined;
    try {
      const text = this.read(path);
      source = { file: path, fileText: text, docs: documentsOf(text), toFile: (n) => n };
    } catch {
      source = undefined;
    }
    this.files.set(path, source);
    return source;
  }

  /** An inline patch: the `patch:` scalar of a kustomization whose value is `value`. */
  inlinePatch(kustomization: string, value: string): SourceText | undefined {
    const key = `${kustomization}\n${value}`;
    if (this.inline.has(key)) return this.inline.get(key);
    const host = this.file(kustomization);
    const scalar = host ? findScalar(host.docs[0]?.contents, value) : undefined;
    let source: SourceText | undefined;
    if (host && scalar) {
      const toFile = scalarOffsets(host.fileText, scalar, value);
      source = { file: host.file, fileText: host.fileText, docs: [parseDocument(value, YAML_OPTIONS) as Document.Parsed], toFile };
    }
    this.inline.set(key, source);
    return source;
  }
}

/**
 * A file's documents, with ranges in the file, as `parseAllDocuments` gives them. Each `---`
 * chunk by the quick parser, its ranges moved by where the chunk starts; when it steps aside for
 * any chunk, `yaml` parses the whole file. A repository's check maps the findings of every
 * overlay's render: `yaml`'s fixed cost on hundreds of small files was a second of its run.
 */
export function documentsOf(text: string): Document.Parsed[] {
  const docs: Document.Parsed[] = [];
  for (const chunk of splitChunks(text)) {
    const doc = quickParseOrNothing(chunk.text, YAML_OPTIONS);
    if (!doc) return parseAllDocuments(text, YAML_OPTIONS) as Document.Parsed[];
    if (chunk.start > 0) moveRanges(doc, chunk.start);
    docs.push(doc);
  }
  return docs;
}

/** Moves the ranges of a document and of every node in it by `by` (new arrays: a range is never shared). */
function moveRanges(doc: Document.Parsed, by: number): void {
  const move = (node: { range?: [number, number, number] | null } | null | undefined): void => {
    const r = node?.range;
    if (node && r) node.range = [r[0] + by, r[1] + by, r[2] + by];
  };
  const walk = (node: unknown): void => {
    if (isScalar(node)) move(node);
    else if (isMap(node) || isSeq(node)) {
      move(node);
      for (const item of node.items) {
        if (isPair(item)) {
          walk(item.key);
          walk(item.value);
        } else walk(item);
      }
    }
  };
  move(doc);
  walk(doc.contents);
}

/** The scalar node whose value is `value`, anywhere in the tree. */
function findScalar(node: unknown, value: string, depth = 0): Scalar | undefined {
  if (depth > 12) return undefined;
  if (isScalar(node)) return node.value === value ? node : undefined;
  if (isMap(node)) {
    for (const p of node.items) if (isPair(p)) { const found = findScalar(p.value, value, depth + 1); if (found) return found; }
  } else if (isSeq(node)) {
    for (const i of node.items) { const found = findScalar(i, value, depth + 1); if (found) return found; }
  }
  return undefined;
}

/**
 * Offset in a scalar's value → offset in the file. A block scalar's lines are its value's lines
 * with the indentation added back; any other scalar maps to its start (inline patches are block
 * scalars in practice).
 */
function scalarOffsets(fileText: string, scalar: Scalar, value: string): (offset: number) => number {
  const [start] = scalar.range ?? [0];
  if (scalar.type !== 'BLOCK_LITERAL' && scalar.type !== 'BLOCK_FOLDED') return () => start;
  // The content starts on the line after the header (`|-`).
  const firstLine = fileText.indexOf('\n', start) + 1;
  const lineStarts: number[] = [];
  let at = firstLine;
  const valueLines = value.split('\n');
  let indent = -1;
  for (let i = 0; i < valueLines.length && at <= fileText.length; i++) {
    const end = fileText.indexOf('\n', at);
    const line = fileText.slice(at, end === -1 ? fileText.length : end);
    if (indent < 0 && line.trim() !== '') indent = line.length - line.trimStart().length;
    lineStarts.push(at + Math.max(0, indent));
    at = end === -1 ? fileText.length + 1 : end + 1;
  }
  const valueStarts: number[] = [0];
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) === 10) valueStarts.push(i + 1);
  return (offset) => {
    let line = 0;
    while (line + 1 < valueStarts.length && (valueStarts[line + 1] ?? Infinity) <= offset) line++;
    return Math.min(fileText.length, (lineStarts[line] ?? start) + offset - (valueStarts[line] ?? 0));
  };
}

/** A document's `kind`, `metadata.name` and `metadata.namespace`. */
export function identity(doc: Document): { kind?: string; name?: string; namespace?: string } {
  const kind = doc.get('kind');
  const name = doc.getIn(['metadata', 'name']);
  const namespace = doc.getIn(['metadata', 'namespace']);
  return { kind: typeof kind === 'string' ? kind : undefined, name: typeof name === 'string' ? name : undefined, namespace: typeof namespace === 'string' ? namespace : undefined };
}

/**
 * The document of a source file that holds a rendered resource: same kind, and the name the
 * rendered one was made from (a name prefix or suffix may have been added); of two with that
 * name (one per namespace), the one in the rendered resource's namespace.
 */
export function resourceDoc(source: SourceText, kind: string | undefined, renderedName: string | undefined, renderedNamespace?: string): Document.Parsed | undefined {
  const sameKind = source.docs.filter((d) => identity(d).kind === kind);
  const named = sameKind.filter((d) => {
    const name = identity(d).name;
    return name !== undefined && renderedName !== undefined && (name === renderedName || renderedName.includes(name));
  });
  const longest = Math.max(0, ...named.map((d) => identity(d).name?.length ?? 0));
  const best = named.filter((d) => (identity(d).name?.length ?? 0) === longest);
  const inNamespace = best.find((d) => renderedNamespace !== undefined && identity(d).namespace === renderedNamespace);
  return inNamespace ?? best[0] ?? (sameKind.length === 1 ? sameKind[0] : undefined);
}
