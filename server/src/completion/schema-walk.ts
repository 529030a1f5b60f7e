/** Follows a key path through the shipped Kubernetes schema. */
import { getField, type FieldType, type SchemaField } from '../schema';
import { ITEM, type Segment } from './lines';

/** The type at the end of a path, and the field the last key named (for its docs and enum). */
export interface SchemaSpot {
  readonly type: FieldType;
  readonly field?: SchemaField;
}

/** Walks `path` from the root type; undefined when a key is unknown or the shapes do not fit. */
export function walkSchema(rootType: string, path: readonly Segment[]): SchemaSpot | undefined {
  let type: FieldType = { kind: 'ref', name: rootType };
  let field: SchemaField | undefined;
  for (const seg of path) {
    if (seg === ITEM) {
      if (type.kind !== 'array') return undefined;
      type = type.items;
    } else if (type.kind === 'ref') {
      field = getField(type.name, seg);
      if (!field) return undefined;
      type = field.type;
      continue;
    } else if (type.kind === 'map') {
      type = type.values;
    } else {
      return undefined;
    }
    field = field && seg === ITEM ? { ...field, type } : undefined;
  }
  return { type, field };
}

/** The first sentence of a description, for a one-line doc. */
export function firstSentence(text: string | undefined): string {
  if (!text) return '';
  const para = text.split(/\n\s*\n/)[0] ?? '';
  const m = /^(.+?[.!?])(\s|$)/s.exec(para);
  return (m?.[1] ?? para).replace(/\s+/g, ' ').trim();
}

/** Docs of each enum value, from the "Possible enum values" list the OpenAPI descriptions carry. */
export function enumDocs(description: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!description) return out;
  for (const m of description.matchAll(/^ - `"([^"]+)"` (.+)$/gm)) {
    if (m[1] && m[2]) out.set(m[1], m[2].trim());
  }
  return out;
}
