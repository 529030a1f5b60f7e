/**
 * Pure schema validation of a parsed Kubernetes object (rules `unknown-field` and `invalid-value`).
 *
 * Follows what the API server's strict decoder sees: case-sensitive keys, JSON types after the
 * YAML→JSON conversion (null is accepted anywhere), YAML 1.1 merge keys and aliases. Problems
 * inside an anchored node are reported once, at the anchor's text.
 */
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node, YAMLMap } from 'yaml';
import { isUnknownValue, writtenText } from '../core/unknown-values';
import { isOpenCollection } from '../core/open-collections';
import { quantityError } from '../k8s/quantity';
import { closest } from '../util/suggest';
import { LIST_TYPE, fieldNames, getType, rootTypeFor } from './lookup';
import { enter, leave, pathOf, type FieldPath } from './field-path';
import { DEFAULTED_WHEN_EMPTY } from './defaulted-fields';
import { enumAccepts, parseTypeExpr, typeTail } from './model';
import type { FieldType } from './model';
import { scalarTypeMismatch, type ScalarNode } from './scalar-types';
import { containsAlias, effectivePairs, forEachEffectivePair, nodeValue, resolveNode } from './yaml-nodes';
import { isPatchDirective, isSopsMetadata } from './not-fields';

export type SchemaProblem =
  | {
      kind: 'unknown-field';
      /** The key scalar. */
      keyNode: Node;
      /** Kubernetes field path, e.g. `spec.volumes[0].hostPath.Path`. */
      path: string;
      key: string;
      /** The type the key was looked up in, e.g. `core.v1.HostPathVolumeSource`. */
      typeName: string;
      suggestion?: string;
      allowed: string[];
      /** Set when found in a custom resource's embedded pod: its kind. */
      customKind?: string;
    }
  | {
      kind: 'invalid-value';
      valueNode: Node;
      path: string;
      value: unknown;
      expected: { enum: string[] } | { type: string };
      customKind?: string;
      /** An OpenShift Template's `${NAME}`, which `oc process` replaces by text, where a number or a boolean goes. */
      templateParameter?: string;
    };

const MAX_DEPTH = 256;

/** Validation state; as a FieldPath it is the path of the node being visited (see field-path). */
interface Ctx extends FieldPath {
  readonly doc: Document;
  readonly problems: SchemaProblem[];
  /**
   * node → type expressions it was already validated against (aliases, merge sources); none when
   * the object holds no alias (no node can be reached twice then, and a Set per node was a third
   * of what validation allocated).
   */
  readonly seen?: Map<unknown, Set<string>>;
  /** Keys a custom resource adds to the root type (a Tekton step's `script`): not reported. */
  readonly extraKeys?: ReadonlySet<string>;
  readonly root?: YAMLMap;
  /** The object is an OpenShift Template's: its `${NAME}` values are strings once processed. */
  readonly templateParameters?: boolean;
}

/** Where an embedded part sits (custom resources): its field path and the keys its owner adds. */
export interface ValidateOptions {
  readonly path?: string;
  readonly extraKeys?: readonly string[];
  /** An OpenShift Template's object (see `checkTemplateParameter`). */
  readonly templateParameters?: boolean;
}

/** Validates `root` (a top-level object) against `typeName`; `report` gets each problem once. */
export function validateSchema(
  root: YAMLMap,
  typeName: string,
  doc: Document,
  report: (p: SchemaProblem) => void,
  options: ValidateOptions = {},
): void {
  const node = resolveNode(root, doc);
  const ctx: Ctx = {
    doc,
    problems: [],
    seen: containsAlias(node) ? new Map() : undefined,
    extraKeys: new Set(options.extraKeys ?? []),
    root: isMap(node) ? node : undefined,
    base: options.path ?? '',
    ...(options.templateParameters ? { templateParameters: true } : {}),
    segments: [],
    bracketed: [],
  };
  try {
    if (isMap(node)) visitObject(node, typeName, ctx, 0);
  } catch {
    // Never throw on odd input: keep what was found so far.
  }
  for (const p of ctx.problems) report(p);
}

function firstVisit(node: unknown, key: string, ctx: Ctx): boolean {
  if (!ctx.seen) return true;
  let set = ctx.seen.get(node);
  if (!set) {
    set = new Set();
    ctx.seen.set(node, set);
  }
  if (set.has(key)) return false;
  set.add(key);
  return true;
}

function visitObject(map: YAMLMap, typeName: string, ctx: Ctx, depth: number): void {
  const type = getType(typeName);
  if (!type || depth > MAX_DEPTH) return;
  let allowed: string[] | undefined;
  forEachEffectivePair(map, ctx.doc, (keyNode, key, value) => {
    if (!firstVisit(keyNode, typeName, ctx) || isPatchDirective(key) || isUnknownValue(keyNode)) return;
    const field = type.fields.get(key);
    if (!field && map === ctx.root && (ctx.extraKeys?.has(key) || isSopsMetadata(key, value, ctx.doc))) return;
    enter(ctx, key, false);
    if (!field) {
      allowed ??= fieldNames(typeName);
      const suggestion = closest(key, allowed);
      ctx.problems.push({
        kind: 'unknown-field',
        keyNode,
        path: pathOf(ctx),
        key,
        typeName,
        ...(suggestion !== undefined ? { suggestion } : {}),
        allowed,
      });
    } else if (typeName === LIST_TYPE && key === 'items') visitListItems(value, ctx, depth + 1);
    else visitValue(value, field.typeText, field.enum, ctx, depth + 1);
    leave(ctx);
  });
}

