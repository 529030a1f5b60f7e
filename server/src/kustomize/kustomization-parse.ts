/**
 * A kustomization's text parsed with `yaml` once per thread, however many readers ask. One
 * `podsight check` over a repository reads each kustomization many times: the fragment check of
 * every folder below it, every overlay tree that shares it as a base, the render batching, the
 * kustomize bases and generators of the files beside it. Each used to parse it again (~0.8 s of
 * the main thread over 300 kustomizations).
 *
 * The parse is kept by path together with the text it was made from, and given back only for that
 * same text: a reader that gets another text (the language server after a save, an editor's
 * unsaved version) gets a new parse, never a stale one. The value is frozen, because every reader
 * now shares it.
 */
import { resolve } from 'node:path';
import { parse } from 'yaml';

/** What `parse` gave for a text: its value; undefined when it threw (a syntax error, several documents...). */
export type ParsedKustomization = { readonly value: unknown } | undefined;

/** Bounds the memory a long-lived language server spends on kustomizations it saw once. */
const MAX_ENTRIES = 4096;

const byPath = new Map<string, { readonly text: string; readonly parsed: ParsedKustomization }>();

/** Frozen in place (plain objects and arrays: what a kustomization reader walks); aliases share values, so each is visited once. */
function freeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  if (!Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype) return;
  Object.freeze(value);
  for (const v of Object.values(value)) freeze(v);
}

/** `yaml.parse(text)` for the kustomization at `path`, from this thread's memo when it already parsed this text there. */
export function parseKustomization(path: string, text: string): ParsedKustomization {
  // Absolute: the CLI names the folders of a run as the user gave them (relative) in some places, resolved in others.
  const key = resolve(path);
  const hit = byPath.get(key);
  if (hit?.text === text) return hit.parsed;
  let parsed: ParsedKustomization;
  try {
    // kustomize reads a key written twice as its last value (its strict decoding was reverted, kustomize#5073).
    const value: unknown = parse(text, { uniqueKeys: false });
    freeze(value);
    parsed = { value };
  } catch {
    parsed = undefined;
  }
  if (byPath.size >= MAX_ENTRIES && !hit) byPath.clear();
  byPath.set(key, { text, parsed });
  return parsed;
}

/** The kustomization's top-level mapping, or undefined when the text is not one. */
export function kustomizationMapping(path: string, text: string): Readonly<Record<string, unknown>> | undefined {
  const value = parseKustomization(path, text)?.value;
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
