/**
 * Which patch wrote a rendered field. A strategic merge patch wrote a field when the field's
 * merge-key path exists in the patch; a JSON 6902 operation wrote it when the operation's `path`
 * leads to the field or to one of its parents (then the field is looked up inside `value`).
 * JSON patch indexes refer to the list at the operation's turn; they are replayed through the
 * patch's later operations (json-patch-replay.ts) and read against the rendered resource, which is
 * right unless a later patch reordered the list.
 */
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { follow, mergeKeyPath, pointerTokens, type FieldPath, type Step } from './field-path';
import { finalTokens, readOps } from './json-patch-replay';
import type { PatchRef } from './kustomization';
import { identity, placeOf, type Place, type Sources, type SourceText } from './sources';

/** A parsed patch: strategic merge documents, or JSON 6902 operations. */
interface LoadedPatch {
  readonly ref: PatchRef;
  readonly source: SourceText;
}

function load(ref: PatchRef, sources: Sources): LoadedPatch | undefined {
  const source = ref.file ? sources.file(ref.file) : ref.inline !== undefined ? sources.inlinePatch(ref.kustomization, ref.inline) : undefined;
  return source ? { ref, source } : undefined;
}

function sameStep(a: Step, b: Step): boolean {
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  return a.key === b.key && a.value === b.value;
}

function startsWith(path: FieldPath, prefix: FieldPath): boolean {
  return prefix.length <= path.length && prefix.every((s, i) => sameStep(s, path[i] as Step));
}

/** kustomize's `target.name` is a regular expression, anchored. */
function nameMatches(pattern: string | undefined, name: string | undefined): boolean {
  if (pattern === undefined) return true;
  if (name === undefined) return false;
  try {
    return new RegExp(`^(?:${pattern})$`).test(name);
  } catch {
    return pattern === name;
  }
}

/** The resource a patch is matched against: its kind, name and namespace as its source writes them (before prefixes). */
export interface Resource {
  readonly kind?: string;
  readonly name?: string;
  readonly namespace?: string;
}

/** A namespace a patch names does not match a resource in another one (one with none: the build's). */
const sameNamespace = (wanted: string | undefined, resource: Resource): boolean => wanted === undefined || resource.namespace === undefined || wanted === resource.namespace;

function targets(ref: PatchRef, doc: Document | undefined, resource: Resource): boolean {
  if (ref.target && (ref.target.kind !== undefined || ref.target.name !== undefined || ref.target.namespace !== undefined)) {
    return (ref.target.kind === undefined || ref.target.kind === resource.kind) && nameMatches(ref.target.name, resource.name) && sameNamespace(ref.target.namespace, resource);
  }
  const own = doc ? identity(doc) : {};
  return own.kind === resource.kind && own.name === resource.name && sameNamespace(own.namespace, resource);
}

/** A JSON patch path's tokens (in the rendered resource's indexes) as merge-key steps. */
function operationSteps(tokens: readonly string[], rendered: Node | null | undefined): Step[] {
  const raw: (string | number)[] = [];
  let node: unknown = rendered;
  for (const token of tokens) {
    if (isSeq(node)) {
      const index = token === '-' ? node.items.length - 1 : Number(token);
      raw.push(Number.isInteger(index) ? index : token);
      node = node.items[index];
    } else {
      raw.push(token);
      node = isMap(node) ? node.get(token, true) : undefined;
    }
  }
  return mergeKeyPath(rendered, raw);
}

/**
 * Where an operation list (JSON 6902) wrote the path, if it did (the last operation wins). Each
 * operation's indexes are replayed through the later ones (json-patch-replay.ts).
 */
