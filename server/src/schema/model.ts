/** Types of the compact Kubernetes schema (k8s-schema.json) and of its parsed, typed view. */

/** A field as stored in k8s-schema.json. */
export interface RawField {
  /** Type expression: a primitive, `[]X` (array of X), `map[]X` (string-keyed map of X) or a type name. */
  t: string;
  /** Description (kept whole, for hovers). */
  d?: string;
  /** Enum values (case-sensitive). A value ending in `<...>` is a prefix pattern, e.g. `HugePages-<size>`. */
  e?: string[];
  /** 1 when the OpenAPI marks the field as required. */
  r?: 1;
}

export interface RawType {
  d?: string;
  f: Record<string, RawField>;
}

export interface RawSchema {
  version: string;
  source: string;
  /** `apiVersion/kind` (core group: `v1/Pod`) → type name. */
  roots: Record<string, string>;
  types: Record<string, RawType>;
}

/** Leaf types of the schema. */
export type PrimitiveName =
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  /** IntOrString: an integer or a string. */
  | 'int-or-string'
  /** resource.Quantity: a string or a number (`500m`, `1Gi`, `2`, `0.5`). */
  | 'quantity'
  /** Free-form object (RawExtension, FieldsV1, List items): never validated inside. */
  | 'object';

export type FieldType =
  | { readonly kind: 'primitive'; readonly name: PrimitiveName }
  | { readonly kind: 'array'; readonly items: FieldType }
  | { readonly kind: 'map'; readonly values: FieldType }
  | { readonly kind: 'ref'; readonly name: string };

export interface SchemaField {
  /** JSON name (case-sensitive). */
  readonly name: string;
  readonly type: FieldType;
  /** The raw type expression, e.g. `[]core.v1.Container`. */
  readonly typeText: string;
  readonly description?: string;
  /** Allowed values (for arrays/maps: of each item/value). */
  readonly enum?: readonly string[];
  readonly required: boolean;
}

export interface SchemaType {
  /** e.g. `core.v1.Container`, `apps.v1.DeploymentSpec`, `meta.v1.ObjectMeta`. */
  readonly name: string;
  readonly description?: string;
  readonly fields: ReadonlyMap<string, SchemaField>;
}

const PRIMITIVES: ReadonlySet<string> = new Set<PrimitiveName>([
  'string',
  'integer',
  'number',
  'boolean',
  'int-or-string',
  'quantity',
  'object',
]);

const typeExprCache = new Map<string, FieldType>();

/** Parses a type expression of k8s-schema.json (`[]X`, `map[]X`, primitive or type name). */
export function parseTypeExpr(text: string): FieldType {
  const cached = typeExprCache.get(text);
  if (cached) return cached;
  let result: FieldType;
  if (text.startsWith('[]')) result = { kind: 'array', items: parseTypeExpr(text.slice(2)) };
  else if (text.startsWith('map[]')) result = { kind: 'map', values: parseTypeExpr(text.slice(5)) };
  else if (PRIMITIVES.has(text)) result = { kind: 'primitive', name: text as PrimitiveName };
  else result = { kind: 'ref', name: text };
  typeExprCache.set(text, result);
  return result;
}

/**
 * The element type of an array or map expression: `typeTail('[]X', 2)` and `typeTail('map[]X', 5)`
 * are `X`. Made once per expression: validation asks per visited node, and a slice each time
 * was garbage.
 */
const tails = new Map<string, string>();
export function typeTail(typeText: string, from: number): string {
  let tail = tails.get(typeText);
  if (tail === undefined) tails.set(typeText, (tail = typeText.slice(from)));
  return tail;
}

/** Short display name of a type: `core.v1.Container` → `Container`. */
export function shortTypeName(typeName: string): string {
  const i = typeName.lastIndexOf('.');
  return i < 0 ? typeName : typeName.slice(i + 1);
}

/** Human-readable type, e.g. `[]Container`, `map[string]quantity`, `int-or-string`. */
export function describeType(type: FieldType): string {
  switch (type.kind) {
    case 'primitive':
      return type.name;
    case 'array':
      return `[]${describeType(type.items)}`;
    case 'map':
      return `map[string]${describeType(type.values)}`;
    case 'ref':
      return shortTypeName(type.name);
  }
}

/** Whether `value` is one of `values` (case-sensitive; `Prefix-<x>` entries accept `Prefix-` + anything non-empty). */
export function enumAccepts(values: readonly string[], value: string): boolean {
  for (const allowed of values) {
    if (allowed === value) return true;
    if (allowed.endsWith('>')) {
      const open = allowed.lastIndexOf('<');
      if (open > 0) {
        const prefix = allowed.slice(0, open);
        if (value.length > prefix.length && value.startsWith(prefix)) return true;
      }
    }
  }
  return false;
}
