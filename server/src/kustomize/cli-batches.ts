/**
 * The CLI's renders grouped: overlays that cannot affect each other go into one kustomize process
 * (render-batch.ts), the others are rendered alone. When a group fails, the overlay kustomize's
 * error names is rendered alone (so it gets kustomize's own message about it, as without
 * batches) and the others together again; when no overlay is named, the group is rendered
 * again in two halves, down to single overlays.
 */
import { parseAllDocuments } from 'yaml';
import { splitChunks } from '../core/parse';
import { quickParseOrNothing } from '../core/quick-parse';
import type { ReadText } from './kustomization';
import { render, type RenderOptions, type RenderResult } from './render';
import { batchable, renderTogether } from './render-batch';
import type { Overlay } from './workspace-overlays';

/** At most this many overlays in one kustomize process: its output is held whole until split. */
const MAX_BATCH = 40;

/**
 * What an overlay could meet in another one's render. At the top of a build kustomize fixes the
 * references to every renamed resource it holds (a `serviceName: web` left as is in one overlay
 * would follow another overlay's `web` renamed `prod-web`). A reference is a whole field value: a
 * word of the overlay's files (its own render leaves some as written) or a name its render gave.
 * A name a render can give, or hold as a previous name, is one of its files' names with some of
 * its prefixes before it (`namePrefix` at each level) and some of its suffixes after it
 * (`nameSuffix`, and the dash of a generator's hash); a JSON patch that sets `/metadata/name` adds
 * its value to the names. So two overlays go together only when no
 * word of one overlay's files can be such a name of the other: a superset of every reference
 * either could hold. (Words, not substrings: `app-1` is not in `app-10`; and not a shared
 * `namePrefix` alone, which every overlay of one environment has.)
 */
interface Footprint {
  readonly names: readonly string[];
  readonly prefixes: readonly string[];
  readonly suffixes: readonly string[];
  readonly text: string;
}

type FileNames = Map<string, Footprint | undefined>;

const namesOfGenerators = (list: unknown): string[] =>
  (Array.isArray(list) ? list : []).map((g) => (g as Record<string, unknown> | null)?.name).filter((v): v is string => typeof v === 'string' && v !== '');

/** Options for the quick parser that read as `parseAllDocuments` does by default. */
const DEFAULT_YAML = {};

/**
 * The documents of a file as plain values, as `yaml`'s `parseAllDocuments` + `toJS` give them:
 * each document by the quick parser when it can (several times faster: grouping reads every
 * file of every overlay), else by `yaml`.
 */
export function valuesOf(text: string): unknown[] {
  const values: unknown[] = [];
  for (const chunk of splitChunks(text)) {
    const quick = quickParseOrNothing(chunk.text, DEFAULT_YAML);
    for (const doc of quick ? [quick] : parseAllDocuments(chunk.text)) values.push(doc.toJS({ maxAliasCount: 100 }));
  }
  return values;
}

/**
 * The names one file gives, read once per grouping (overlays share their bases); undefined when
 * unreadable, or when a name it gives cannot be read (a JSON patch copying or moving a value into
 * `/metadata/name`): that overlay renders alone.
 */
function namesIn(file: string, isKustomization: boolean, read: ReadText, known: FileNames): Footprint | undefined {
  const key = `${isKustomization ? 'k' : 'r'}\u0000${file}`;
  if (known.has(key)) return known.get(key);
  let text: string;
  try {
    text = read(file);
  } catch {
    known.set(key, undefined);
    return undefined;
  }
  const names: string[] = [];
  const prefixes: string[] = [];
  const suffixes: string[] = [];
  let unread = false;
  // A JSON patch that sets `/metadata/name` renames a resource; its new name is one the overlay
  // gives on the way to its prefixes (patches go before them). A copy or move there: not readable.
  const renames = (ops: unknown): void => {
    for (const op of Array.isArray(ops) ? ops : []) {
      const { op: kind, path, value } = (op ?? {}) as Record<string, unknown>;
      if (path !== '/metadata/name') continue;
      if ((kind === 'replace' || kind === 'add') && typeof value === 'string') names.push(value);
      else if (kind !== 'remove' && kind !== 'test') unread = true;
    }
  };
  let values: unknown[];
  try {
    values = valuesOf(text);
  } catch {
    // (too many aliases for `toJS`): read nothing from it, the overlay renders alone
    known.set(key, undefined);
    return undefined;
  }
  for (const raw of values) {
    renames(raw);
    const value = raw as Record<string, unknown> | null;
    if (!value || typeof value !== 'object') continue;
    const meta = value.metadata as Record<string, unknown> | undefined;
    if (typeof meta?.name === 'string') names.push(meta.name);
    if (!isKustomization) continue;
    if (typeof value.namePrefix === 'string' && value.namePrefix !== '') prefixes.push(value.namePrefix);
    if (typeof value.nameSuffix === 'string' && value.nameSuffix !== '') suffixes.push(value.nameSuffix);
    const generated = [...namesOfGenerators(value.configMapGenerator), ...namesOfGenerators(value.secretGenerator)];
    names.push(...generated);
    if (generated.length > 0) suffixes.push('-');
    for (const key of ['patches', 'patchesJson6902']) {
      for (const entry of Array.isArray(value[key]) ? (value[key] as unknown[]) : []) {
        const inline = (entry as Record<string, unknown> | null)?.patch;
        if (typeof inline !== 'string') continue;
        try {
          valuesOf(inline).forEach(renames);
        } catch {
          unread = true;
        }
      }
    }
  }
  if (unread) {
    known.set(key, undefined);
    return undefined;
  }
  const found = { names, prefixes, suffixes, text };
  known.set(key, found);
  return found;
}

