/**
 * Fragments: files that hold part of an object, not a whole one. A kustomize patch (listed by a
 * `kustomization.yaml` up the tree under `patches`, `patchesStrategicMerge` or
 * `patchesJson6902`) and a test-assertion file (kuttl `00-assert.yaml`/`00-errors.yaml`,
 * Chainsaw `*-assert.yaml`/`*-error.yaml`) list only the fields they change or compare. In a
 * fragment only what it determines itself is checked (see `PodModel.partial`); a document with a
 * strategic-merge `$patch` is one too (findings.ts).
 *
 * Pure apart from the `readText` callback the caller gives (the CLI and the server read the disk).
 * Kustomize overlay rendering builds on `kustomizationsListing`.
 */
import { basename, dirname, join, resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { parseKustomization } from '../kustomize/kustomization-parse';

/**
 * `kustomize-patch-retyped`: a patch of a kustomization whose JSON patches replace `/kind` (a
 * Deployment made a StatefulSet): the patched object's kind, so its schema, is not the one written.
 */
export type FragmentKind = 'kustomize-patch' | 'kustomize-patch-retyped' | 'test-assertion';

/** Reads a file's text, or undefined when it does not exist or cannot be read. */
export type ReadText = (path: string) => string | undefined;

const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
/** How far up the tree a kustomization may list a patch (`../../patches/x.yaml` is rare beyond). */
const MAX_LEVELS = 4;

/**
 * kuttl: `00-assert.yaml`, `01-errors.yaml`; Chainsaw and others: `*-assert.yaml`, `*-error(s).yaml`,
 * `assert.yaml`; a name that ends in "assert" (`04-debugassert.yaml`, Kyverno's tests).
 */
const TEST_ASSERTION = /(?:(?:^|[-_.])(?:errors?)|assert|asserts)\.ya?ml$/i;

export function isTestAssertionName(path: string): boolean {
  return TEST_ASSERTION.test(basename(path));
}

/** The patch files a kustomization lists (absolute paths), from its text. */
export function patchesListed(kustomizationText: string, dir: string): string[] {
  let doc: unknown;
  try {
    // As kustomize reads it: a key written twice has its last value.
    doc = parse(kustomizationText, { uniqueKeys: false });
  } catch {
    return [];
  }
  return patchesIn(doc, dir);
}

/** The patch files listed in a kustomization's parsed value, resolved against its folder. */
function patchesIn(doc: unknown, dir: string): string[] {
  if (!doc || typeof doc !== 'object') return [];
  const k = doc as Record<string, unknown>;
  const paths: string[] = [];
  const add = (p: unknown): void => {
    // An inline patch (a YAML string holding newlines) is not a file.
    if (typeof p === 'string' && p !== '' && !p.includes('\n')) paths.push(resolve(dir, p));
  };
  for (const key of ['patches', 'patchesJson6902']) {
    const list = k[key];
    if (Array.isArray(list)) for (const entry of list) add(typeof entry === 'string' ? entry : (entry as { path?: unknown } | null)?.path);
  }
  if (Array.isArray(k.patchesStrategicMerge)) for (const entry of k.patchesStrategicMerge) add(entry);
  return paths;
}

/**
 * Whether a kustomization's text may list patches. Each key `patchesIn` reads holds "patches", and a
 * key's text differs from what is written only through a backslash escape of a double-quoted
 * scalar (plain and single-quoted scalars are literal; folding turns a line break into a space;
 * merged keys are written out at their anchor). Most kustomizations (bases) list no patches and
 * need no parse to say so.
 */
const mayListPatches = (text: string): boolean => text.includes('patches') || text.includes('transformers') || text.includes('\\');

/** A JSON patch operation on `/kind` (YAML or JSON), which changes what the patched object is. */
const KIND_OPERATION = /\bpath["']?\s*:\s*["']?\/kind["']?\s*(?:[,}\r\n]|$)/m;

/** Whether a kustomization's JSON patches (inline, or in files it names) replace an object's kind. */
function retypes(doc: unknown, dir: string, readText: ReadText): boolean {
  if (!doc || typeof doc !== 'object') return false;
  const k = doc as Record<string, unknown>;
  for (const key of ['patches', 'patchesJson6902']) {
    const list = k[key];
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const e = (entry ?? {}) as { path?: unknown; patch?: unknown };
      const text = typeof e.patch === 'string' ? e.patch : typeof e.path === 'string' ? readText(resolve(dir, e.path)) : undefined;
      if (text !== undefined && KIND_OPERATION.test(text)) return true;
    }
  }
  return false;
}

