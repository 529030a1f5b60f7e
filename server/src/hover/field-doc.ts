/**
 * Field documentation from the shipped schema: walks the key path from the object's root type
 * (merge keys keep the type, `List` items switch to their own kind) to the hovered field; inside
 * a custom resource, from the embedded pod part (see `PodModel.schemaParts`).
 */
import type { Located } from '../core/locate';
import { asMap, getString } from '../core/yaml-access';
import { API_REFERENCE_VERSION, apiReferenceUrl, describeType, getField, rootTypeFor, shortTypeName, type FieldType, type SchemaField } from '../schema';
import { code, type HoverContext } from './context';

/** The schema field a key path ends at. */
export interface FieldAt {
  /** Type that declares the field, e.g. `core.v1.Container`. */
  readonly owner: string;
  readonly field: SchemaField;
}

function rootType(node: unknown, loc: Located): string | undefined {
  const map = asMap(node, loc.doc);
  return map ? rootTypeFor(getString(map, 'apiVersion', loc.doc), getString(map, 'kind', loc.doc)) : undefined;
}

/**
 * Where the walk starts: the object's root type, or in a custom resource (whose own schema is
 * unknown) the innermost embedded pod part around the node — a PodSpec, a Container, a Volume.
 */
function walkStart(loc: Located): { root: string; from: number } | undefined {
  const root = rootType(loc.doc.contents, loc);
  if (root) return { root, from: 0 };
  const parts = loc.pod?.schemaParts ?? [];
  for (let k = Math.min(loc.path.length, loc.ancestors.length - 1); k >= 0; k--) {
    const part = parts.find((p) => p.node === loc.ancestors[k]);
    if (part) return { root: part.typeName, from: k };
  }
  return undefined;
}

/** The field at the end of `loc.path`, or undefined when the path leaves the schema. */
export function fieldAt(loc: Located): FieldAt | undefined {
  const start = walkStart(loc);
  if (!start) return undefined;
  let current: FieldType | undefined = { kind: 'ref', name: start.root };
  let found: FieldAt | undefined;
  let afterMerge = false;
  for (let j = start.from; j < loc.path.length; j++) {
    const step = loc.path[j];
    if (step === undefined) break;
    if (step === '<<') {
      afterMerge = true; // the merged mapping has the type of the mapping it is merged into
      continue;
    }
    if (typeof step === 'number') {
      if (afterMerge) continue;
      if (current?.kind !== 'array') return found;
      current = current.items;
      if (current.kind === 'primitive' && current.name === 'object') {
        // `kind: List` items are objects of their own kind.
        const item = rootType(loc.ancestors[j + 1], loc);
        current = item ? { kind: 'ref', name: item } : undefined;
        found = undefined;
      }
      continue;
    }
    afterMerge = false;
    if (current?.kind === 'map') {
      current = current.values;
      continue;
    }
    if (current?.kind !== 'ref') return undefined;
    const field = getField(current.name, step);
    if (!field) return undefined;
    found = { owner: current.name, field };
    current = field.type;
  }
  return found;
}


/** One line: the field, its type and the API reference link. */
export function fieldLine(ctx: HoverContext, at: FieldAt): string {
  const url = apiReferenceUrl(at.owner);
  const args = { field: at.field.name, type: describeType(at.field.type), url: url ?? '' };
  return ctx.t(url ? 'hover.field' : 'hover.field.no-link', args);
}

/** Descriptions longer than this are shortened for the hover box; the API reference link has the rest. */
const DESCRIPTION_BUDGET = 900;

/**
 * A description that fits the hover box: whole when short; else without its "Possible enum values"
 * notes (the values are listed after it), cut at the last sentence that fits, with an ellipsis.
 */
export function briefDescription(text: string): string {
  if (text.length <= DESCRIPTION_BUDGET) return text;
  const main = text.split(/\n\s*Possible enum values:/)[0]?.trim() ?? text;
  if (main.length <= DESCRIPTION_BUDGET) return main;
  const cut = main.slice(0, DESCRIPTION_BUDGET);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('.\n'));
  return `${(end > DESCRIPTION_BUDGET / 2 ? cut.slice(0, end + 1) : cut).trimEnd()} …`;
}

/** The full field documentation: name, type, description, allowed values, link. */
export function fieldDoc(ctx: HoverContext, at: FieldAt): string {
  const { field } = at;
  const head = `**${code(field.name)}** · ${code(describeType(field.type))}${field.required ? ` · ${ctx.t('hover.field.required')}` : ''}`;
  const parts = [head];
  const description = field.description ? briefDescription(field.description.trim()) : undefined;
  if (description) parts.push(description);
  if (field.enum?.length && !description?.includes('enum values')) parts.push(ctx.t('hover.field.enum', { values: field.enum.map((v) => code(v)).join(', ') }));
  const url = apiReferenceUrl(at.owner);
  if (url) parts.push(`[${ctx.t('hover.field.reference', { type: `${shortTypeName(at.owner)} ${API_REFERENCE_VERSION}` })}](${url})`);
  return parts.join('\n\n');
}
