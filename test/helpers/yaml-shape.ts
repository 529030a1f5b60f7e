/** A comparable picture of a parsed document: node kinds, ranges, values and scalar styles. */
import { isMap, isScalar, isSeq, type Document } from 'yaml';
import { parseWithYaml, YAML_OPTIONS } from '../../server/src/core/parse';
import { quickParse } from '../../server/src/core/quick-parse';

function shape(node: unknown): unknown {
  if (isMap(node)) return { map: node.range, flow: !!node.flow, items: node.items.map((p) => [shape(p.key), shape(p.value)]) };
  if (isSeq(node)) return { seq: node.range, flow: !!node.flow, items: node.items.map(shape) };
  if (isScalar(node)) {
    const v = node.value;
    const value = v instanceof Date ? `Date ${v.toISOString()}` : typeof v === 'number' && Number.isNaN(v) ? 'NaN' : v;
    return { scalar: node.range, value, type: node.type, source: node.source, format: node.format, tag: node.tag };
  }
  return { other: String(node) };
}

export function documentShape(doc: Document.Parsed): string {
  return JSON.stringify({ range: doc.range, docStart: doc.directives?.docStart ?? false, contents: shape(doc.contents) });
}

/**
 * What `yaml` makes of a chunk, in the same picture; documents with errors or warnings (which
 * the quick parser must leave to `yaml`) are pictured by their messages.
 */
export function yamlShape(text: string): string {
  const docs = parseWithYaml(text);
  const [only] = docs;
  if (docs.length === 1 && only && only.errors.length === 0 && only.warnings.length === 0) return documentShape(only);
  return JSON.stringify({ documents: docs.length, problems: docs.flatMap((d) => [...d.errors, ...d.warnings].map((e) => e.message)) });
}

/** The quick parse's picture, or undefined when it left the text to `yaml`. */
export function quickShape(text: string): string | undefined {
  const doc = quickParse(text, YAML_OPTIONS);
  return doc ? documentShape(doc) : undefined;
}