/** A builtin patch transformer's kind (`transformers:` may list its configuration instead of `patches:`). */
const PATCH_TRANSFORMER = /^Patch(?:StrategicMerge|Json6902)?Transformer$/;

/**
 * The patch files a kustomization applies through builtin patch transformers it lists under
 * `transformers` (a file, or inline text): their `paths` and `path`, relative to the kustomization.
 */
function transformerPatches(doc: unknown, dir: string, readText: ReadText): string[] {
  const list = doc && typeof doc === 'object' ? (doc as Record<string, unknown>).transformers : undefined;
  if (!Array.isArray(list)) return [];
  const out: string[] = [];
  for (const entry of list) {
    if (typeof entry !== 'string') continue;
    const text = entry.includes('\n') ? entry : readText(resolve(dir, entry));
    if (text === undefined) continue;
    for (const config of parseAllDocuments(text)) {
      const t = config.errors.length === 0 ? (config.toJS() as Record<string, unknown> | null) : null;
      if (!t || typeof t.kind !== 'string' || !PATCH_TRANSFORMER.test(t.kind)) continue;
      for (const p of [...(Array.isArray(t.paths) ? t.paths : []), t.path]) if (typeof p === 'string' && p !== '' && !p.includes('\n')) out.push(resolve(dir, p));
    }
  }
  return out;
}

interface Listed {
  readonly patches: readonly string[];
  readonly retypes: boolean;
}

/**
 * `patchesListed` for the kustomization at `path`: parsed once per text (kustomization-parse.ts)
 * and resolved once per parse, since every folder below a kustomization asks for its list.
 */
const listedByParse = new WeakMap<object, Listed & { readonly dir: string }>();
const NOTHING_LISTED: Listed = { patches: [], retypes: false };
function patchesListedAt(path: string, text: string, dir: string, readText: ReadText): Listed {
  if (!mayListPatches(text)) return NOTHING_LISTED;
  const parsed = parseKustomization(path, text);
  if (!parsed) return NOTHING_LISTED;
  const hit = listedByParse.get(parsed);
  if (hit?.dir === dir) return hit;
  const patches = [...patchesIn(parsed.value, dir), ...transformerPatches(parsed.value, dir, readText)];
  const listed = { dir, patches, retypes: patches.length > 0 && retypes(parsed.value, dir, readText) };
  listedByParse.set(parsed, listed);
  return listed;
}

/** The kustomizations in `dir` and the folders above it, each with the patch files it lists. */
export function kustomizationsListing(file: string, readText: ReadText): ({ kustomization: string } & Listed)[] {
  const out: ({ kustomization: string } & Listed)[] = [];
  let dir = dirname(resolve(file));
  for (let level = 0; level <= MAX_LEVELS; level++) {
    for (const name of KUSTOMIZATION_FILES) {
      const path = join(dir, name);
      const text = readText(path);
      if (text !== undefined) out.push({ kustomization: path, ...patchesListedAt(path, text, dir, readText) });
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return out;
}

/** Whether a file is a fragment, and which kind. */
export function fragmentKindOf(file: string, readText: ReadText): FragmentKind | undefined {
  if (isTestAssertionName(file)) return 'test-assertion';
  const target = resolve(file);
  const listing = kustomizationsListing(file, readText).filter((k) => k.patches.includes(target));
  if (listing.length === 0) return undefined;
  return listing.some((k) => k.retypes) ? 'kustomize-patch-retyped' : 'kustomize-patch';
}

/**
 * Whether a kustomization in the file's folder or one above lists it under `resources`: a base,
 * which an overlay may patch before it is applied (an image left out on purpose, "set by kustomize").
 */
export function isKustomizeResource(file: string, readText: ReadText): boolean {
  const target = resolve(file);
  let dir = dirname(target);
  for (let level = 0; level <= MAX_LEVELS; level++) {
    const here = dir;
    const lists = KUSTOMIZATION_FILES.some((name) => {
      const path = join(here, name);
      const text = readText(path);
      const resources = text === undefined ? undefined : (parseKustomization(path, text)?.value as { resources?: unknown } | null | undefined)?.resources;
      return Array.isArray(resources) && resources.some((r) => typeof r === 'string' && resolve(here, r) === target);
    });
    if (lists) return true;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return false;
}

/** A `readText` that remembers what it read (one CLI run reads each kustomization once). */
export function cachedReader(read: ReadText): ReadText {
  const cache = new Map<string, string | undefined>();
  return (path) => {
    if (!cache.has(path)) cache.set(path, read(path));
    return cache.get(path);
  };
}
