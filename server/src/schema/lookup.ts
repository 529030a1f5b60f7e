/** Typed look-ups in the generated schema (k8s-schema.json). */
import rawSchema from './k8s-schema.json';
import type { RawSchema, SchemaField, SchemaType } from './model';
import { parseTypeExpr } from './model';

const raw = rawSchema as unknown as RawSchema;

/** Kubernetes version of the schema, e.g. `1.36.0`. */
export const SCHEMA_VERSION: string = raw.version;
/** Where the schema comes from (package versions). */
export const SCHEMA_SOURCE: string = raw.source;
/** `v1.36`: the version segment of the generated API reference URLs. */
export const API_REFERENCE_VERSION: string = `v${SCHEMA_VERSION.split('.').slice(0, 2).join('.')}`;

/** Synthetic type of `kind: List` (items are validated by their own kind). */
export const LIST_TYPE = 'core.v1.List';

const typeCache = new Map<string, SchemaType | null>();

/** The type name of a top-level object (`apiVersion: apps/v1`, `kind: Deployment` → `apps.v1.Deployment`). */
export function rootTypeFor(apiVersion: unknown, kind: unknown): string | undefined {
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined;
  const key = `${apiVersion.trim()}/${kind.trim()}`;
  return Object.prototype.hasOwnProperty.call(raw.roots, key) ? raw.roots[key] : undefined;
}

/** Every root kind the schema knows. */
export function rootKinds(): Array<{ apiVersion: string; kind: string; typeName: string }> {
  return Object.entries(raw.roots).map(([key, typeName]) => {
    const slash = key.lastIndexOf('/');
    return { apiVersion: key.slice(0, slash), kind: key.slice(slash + 1), typeName };
  });
}

/** A type by name (`core.v1.Container`), or undefined. */
export function getType(name: string): SchemaType | undefined {
  const cached = typeCache.get(name);
  if (cached !== undefined) return cached ?? undefined;
  const rt = Object.prototype.hasOwnProperty.call(raw.types, name) ? raw.types[name] : undefined;
  if (!rt) {
    typeCache.set(name, null);
    return undefined;
  }
  const fields = new Map<string, SchemaField>();
  for (const [key, f] of Object.entries(rt.f)) {
    fields.set(key, {
      name: key,
      type: parseTypeExpr(f.t),
      typeText: f.t,
      ...(f.d !== undefined ? { description: f.d } : {}),
      ...(f.e !== undefined ? { enum: f.e } : {}),
      required: f.r === 1,
    });
  }
  const type: SchemaType = { name, ...(rt.d !== undefined ? { description: rt.d } : {}), fields };
  typeCache.set(name, type);
  return type;
}

/** A field of a type (case-sensitive), or undefined. */
export function getField(typeName: string, key: string): SchemaField | undefined {
  return getType(typeName)?.fields.get(key);
}

/** The JSON names of a type's fields (alphabetical, as generated). */
export function fieldNames(typeName: string): string[] {
  const type = getType(typeName);
  return type ? [...type.fields.keys()] : [];
}

/** All type names in the schema. */
export function typeNames(): string[] {
  return Object.keys(raw.types);
}

/**
 * The generated API reference URL of a type, e.g. `core.v1.Container` →
 * https://kubernetes.io/docs/reference/generated/kubernetes-api/v1.36/#container-v1-core.
 * Undefined for unknown or synthetic types (List).
 */
export function apiReferenceUrl(typeName: string, version: string = API_REFERENCE_VERSION): string | undefined {
  if (typeName === LIST_TYPE || !getType(typeName)) return undefined;
  const [group, apiVersion, kind] = typeName.split('.');
  if (!group || !apiVersion || !kind) return undefined;
  return `https://kubernetes.io/docs/reference/generated/kubernetes-api/${version}/#${kind.toLowerCase()}-${apiVersion}-${group}`;
}