/** `kind: List`: each item is validated against the root type of its own apiVersion/kind. */
function visitListItems(value: Node | null, ctx: Ctx, depth: number): void {
  const seq = resolveNode(value, ctx.doc);
  if (value === null || (isScalar(seq) && seq.value === null)) return;
  if (!isSeq(seq)) {
    if (seq) report(ctx, seq, { type: 'array' });
    return;
  }
  seq.items.forEach((item, i) => {
    const map = resolveNode(item, ctx.doc);
    if (!isMap(map)) return;
    let apiVersion: unknown;
    let kind: unknown;
    for (const p of effectivePairs(map, ctx.doc)) {
      const v = resolveNode(p.value, ctx.doc);
      if (p.key === 'apiVersion' && isScalar(v)) apiVersion = v.value;
      if (p.key === 'kind' && isScalar(v)) kind = v.value;
    }
    const typeName = rootTypeFor(apiVersion, kind);
    if (typeName && typeName !== LIST_TYPE && firstVisit(map, typeName, ctx)) {
      enter(ctx, i, true);
      visitObject(map, typeName, ctx, depth + 1);
      leave(ctx);
    }
  });
}

function report(ctx: Ctx, node: Node, expected: { enum: string[] } | { type: string }): void {
  ctx.problems.push({ kind: 'invalid-value', valueNode: node, path: pathOf(ctx), value: nodeValue(node, ctx.doc), expected });
}

/** The JSON kind a type expects, for messages. */
function jsonKind(type: FieldType): string {
  switch (type.kind) {
    case 'primitive':
      return type.name;
    case 'array':
      return 'array';
    case 'map':
    case 'ref':
      return 'object';
  }
}

function visitValue(
  value: Node | null,
  typeText: string,
  enumValues: readonly string[] | undefined,
  ctx: Ctx,
  depth: number,
): void {
  if (value === null || depth > MAX_DEPTH) return;
  const node = resolveNode(value, ctx.doc);
  if (!node) return;
  // An anchored node reached again through an alias is validated once, at the anchor.
  if (!firstVisit(node, typeText, ctx)) return;
  const type = parseTypeExpr(typeText);
  if (isScalar(node) && (node.value === null || node.value === undefined)) {
    if (ctx.templateParameters && type.kind === 'primitive') checkTemplateParameter(node, type.name, ctx);
    return; // null: accepted by the decoder
  }
  switch (type.kind) {
    case 'primitive':
      if (type.name === 'object') return; // free-form
      if (!isScalar(node)) {
        report(ctx, node, { type: type.name });
        return;
      }
      checkScalar(node, type.name, enumValues, ctx);
      return;
    case 'array': {
      if (!isSeq(node)) {
        // `containers:` / `{{- include "container" . }}` / `ports: …`: the action writes the head of
        // the first item (`- name: web`), and the keys below it are that item's (sweep EP).
        if (isMap(node) && isOpenCollection(node)) return;
        report(ctx, node, { type: 'array' });
        return;
      }
      const itemText = typeTail(typeText, 2);
      const items = node.items;
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        enter(ctx, i, true);
        visitValue(isAlias(item) || isMap(item) || isSeq(item) || isScalar(item) ? item : null, itemText, enumValues, ctx, depth + 1);
        leave(ctx);
      }
      return;
    }
    case 'map': {
      if (!isMap(node)) {
        report(ctx, node, { type: 'object' });
        return;
      }
      const valueText = typeTail(typeText, 5);
      forEachEffectivePair(node, ctx.doc, (keyNode, key, value) => {
        if (!firstVisit(keyNode, typeText, ctx)) return;
        enter(ctx, key, true);
        visitValue(value, valueText, enumValues, ctx, depth + 1);
        leave(ctx);
      });
      return;
    }
    case 'ref':
      if (!isMap(node)) {
        report(ctx, node, { type: jsonKind(type) });
        return;
      }
      visitObject(node, type.name, ctx, depth + 1);
      return;
  }
}

/** `${NAME}` alone, the form `oc process` replaces by the parameter's text (`${{NAME}}` keeps its type). */
const STRING_PARAMETER = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/;

/** An OpenShift Template's `${NAME}` (made unknown, its text kept) where the schema wants a number or a boolean. */
function checkTemplateParameter(node: Node, expected: string, ctx: Ctx): void {
  if (expected !== 'integer' && expected !== 'number' && expected !== 'boolean') return;
  const text = isUnknownValue(node) ? writtenText(node) : undefined;
  const name = text === undefined ? undefined : STRING_PARAMETER.exec(text.trim())?.[1];
  if (name) ctx.problems.push({ kind: 'invalid-value', valueNode: node, path: pathOf(ctx), value: text, expected: { type: expected }, templateParameter: name });
}

function checkScalar(node: ScalarNode, expected: string, enumValues: readonly string[] | undefined, ctx: Ctx): void {
  const mismatch = scalarTypeMismatch(node, expected);
  if (mismatch) {
    ctx.problems.push({ kind: 'invalid-value', valueNode: node, path: pathOf(ctx), value: mismatch.value, expected: { type: expected } });
    return;
  }
  const v = node.value;
  // `512MB`, `1K`: refused when the object is decoded (a template's value is unknown, not wrong).
  if (expected === 'quantity' && typeof v === 'string' && quantityError(v) && !isUnknownValue(node)) {
    ctx.problems.push({ kind: 'invalid-value', valueNode: node, path: pathOf(ctx), value: v, expected: { type: expected } });
    return;
  }
  if (enumValues && typeof v === 'string' && !enumAccepts(enumValues, v) && !(v === '' && DEFAULTED_WHEN_EMPTY.test(pathOf(ctx)))) {
    ctx.problems.push({ kind: 'invalid-value', valueNode: node, path: pathOf(ctx), value: v, expected: { enum: [...enumValues] } });
  }
}