function footprintOf(overlay: Overlay, read: ReadText, known: FileNames): Footprint | undefined {
  const names = new Set<string>();
  const prefixes = new Set<string>();
  const suffixes = new Set<string>();
  const texts: string[] = [];
  for (const file of overlay.files) {
    const found = namesIn(file, overlay.tree.some((k) => k.file === file), read, known);
    if (!found) return undefined;
    texts.push(found.text);
    found.names.forEach((n) => n !== '' && names.add(n));
    found.prefixes.forEach((p) => prefixes.add(p));
    found.suffixes.forEach((s) => suffixes.add(s));
  }
  return { names: [...names], prefixes: [...prefixes], suffixes: [...suffixes], text: texts.join('\n') };
}

/** A character a name can hold: the word around an occurrence runs over them. */
const WORD = /[A-Za-z0-9_.\-]/;

/** Whether a word of `text` could be one of the names `print` gives: one of its names, with its prefixes before and suffixes after. */
export function mentionsAName(text: string, print: Pick<Footprint, 'names' | 'prefixes' | 'suffixes'>): boolean {
  for (const name of print.names) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      const end = at + name.length;
      // A word character beside the name: the word is longer, and only a prefix or suffix of this overlay makes it one of its names.
      const prefixed = at === 0 || !WORD.test(text[at - 1] as string) || print.prefixes.some((p) => at >= p.length && text.startsWith(p, at - p.length));
      const suffixed = end === text.length || !WORD.test(text[end] as string) || print.suffixes.some((s) => text.startsWith(s, end));
      if (prefixed && suffixed) return true;
    }
  }
  return false;
}

const meets = (a: Footprint, b: Footprint): boolean => mentionsAName(b.text, a) || mentionsAName(a.text, b);

/**
 * Indexes of the overlays, in groups rendered together: each group's overlays share no file and
 * no name. Groups are sized so that `lanes` kustomize processes have about the same work.
 */
export function batchesOf(overlays: readonly Overlay[], read: ReadText, lanes: number): number[][] {
  const known: FileNames = new Map();
  const prints = overlays.map((o) => (batchable(o.tree, read) ? footprintOf(o, read, known) : undefined));
  const size = Math.max(1, Math.min(MAX_BATCH, Math.ceil(prints.filter(Boolean).length / Math.max(1, lanes))));
  const groups: { indexes: number[]; files: Set<string>; prints: Footprint[] }[] = [];
  const alone: number[][] = [];
  overlays.forEach((overlay, index) => {
    const print = prints[index];
    if (!print) return void alone.push([index]);
    const fits = (g: (typeof groups)[number]): boolean => g.indexes.length < size && ![...overlay.files].some((f) => g.files.has(f)) && !g.prints.some((p) => meets(p, print));
    let group = groups.find(fits);
    if (!group) {
      group = { indexes: [], files: new Set(), prints: [] };
      groups.push(group);
    }
    group.indexes.push(index);
    group.prints.push(print);
    overlay.files.forEach((f) => group?.files.add(f));
  });
  return [...groups.map((g) => g.indexes), ...alone];
}

/** What each overlay's own render gives, rendering the group in one process when it can. */
export async function renderGroup(overlays: readonly Overlay[], options: RenderOptions): Promise<RenderResult[]> {
  if (overlays.length === 1) return [await render((overlays[0] as Overlay).dir, options)];
  const together = await renderTogether(overlays.map((o) => o.tree), options);
  if (Array.isArray(together)) return together;
  const culprit = together.culprit;
  if (culprit !== undefined) {
    const alone = await render((overlays[culprit] as Overlay).dir, options);
    const others = await renderGroup([...overlays.slice(0, culprit), ...overlays.slice(culprit + 1)], options);
    return [...others.slice(0, culprit), alone, ...others.slice(culprit)];
  }
  const half = Math.ceil(overlays.length / 2);
  return [...(await renderGroup(overlays.slice(0, half), options)), ...(await renderGroup(overlays.slice(half), options))];
}