function jsonWriter(source: SourceText, ops: Node, path: FieldPath, rendered: Node | null | undefined): Place | undefined {
  if (!isSeq(ops)) return undefined;
  const read = readOps(ops.items);
  for (let k = ops.items.length - 1; k >= 0; k--) {
    const op = ops.items[k];
    if (!isMap(op)) continue;
    const kind = op.get('op');
    const pointerNode = op.get('path', true);
    if (!isScalar(pointerNode) || typeof pointerNode.value !== 'string' || !['add', 'replace', 'copy', 'move'].includes(String(kind))) continue;
    const tokens = finalTokens(read, k, rendered);
    if (!tokens) continue;
    const steps = operationSteps(tokens, rendered);
    if (!startsWith(path, steps)) continue;
    const value = op.get('value', true) as Node | undefined;
    const inside = value ? follow(value, path.slice(steps.length)) : undefined;
    return placeOf(source, inside?.node ?? (kind === 'add' || kind === 'replace' ? value ?? pointerNode : pointerNode));
  }
  return undefined;
}

/** Where a strategic merge document wrote the path, if it did. */
function mergeWriter(source: SourceText, doc: Document, path: FieldPath, onKey: boolean): Place | undefined {
  const reached = follow(doc.contents, path);
  if (!reached) return undefined;
  const node = onKey && reached.pair ? (reached.pair.key as Node) : reached.node;
  return placeOf(source, node);
}

/** The patches of a kustomization tree that apply to a resource, last applied first. */
export function patchesFor(patches: readonly PatchRef[], resource: Resource, sources: Sources): { patch: LoadedPatch; doc: Document }[] {
  const out: { patch: LoadedPatch; doc: Document }[] = [];
  for (const ref of patches) {
    const patch = load(ref, sources);
    if (!patch) continue;
    for (const doc of patch.source.docs) if (targets(ref, isSeq(doc.contents) ? undefined : doc, resource)) out.push({ patch, doc });
  }
  return out;
}

/** The patch location that wrote a rendered field (merge-key `path`), or undefined. */
export function patchWriter(applied: readonly { patch: LoadedPatch; doc: Document }[], path: FieldPath, onKey: boolean, rendered: Node | null | undefined): Place | undefined {
  for (const { patch, doc } of applied) {
    const place = isSeq(doc.contents) ? jsonWriter(patch.source, doc.contents, path, rendered) : mergeWriter(patch.source, doc, path, onKey);
    if (place) return place;
  }
  return undefined;
}

/**
 * Where each applied patch touches the pod at `podPath` (a prefix such as spec.template.spec):
 * shown beside a finding on the base, since the patch may be what broke it.
 */
export function patchTouches(applied: readonly { patch: LoadedPatch; doc: Document }[], podPath: FieldPath, rendered: Node | null | undefined): Place[] {
  const out: Place[] = [];
  for (const { patch, doc } of applied) {
    if (isSeq(doc.contents)) {
      for (const op of doc.contents.items) {
        const pointer = isMap(op) ? op.get('path', true) : undefined;
        if (!isScalar(pointer) || typeof pointer.value !== 'string') continue;
        if (startsWith(operationSteps(pointerTokens(pointer.value), rendered), podPath)) out.push(placeOf(patch.source, pointer));
      }
    } else {
      const reached = follow(doc.contents, podPath);
      if (reached) out.push(placeOf(patch.source, reached.pair?.key ? (reached.pair.key as Node) : reached.node));
    }
  }
  return out;
}

/**
 * The name a rendered resource had in its source, when a JSON 6902 patch renamed it (`replace
 * /metadata/name`): the patch's `target.name`. The rendered name holds the new name, with any
 * prefix and suffix around it. Undefined when no patch of the tree renamed a resource of this kind so.
 */
export function renamedFrom(patches: readonly PatchRef[], kind: string | undefined, renderedName: string | undefined, sources: Sources): string | undefined {
  if (renderedName === undefined) return undefined;
  for (const ref of patches) {
    const target = ref.target;
    if (!target?.name || (target.kind !== undefined && target.kind !== kind)) continue;
    const patch = load(ref, sources);
    for (const doc of patch?.source.docs ?? []) {
      if (!isSeq(doc.contents)) continue;
      for (const op of doc.contents.items) {
        if (!isMap(op) || (op.get('path') as unknown) !== '/metadata/name' || !['replace', 'add'].includes(String(op.get('op')))) continue;
        const value = op.get('value');
        if (typeof value === 'string' && value !== '' && renderedName.includes(value)) return target.name;
      }
    }
  }
  return undefined;
}
